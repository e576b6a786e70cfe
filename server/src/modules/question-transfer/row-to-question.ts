/**
 * One spreadsheet row -> one core Question, with every problem reported against the row and the
 * spreadsheet column a teacher has to fix. Shape problems are found here; meaning is checked by
 * the core's `validateQuestion`, whose issue paths are translated back to column names.
 */
import {
  QUESTION_TYPES,
  validateQuestion,
  type LocalizedChoice,
  type NumericalFormat,
  type Question,
  type QuestionContent,
  type QuestionType,
  type TitaKey,
} from '@examtech/core';
import {
  parseAssertionReasonAnswer,
  parseMatrixAnswer,
  parseMultiAnswer,
  parseNumericalAnswer,
  parseSingleAnswer,
  parseTitaAnswer,
  type Parsed,
} from './answer-notation.js';
import { parseYesNo, splitList } from './cell-text.js';
import { rewriteImageTargets, type ImageResolver } from './image-refs.js';
import { columnForIssue, messageForIssue } from './issue-columns.js';
import {
  choiceColumn,
  COMMON_COLUMNS,
  textColumn,
  TYPE_COLUMNS,
  type ChoiceField,
  type TextField,
} from './question-columns.js';
import { readCell, type RowError, type SheetLayout, type SheetRow } from './sheet-layout.js';

export type MappedRow = { rowNumber: number; question: Question | null; errors: RowError[] };

const COMMON_PLAIN = new Set<string>([...COMMON_COLUMNS, 'answer']);
/** Stands in for an answer that could not be read; never stored (the row has an error). */
const STAND_IN_KEY: TitaKey = { accepted: ['?'], compare: 'text' };
const ROUNDING_MODES = ['round', 'truncate', 'truncate_or_round'] as const;

function typeColumnsOf(type: QuestionType): ReadonlySet<string> {
  return new Set(TYPE_COLUMNS[type]);
}

