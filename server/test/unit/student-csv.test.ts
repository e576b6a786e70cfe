import { describe, expect, it } from 'vitest';
import {
  decodeCsv,
  findDuplicatesInFile,
  parseStudentCsv,
} from '../../src/modules/student-import/student-csv.js';

const header = 'name,email,roll_number,phone,batch_codes,password';

describe('student CSV parsing', () => {
  it('reads quoted cells with commas, quotes and line breaks, and splits batch codes', () => {
    const { rows, problems } = parseStudentCsv(`${header}\n"Rao, ""Anu""\nJr",anu@x.in,R1,,A; b |C,\n`);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ row: 2, name: 'Rao, "Anu"\nJr', batchCodes: ['A', 'b', 'C'] });
  });

  it('accepts headers in any case and order, with spaces for underscores', () => {
    const { rows, problems } = parseStudentCsv('Email,Name,Roll Number\na@x.in,A,7\n');
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ email: 'a@x.in', name: 'A', rollNumber: '7' });
  });

  it('flags formula-looking names but keeps a leading minus on numbers', () => {
    const { problems } = parseStudentCsv(`${header}\n@SUM(A1),a@x.in,-12,,,\n-cmd,b@x.in,,,,\n`);
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:name', '3:name']);
  });

  it('reports duplicates within the file against the first occurrence, ignoring case', () => {
    const { rows } = parseStudentCsv(`${header}\nA,a@x.in,R1,,,\nB,A@X.IN,r1,,,\n`);
    expect(findDuplicatesInFile(rows)).toEqual([
      { row: 3, column: 'email', value: 'a@x.in', message: 'Same email as row 2.' },
      { row: 3, column: 'roll_number', value: 'r1', message: 'Same roll number as row 2.' },
    ]);
  });

  it('strips a UTF-8 BOM and refuses invalid UTF-8', () => {
    expect(decodeCsv(Buffer.from(`\uFEFF${header}`))).toBe(header);
    expect(() => decodeCsv(Buffer.from([0x41, 0xff, 0x42]))).toThrow(/UTF-8/);
  });
});
