import { describe, expect, it } from 'vitest';
import {
  analyseExam,
  analyseTime,
  buildAttemptPaper,
  flagTime,
  orderFirstVisits,
  scoreAttempt,
  type AnswerFacts,
} from '../src/index.js';
import { JEE_MAIN_LIKE, makeMulti, makePaper, makeSection, makeSingle } from './fixtures.js';

const hard = (id: string, key = 'a') => makeSingle(id, key, { difficulty: 'hard' });

// Physics: p1 (right), p2 (wrong), p3 (left); Chemistry (shuffled): c1 (right, hard), c2 (wrong, hard), c3 multi (partial).
const paper = makePaper([
  makeSection('phy', JEE_MAIN_LIKE, [makeSingle('p1'), makeSingle('p2'), makeSingle('p3')], {
    name: 'Physics',
  }),
  makeSection(
    'chem',
    { correct: 4, wrong: -2, multi: { mode: 'jee_advanced_partial' } },
    [hard('c1'), hard('c2'), makeMulti('c3', ['a', 'b'])],
    { name: 'Chemistry', subject: 'Chemistry', shuffleQuestions: true },
  ),
]);
const responses = {
  p1: { answer: { type: 'mcq_single' as const, optionIds: ['a'] }, state: 'answered' as const },
  p2: { answer: { type: 'mcq_single' as const, optionIds: ['b'] }, state: 'answered' as const },
  c1: { answer: { type: 'mcq_single' as const, optionIds: ['a'] }, state: 'answered' as const },
  c2: { answer: { type: 'mcq_single' as const, optionIds: ['c'] }, state: 'answered' as const },
  c3: { answer: { type: 'mcq_multi' as const, optionIds: ['a'] }, state: 'answered' as const },
};
const facts = (questionId: string, timeSpentMs: number, firstSeq: number | null, seq = 50): AnswerFacts => ({
  questionId,
  state: questionId === 'p3' ? 'not_answered' : 'answered',
  timeSpentMs,
  visits: 1,
  seq,
  firstSeq,
});
const answers = [
  facts('p1', 200_000, 1),
  facts('p2', 10_000, 2),
  facts('p3', 30_000, 6),
  facts('c2', 40_000, 3),
  facts('c1', 50_000, 5),
  facts('c3', 40_000, null, 4),
];
const cls = (correct: number, averageTimeMs: number | null) => ({
  candidates: 4,
  attempted: 4,
  correct,
  averageTimeMs,
});
const classStats = {
  p1: cls(2, 100_000),
  p2: cls(1, 60_000),
  p3: cls(0, null),
  c1: cls(4, 50_000),
  c2: cls(3, 100_000),
  c3: cls(1, 40_000),
};
const seed = 'seed-7';
const analysis = analyseExam({ paper, seed, score: scoreAttempt(paper, responses), answers, classStats });