export function mapRowToQuestion(layout: SheetLayout, row: SheetRow, resolveImage: ImageResolver): MappedRow {
  const errors: RowError[] = [];
  const fail = (column: string, message: string) => errors.push({ row: row.rowNumber, column, message });
  for (const problem of row.problems ?? []) fail(layout.names[problem.index] ?? 'type', problem.message);
  const cell = (name: string) => readCell(layout, row, name);

  const typeText = cell('type').toLowerCase();
  const type = (QUESTION_TYPES as readonly string[]).includes(typeText) ? (typeText as QuestionType) : null;
  if (!type) {
    fail(
      'type',
      typeText === ''
        ? `Type is required: one of ${QUESTION_TYPES.join(', ')}.`
        : `Unknown type "${cell('type')}". Use one of ${QUESTION_TYPES.join(', ')}.`,
    );
  }
  // Without a known type only what every question has is checked (text, answer, classification):
  // the columns of the type the teacher meant are not known.
  const allowed = type ? typeColumnsOf(type) : new Set<string>();

  // Text in a column this type does not use would be silently lost: report it instead.
  layout.specs.forEach((spec, index) => {
    if (!type || !spec || (row.values[index] ?? '').trim() === '') return;
    const category = spec.kind === 'plain' ? spec.name : spec.kind === 'choice' ? spec.field : spec.field;
    if (COMMON_PLAIN.has(category) || category === 'stem' || category === 'solution' || allowed.has(category))
      return;
    fail(layout.names[index] ?? category, `A ${type} question does not use this column; leave it empty.`);
  });

  const readText = (name: string): string =>
    rewriteImageTargets(cell(name), resolveImage, (message) => fail(name, message));

  const choiceFields: ChoiceField[] = allowed.has('option')
    ? ['option']
    : allowed.has('row')
      ? ['row', 'column']
      : [];
  const choiceIds = Object.fromEntries(
    choiceFields.map((field) => {
      const ids = layout.choiceIds[field];
      const filled = ids.map((id) =>
        layout.languages.some((language) => cell(choiceColumn(field, id, language)) !== ''),
      );
      return [field, ids.slice(0, filled.lastIndexOf(true) + 1)];
    }),
  ) as Partial<Record<ChoiceField, string[]>>;

  const languageFields: TextField[] = [
    'stem',
    'solution',
    ...(type === 'assertion_reason' ? (['assertion', 'reason'] as const) : []),
  ];
  const languages = layout.languages.filter(
    (language) =>
      languageFields.some((field) => cell(textColumn(field, language)) !== '') ||
      choiceFields.some((field) =>
        (choiceIds[field] ?? []).some((id) => cell(choiceColumn(field, id, language)) !== ''),
      ),
  );
  if (languages.length === 0)
    fail(textColumn('stem', layout.languages[0] ?? 'en'), 'The question text is empty.');

  const content: Record<string, QuestionContent> = {};
  for (const language of languages) {
    const choices = (field: ChoiceField): LocalizedChoice[] =>
      (choiceIds[field] ?? []).map((id) => ({ id, text: readText(choiceColumn(field, id, language)) }));
    const solution = readText(textColumn('solution', language));
    content[language] = {
      stem: readText(textColumn('stem', language)),
      ...(choiceFields.includes('option') ? { options: choices('option') } : {}),
      ...(choiceFields.includes('row') ? { rows: choices('row'), columns: choices('column') } : {}),
      ...(type === 'assertion_reason'
        ? {
            assertion: readText(textColumn('assertion', language)),
            reason: readText(textColumn('reason', language)),
          }
        : {}),
      ...(solution !== '' ? { solution } : {}),
    };
  }

  const take = <T>(column: string, parsed: Parsed<T>): T | undefined => {
    if ('error' in parsed) {
      fail(column, parsed.error);
      return undefined;
    }
    return parsed.value;
  };
  const answer = cell('answer');
  if (answer === '') fail('answer', 'The answer is required.');
  // An empty answer is reported once, above, not again as unreadable.
  const takeAnswer = <T>(parse: (text: string) => Parsed<T>): T | undefined =>
    answer === '' ? undefined : take('answer', parse(answer));
  const source = cell('source');
  const groupId = cell('group_id');
  const images = collectImageIds(content);
  const common = {
    id: `row-${row.rowNumber}`,
    content,
    classification: { subject: cell('subject'), chapter: cell('chapter'), topic: cell('topic') },
    difficulty: (cell('difficulty').toLowerCase() || 'medium') as Question['difficulty'],
    tags: splitList(cell('tags')),
    ...(source !== '' ? { source } : {}),
    ...(groupId !== '' ? { groupId } : {}),
    ...(images.length > 0 ? { images: images.map((id) => ({ id })) } : {}),
  };
  // The rest of the row is checked even when its type, answer or format could not be read, so a
  // teacher sees every problem of the row at once: a stand-in takes the unreadable part's place
  // and the checks of that part are left out (its own error is already reported).
  const built = type
    ? buildQuestion(type, common, { cell, take, takeAnswer, fail, choiceIds })
    : { question: { ...common, type: 'tita' as const, key: STAND_IN_KEY }, unread: new Set(['key']) };
  const context = { type: built.question.type, languages, choiceIds, content };
  for (const issue of validateQuestion(built.question)) {
    if (built.unread.has(issue.path.split('.')[0] ?? '')) continue;
    fail(columnForIssue(issue, context), messageForIssue(issue, context));
  }
  return {
    rowNumber: row.rowNumber,
    question: errors.length === 0 && built.unread.size === 0 ? built.question : null,
    errors: dedupeErrors(errors),
  };
}

type Common = Omit<
  Question,
  'type' | 'key' | 'options' | 'rows' | 'columns' | 'allowMultiplePerRow' | 'format'
>;
type BuildTools = {
  cell: (name: string) => string;
  take: <T>(column: string, parsed: Parsed<T>) => T | undefined;
  takeAnswer: <T>(parse: (text: string) => Parsed<T>) => T | undefined;
  fail: (column: string, message: string) => void;
  choiceIds: Partial<Record<ChoiceField, string[]>>;
};
/**
 * The question, with stand-ins for what could not be read; `unread` names the question's fields
 * (`key`, `format`, `allowMultiplePerRow`) that are stand-ins, whose own checks are skipped.
 */
type Built = { question: Question; unread: ReadonlySet<string> };

