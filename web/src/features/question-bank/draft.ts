// The editor's working copy of a question. It keeps every type's key at once, so switching the
// type back and forth loses nothing, and turns into the core model for validation and saving.
import {
  LANGUAGES,
  listImageRefs,
  type AssertionReasonOptionId,
  type Classification,
  type Difficulty,
  type NumericalKey,
  type NumericalRounding,
  type OptionSpec,
  type Question,
  type QuestionContent,
  type QuestionType,
} from '@examtech/core';
import { emptySyllabusPath, type SyllabusPath } from '../syllabus/SyllabusSelects';
import type { EditorLanguage } from './labels';

export type ChoiceList = 'options' | 'rows' | 'columns';

export interface ContentDraft {
  stem: string;
  /** Texts aligned by index with the draft's option, row and column ids. */
  options: string[];
  rows: string[];
  columns: string[];
  assertion: string;
  reason: string;
  solution: string;
}

export interface QuestionDraft {
  type: QuestionType;
  /** Subject and chapter are kept while the teacher is still choosing the topic. */
  topic: SyllabusPath;
  difficulty: Difficulty;
  tags: string[];
  source: string;
  groupId: string;
  languages: EditorLanguage[];
  options: OptionSpec[];
  rows: string[];
  columns: string[];
  allowMultiplePerRow: boolean;
  content: Record<EditorLanguage, ContentDraft>;
  singleKey: string | null;
  multiKey: string[];
  numericalKey: { kind: NumericalKey['kind']; value: string; tolerance: string; min: string; max: string };
  format: { integerOnly: boolean; decimals: number | ''; rounding: NumericalRounding };
  matrixKey: Record<string, string[]>;
  arKey: AssertionReasonOptionId | null;
  titaKey: { accepted: string[]; compare: 'text' | 'number' };
}

const emptyContent = (choices: number): ContentDraft => ({
  stem: '',
  options: Array<string>(choices).fill(''),
  rows: ['', '', '', ''],
  columns: ['', '', '', ''],
  assertion: '',
  reason: '',
  solution: '',
});

export function createDraft(): QuestionDraft {
  return {
    type: 'mcq_single',
    topic: emptySyllabusPath,
    difficulty: 'medium',
    tags: [],
    source: '',
    groupId: '',
    languages: [...LANGUAGES],
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
    rows: ['p', 'q', 'r', 's'],
    columns: ['1', '2', '3', '4'],
    allowMultiplePerRow: false,
    content: { en: emptyContent(4), hi: emptyContent(4) },
    singleKey: null,
    multiKey: [],
    numericalKey: { kind: 'exact', value: '', tolerance: '', min: '', max: '' },
    format: { integerOnly: false, decimals: '', rounding: 'round' },
    matrixKey: {},
    arKey: null,
    titaKey: { accepted: [], compare: 'text' },
  };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text);

function toContent(draft: QuestionDraft, language: EditorLanguage): QuestionContent {
  const text = draft.content[language];
  const pair = (ids: string[], texts: string[]) => ids.map((id, index) => ({ id, text: texts[index] ?? '' }));
  const solution = optional(text.solution);
  const common = { stem: text.stem, ...(solution === undefined ? {} : { solution }) };
  switch (draft.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return {
        ...common,
        options: pair(
          draft.options.map((option) => option.id),
          text.options,
        ),
      };
    case 'matrix_match':
      return { ...common, rows: pair(draft.rows, text.rows), columns: pair(draft.columns, text.columns) };
    case 'assertion_reason':
      return { ...common, assertion: text.assertion, reason: text.reason };
    case 'numerical':
    case 'tita':
      return common;
  }
}

function toNumericalKey(key: QuestionDraft['numericalKey']): NumericalKey {
  switch (key.kind) {
    case 'exact':
      return { kind: 'exact', value: key.value.trim() };
    case 'tolerance':
      return { kind: 'tolerance', value: key.value.trim(), tolerance: key.tolerance.trim() };
    case 'range':
      return { kind: 'range', min: key.min.trim(), max: key.max.trim() };
  }
}

