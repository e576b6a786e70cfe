import type { Question } from '@examtech/core';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { readCsvSheet, writeCsv } from '../../src/modules/question-transfer/csv-format.js';
import { mapRowToQuestion } from '../../src/modules/question-transfer/row-to-question.js';
import { mapQuestionsToTable } from '../../src/modules/question-transfer/question-to-row.js';
import { readLayout, type Sheet } from '../../src/modules/question-transfer/sheet-layout.js';
import {
  buildTemplateCsv,
  buildTemplateXlsx,
  TEMPLATE_QUESTIONS,
} from '../../src/modules/question-transfer/template.js';
import { readXlsxSheet } from '../../src/modules/question-transfer/xlsx-format.js';
import type { ImageResolver } from '../../src/modules/question-transfer/image-refs.js';

const noImages: ImageResolver = (name) => ({ error: `no zip: ${name}` });
const withoutId = ({ id: _id, ...rest }: Question) => rest;

function mapSheet(sheet: Sheet, resolve: ImageResolver = noImages) {
  const { layout, errors } = readLayout(sheet.header);
  expect(errors).toEqual([]);
  return sheet.rows.map((row) => mapRowToQuestion(layout, row, resolve));
}

/** A one-row CSV from column -> value pairs (the rest of the template header left blank). */
function csvRow(cells: Record<string, string>) {
  const { header } = mapQuestionsToTable([]);
  return readCsvSheet(writeCsv(header, [header.map((name) => cells[name] ?? '')]).toString('utf8'));
}

const base = {
  subject: 'Physics',
  chapter: 'Kinematics',
  topic: 'Projectile Motion',
  stem_en: 'Q?',
  stem_hi: 'प्रश्न?',
};
const mcq = {
  ...base,
  type: 'mcq_single',
  option_a_en: '1',
  option_a_hi: '१',
  option_b_en: '2',
  option_b_hi: '२',
  answer: 'B',
};

function errorsOf(cells: Record<string, string>) {
  const [mapped] = mapSheet(csvRow(cells));
  return mapped?.errors.map((error) => `${error.row}:${error.column}`) ?? [];
}

describe('question rows: template round trips', () => {
  it('CSV template maps back to exactly the example questions of every type', () => {
    const text = buildTemplateCsv().toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const mapped = mapSheet(readCsvSheet(text));
    expect(mapped.flatMap((row) => row.errors)).toEqual([]);
    expect(mapped.map((row) => withoutId(row.question!))).toEqual(TEMPLATE_QUESTIONS.map(withoutId));
  });

  it('XLSX template maps back to exactly the example questions of every type', async () => {
    const mapped = mapSheet(await readXlsxSheet(await buildTemplateXlsx()));
    expect(mapped.flatMap((row) => row.errors)).toEqual([]);
    expect(mapped.map((row) => withoutId(row.question!))).toEqual(TEMPLATE_QUESTIONS.map(withoutId));
  });

  it('keeps cells that begin with = + - @ exact through the apostrophe escape', () => {
    const question: Question = {
      ...(TEMPLATE_QUESTIONS[0] as Question & { type: 'mcq_single' }),
      content: {
        en: {
          stem: '=1+1 is not a formula here',
          options: [
            { id: 'a', text: '-1' },
            { id: 'b', text: '+2' },
            { id: 'c', text: "'=quoted" },
            { id: 'd', text: '@home' },
          ],
        },
      },
    };
    const { header, rows } = mapQuestionsToTable([question]);
    const csv = writeCsv(header, rows).toString('utf8');
    expect(csv).toContain("'=1+1");
    const [mapped] = mapSheet(readCsvSheet(csv));
    expect(mapped?.errors).toEqual([]);
    expect(withoutId(mapped!.question!)).toEqual(withoutId(question));
  });
});

