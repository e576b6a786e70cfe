import { describe, expect, it } from 'vitest';
import {
  CAT_SCHEME,
  JEE_ADVANCED_SCHEMES,
  createUpscScheme,
  formatMarks,
  scoreAttempt,
  type Answer,
  type MarkingScheme,
  type PaletteState,
  type Question,
  type QuestionScore,
} from '../src/index.js';
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

function scoreOne(
  question: Question,
  answer: Answer | null,
  scheme: MarkingScheme,
  state?: PaletteState,
): QuestionScore {
  const paper = makePaper([makeSection('s1', scheme, [question])]);
  const result = scoreAttempt(paper, {
    [question.id]: { answer, ...(state === undefined ? {} : { state }) },
  });
  const score = result.questions[0];
  if (score === undefined) throw new Error('no score');
  return score;
}

const multi = (ids: string[]): Answer => ({ type: 'mcq_multi', optionIds: ids });
const single = (...ids: string[]): Answer => ({ type: 'mcq_single', optionIds: ids });

describe('JEE Advanced multi-correct partial marking (+4/+3/+2/+1/0/-2)', () => {
  const scheme = JEE_ADVANCED_SCHEMES.multiCorrectPartial;
  it.each([
    // [correct options, chosen, marks, outcome]
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], 4, 'correct'],
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c'], 3, 'partial'],
    [['a', 'b', 'c', 'd'], ['b', 'c', 'd'], 3, 'partial'],
    [['a', 'b', 'c', 'd'], ['a', 'd'], 2, 'partial'],
    [['a', 'b', 'c', 'd'], ['c'], 1, 'partial'],
    [['a', 'b', 'c'], ['a', 'b', 'c'], 4, 'correct'],
    [['a', 'b', 'c'], ['a', 'c'], 2, 'partial'],
    [['a', 'b', 'c'], ['b'], 1, 'partial'],
    [['a', 'b', 'c'], ['a', 'b', 'd'], -2, 'wrong'],
    [['a', 'b', 'c'], ['a', 'b', 'c', 'd'], -2, 'wrong'],
    [['a', 'b'], ['a', 'b'], 4, 'correct'],
    [['a', 'b'], ['a'], 1, 'partial'],
    [['a', 'b'], ['b'], 1, 'partial'],
    [['a', 'b'], ['a', 'c'], -2, 'wrong'],
    [['a', 'b'], ['c'], -2, 'wrong'],
    [['a'], ['a'], 4, 'correct'],
    [['a'], ['a', 'b'], -2, 'wrong'],
    [['a'], ['b'], -2, 'wrong'],
    [['d'], ['a', 'b', 'c'], -2, 'wrong'],
  ] as const)('key %j, chosen %j -> %d', (correct, chosen, marks, outcome) => {
    const score = scoreOne(makeMulti('q', correct), multi([...chosen]), scheme);
    expect(score.marks).toBe(marks);
    expect(score.outcome).toBe(outcome);
  });

  it('gives 0 when unanswered, and for an empty selection', () => {
    expect(scoreOne(makeMulti('q', ['a', 'b']), null, scheme)).toMatchObject({
      marks: 0,
      outcome: 'unanswered',
      reason: 'UNANSWERED',
    });
    expect(scoreOne(makeMulti('q', ['a', 'b']), multi([]), scheme)).toMatchObject({
      marks: 0,
      outcome: 'unanswered',
    });
  });

  it('all-or-nothing multi gives no partial marks', () => {
    const allOrNothing: MarkingScheme = { correct: 4, wrong: -2, multi: { mode: 'all_or_nothing' } };
    expect(
      scoreOne(makeMulti('q', ['a', 'b', 'c', 'd']), multi(['a', 'b', 'c']), allOrNothing),
    ).toMatchObject({ marks: -2, outcome: 'wrong' });
    expect(scoreOne(makeMulti('q', ['a', 'b']), multi(['b', 'a']), allOrNothing)).toMatchObject({
      marks: 4,
      outcome: 'correct',
    });
  });
});

describe('single-correct MCQ', () => {
  it.each([
    [JEE_MAIN_LIKE, single('a'), 4],
    [JEE_MAIN_LIKE, single('b'), -1],
    [JEE_MAIN_LIKE, null, 0],
    [JEE_ADVANCED_SCHEMES.singleCorrect, single('a'), 3],
    [JEE_ADVANCED_SCHEMES.matchingList, single('c'), -1],
  ] as const)('scheme %j answer %j -> %d', (scheme, answer, marks) => {
    expect(scoreOne(makeSingle('q', 'a'), answer, scheme).marks).toBe(marks);
  });

  it('assertion-reason is scored as single-correct', () => {
    const question = makeAssertionReason('ar');
    expect(
      scoreOne(question, { type: 'assertion_reason', optionId: 'both_true_reason_explains' }, JEE_MAIN_LIKE)
        .marks,
    ).toBe(4);
    expect(
      scoreOne(question, { type: 'assertion_reason', optionId: 'assertion_false_reason_true' }, JEE_MAIN_LIKE)
        .marks,
    ).toBe(-1);
  });
});

