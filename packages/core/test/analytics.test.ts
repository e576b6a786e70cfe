import { describe, expect, it } from 'vitest';
import {
  analyseItems,
  buildItemAnalysisInput,
  computeGroupSize,
  computeMean,
  computeMedian,
  computeNtaPercentile,
  computeNtaPercentiles,
  computeSkewness,
  computeStandardDeviation,
  formatPercentile,
  rankWithTies,
  scoreAttempt,
  summariseDistribution,
  type CandidateItemResponses,
} from '../src/index.js';
import { JEE_MAIN_LIKE, makePaper, makeSection, makeSingle } from './fixtures.js';

describe('NTA percentile', () => {
  const shift = [300, 250, 250, 200, 150, 100];

  it.each([
    [300, '100.0000000'],
    [250, '83.3333333'], // tied: 5 of 6 scored <= 250
    [200, '50.0000000'],
    [100, '16.6666667'],
  ])('score %d -> %s', (score, expected) => {
    expect(formatPercentile(computeNtaPercentile(shift, score))).toBe(expected);
  });

  it('rounds half up at the 7th decimal using exact integers', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7];
    expect(formatPercentile(computeNtaPercentile(seven, 1))).toBe('14.2857143');
    expect(formatPercentile(computeNtaPercentile([1, 2, 3], 2))).toBe('66.6666667');
    // 1/16 = 6.25 % exactly; 1/160000 = 0.000625 %: 7 decimals keep it.
    expect(formatPercentile(computeNtaPercentile([...Array.from({ length: 159_999 }, () => 10), 1], 1))).toBe(
      '0.0006250',
    );
  });

  it('computes every percentile at once, in input order, with ties equal', () => {
    expect(computeNtaPercentiles(shift).map(formatPercentile)).toEqual([
      '100.0000000',
      '83.3333333',
      '83.3333333',
      '50.0000000',
      '33.3333333',
      '16.6666667',
    ]);
  });
});

describe('rank with ties (competition ranking)', () => {
  it('1, 2, 2, 4', () => {
    expect(rankWithTies([100, 90, 90, 80])).toEqual([1, 2, 2, 4]);
    expect(rankWithTies([80, 90, 100, 90])).toEqual([4, 2, 1, 2]);
    expect(rankWithTies([5, 5, 5])).toEqual([1, 1, 1]);
  });
});

describe('descriptive statistics (population formulas)', () => {
  const values = [2, 4, 4, 4, 5, 5, 7, 9];
  it('mean, median, SD, skewness', () => {
    expect(computeMean(values)).toBe(5);
    expect(computeMedian(values)).toBe(4.5);
    expect(computeMedian([3, 1, 2])).toBe(2);
    expect(computeStandardDeviation(values)).toBe(2);
    expect(computeSkewness(values)).toBeCloseTo(0.65625, 12);
    expect(computeSkewness([1, 1, 1])).toBe(0);
    expect(summariseDistribution(values)).toMatchObject({ count: 8, min: 2, max: 9 });
    expect(() => computeMean([])).toThrow();
  });
});

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = computeMean(xs);
  const my = computeMean(ys);
  const cov = xs.reduce((sum, x, index) => sum + (x - mx) * ((ys[index] ?? 0) - my), 0) / xs.length;
  return cov / (computeStandardDeviation(xs) * computeStandardDeviation(ys));
}

describe('item analysis', () => {
  // Five candidates, three items (1 = correct).
  const matrix = [
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 1],
    [0, 1, 0],
    [0, 0, 0],
  ];
  const chosen = [['a'], ['a'], ['a'], ['b'], ['c']];
  const candidates: CandidateItemResponses[] = matrix.map((row, candidate) => ({
    totalScore: row.reduce((sum, value) => sum + value, 0),
    responses: Object.fromEntries(
      row.map((value, item) => [
        `i${item + 1}`,
        {
          isCorrect: value === 1,
          selectedOptionIds: item === 0 ? chosen[candidate] : [],
          timeSpentMs: 1000 * (item + 1),
        },
      ]),
    ),
  }));
  const analysis = analyseItems({ itemIds: ['i1', 'i2', 'i3'], candidates });

  it('facility, discrimination (top vs bottom 27 %), point-biserial', () => {
    expect(analysis.groupSize).toBe(1);
    expect(analysis.items.map((item) => item.facility)).toEqual([0.6, 0.6, 0.4]);
    expect(analysis.items.map((item) => item.discrimination)).toEqual([1, 1, 1]);
    expect(analysis.items[0]?.pointBiserial).toBeCloseTo(pearson([1, 1, 1, 0, 0], [3, 2, 2, 1, 0]), 12);
    expect(analysis.items[0]?.pointBiserial).toBeCloseTo(0.8807, 4);
    expect(analysis.items[0]?.meanTimeMs).toBe(1000);
  });

  it('distractor counts', () => {
    expect(analysis.items[0]?.optionCounts).toEqual({ a: 3, b: 1, c: 1 });
  });

  it('KR-20 and Cronbach alpha (equal on 0/1 items): 1.5 x (1 - 0.72 / 1.04)', () => {
    expect(analysis.kr20).toBeCloseTo(1.5 * (1 - 0.72 / 1.04), 12);
    expect(analysis.cronbachAlpha).toBeCloseTo(analysis.kr20 ?? Number.NaN, 12);
  });

  it('flags facility outside 0.2-0.9 and discrimination below 0.2', () => {
    const easy = analyseItems({
      itemIds: ['easy', 'hard'],
      candidates: Array.from({ length: 20 }, (_, index) => ({
        totalScore: index,
        responses: { easy: { isCorrect: index !== 0 }, hard: { isCorrect: index === 5 } },
      })),
    });
    expect(easy.items.map((item) => [item.itemId, item.facility, item.flags])).toEqual([
      ['easy', 0.95, ['TOO_EASY']],
      ['hard', 0.05, ['TOO_HARD', 'LOW_DISCRIMINATION']],
    ]);
  });

  it('group size is 27 % of candidates', () => {
    expect([computeGroupSize(1), computeGroupSize(2), computeGroupSize(100), computeGroupSize(1000)]).toEqual(
      [0, 1, 27, 270],
    );
  });

  it('builds its input from scored attempts', () => {
    const paper = makePaper([
      makeSection('s', JEE_MAIN_LIKE, [makeSingle('q1', 'a'), makeSingle('q2', 'b')]),
    ]);
    const responses = [
      {
        q1: { answer: { type: 'mcq_single' as const, optionIds: ['a'] } },
        q2: { answer: { type: 'mcq_single' as const, optionIds: ['b'] } },
      },
      {
        q1: { answer: { type: 'mcq_single' as const, optionIds: ['c'] } },
        q2: {
          answer: { type: 'mcq_single' as const, optionIds: ['b'] },
          state: 'marked_for_review' as const,
        },
      },
    ];
    const input = buildItemAnalysisInput(
      responses.map((attempt) => ({ responses: attempt, score: scoreAttempt(paper, attempt) })),
    );
    expect(input.itemIds).toEqual(['q1', 'q2']);
    expect(input.candidates.map((candidate) => candidate.totalScore)).toEqual([8, -1]);
    expect(input.candidates[1]?.responses.q2).toMatchObject({
      isCorrect: false,
      isAnswered: false,
      selectedOptionIds: [],
    });
    const result = analyseItems(input);
    expect(result.items[0]?.optionCounts).toEqual({ a: 1, c: 1 });
    expect(result.items[1]).toMatchObject({ answeredCount: 1, unansweredCount: 1 });
  });
});
