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
  if (!(QUESTION_TYPES as readonly string[]).includes(typeText)) {
    fail(
      'type',
      typeText === ''
        ? `Type is required: one of ${QUESTION_TYPES.join(', ')}.`
        : `Unknown type "${cell('type')}". Use one of ${QUESTION_TYPES.join(', ')}.`,
    );
    return { rowNumber: row.rowNumber, question: null, errors };
  }
  const type = typeText as QuestionType;
  const allowed = typeColumnsOf(type);

  // Text in a column this type does not use would be silently lost: report it instead.
  layout.specs.forEach((spec, index) => {
    if (!spec || (row.values[index] ?? '').trim() === '') return;
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
  const question =
    answer === '' ? null : buildQuestion(type, common, { answer, cell, take, fail, choiceIds });
  if (!question) return { rowNumber: row.rowNumber, question: null, errors };

  const context = { type, languages, choiceIds, content };
  for (const issue of validateQuestion(question)) {
    fail(columnForIssue(issue, context), messageForIssue(issue, context));
  }
  return {
    rowNumber: row.rowNumber,
    question: errors.length === 0 ? question : null,
    errors: dedupeErrors(errors),
  };
}

type Common = Omit<
  Question,
  'type' | 'key' | 'options' | 'rows' | 'columns' | 'allowMultiplePerRow' | 'format'
>;
type BuildTools = {
  answer: string;
  cell: (name: string) => string;
  take: <T>(column: string, parsed: Parsed<T>) => T | undefined;
  fail: (column: string, message: string) => void;
  choiceIds: Partial<Record<ChoiceField, string[]>>;
};

function buildQuestion(type: QuestionType, common: Common, tools: BuildTools): Question | null {
  const { answer, cell, take, fail, choiceIds } = tools;
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
        const optionId = take('answer', parseSingleAnswer(answer));
        return optionId === undefined ? null : { ...common, type, options, key: { optionId } };
      }
      const optionIds = take('answer', parseMultiAnswer(answer));
      return optionIds === undefined ? null : { ...common, type, options, key: { optionIds } };
    }
    case 'numerical': {
      const key = take('answer', parseNumericalAnswer(answer));
      const format = readNumericalFormat(cell, fail);
      return key === undefined || format === null ? null : { ...common, type, format, key };
    }
    case 'matrix_match': {
      const matches = take('answer', parseMatrixAnswer(answer));
      const allowMultiple = parseYesNo(cell('allow_multiple_per_row'));
      if (allowMultiple === null) fail('allow_multiple_per_row', 'Write "yes" or "no".');
      if (matches === undefined || allowMultiple === null) return null;
      return {
        ...common,
        type,
        rows: (choiceIds.row ?? []).map((id) => ({ id })),
        columns: (choiceIds.column ?? []).map((id) => ({ id })),
        allowMultiplePerRow: allowMultiple ?? false,
        key: { matches },
      };
    }
    case 'assertion_reason': {
      const optionId = take('answer', parseAssertionReasonAnswer(answer));
      return optionId === undefined ? null : { ...common, type, key: { optionId } };
    }
    case 'tita': {
      const key = take('answer', parseTitaAnswer(answer, cell('tita_compare')));
      return key === undefined ? null : { ...common, type, key };
    }
  }
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