describe('UPSC: one third deducted, several marks = wrong', () => {
  it('GS Paper I: +2, wrong -2/3 shown as -0.66', () => {
    const gs = createUpscScheme(2);
    const wrong = scoreOne(makeSingle('q', 'a'), single('b'), gs);
    expect(wrong.exact).toEqual({ num: -2, den: 3 });
    expect(formatMarks(wrong.exact)).toBe('-0.66');
    expect(scoreOne(makeSingle('q', 'a'), single('a'), gs).marks).toBe(2);
    expect(scoreOne(makeSingle('q', 'a'), null, gs).marks).toBe(0);
  });

  it('CSAT: +2.5, wrong -5/6 shown as -0.83', () => {
    const csat = createUpscScheme(2.5);
    const wrong = scoreOne(makeSingle('q', 'a'), single('c'), csat);
    expect(wrong.exact).toEqual({ num: -5, den: 6 });
    expect(formatMarks(wrong.exact)).toBe('-0.83');
    expect(scoreOne(makeSingle('q', 'a'), single('a'), csat).exact).toEqual({ num: 5, den: 2 });
  });

  it('two options marked is wrong even when one of them is the key', () => {
    const score = scoreOne(makeSingle('q', 'a'), single('a', 'b'), createUpscScheme(2));
    expect(score).toMatchObject({ outcome: 'wrong', reason: 'MULTIPLE_OPTIONS_MARKED' });
    expect(score.exact).toEqual({ num: -2, den: 3 });
  });

  it('three wrong answers cost exactly 2 marks (no rounding drift)', () => {
    const paper = makePaper([
      makeSection(
        'gs',
        createUpscScheme(2),
        ['q1', 'q2', 'q3', 'q4'].map((id) => makeSingle(id, 'a')),
      ),
    ]);
    const result = scoreAttempt(paper, {
      q1: { answer: single('b') },
      q2: { answer: single('c') },
      q3: { answer: single('d') },
      q4: { answer: single('a') },
    });
    expect(result.total.exact).toEqual({ num: 0, den: 1 });
    expect(result.total).toMatchObject({ correct: 1, wrong: 3 });
  });
});

describe('CAT: TITA questions carry no negative marks', () => {
  it.each([
    [makeTita('t', ['42']), { type: 'tita', text: '42' }, 3],
    [makeTita('t', ['42']), { type: 'tita', text: '42.0' }, 3],
    [makeTita('t', ['42']), { type: 'tita', text: '41' }, 0],
    [makeTita('t', ['New Delhi'], 'text'), { type: 'tita', text: '  new   DELHI ' }, 3],
    [makeTita('t', ['New Delhi'], 'text'), { type: 'tita', text: 'Mumbai' }, 0],
    [makeSingle('m', 'a'), single('a'), 3],
    [makeSingle('m', 'a'), single('b'), -1],
  ] as const)('%#: %j', (question, answer, marks) => {
    expect(scoreOne(question, answer, CAT_SCHEME).marks).toBe(marks);
  });
});

