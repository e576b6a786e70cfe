/**
 * A sheet as both readers deliver it, and the header turned into a layout the row mapper can
 * address by column name.
 */
import {
  normaliseHeader,
  parseColumnName,
  REQUIRED_COLUMNS,
  type ChoiceField,
  type ColumnSpec,
} from './question-columns.js';

/** `row` is the spreadsheet row number people see: header = 1, first data row = 2. */
export type RowError = { row: number; column: string; message: string };

export type SheetRow = {
  rowNumber: number;
  values: readonly string[];
  /** Cells the reader refused (formulas), by column index. */
  problems?: readonly { index: number; message: string }[];
};

export type Sheet = { header: readonly string[]; rows: readonly SheetRow[] };

export type SheetLayout = {
  /** Normalised column name -> index in a row's values. */
  indexByName: ReadonlyMap<string, number>;
  names: readonly string[];
  specs: readonly (ColumnSpec | null)[];
  /** Languages in header order. */
  languages: readonly string[];
  /** Choice ids present in the header, in id order (a, b, c…; p, q…; 1, 2…). */
  choiceIds: Readonly<Record<ChoiceField, readonly string[]>>;
};

function sortChoiceIds(field: ChoiceField, ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  return field === 'column' ? unique.sort((a, b) => Number(a) - Number(b)) : unique.sort();
}

export function readLayout(header: readonly string[]): { layout: SheetLayout; errors: RowError[] } {
  const names = header.map(normaliseHeader);
  const errors: RowError[] = [];
  const indexByName = new Map<string, number>();
  const specs = names.map((name, index) => {
    if (name === '') return null;
    const spec = parseColumnName(name);
    if (!spec)
      errors.push({
        row: 1,
        column: name,
        message: `Unknown column "${header[index] ?? name}". See the import format for the column names.`,
      });
    if (indexByName.has(name))
      errors.push({ row: 1, column: name, message: `Column "${name}" appears twice.` });
    else indexByName.set(name, index);
    return spec;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!indexByName.has(required))
      errors.push({ row: 1, column: required, message: `Missing column "${required}".` });
  }
  const languages = [
    ...new Set(specs.flatMap((spec) => (spec && spec.kind !== 'plain' ? [spec.language] : []))),
  ];
  if (!specs.some((spec) => spec?.kind === 'text' && spec.field === 'stem')) {
    errors.push({
      row: 1,
      column: 'stem_en',
      message: 'Missing a question text column such as "stem_en" or "stem_hi".',
    });
  }
  const choiceIdsOf = (field: ChoiceField) =>
    sortChoiceIds(
      field,
      specs.flatMap((spec) => (spec?.kind === 'choice' && spec.field === field ? [spec.id] : [])),
    );
  return {
    layout: {
      indexByName,
      names,
      specs,
      languages,
      choiceIds: { option: choiceIdsOf('option'), row: choiceIdsOf('row'), column: choiceIdsOf('column') },
    },
    errors,
  };
}

/** Trimmed cell text with Windows line breaks inside cells made plain `\n`. */
export function readCell(layout: SheetLayout, row: SheetRow, name: string): string {
  const index = layout.indexByName.get(name);
  if (index === undefined) return '';
  return (row.values[index] ?? '').replace(/\r\n?/g, '\n').trim();
}

export function isRowBlank(row: SheetRow): boolean {
  return row.values.every((value) => value.trim() === '');
}