describe('analyseExam', () => {
  it('counts, accuracy and attempt rate per section and overall', () => {
    const phy = analysis.sections.find((s) => s.sectionId === 'phy')!;
    expect(phy).toMatchObject({ name: 'Physics', marks: 3, maxMarks: 12, questions: 3 });
    expect(phy).toMatchObject({ correct: 1, incorrect: 1, partial: 0, unattempted: 1, attempted: 2 });
    expect(phy.accuracy).toBe(0.5);
    expect(phy.attemptRate).toBeCloseTo(2 / 3);
    const chem = analysis.sections.find((s) => s.sectionId === 'chem')!;
    expect(chem).toMatchObject({ correct: 1, incorrect: 1, partial: 1, unattempted: 0, attemptRate: 1 });
    expect(chem.accuracy).toBeCloseTo(1 / 3);
    expect(analysis.total).toMatchObject({ questions: 6, correct: 2, attempted: 5, unattempted: 1 });
    expect(analysis.total.accuracy).toBe(0.4);
    expect(analysis.subjects.map((s) => s.subject)).toEqual(['Physics', 'Chemistry']);
  });

  it('numbers questions in the candidate’s own order', () => {
    const chemOrder = buildAttemptPaper(paper, seed).sections[1]!.questionIds;
    expect(analysis.questions.map((q) => q.questionId)).toEqual(['p1', 'p2', 'p3', ...chemOrder]);
    expect(analysis.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives each question the class figures and its time flag', () => {
    const byId = new Map(analysis.questions.map((q) => [q.questionId, q]));
    expect(byId.get('p1')).toMatchObject({
      classCorrectShare: 0.5,
      timeFlag: 'slow_correct',
      group: 'correct',
    });
    expect(byId.get('p2')).toMatchObject({ classCorrectShare: 0.25, timeFlag: 'careless', marks: -1 });
    expect(byId.get('p3')).toMatchObject({ timeFlag: 'unanswered_time', group: 'unattempted' });
    expect(byId.get('c1')).toMatchObject({ difficulty: 'hard', timeFlag: null });
    expect(byId.get('c2')).toMatchObject({ timeFlag: 'careless' });
    expect(byId.get('c3')).toMatchObject({ group: 'partial', timeFlag: null });
  });

  it('accuracy by difficulty', () => {
    expect(analysis.byDifficulty).toEqual([
      { difficulty: 'medium', questions: 4, attempted: 3, correct: 1, accuracy: 1 / 3 },
      { difficulty: 'hard', questions: 2, attempted: 2, correct: 1, accuracy: 0.5 },
    ]);
  });

  it('time per subject and outcome, and the lists', () => {
    expect(analysis.time.totalMs).toBe(370_000);
    expect(analysis.time.bySubject).toEqual([
      { subject: 'Physics', timeMs: 240_000 },
      { subject: 'Chemistry', timeMs: 130_000 },
    ]);
    expect(analysis.time.byOutcome).toEqual({
      correct: 250_000,
      partial: 40_000,
      incorrect: 50_000,
      unattempted: 30_000,
    });
    expect(analysis.time.slowCorrect).toEqual(['p1']);
    expect(new Set(analysis.time.careless)).toEqual(new Set(['p2', 'c2']));
    expect(analysis.time.unansweredTimeMs).toBe(30_000);
  });

  it('navigation follows first saves; a row without first_seq falls back to its seq', () => {
    const numberOf = new Map(analysis.questions.map((q) => [q.questionId, q.number]));
    expect(analysis.navigation).toEqual(['p1', 'p2', 'c2', 'c3', 'c1', 'p3'].map((id) => numberOf.get(id)));
  });
});

describe('time rules', () => {
  const q = { questionId: 'q', subject: 'S' };
  it('never flags without a class average, and uses strict thresholds', () => {
    expect(flagTime({ ...q, outcome: 'correct', timeSpentMs: 1e9, classAverageMs: null })).toBeNull();
    expect(flagTime({ ...q, outcome: 'correct', timeSpentMs: 150, classAverageMs: 100 })).toBeNull();
    expect(flagTime({ ...q, outcome: 'correct', timeSpentMs: 151, classAverageMs: 100 })).toBe(
      'slow_correct',
    );
    expect(flagTime({ ...q, outcome: 'wrong', timeSpentMs: 50, classAverageMs: 100 })).toBeNull();
    expect(flagTime({ ...q, outcome: 'wrong', timeSpentMs: 49, classAverageMs: 100 })).toBe('careless');
    expect(flagTime({ ...q, outcome: 'unanswered', timeSpentMs: 0, classAverageMs: 100 })).toBeNull();
    expect(flagTime({ ...q, outcome: 'not_evaluated', timeSpentMs: 5, classAverageMs: 100 })).toBe(
      'unanswered_time',
    );
  });
  it('an empty paper has no time', () => {
    expect(analyseTime([])).toMatchObject({ totalMs: 0, bySubject: [], slowCorrect: [] });
  });
  it('unvisited questions are not in the trail', () => {
    expect(
      orderFirstVisits([
        { questionId: 'b', firstSeq: 3, seq: 9 },
        { questionId: 'a', firstSeq: null, seq: 0 },
        { questionId: 'c', firstSeq: 1, seq: 4 },
      ]),
    ).toEqual(['c', 'b']);
  });
});
