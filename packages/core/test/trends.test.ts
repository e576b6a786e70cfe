import { describe, expect, it } from 'vitest';
import {
  buildTrendSeries,
  createRational,
  measureOf,
  subjectMeasures,
  type ScoreSummary,
} from '../src/index.js';

function summary(marks: [number, number], max: number, counts: Partial<ScoreSummary> = {}): ScoreSummary {
  const exact = createRational(marks[0], marks[1]);
  return {
    exact,
    marks: marks[0] / marks[1],
    maxExact: createRational(max),
    maxMarks: max,
    correct: 0,
    partial: 0,
    wrong: 0,
    unanswered: 0,
    notEvaluated: 0,
    bonus: 0,
    ...counts,
  };
}

describe('measureOf', () => {
  it('score is the share of the maximum; accuracy counts partial and wrong answers as attempted', () => {
    expect(measureOf(summary([150, 1], 300, { correct: 40, wrong: 10, partial: 0, unanswered: 25 }))).toEqual(
      {
        scorePct: 50,
        accuracy: 80,
      },
    );
    // Partial answers are attempted but not correct: 3 / (3 + 1 + 2).
    expect(measureOf(summary([1, 3], 1, { correct: 3, wrong: 1, partial: 2 }))).toEqual({
      scorePct: 33.33,
      accuracy: 50,
    });
  });

  it('negative marks give a negative score; nothing attempted or no maximum gives null', () => {
    expect(measureOf(summary([-4, 1], 100, { wrong: 4 }))).toEqual({ scorePct: -4, accuracy: 0 });
    expect(measureOf(summary([0, 1], 100, { unanswered: 25 }))).toEqual({ scorePct: 0, accuracy: null });
    expect(measureOf(summary([0, 1], 0))).toEqual({ scorePct: null, accuracy: null });
  });

  it('per subject, by name', () => {
    const subjects = {
      Physics: summary([10, 1], 20, { correct: 3, wrong: 1 }),
      Chemistry: summary([20, 1], 20, { correct: 5 }),
    };
    const measures = subjectMeasures({ subjects });
    expect(Object.keys(measures)).toEqual(['Chemistry', 'Physics']);
    expect(measures).toEqual({
      Chemistry: { scorePct: 100, accuracy: 100 },
      Physics: { scorePct: 50, accuracy: 75 },
    });
  });
});

describe('buildTrendSeries', () => {
  const score = (pct: number, subjects: string[]) => ({
    total: summary([pct, 1], 100, { correct: pct, wrong: 100 - pct }),
    subjects: Object.fromEntries(subjects.map((s) => [s, summary([pct, 1], 100, { correct: 1 })])),
  });

  it('orders points oldest first, keeps percentiles of mocks only, and a subject only where it was sat', () => {
    const series = buildTrendSeries([
      {
        examId: 'm2',
        title: 'Mock 2',
        source: 'mock',
        at: 300,
        score: score(70, ['Physics']),
        percentile: 91.5,
      },
      {
        examId: 'p1',
        title: 'Practice',
        source: 'practice',
        at: 200,
        score: score(40, ['Chemistry', 'Physics']),
        percentile: 12,
      },
      {
        examId: 'm1',
        title: 'Mock 1',
        source: 'mock',
        at: 100,
        score: score(60, ['Physics']),
        percentile: null,
      },
    ]);
    expect(series.overall.map((p) => [p.examId, p.scorePct, p.accuracy, p.percentile])).toEqual([
      ['m1', 60, 60, null],
      ['p1', 40, 40, null],
      ['m2', 70, 70, 91.5],
    ]);
    expect(series.subjects.map((s) => [s.subject, s.points.map((p) => p.examId)])).toEqual([
      ['Chemistry', ['p1']],
      ['Physics', ['m1', 'p1', 'm2']],
    ]);
  });

  it('an empty history gives empty series; equal times keep a stable order', () => {
    expect(buildTrendSeries([])).toEqual({ overall: [], subjects: [] });
    const same = buildTrendSeries([
      { examId: 'b', title: 'B', source: 'practice', at: 5, score: score(1, []), percentile: null },
      { examId: 'a', title: 'A', source: 'practice', at: 5, score: score(2, []), percentile: null },
    ]);
    expect(same.overall.map((p) => p.examId)).toEqual(['a', 'b']);
  });
});