function buildQuestion(type: QuestionType, common: Common, tools: BuildTools): Built {
  const { cell, take, takeAnswer, fail, choiceIds } = tools;
  const unread = new Set<string>();
  /** The value read, or (noted as unread) the stand-in that lets the rest of the row be checked. */
  const orStandIn = <T>(field: string, value: T | undefined | null, standIn: T): T => {
    if (value !== undefined && value !== null) return value;
    unread.add(field);
    return standIn;
  };
  const question = ((): Question => {
    switch (type) {
      case 'mcq_single':
      case 'mcq_multi': {
        const ids = choiceIds.option ?? [];
        const fixedText = cell('fixed_options');
        const fixed = fixedText === '' ? [] : (take('fixed_options', parseMultiAnswer(fixedText)) ?? []);
        for (const id of fixed.filter((letter) => !ids.includes(letter)))
          fail('fixed_options', `Option ${id.toUpperCase()} does not exist.`);
        const options = ids.map((id) => (fixed.includes(id) ? { id, fixed: true } : { id }));
        if (type === 'mcq_single') {
          const optionId = orStandIn('key', takeAnswer(parseSingleAnswer), ids[0] ?? 'a');
          return { ...common, type, options, key: { optionId } };
        }
        const optionIds = orStandIn('key', takeAnswer(parseMultiAnswer), ids.slice(0, 1));
        return { ...common, type, options, key: { optionIds } };
      }
      case 'numerical': {
        const key = orStandIn('key', takeAnswer(parseNumericalAnswer), {
          kind: 'exact',
          value: '0',
        } as const);
        // With no readable format the answer is checked against none (any number), not a guess.
        const format = orStandIn('format', readNumericalFormat(cell, fail), {});
        return { ...common, type, format, key };
      }
      case 'matrix_match': {
        const matches = orStandIn('key', takeAnswer(parseMatrixAnswer), {});
        const allowMultiple = parseYesNo(cell('allow_multiple_per_row'));
        if (allowMultiple === null) {
          fail('allow_multiple_per_row', 'Write "yes" or "no".');
          unread.add('allowMultiplePerRow');
        }
        return {
          ...common,
          type,
          rows: (choiceIds.row ?? []).map((id) => ({ id })),
          columns: (choiceIds.column ?? []).map((id) => ({ id })),
          // Unreadable: "yes" stands in, the setting under which no answer is refused for it.
          allowMultiplePerRow: allowMultiple === null ? true : (allowMultiple ?? false),
          key: { matches },
        };
      }
      case 'assertion_reason': {
        const optionId = orStandIn(
          'key',
          takeAnswer(parseAssertionReasonAnswer),
          'assertion_true_reason_false' as const,
        );
        return { ...common, type, key: { optionId } };
      }
      case 'tita': {
        const key = orStandIn(
          'key',
          takeAnswer((text) => parseTitaAnswer(text, cell('tita_compare'))),
          STAND_IN_KEY,
        );
        return { ...common, type, key };
      }
    }
  })();
  return { question, unread };
}

function readNumericalFormat(
  cell: (name: string) => string,
  fail: (column: string, message: string) => void,
): NumericalFormat | null {
  let isValid = true;
  const integerOnly = parseYesNo(cell('integer_only'));
  if (integerOnly === null) {
    fail('integer_only', 'Write "yes" or "no".');
    isValid = false;
  }
  const decimalsText = cell('decimals');
  if (decimalsText !== '' && !/^\d{1,2}$/.test(decimalsText)) {
    fail('decimals', 'Write the number of decimal places as a whole number from 0 to 10.');
    isValid = false;
  }
  const rounding = cell('rounding').toLowerCase();
  if (rounding !== '' && !(ROUNDING_MODES as readonly string[]).includes(rounding)) {
    fail('rounding', `Write one of ${ROUNDING_MODES.join(', ')}.`);
    isValid = false;
  }
  if (!isValid) return null;
  return {
    ...(integerOnly !== undefined && integerOnly !== null ? { integerOnly } : {}),
    ...(decimalsText !== '' ? { decimals: Number(decimalsText) } : {}),
    ...(rounding !== '' ? { rounding: rounding as NonNullable<NumericalFormat['rounding']> } : {}),
  };
}

const IMAGE_ID_PATTERN = /!\[[^\]]*\]\(image:([^)\s]+)\)/g;

/** `images` is derived from the Markdown, so the sheet needs no separate image column. */
function collectImageIds(content: Readonly<Record<string, QuestionContent>>): string[] {
  const ids = new Set<string>();
  for (const version of Object.values(content)) {
    const choices = [...(version.options ?? []), ...(version.rows ?? []), ...(version.columns ?? [])];
    for (const text of [
      version.stem,
      ...choices.map((choice) => choice.text),
      version.assertion ?? '',
      version.reason ?? '',
      version.solution ?? '',
    ]) {
      for (const match of text.matchAll(IMAGE_ID_PATTERN)) ids.add(match[1] ?? '');
    }
  }
  return [...ids];
}

function dedupeErrors(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.column}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
