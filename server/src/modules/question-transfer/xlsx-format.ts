/**
 * Excel .xlsx in the question layout through ExcelJS. Formulas are never evaluated: a formula
 * cell is reported against its row and column (its cached result is ignored, it could be stale or
 * crafted). Every value is written as a string cell so nothing becomes a number, date or formula.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors/app-error.js';
import { escapeCell, readCellText } from './cell-text.js';
import type { Sheet, SheetRow } from './sheet-layout.js';

export const QUESTIONS_SHEET = 'Questions';

type CellReading = { text: string; problem?: string };

function readCellValue(value: ExcelJS.CellValue): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date)
    return { text: '', problem: 'This cell is a date. Format the column as text and type the value again.' };
  if ('formula' in value || 'sharedFormula' in value) {
    // The formula text (never its result) stands in for the cell, so only this one problem is reported.
    return {
      text: `=${'formula' in value ? value.formula : value.sharedFormula}`,
      problem:
        'This cell contains a formula. Formulas are never evaluated: replace it with its value (Paste Special > Values).',
    };
  }
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return { text };
    if (typeof text === 'object' && text !== null && 'richText' in text)
      return readCellValue(text as ExcelJS.CellRichTextValue);
    return { text: value.hyperlink };
  }
  if ('error' in value)
    return { text: '', problem: `This cell shows the error ${String(value.error)}. Type the value instead.` };
  return { text: '', problem: 'This cell could not be read as text.' };
}

export async function readXlsxSheet(buffer: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      'The Excel file could not be opened. Save it again as an Excel workbook (.xlsx) and retry.',
    );
  }
  const worksheet = workbook.getWorksheet(QUESTIONS_SHEET) ?? workbook.worksheets[0];
  if (!worksheet) throw new AppError('IMPORT_FILE_UNREADABLE', 'The Excel file has no worksheet.');
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const problems: { index: number; message: string }[] = [];
    const values: string[] = [];
    // row.values is 1-based and sparse; index 0 is always empty.
    const raw = row.values as ExcelJS.CellValue[];
    for (let column = 1; column < raw.length; column++) {
      const reading = readCellValue(raw[column]);
      const cell =
        reading.problem === undefined
          ? readCellText(reading.text)
          : { text: reading.text, problem: reading.problem };
      if (cell.problem !== undefined) problems.push({ index: column - 1, message: cell.problem });
      values[column - 1] = cell.text;
    }
    const dense = Array.from(values, (value) => value ?? '');
    if (header === null) header = dense;
    else rows.push({ rowNumber, values: dense, ...(problems.length > 0 ? { problems } : {}) });
  });
  return { header: header ?? [], rows };
}

export type XlsxSheetSpec = {
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  widths?: Readonly<Record<string, number>>;
};

const columnsOf = (header: readonly string[], widths?: Readonly<Record<string, number>>) =>
  header.map((name) => ({
    header: name,
    key: name,
    width: widths?.[name] ?? 24,
    style: { alignment: { wrapText: true, vertical: 'top' as const }, numFmt: '@' },
  }));

/**
 * One worksheet written row by row into `out` (ExcelJS's streaming writer, no shared strings):
 * a committed row is zipped and written, so memory holds a page, not the whole sheet.
 */
export function createXlsxStreamWriter(out: Writable, name: string, header: readonly string[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'ExamTech';
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columnsOf(header);
  const headerRow = worksheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.commit();
  return {
    addRows(rows: readonly (readonly string[])[]): void {
      for (const row of rows) worksheet.addRow(row.map(escapeCell)).commit();
    },
    async finish(): Promise<void> {
      worksheet.commit();
      await workbook.commit();
    },
  };
}

export async function writeXlsx(sheets: readonly XlsxSheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ExamTech';
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = columnsOf(spec.header, spec.widths);
    worksheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) worksheet.addRow(row.map(escapeCell));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