/** The core model of the draft, for validation and (minus id and classification) for saving. */
export function toQuestion(draft: QuestionDraft, classification: Classification): Question {
  const content = Object.fromEntries(
    draft.languages.map((language) => [language, toContent(draft, language)]),
  );
  const imageIds = new Set(
    Object.values(content).flatMap((item) =>
      [
        item.stem,
        item.assertion,
        item.reason,
        item.solution,
        ...[item.options, item.rows, item.columns].flatMap((list) =>
          (list ?? []).map((choice) => choice.text),
        ),
      ].flatMap((markdown) => listImageRefs(markdown ?? '')),
    ),
  );
  const common = {
    id: 'draft',
    classification,
    difficulty: draft.difficulty,
    tags: draft.tags,
    content,
    ...(optional(draft.source) === undefined ? {} : { source: draft.source.trim() }),
    ...(optional(draft.groupId) === undefined ? {} : { groupId: draft.groupId.trim() }),
    ...(imageIds.size > 0 ? { images: [...imageIds].map((id) => ({ id })) } : {}),
  };
  const options = draft.options.map((option) =>
    option.fixed ? { id: option.id, fixed: true } : { id: option.id },
  );
  switch (draft.type) {
    case 'mcq_single':
      return { ...common, type: 'mcq_single', options, key: { optionId: draft.singleKey ?? '' } };
    case 'mcq_multi':
      return { ...common, type: 'mcq_multi', options, key: { optionIds: draft.multiKey } };
    case 'numerical': {
      const { integerOnly, decimals, rounding } = draft.format;
      const format = {
        ...(integerOnly ? { integerOnly } : {}),
        ...(decimals === '' ? {} : { decimals, rounding }),
      };
      return { ...common, type: 'numerical', format, key: toNumericalKey(draft.numericalKey) };
    }
    case 'matrix_match': {
      const matches = Object.fromEntries(draft.rows.map((row) => [row, draft.matrixKey[row] ?? []]));
      const { rows, columns, allowMultiplePerRow } = draft;
      return {
        ...common,
        type: 'matrix_match',
        rows: rows.map((id) => ({ id })),
        columns: columns.map((id) => ({ id })),
        allowMultiplePerRow,
        key: { matches },
      };
    }
    case 'assertion_reason':
      return {
        ...common,
        type: 'assertion_reason',
        key: { optionId: draft.arKey ?? ('' as AssertionReasonOptionId) },
      };
    case 'tita':
      return {
        ...common,
        type: 'tita',
        key: { accepted: draft.titaKey.accepted, compare: draft.titaKey.compare },
      };
  }
}

/** A draft holding a saved question, e.g. to edit it or to start a copy. */
export function fromQuestion(question: Question, topic: SyllabusPath): QuestionDraft {
  const draft = createDraft();
  const languages = draft.languages.filter((language) => question.content[language] !== undefined);
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((item) => item.id);
  const next: QuestionDraft = {
    ...draft,
    type: question.type,
    topic,
    difficulty: question.difficulty,
    tags: [...question.tags],
    source: question.source ?? '',
    groupId: question.groupId ?? '',
    languages: languages.length > 0 ? languages : ['en'],
  };
  if (question.type === 'mcq_single' || question.type === 'mcq_multi')
    next.options = question.options.map((option) => ({ ...option }));
  if (question.type === 'matrix_match') {
    next.rows = ids(question.rows);
    next.columns = ids(question.columns);
    next.allowMultiplePerRow = question.allowMultiplePerRow;
    next.matrixKey = Object.fromEntries(
      Object.entries(question.key.matches).map(([row, columns]) => [row, [...columns]]),
    );
  }
  for (const language of next.languages) {
    const text = question.content[language];
    const texts = (list: readonly { text: string }[] | undefined, size: number) =>
      list ? list.map((item) => item.text) : Array<string>(size).fill('');
    next.content[language] = {
      stem: text?.stem ?? '',
      options: texts(text?.options, next.options.length),
      rows: texts(text?.rows, next.rows.length),
      columns: texts(text?.columns, next.columns.length),
      assertion: text?.assertion ?? '',
      reason: text?.reason ?? '',
      solution: text?.solution ?? '',
    };
  }
  switch (question.type) {
    case 'mcq_single':
      next.singleKey = question.key.optionId;
      break;
    case 'mcq_multi':
      next.multiKey = [...question.key.optionIds];
      break;
    case 'numerical': {
      const key = question.key;
      next.numericalKey = {
        kind: key.kind,
        value: 'value' in key ? String(key.value) : '',
        tolerance: key.kind === 'tolerance' ? String(key.tolerance) : '',
        min: key.kind === 'range' ? String(key.min) : '',
        max: key.kind === 'range' ? String(key.max) : '',
      };
      next.format = {
        integerOnly: question.format.integerOnly ?? false,
        decimals: question.format.decimals ?? '',
        rounding: question.format.rounding ?? 'round',
      };
      break;
    }
    case 'assertion_reason':
      next.arKey = question.key.optionId;
      break;
    case 'tita':
      next.titaKey = { accepted: [...question.key.accepted], compare: question.key.compare };
      break;
    case 'matrix_match':
      break;
  }
  return next;
}
