/**
 * The one definition of the spreadsheet layout shared by import, export and the templates
 * (documented in docs/QUESTION_IMPORT_FORMAT.md). Language-specific columns end in `_<lang>`
 * (`stem_en`, `option_c_hi`); options, matrix rows and matrix columns are numbered by letter or
 * number in the header, so a sheet may carry more than the default five of each.
 */
import { LANGUAGES, type QuestionType } from '@examtech/core';

export const DEFAULT_LANGUAGES = LANGUAGES;
export const OPTION_LETTERS = 'abcdefghij';
export const ROW_LETTERS = 'pqrstuvwxyz';
export const MAX_MATRIX_COLUMNS = 10;
export const DEFAULT_CHOICE_COUNT = 5;

/** The leading columns every type uses, in template order. */
export const COMMON_COLUMNS = [
  'type',
  'subject',
  'chapter',
  'topic',
  'difficulty',
  'tags',
  'source',
  'group_id',
] as const;

/** Columns without a language. */
export const PLAIN_COLUMNS = [
  ...COMMON_COLUMNS,
  'fixed_options',
  'allow_multiple_per_row',
  'answer',
  'decimals',
  'rounding',
  'integer_only',
  'tita_compare',
] as const;
export type PlainColumn = (typeof PLAIN_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly PlainColumn[] = ['type', 'subject', 'chapter', 'topic', 'answer'];

/** The kinds of language column; choice kinds carry an id (`option_c_hi`, `row_p_en`, `column_2_en`). */
export type TextField = 'stem' | 'assertion' | 'reason' | 'solution';
export type ChoiceField = 'option' | 'row' | 'column';

export type ColumnSpec =
  | { kind: 'plain'; name: PlainColumn }
  | { kind: 'text'; field: TextField; language: string }
  | { kind: 'choice'; field: ChoiceField; id: string; language: string };

const LANGUAGE = '([a-z]{2,3})';
const TEXT_PATTERN = new RegExp(`^(stem|assertion|reason|solution)_${LANGUAGE}$`);
const OPTION_PATTERN = new RegExp(`^option_([${OPTION_LETTERS}])_${LANGUAGE}$`);
const ROW_PATTERN = new RegExp(`^row_([${ROW_LETTERS}])_${LANGUAGE}$`);
const COLUMN_PATTERN = new RegExp(`^column_(\\d{1,2})_${LANGUAGE}$`);

/** Which columns each type may fill besides the common ones; text elsewhere is reported, not dropped. */
export const TYPE_COLUMNS: Readonly<
  Record<QuestionType, readonly (PlainColumn | ChoiceField | 'assertion' | 'reason')[]>
> = {
  mcq_single: ['option', 'fixed_options'],
  mcq_multi: ['option', 'fixed_options'],
  numerical: ['decimals', 'rounding', 'integer_only'],
  matrix_match: ['row', 'column', 'allow_multiple_per_row'],
  assertion_reason: ['assertion', 'reason'],
  tita: ['tita_compare'],
};

/** Header cells as people type them: any case, spaces or hyphens for underscores. */
export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function parseColumnName(name: string): ColumnSpec | null {
  if ((PLAIN_COLUMNS as readonly string[]).includes(name))
    return { kind: 'plain', name: name as PlainColumn };
  const text = TEXT_PATTERN.exec(name);
  if (text) return { kind: 'text', field: text[1] as TextField, language: text[2] ?? '' };
  for (const [field, pattern] of [
    ['option', OPTION_PATTERN],
    ['row', ROW_PATTERN],
    ['column', COLUMN_PATTERN],
  ] as const) {
    const match = pattern.exec(name);
    if (!match) continue;
    const id = match[1] ?? '';
    if (field === 'column' && (Number(id) < 1 || Number(id) > MAX_MATRIX_COLUMNS || id.startsWith('0')))
      return null;
    return { kind: 'choice', field, id, language: match[2] ?? '' };
  }
  return null;
}

export function textColumn(field: TextField, language: string): string {
  return `${field}_${language}`;
}

export function choiceColumn(field: ChoiceField, id: string, language: string): string {
  return `${field}_${id}_${language}`;
}

/** Canonical ids by position: options a, b, c…; matrix rows p, q, r…; matrix columns 1, 2, 3… */
export function choiceIdAt(field: ChoiceField, index: number): string {
  switch (field) {
    case 'option':
      return OPTION_LETTERS[index] ?? `x${index}`;
    case 'row':
      return ROW_LETTERS[index] ?? `x${index}`;
    case 'column':
      return String(index + 1);
  }
}

export function choiceCapacity(field: ChoiceField): number {
  switch (field) {
    case 'option':
      return OPTION_LETTERS.length;
    case 'row':
      return ROW_LETTERS.length;
    case 'column':
      return MAX_MATRIX_COLUMNS;
  }
}

/** The header written by export and the templates, wide enough for every question in `needs`. */
export function buildHeader(needs: {
  languages: readonly string[];
  options: number;
  rows: number;
  columns: number;
}): string[] {
  const languages = [...new Set([...DEFAULT_LANGUAGES, ...needs.languages])];
  const perLanguage = (field: TextField) => languages.map((language) => textColumn(field, language));
  const choices = (field: ChoiceField, count: number) =>
    Array.from({ length: Math.max(count, DEFAULT_CHOICE_COUNT) }, (_, index) =>
      languages.map((language) => choiceColumn(field, choiceIdAt(field, index), language)),
    ).flat();
  return [
    ...COMMON_COLUMNS,
    ...perLanguage('stem'),
    ...choices('option', needs.options),
    'fixed_options',
    ...choices('row', needs.rows),
    ...choices('column', needs.columns),
    'allow_multiple_per_row',
    ...perLanguage('assertion'),
    ...perLanguage('reason'),
    'answer',
    'decimals',
    'rounding',
    'integer_only',
    'tita_compare',
    ...perLanguage('solution'),
  ];
}
