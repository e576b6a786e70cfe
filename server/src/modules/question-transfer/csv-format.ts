/**
 * CSV in the question layout. Reading assumes the bytes were already judged to be UTF-8 text
 * (upload-file.ts); writing produces UTF-8 with a BOM so Excel shows Hindi correctly.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../platform/errors/app-error.js';
import { toStorableText } from '../../platform/http/text-guard.js';
import { escapeCell, readCellText } from './cell-text.js';
import type { Sheet, SheetRow } from './sheet-layout.js';

const DELIMITERS = [',', ';', '\t'] as const;

/** Excel in many locales saves "CSV" with semicolons or tabs; the header line tells which. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

export function readCsvSheet(text: string): Sheet {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      bom: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    throw new AppError('IMPORT_FILE_UNREADABLE', `The CSV could not be read: ${(err as Error).message}`);
  }
  const [header, ...data] = records;
  const rows: SheetRow[] = data.map((record, index) => {
    const problems: { index: number; message: string }[] = [];
    const values = record.map((raw, columnIndex) => {
      const reading = readCellText(raw);
      if (reading.problem !== undefined) problems.push({ index: columnIndex, message: reading.problem });
      return reading.text;
    });
    return { rowNumber: index + 2, values, ...(problems.length > 0 ? { problems } : {}) };
  });
  // Header cells skip readCellText; they are echoed in error messages, so they must be storable too.
  return { header: (header ?? []).map(toStorableText), rows };
}

/** CSV records (CRLF after each), cells escaped against formulas; no BOM, so pages can be joined. */
export function formatCsvRecords(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(escapeCell)),
    {
      record_delimiter: 'windows',
      // With a CRLF record delimiter csv-stringify quotes only cells containing "\r\n"; RFC 4180
      // readers (Python, Excel) also end a record at a bare \n or \r, so any line break is quoted.
      quoted_match: /[\r\n]/,
    },
  );
}

/** UTF-8 with a BOM so Excel shows Hindi correctly. */
export const CSV_BOM = '\uFEFF';

export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(`${CSV_BOM}${formatCsvRecords([header, ...rows])}`, 'utf8');
}
