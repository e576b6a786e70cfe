import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';

export const STUDENT_CSV_COLUMNS = [
  'name',
  'email',
  'roll_number',
  'phone',
  'batch_codes',
  'password',
] as const;
const REQUIRED_COLUMNS = ['name', 'email'] as const;
export const MAX_IMPORT_ROWS = 5000;

export type ImportProblem = { row: number; column: string; value: string; message: string };
export type StudentCsvRow = {
  row: number;
  name: string;
  email: string;
  rollNumber: string | null;
  phone: string | null;
  batchCodes: string[];
  password: string | null;
};

export const studentCsvTemplate =
  '\uFEFF' +
  [
    STUDENT_CSV_COLUMNS.join(','),
    'Aarav Sharma,aarav.sharma@example.com,R-2027-101,+91 98765 43210,JEE-2027,',
    '"Ishita Verma",ishita.verma@example.com,R-2027-102,,JEE-2027;NEET-2027,Welcome@2027',
  ].join('\r\n') +
  '\r\n';

/** Turns an upload into text, refusing what is not UTF-8 text (spreadsheets saved as .xlsx, images, ...). */
export function decodeCsv(buffer: Buffer): string {
  if (buffer.includes(0)) {
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      'This is not a CSV text file. Save the sheet as "CSV UTF-8" and try again.',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      'The file is not UTF-8 text. Save the sheet as "CSV UTF-8" and try again.',
    );
  }
  return text.replace(/^\uFEFF/, '');
}

const emailSchema = z.email();
const phonePattern = /^\+?[0-9 ()-]{6,20}$/;

/** Parses and checks each row on its own; cross-row and database checks come after. */
export function parseStudentCsv(text: string): { rows: StudentCsvRow[]; problems: ImportProblem[] } {
  let records: string[][];
  try {
    const parsed: string[][] = parse(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
    });
    records = parsed;
  } catch (err) {
    throw new AppError('IMPORT_FILE_UNREADABLE', `The CSV could not be parsed: ${(err as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new AppError('IMPORT_FILE_UNREADABLE', 'The file is empty.');
  const columns = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const problems: ImportProblem[] = [];
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required))
      problems.push({ row: 1, column: required, value: '', message: `Missing column "${required}".` });
  }
  columns.forEach((c) => {
    if (!(STUDENT_CSV_COLUMNS as readonly string[]).includes(c)) {
      problems.push({
        row: 1,
        column: c,
        value: c,
        message: `Unknown column "${c}". Expected: ${STUDENT_CSV_COLUMNS.join(', ')}.`,
      });
    }
  });
  if (problems.length > 0) return { rows: [], problems };
  if (data.length === 0)
    throw new AppError('IMPORT_FILE_UNREADABLE', 'The file has a header but no students.');
  if (data.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `The file has ${data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`,
    );
  }

  const rows = data.map((record, index) => {
    const row = index + 2;
    const cell = (column: string) => (record[columns.indexOf(column)] ?? '').trim();
    const problem = (column: string, message: string) =>
      problems.push({ row, column, value: cell(column), message });
    if (record.length > columns.length)
      problem(
        columns.at(-1) ?? 'name',
        `This row has ${record.length} cells but the header has ${columns.length}.`,
      );
    const name = cell('name');
    if (!name) problem('name', 'Name is required.');
    else if (name.length > 200) problem('name', 'Name is longer than 200 characters.');
    const email = cell('email').toLowerCase();
    if (!email) problem('email', 'Email is required.');
    else if (!emailSchema.safeParse(email).success) problem('email', 'This is not a valid email address.');
    const phone = cell('phone');
    if (phone && !phonePattern.test(phone))
      problem('phone', 'Use digits, spaces, "+", "-" or brackets (6-20 characters).');
    const rollNumber = cell('roll_number');
    if (rollNumber.length > 64) problem('roll_number', 'Roll number is longer than 64 characters.');
    const password = cell('password');
    if (password && (password.length < 8 || password.length > 128))
      problem('password', 'Passwords need 8 to 128 characters.');
    // Spreadsheet formulas are never meant as data here; refusing them keeps exports safe too.
    for (const column of ['name', 'roll_number']) {
      if (/^[=+@]/.test(cell(column)) || /^-[^0-9]/.test(cell(column)))
        problem(column, 'Cells may not start with =, +, - or @.');
    }
    return {
      row,
      name,
      email,
      rollNumber: rollNumber || null,
      phone: phone || null,
      batchCodes: cell('batch_codes')
        .split(/[;|]/)
        .map((c) => c.trim())
        .filter(Boolean),
      password: password || null,
    };
  });
  return { rows, problems };
}

/** Duplicates inside the file: the second and later occurrences are reported. */
export function findDuplicatesInFile(rows: StudentCsvRow[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = { email: new Map<string, number>(), roll_number: new Map<string, number>() };
  for (const row of rows) {
    const checks = [
      ['email', row.email],
      ['roll_number', row.rollNumber],
    ] as const;
    for (const [column, value] of checks) {
      if (!value) continue;
      const key = value.toLowerCase();
      const first = seen[column].get(key);
      if (first !== undefined)
        problems.push({
          row: row.row,
          column,
          value,
          message: `Same ${column.replace('_', ' ')} as row ${first}.`,
        });
      else seen[column].set(key, row.row);
    }
  }
  return problems;
}

export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.row - b.row ||
      STUDENT_CSV_COLUMNS.indexOf(a.column as never) - STUDENT_CSV_COLUMNS.indexOf(b.column as never),
  );
}