describe('question rows: answer notations', () => {
  const keyOf = (cells: Record<string, string>) => {
    const [mapped] = mapSheet(csvRow(cells));
    expect(mapped?.errors).toEqual([]);
    return mapped?.question?.key;
  };
  const opts = { option_c_en: '3', option_c_hi: '३', option_d_en: '4', option_d_hi: '४' };

  it('reads single and multi option letters in any case, with ; , or spaces', () => {
    expect(keyOf({ ...mcq, answer: 'b' })).toEqual({ optionId: 'b' });
    expect(keyOf({ ...mcq, answer: '(B)' })).toEqual({ optionId: 'b' });
    for (const answer of ['A;C', 'a, c', 'A C'])
      expect(keyOf({ ...mcq, ...opts, type: 'mcq_multi', answer })).toEqual({ optionIds: ['a', 'c'] });
  });

  it('reads exact, tolerance (± and +-) and range numerical answers, negatives included', () => {
    const numerical = { ...base, type: 'numerical' };
    expect(keyOf({ ...numerical, answer: '3.14' })).toEqual({ kind: 'exact', value: '3.14' });
    expect(keyOf({ ...numerical, answer: '-2.5±0.1' })).toEqual({
      kind: 'tolerance',
      value: '-2.5',
      tolerance: '0.1',
    });
    expect(keyOf({ ...numerical, answer: '2.5 +- 0.1' })).toEqual({
      kind: 'tolerance',
      value: '2.5',
      tolerance: '0.1',
    });
    expect(keyOf({ ...numerical, answer: '-1..2' })).toEqual({ kind: 'range', min: '-1', max: '2' });
  });

  it('reads matrix answers with several columns per row', () => {
    const matrix = {
      ...base,
      type: 'matrix_match',
      row_p_en: 'a',
      row_q_en: 'b',
      column_1_en: 'x',
      column_2_en: 'y',
      column_3_en: 'z',
      stem_hi: '',
      allow_multiple_per_row: 'yes',
    };
    expect(keyOf({ ...matrix, answer: 'P:2;Q:1,3' })).toEqual({ matches: { p: ['2'], q: ['1', '3'] } });
  });

  it('reads assertion-reason letters and TITA lists with text or number comparison', () => {
    const ar = {
      ...base,
      type: 'assertion_reason',
      assertion_en: 'A',
      reason_en: 'R',
      assertion_hi: 'अ',
      reason_hi: 'क',
    };
    expect(keyOf({ ...ar, answer: 'C' })).toEqual({ optionId: 'assertion_true_reason_false' });
    expect(keyOf({ ...base, type: 'tita', answer: '12;12.0' })).toEqual({
      accepted: ['12', '12.0'],
      compare: 'number',
    });
    expect(keyOf({ ...base, type: 'tita', answer: 'New Delhi;Delhi\\;NCR' })).toEqual({
      accepted: ['New Delhi', 'Delhi;NCR'],
      compare: 'text',
    });
    expect(keyOf({ ...base, type: 'tita', answer: '12', tita_compare: 'text' })).toEqual({
      accepted: ['12'],
      compare: 'text',
    });
  });
});