describe('numerical answers', () => {
  const noNegative = JEE_ADVANCED_SCHEMES.numericalNoNegative;
  it.each([
    ['integer exact', makeNumerical('n', { kind: 'exact', value: 12 }, { integerOnly: true }), '12', 4],
    ['integer with zeros', makeNumerical('n', { kind: 'exact', value: 12 }, { integerOnly: true }), '012', 4],
    ['integer wrong', makeNumerical('n', { kind: 'exact', value: 12 }, { integerOnly: true }), '13', -1],
    ['decimal exact string', makeNumerical('n', { kind: 'exact', value: '2.50' }), '2.5', 4],
    ['tolerance inside', makeNumerical('n', { kind: 'tolerance', value: 9.8, tolerance: 0.05 }), '9.85', 4],
    [
      'tolerance edge below',
      makeNumerical('n', { kind: 'tolerance', value: 9.8, tolerance: 0.05 }),
      '9.75',
      4,
    ],
    ['tolerance outside', makeNumerical('n', { kind: 'tolerance', value: 9.8, tolerance: 0.05 }), '9.86', -1],
    ['range inside', makeNumerical('n', { kind: 'range', min: 0.1, max: 0.3 }), '0.3', 4],
    [
      'range float trap (0.1 + 0.2)',
      makeNumerical('n', { kind: 'range', min: '0.3', max: '0.4' }),
      '0.30',
      4,
    ],
    ['range outside', makeNumerical('n', { kind: 'range', min: 0.1, max: 0.3 }), '0.31', -1],
    ['negative value', makeNumerical('n', { kind: 'exact', value: -1.5 }), '-1.50', 4],
  ] as const)('%s', (_name, question, value, marks) => {
    expect(scoreOne(question, { type: 'numerical', value }, JEE_MAIN_LIKE).marks).toBe(marks);
  });

  it('truncate vs round to 2 places: true value 2.346', () => {
    const truncated = makeNumerical(
      'n',
      { kind: 'exact', value: 2.346 },
      { decimals: 2, rounding: 'truncate' },
    );
    const rounded = makeNumerical('n', { kind: 'exact', value: 2.346 }, { decimals: 2, rounding: 'round' });
    const either = makeNumerical(
      'n',
      { kind: 'exact', value: 2.346 },
      { decimals: 2, rounding: 'truncate_or_round' },
    );
    const at = (question: Question, value: string) =>
      scoreOne(question, { type: 'numerical', value }, noNegative).marks;
    expect([at(truncated, '2.34'), at(truncated, '2.35')]).toEqual([4, 0]);
    expect([at(rounded, '2.34'), at(rounded, '2.35')]).toEqual([0, 4]);
    expect([at(either, '2.34'), at(either, '2.35'), at(either, '2.33')]).toEqual([4, 4, 0]);
    // More places than asked are brought to 2 places by the same rule.
    expect(at(truncated, '2.3499')).toBe(4);
    expect(at(rounded, '2.3450')).toBe(4);
  });

  it('rounds half away from zero exactly (1.005 -> 1.01, where floats give 1.00)', () => {
    const question = makeNumerical(
      'n',
      { kind: 'exact', value: '1.005' },
      { decimals: 2, rounding: 'round' },
    );
    expect(scoreOne(question, { type: 'numerical', value: '1.01' }, JEE_MAIN_LIKE).marks).toBe(4);
    expect(scoreOne(question, { type: 'numerical', value: '1.00' }, JEE_MAIN_LIKE).marks).toBe(-1);
  });

  it('no negative marks for numerical where the scheme says so', () => {
    const question = makeNumerical('n', { kind: 'exact', value: 5 }, { integerOnly: true });
    expect(scoreOne(question, { type: 'numerical', value: '6' }, noNegative)).toMatchObject({
      marks: 0,
      outcome: 'wrong',
    });
    const byType: MarkingScheme = { correct: 4, wrong: -1, byType: { numerical: { wrong: 0 } } };
    expect(scoreOne(question, { type: 'numerical', value: '6' }, byType).marks).toBe(0);
    expect(scoreOne(makeSingle('s', 'a'), single('b'), byType).marks).toBe(-1);
  });
});

describe('matrix match', () => {
  const key = { p: ['1'], q: ['2', '3'], r: ['4'], s: ['5'] };
  const answer = (matches: Record<string, string[]>): Answer => ({ type: 'matrix_match', matches });
  const perRow: MarkingScheme = {
    correct: 8,
    wrong: 0,
    matrix: { mode: 'per_row', correctPerRow: 2, wrongPerRow: -1 },
  };
  const allOrNothing: MarkingScheme = { correct: 3, wrong: -1, matrix: { mode: 'all_or_nothing' } };

  it.each([
    ['all rows right', { p: ['1'], q: ['3', '2'], r: ['4'], s: ['5'] }, 8, 'correct', 3, 'correct'],
    ['three right, one blank', { p: ['1'], q: ['2', '3'], r: ['4'] }, 6, 'partial', -1, 'wrong'],
    ['two right, one wrong, one blank', { p: ['1'], q: ['2', '3'], r: ['5'] }, 3, 'partial', -1, 'wrong'],
    ['a row with a subset is wrong', { p: ['1'], q: ['2'], r: ['4'], s: ['5'] }, 5, 'partial', -1, 'wrong'],
    ['all rows wrong', { p: ['2'], q: ['1'], r: ['1'], s: ['1'] }, -4, 'wrong', -1, 'wrong'],
  ] as const)('%s', (_name, matches, perRowMarks, perRowOutcome, allMarks, allOutcome) => {
    const question = makeMatrix('m', key);
    const given = answer(
      Object.fromEntries(
        Object.entries(matches).map(([row, columns]): [string, string[]] => [
          row,
          [...(columns as readonly string[])],
        ]),
      ),
    );
    expect(scoreOne(question, given, perRow)).toMatchObject({ marks: perRowMarks, outcome: perRowOutcome });
    expect(scoreOne(question, given, allOrNothing)).toMatchObject({ marks: allMarks, outcome: allOutcome });
  });

  it('per-row maximum is rows x marks per row', () => {
    expect(scoreOne(makeMatrix('m', key), null, perRow).maxExact).toEqual({ num: 8, den: 1 });
  });
});

