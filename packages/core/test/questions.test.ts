import { describe, expect, it } from 'vitest';
import { toCandidatePaper, toCandidateQuestion, validateQuestion, type Question } from '../src/index.js';
import {
  JEE_MAIN_LIKE,
  makeAssertionReason,
  makeMatrix,
  makeMulti,
  makeNumerical,
  makePaper,
  makeSection,
  makeSingle,
  makeTita,
} from './fixtures.js';

const codes = (question: Question) =>
  validateQuestion(question).map((issue) => `${issue.code}@${issue.path}`);

describe('validateQuestion', () => {
  it('accepts well-formed questions of every type', () => {
    const valid: Question[] = [
      makeSingle('s'),
      makeMulti('m', ['a', 'c']),
      makeNumerical(
        'n',
        { kind: 'tolerance', value: 9.8, tolerance: 0.1 },
        { decimals: 2, rounding: 'truncate' },
      ),
      makeMatrix('x', { p: ['1'], q: ['2', '3'], r: ['4'], s: ['5'] }),
      makeAssertionReason('ar'),
      makeTita('t', ['42']),
    ];
    for (const question of valid) expect(validateQuestion(question)).toEqual([]);
  });

  it.each<[string, Question, string]>([
    ['multi with no correct option', makeMulti('m', []), 'MULTI_NO_CORRECT_OPTION@key.optionIds'],
    ['key naming a missing option', makeSingle('s', 'e'), 'KEY_UNKNOWN_OPTION@key.optionId'],
    [
      'matrix key naming a missing column',
      makeMatrix('x', { p: ['9'], q: ['2'], r: ['4'], s: ['5'] }),
      'MATRIX_KEY_UNKNOWN_COLUMN@key.matches.p',
    ],
    [
      'matrix key naming a missing row',
      makeMatrix('x', { p: ['1'], q: ['2'], r: ['4'], s: ['5'], t: ['1'] }),
      'MATRIX_KEY_UNKNOWN_ROW@key.matches.t',
    ],
    [
      'matrix key leaving a row out',
      makeMatrix('x', { p: ['1'], q: ['2'], r: ['4'] }),
      'MATRIX_KEY_ROW_MISSING@key.matches.s',
    ],
    [
      'matrix one-per-row with two columns',
      makeMatrix('x', { p: ['1', '2'], q: ['2'], r: ['4'], s: ['5'] }, false),
      'MATRIX_KEY_MULTIPLE_PER_ROW@key.matches.p',
    ],
    [
      'numerical range min > max',
      makeNumerical('n', { kind: 'range', min: 5, max: 4 }),
      'NUMERICAL_RANGE_INVERTED@key.min',
    ],
    [
      'numerical negative tolerance',
      makeNumerical('n', { kind: 'tolerance', value: 5, tolerance: -1 }),
      'NUMERICAL_TOLERANCE_NEGATIVE@key.tolerance',
    ],
    [
      'numerical key not a number',
      makeNumerical('n', { kind: 'exact', value: 'five' }),
      'NUMERICAL_KEY_NOT_A_NUMBER@key.value',
    ],
    [
      'numerical key too large to write without an exponent',
      makeNumerical('n', { kind: 'exact', value: 1e308 }),
      'NUMERICAL_KEY_NOT_A_NUMBER@key.value',
    ],
    [
      'integer question with decimal key',
      makeNumerical('n', { kind: 'exact', value: 2.5 }, { integerOnly: true }),
      'NUMERICAL_KEY_NOT_INTEGER@key.value',
    ],
    [
      'numerical decimals out of range',
      makeNumerical('n', { kind: 'exact', value: 2 }, { decimals: -1 }),
      'NUMERICAL_DECIMALS_INVALID@format.decimals',
    ],
    ['TITA with no accepted answer', makeTita('t', []), 'TITA_NO_ACCEPTED_ANSWER@key.accepted'],
    ['TITA number compare with text', makeTita('t', ['forty']), 'TITA_ACCEPTED_NOT_A_NUMBER@key.accepted.0'],
  ])('%s', (_name, question, expected) => {
    expect(codes(question)).toContain(expected);
  });

  it('a language version with a different number of options', () => {
    const base = makeSingle('s');
    const question: Question = {
      ...base,
      content: {
        ...base.content,
        hi: {
          stem: 'प्रश्न',
          options: [
            { id: 'a', text: 'क' },
            { id: 'b', text: 'ख' },
            { id: 'c', text: 'ग' },
          ],
        },
      },
    };
    expect(codes(question)).toEqual(['LANGUAGE_OPTION_COUNT_MISMATCH@content.hi.options']);
  });

  it('a language version with different option ids, or missing options', () => {
    const base = makeSingle('s');
    const renamed: Question = {
      ...base,
      content: {
        ...base.content,
        hi: { stem: 'प्रश्न', options: ['a', 'b', 'c', 'x'].map((id) => ({ id, text: id })) },
      },
    };
    expect(codes(renamed)).toEqual(['LANGUAGE_OPTION_ID_MISMATCH@content.hi.options.3.id']);
    const missing: Question = { ...base, content: { ...base.content, hi: { stem: 'प्रश्न' } } };
    expect(codes(missing)).toEqual(['LANGUAGE_OPTIONS_MISSING@content.hi.options']);
  });

  it('duplicate option ids, too few options, blank text, unexpected fields', () => {
    const base = makeSingle('s');
    const duplicate: Question = {
      ...base,
      options: [{ id: 'a' }, { id: 'a' }],
      content: {
        en: {
          stem: 'x',
          options: [
            { id: 'a', text: 'one' },
            { id: 'a', text: '' },
          ],
        },
      },
    };
    expect(codes(duplicate)).toEqual(
      expect.arrayContaining(['OPTION_DUPLICATE_ID@options', 'OPTION_TEXT_EMPTY@content.en.options.1.text']),
    );
    const lonely: Question = {
      ...base,
      options: [{ id: 'a' }],
      content: { en: { stem: 'x', options: [{ id: 'a', text: 'one' }] } },
    };
    expect(codes(lonely)).toContain('OPTIONS_TOO_FEW@options');
    const numerical = makeNumerical('n', { kind: 'exact', value: 1 });
    expect(
      codes({ ...numerical, content: { en: { stem: 'x', options: [{ id: 'a', text: 'a' }] } } }),
    ).toEqual(['CONTENT_UNEXPECTED_FIELD@content.en.options']);
  });

  it('common fields: blank stem, classification, difficulty, tags, language code, images', () => {
    const base = makeTita('t', ['1']);
    const broken = {
      ...base,
      id: ' ',
      difficulty: 'impossible',
      tags: ['a', 'a', ''],
      classification: { subject: 'Maths', chapter: '', topic: 'x' },
      content: { English: { stem: 'See ![graph](image:g2)' }, hi: { stem: '  ' } },
      images: [{ id: 'g1' }],
    } as unknown as Question;
    expect(codes(broken)).toEqual(
      expect.arrayContaining([
        'QUESTION_ID_EMPTY@id',
        'DIFFICULTY_INVALID@difficulty',
        'TAG_DUPLICATE@tags',
        'TAG_EMPTY@tags.2',
        'CLASSIFICATION_MISSING@classification.chapter',
        'LANGUAGE_CODE_INVALID@content.English',
        'STEM_EMPTY@content.hi.stem',
        'IMAGE_UNKNOWN_REF@content.English',
      ]),
    );
    expect(codes({ ...base, content: {} })).toEqual(['CONTENT_MISSING@content']);
  });

  it('assertion-reason needs both statements in every language', () => {
    const base = makeAssertionReason('ar');
    expect(codes({ ...base, content: { en: { stem: 'x', assertion: 'A' } } })).toEqual([
      'AR_STATEMENT_MISSING@content.en',
    ]);
  });
});

