/**
 * Judges an upload by its bytes, not its name: a PDF or PNG renamed .csv, a Word file, Latin-1 or
 * UTF-16 text and random bytes are refused with a message that says what to do instead.
 */
import { unzipSync } from 'fflate';
import { AppError } from '../../platform/errors/app-error.js';
import { readCsvSheet } from './csv-format.js';
import type { Sheet } from './sheet-layout.js';
import { readXlsxSheet } from './xlsx-format.js';

export type ImportFormat = 'csv' | 'xlsx';
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

const SAVE_AS = 'Save the questions as "CSV UTF-8" or as an Excel workbook (.xlsx) and upload that.';

const unreadable = (message: string) => new AppError('IMPORT_FILE_UNREADABLE', message);

function startsWith(buffer: Buffer, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((byte, index) => buffer[offset + index] === byte);
}

const MAGIC: readonly { bytes: readonly number[]; offset?: number; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, what: 'a WebP image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Excel 97-2003 (.xls) or Word (.doc) file' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** Entry names of a zip without inflating anything; null when the bytes are not a zip. */
export function listZipEntries(buffer: Buffer): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(buffer, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

function describeZip(names: readonly string[]): string {
  if (names.some((name) => name.startsWith('word/'))) return 'This is a Word document, not a spreadsheet.';
  if (names.some((name) => name.startsWith('ppt/'))) return 'This is a PowerPoint file, not a spreadsheet.';
  if (names.includes('content.xml')) return 'This is an OpenDocument file; Excel .xlsx is supported.';
  return 'This is a zip archive, not a spreadsheet. Upload images as a .zip in the "images" field.';
}

export function detectImportFormat(buffer: Buffer, fileName: string): ImportFormat {
  if (buffer.length === 0) throw unreadable('The file is empty.');
  for (const magic of MAGIC) {
    if (startsWith(buffer, magic.bytes, magic.offset))
      throw unreadable(`This is ${magic.what}, not a spreadsheet. ${SAVE_AS}`);
  }
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const names = listZipEntries(buffer);
    if (names === null) throw unreadable(`The file looks like an Excel workbook but is damaged. ${SAVE_AS}`);
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    throw unreadable(`${describeZip(names)} ${SAVE_AS}`);
  }
  if (/\.xlsx$/i.test(fileName))
    throw unreadable(`The file is named .xlsx but is not an Excel workbook. ${SAVE_AS}`);
  return 'csv';
}

export function decodeCsvText(buffer: Buffer): string {
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    throw unreadable(
      'The CSV is saved as UTF-16 ("Unicode Text"). In Excel choose Save As > "CSV UTF-8 (Comma delimited)".',
    );
  }
  // Text files never contain NUL bytes; UTF-16 without a BOM and binary files do.
  if (buffer.subarray(0, 64 * 1024).includes(0)) {
    throw unreadable(`This is not a CSV text file (it contains binary data, or is UTF-16). ${SAVE_AS}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw unreadable(
      'The CSV is not UTF-8 text (it is probably saved as ANSI/Latin-1, which cannot hold Hindi). In Excel choose Save As > "CSV UTF-8 (Comma delimited)".',
    );
  }
}

/** Reads the whole sheet; refuses empty sheets and sheets beyond the row limit. */
export async function readImportSheet(buffer: Buffer, format: ImportFormat): Promise<Sheet> {
  const sheet = format === 'xlsx' ? await readXlsxSheet(buffer) : readCsvSheet(decodeCsvText(buffer));
  const rows = sheet.rows.filter((row) => row.values.some((value) => value.trim() !== ''));
  if (sheet.header.every((cell) => cell.trim() === '')) throw unreadable('The file is empty.');
  if (rows.length === 0) throw unreadable('The file has a header row but no questions.');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw unreadable(
      `The file has ${rows.length.toLocaleString('en-IN')} questions; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-IN')} at a time.`,
    );
  }
  return { header: sheet.header, rows };
}