describe('question rows: errors name the row and the spreadsheet column', () => {
  it('reports bad answers in the answer column', () => {
    expect(errorsOf({ ...mcq, answer: 'E' })).toEqual(['2:answer']);
    expect(errorsOf({ ...mcq, answer: 'B;C' })).toEqual(['2:answer']);
    expect(errorsOf({ ...mcq, answer: '' })).toEqual(['2:answer']);
    expect(errorsOf({ ...base, type: 'numerical', answer: 'three' })).toEqual(['2:answer']);
    expect(errorsOf({ ...base, type: 'numerical', answer: '5..1' })).toEqual(['2:answer']);
    expect(errorsOf({ ...base, type: 'numerical', answer: '2.5', integer_only: 'yes' })).toEqual([
      '2:answer',
    ]);
    expect(errorsOf({ ...base, type: 'tita', answer: 'abc', tita_compare: 'number' })).toEqual(['2:answer']);
  });

  it('reports a missing Hindi option against its own cell', () => {
    expect(errorsOf({ ...mcq, option_b_hi: '' })).toEqual(['2:option_b_hi']);
    expect(errorsOf({ ...mcq, stem_hi: '' })).toEqual(['2:stem_hi']);
  });

  it('reports format, type, classification and unused columns', () => {
    expect(errorsOf({ ...base, type: 'numerical', answer: '1', decimals: 'two' })).toEqual(['2:decimals']);
    expect(errorsOf({ ...base, type: 'numerical', answer: '1', decimals: '11' })).toEqual(['2:decimals']);
    expect(errorsOf({ ...base, type: 'numerical', answer: '1', rounding: 'ceil' })).toEqual(['2:rounding']);
    expect(errorsOf({ ...mcq, type: 'essay' })).toEqual(['2:type']);
    expect(errorsOf({ ...mcq, topic: '' })).toEqual(['2:topic']);
    expect(errorsOf({ ...mcq, difficulty: 'tough' })).toEqual(['2:difficulty']);
    expect(errorsOf({ ...mcq, tags: 'a;a' })).toEqual(['2:tags']);
    expect(errorsOf({ ...mcq, row_p_en: 'stray' })).toEqual(['2:row_p_en']);
    expect(errorsOf({ ...mcq, fixed_options: 'F' })).toEqual(['2:fixed_options']);
  });

  it('reports matrix and assertion-reason problems precisely', () => {
    const matrix = {
      ...base,
      stem_hi: '',
      type: 'matrix_match',
      row_p_en: 'a',
      row_q_en: 'b',
      column_1_en: 'x',
      column_2_en: 'y',
    };
    expect(errorsOf({ ...matrix, answer: 'P:1,2;Q:1' })).toEqual(['2:answer']);
    expect(errorsOf({ ...matrix, answer: 'P:1' })).toEqual(['2:answer']);
    expect(errorsOf({ ...matrix, answer: 'P:1;Q:1', allow_multiple_per_row: 'maybe' })).toEqual([
      '2:allow_multiple_per_row',
    ]);
    const ar = {
      ...base,
      type: 'assertion_reason',
      answer: 'A',
      assertion_en: 'A',
      reason_en: 'R',
      assertion_hi: 'अ',
    };
    expect(errorsOf(ar)).toEqual(['2:reason_hi']);
  });

  it('reports every problem of a row, not only the first: unknown type, unreadable answer or format', () => {
    const mapped = (cells: Record<string, string>) => mapSheet(csvRow(cells))[0];
    // An unknown type still has its empty answer and missing topic reported.
    const unknownType = mapped({ ...mcq, type: 'essay', answer: '', topic: '' });
    expect(unknownType?.question).toBeNull();
    expect(unknownType?.errors.map((error) => `${error.row}:${error.column}`)).toEqual([
      '2:type',
      '2:answer',
      '2:topic',
    ]);
    expect(unknownType?.errors[0]?.message).toContain('Unknown type "essay"');
    // An unreadable answer hides neither the bad difficulty nor the missing Hindi option.
    expect(errorsOf({ ...mcq, answer: 'B;C', difficulty: 'tough', option_b_hi: '' })).toEqual([
      '2:answer',
      '2:difficulty',
      '2:option_b_hi',
    ]);
    // A numerical row: the answer, both format cells and the tags, each once.
    expect(
      errorsOf({
        ...base,
        type: 'numerical',
        answer: 'three',
        decimals: 'two',
        rounding: 'ceil',
        tags: 'a;a',
      }),
    ).toEqual(['2:answer', '2:decimals', '2:rounding', '2:tags']);
    // A matrix row with an unreadable yes/no and answer still has its empty topic reported.
    const matrix = {
      ...base,
      stem_hi: '',
      type: 'matrix_match',
      row_p_en: 'a',
      column_1_en: 'x',
      topic: '',
    };
    const matrixRow = mapped({ ...matrix, answer: 'P to 1', allow_multiple_per_row: 'maybe' });
    expect(matrixRow?.question).toBeNull();
    expect(matrixRow?.errors.map((error) => error.column)).toEqual([
      'answer',
      'allow_multiple_per_row',
      'topic',
    ]);
    // A valid row is still a question with no errors.
    expect(mapped({ ...matrix, topic: 'Projectile Motion', answer: 'P:1' })?.errors).toEqual([]);
  });

  it('refuses formula-looking cells and images missing from the zip', () => {
    const { header } = mapQuestionsToTable([]);
    const cells: Record<string, string> = {
      ...mcq,
      option_a_en: '=HYPERLINK("http://x","y")',
      option_b_en: "-2+3+cmd|' /C calc'!A0",
    };
    const raw = stringify([header, header.map((name) => cells[name] ?? '')]);
    const [formulaRow] = mapSheet(readCsvSheet(raw));
    expect(formulaRow?.errors.map((error) => `${error.row}:${error.column}`)).toEqual([
      '2:option_a_en',
      '2:option_b_en',
    ]);
    expect(errorsOf({ ...mcq, stem_en: 'See ![fig](diagram1.png)' })).toEqual(['2:stem_en']);
    expect(errorsOf({ ...mcq, stem_en: 'See ![fig](http://example.com/a.png)' })).toEqual(['2:stem_en']);
    expect(errorsOf({ ...mcq, stem_en: 'See ![fig](https://example.com/a.png)' })).toEqual([]);
  });

  it('rewrites zip image names to asset references and declares them', () => {
    const [mapped] = mapSheet(csvRow({ ...mcq, stem_en: 'See ![fig](Diagram1.PNG "t")' }), () => ({
      target: 'image:abc',
    }));
    expect(mapped?.question?.content.en?.stem).toBe('See ![fig](image:abc "t")');
  });

  it('reports unknown and missing header columns on row 1', () => {
    const { errors } = readLayout(['type', 'stem_en', 'colour', 'answer']);
    expect(errors.map((error) => `${error.row}:${error.column}`)).toEqual([
      '1:colour',
      '1:subject',
      '1:chapter',
      '1:topic',
    ]);
  });
});