describe('candidate-safe projection (keys never reach the browser)', () => {
  const questions: Question[] = [
    makeSingle('s', 'c'),
    makeMulti('m', ['b', 'd']),
    makeNumerical('n', { kind: 'range', min: 1.23, max: 4.56 }, { decimals: 2 }),
    makeMatrix('x', { p: ['1'], q: ['2', '3'], r: ['4'], s: ['5'] }),
    makeAssertionReason('ar'),
    makeTita('t', ['SECRET_TITA_ANSWER'], 'text'),
  ];

  it.each(questions.map((question) => [question.type, question] as const))(
    '%s has no key, solution or source',
    (_type, question) => {
      const projected = toCandidateQuestion(question);
      const json = JSON.stringify(projected);
      expect(projected).not.toHaveProperty('key');
      expect(json).not.toMatch(
        /SECRET_|solution|"key"|source|JEE Main 2024|1\.23|4\.56|both_true_reason_explains"}/,
      );
      expect(projected.id).toBe(question.id);
    },
  );

  it('keeps what a candidate needs: text in every language, option ids with fixed flags, input formats', () => {
    const single = toCandidateQuestion({
      ...makeSingle('s'),
      options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', fixed: true }],
    });
    expect(single).toMatchObject({
      type: 'mcq_single',
      options: [{ id: 'a', fixed: false }, { id: 'b' }, { id: 'c' }, { id: 'd', fixed: true }],
    });
    expect(Object.keys(single.content)).toEqual(['en', 'hi']);
    expect(single.content.hi?.options?.[0]?.text).toBe('hi option a');
    const ar = toCandidateQuestion(makeAssertionReason('ar'));
    expect(ar.content.en?.options?.map((option) => option.id)).toHaveLength(4);
    expect(
      toCandidateQuestion(makeNumerical('n', { kind: 'exact', value: 1 }, { integerOnly: true })),
    ).toMatchObject({ format: { integerOnly: true } });
    expect(toCandidateQuestion(makeTita('t', ['x'], 'text'))).toMatchObject({ inputMode: 'text' });
  });

  it('carries only the images the stem, options, rows, columns and statements use, never a solution-only one', () => {
    const ref = (id: string) => `![figure ${id}](image:${id})`;
    const single = makeSingle('img', 'a', {
      images: [
        { id: 'stem-img', alt: 'circuit' },
        { id: 'opt-img' },
        { id: 'hi-opt-img' },
        { id: 'solution-img', alt: 'SECRET_ALT: the current is 2 A' },
        { id: 'unused-img' },
      ],
      content: {
        en: {
          stem: `Find the current. ${ref('stem-img')}`,
          options: [
            { id: 'a', text: ref('opt-img') },
            { id: 'b', text: 'b' },
            { id: 'c', text: 'c' },
            { id: 'd', text: 'd' },
          ],
          solution: `Because ${ref('solution-img')}`,
        },
        hi: {
          stem: 'धारा ज्ञात कीजिए।',
          options: [
            { id: 'a', text: ref('hi-opt-img') },
            { id: 'b', text: 'b' },
            { id: 'c', text: 'c' },
            { id: 'd', text: 'd' },
          ],
          solution: ref('solution-img'),
        },
      },
    });
    expect(toCandidateQuestion(single).images).toEqual([
      { id: 'stem-img', alt: 'circuit' },
      { id: 'opt-img' },
      { id: 'hi-opt-img' },
    ]);
    const matrix = makeMatrix('mx', { p: ['1'], q: ['2'], r: ['3'], s: ['4'] });
    const rowsAndColumns: Question = {
      ...matrix,
      images: [{ id: 'row-img' }, { id: 'col-img' }, { id: 'solution-img' }],
      content: {
        en: {
          ...matrix.content.en!,
          rows: matrix.content.en!.rows!.map((row, i) => (i === 0 ? { ...row, text: ref('row-img') } : row)),
          columns: matrix.content.en!.columns!.map((c, i) => (i === 1 ? { ...c, text: ref('col-img') } : c)),
          solution: ref('solution-img'),
        },
      },
    };
    expect(toCandidateQuestion(rowsAndColumns).images).toEqual([{ id: 'row-img' }, { id: 'col-img' }]);
    const ar = makeAssertionReason('ar-img');
    const statements: Question = {
      ...ar,
      images: [{ id: 'a-img' }, { id: 'r-img' }, { id: 'solution-img' }],
      content: {
        en: {
          ...ar.content.en!,
          assertion: ref('a-img'),
          reason: ref('r-img'),
          solution: ref('solution-img'),
        },
      },
    };
    expect(toCandidateQuestion(statements).images).toEqual([{ id: 'a-img' }, { id: 'r-img' }]);
    expect(
      JSON.stringify(toCandidatePaper(makePaper([makeSection('s', JEE_MAIN_LIKE, [single])]))),
    ).not.toMatch(/solution-img|SECRET_ALT|unused-img/);
  });

  it('a candidate paper carries no key, solution or revision', () => {
    const paper = makePaper([makeSection('s', JEE_MAIN_LIKE, questions)]);
    const revised = {
      ...paper,
      sections: paper.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => ({ ...item, revision: { dropped: 'everyone' as const } })),
      })),
    };
    const json = JSON.stringify(toCandidatePaper(revised));
    expect(json).not.toMatch(/SECRET_|solution|"key"|revision|dropped/);
    expect(json).toContain('"correct":4');
  });
});