describe('palette state decides whether an answer is evaluated', () => {
  it.each([
    ['answered', 4, 'CORRECT'],
    ['answered_marked_for_review', 4, 'CORRECT'],
    ['marked_for_review', 0, 'NOT_SAVED_AS_ANSWER'],
    ['not_answered', 0, 'NOT_SAVED_AS_ANSWER'],
    ['not_visited', 0, 'NOT_SAVED_AS_ANSWER'],
  ] as const)('%s', (state, marks, reason) => {
    expect(scoreOne(makeSingle('q', 'a'), single('a'), JEE_MAIN_LIKE, state)).toMatchObject({
      marks,
      reason,
    });
  });
});

describe('invalid stored answers are not wrong answers', () => {
  it('an unknown option scores 0 with INVALID_ANSWER', () => {
    expect(scoreOne(makeSingle('q', 'a'), single('z'), JEE_MAIN_LIKE)).toMatchObject({
      marks: 0,
      outcome: 'unanswered',
      reason: 'INVALID_ANSWER',
    });
  });
});

describe('best k of n', () => {
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => makeSingle(id, 'a'));
  const paper = makePaper([makeSection('b', JEE_MAIN_LIKE, questions, { bestOf: 3 })]);

  it('evaluates only the first k answered, in paper order', () => {
    // The candidate answered q5 first in time, but paper order decides: q1, q2, q4 are evaluated.
    const result = scoreAttempt(paper, {
      q5: { answer: single('a') },
      q1: { answer: single('b') },
      q2: { answer: single('a') },
      q4: { answer: single('a') },
    });
    expect(result.questions.map((score) => [score.questionId, score.reason, score.marks])).toEqual([
      ['q1', 'WRONG', -1],
      ['q2', 'CORRECT', 4],
      ['q3', 'UNANSWERED', 0],
      ['q4', 'CORRECT', 4],
      ['q5', 'BEYOND_BEST_OF', 0],
    ]);
    expect(result.total).toMatchObject({ marks: 7, notEvaluated: 1, correct: 2, wrong: 1, unanswered: 1 });
    expect(result.sections.b?.maxMarks).toBe(12);
  });

  it('marked-for-review-only answers do not use up the k', () => {
    const result = scoreAttempt(paper, {
      q1: { answer: single('a'), state: 'marked_for_review' },
      q2: { answer: single('a') },
      q3: { answer: single('a') },
      q4: { answer: single('a') },
      q5: { answer: single('a') },
    });
    expect(
      result.questions.filter((score) => score.outcome === 'correct').map((score) => score.questionId),
    ).toEqual(['q2', 'q3', 'q4']);
  });
});

describe('per-question marks and totals', () => {
  it('an item override wins over the section scheme', () => {
    const paper = makePaper([
      {
        ...makeSection('s', JEE_MAIN_LIKE, []),
        items: [{ question: makeSingle('q', 'a'), marking: { correct: 5, wrong: -2 } }],
      },
    ]);
    expect(scoreAttempt(paper, { q: { answer: single('b') } }).total.marks).toBe(-2);
    expect(scoreAttempt(paper, { q: { answer: single('a') } }).total.maxMarks).toBe(5);
  });

  it('totals per section and per subject add up to the total', () => {
    const chemistry = {
      ...makeSingle('c1', 'a'),
      classification: { subject: 'Chemistry', chapter: 'Moles', topic: 'Stoichiometry' },
    };
    const paper = makePaper([
      makeSection('a', JEE_MAIN_LIKE, [makeSingle('p1', 'a'), chemistry]),
      makeSection('b', createUpscScheme(2), [makeSingle('p2', 'a')]),
    ]);
    const result = scoreAttempt(paper, {
      p1: { answer: single('a') },
      c1: { answer: single('b') },
      p2: { answer: single('b') },
    });
    expect(result.total.exact).toEqual({ num: 7, den: 3 });
    expect(result.sections.a?.marks).toBe(3);
    expect(result.sections.b?.exact).toEqual({ num: -2, den: 3 });
    expect(result.subjects.Physics?.exact).toEqual({ num: 10, den: 3 });
    expect(result.subjects.Chemistry?.marks).toBe(-1);
    expect(result.total.maxMarks).toBe(10);
  });
});
