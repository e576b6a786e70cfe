import { describe, expect, it } from 'vitest';
import {
  computeNtaPercentile,
  computeNtaPercentiles,
  computeRankKeys,
  computeWrongRightRatio,
  createRational,
  DEFAULT_TIE_BREAK,
  findTieBreakRule,
  formatPercentile,
  formatRankKey,
  JEE_MAIN_SUBJECTS,
  JEE_MAIN_TIE_BREAK,
  NEET_TIE_BREAK,
  NEET_UG_2025,
  NO_RIGHT_ANSWER_RATIO,
  rankCandidates,
  toRational,
  type RankableScore,
  type ScoreSummary,
  type TieBreakRule,
} from '../src/index.js';

type Counts = { marks: number; correct?: number; wrong?: number; partial?: number };

function summary({ marks, correct = 0, wrong = 0, partial = 0 }: Counts): ScoreSummary {
  const exact = toRational(marks);
  return {
    exact,
    marks,
    maxExact: createRational(300),
    maxMarks: 300,
    correct,
    partial,
    wrong,
    unanswered: 0,
    notEvaluated: 0,
    bonus: 0,
  };
}

/** A score whose total is the sum of its subjects (marks and counts). */
function score(subjects: Record<string, Counts>): RankableScore {
  const all = Object.values(subjects);
  const sum = (pick: (c: Counts) => number) => all.reduce((s, c) => s + pick(c), 0);
  return {
    total: summary({
      marks: sum((c) => c.marks),
      correct: sum((c) => c.correct ?? 0),
      wrong: sum((c) => c.wrong ?? 0),
      partial: sum((c) => c.partial ?? 0),
    }),
    subjects: Object.fromEntries(Object.entries(subjects).map(([name, c]) => [name, summary(c)])),
  };
}

function rank(scores: Record<string, RankableScore>, rule: TieBreakRule) {
  const ranked = rankCandidates(
    Object.entries(scores).map(([id, s]) => ({ id, total: s.total.exact, keys: computeRankKeys(s, rule) })),
  );
  return Object.fromEntries(ranked.map((r) => [r.id, r.rank]));
}

describe('tie-break rules as data', () => {
  it('names the subjects the templates use', () => {
    const named = JEE_MAIN_TIE_BREAK.flatMap((s) => (s.by === 'subject_marks' ? [s.subject] : []));
    expect([...named].sort()).toEqual([...JEE_MAIN_SUBJECTS].sort());
    const neet = NEET_UG_2025.sections.map((s) => s.subject);
    expect(NEET_TIE_BREAK.slice(0, 3).map((s) => s.subject)).toEqual(['Biology', 'Chemistry', 'Physics']);
    for (const subject of neet) expect(NEET_TIE_BREAK.some((s) => s.subject === subject)).toBe(true);
  });

  it('finds the rule by template, the exam’s own first, else the default', () => {
    expect(findTieBreakRule('jee_main_paper1')).toBe(JEE_MAIN_TIE_BREAK);
    expect(findTieBreakRule('neet_ug')).toBe(NEET_TIE_BREAK);
    expect(findTieBreakRule('cat')).toBe(DEFAULT_TIE_BREAK);
    expect(findTieBreakRule(null)).toBe(DEFAULT_TIE_BREAK);
    const own: TieBreakRule = [{ by: 'subject_marks', subject: 'Physics' }];
    expect(findTieBreakRule('jee_main_paper1', own)).toBe(own);
  });
});

describe('wrong to right ratio', () => {
  it('is wrong ÷ (correct + partial), 0 with nothing wrong, worst with nothing right', () => {
    expect(computeWrongRightRatio({ correct: 4, partial: 0, wrong: 2 })).toEqual(createRational(1, 2));
    expect(computeWrongRightRatio({ correct: 1, partial: 1, wrong: 1 })).toEqual(createRational(1, 2));
    expect(computeWrongRightRatio({ correct: 0, partial: 0, wrong: 0 })).toEqual(createRational(0));
    expect(computeWrongRightRatio({ correct: 0, partial: 0, wrong: 3 })).toEqual(
      createRational(NO_RIGHT_ANSWER_RATIO + 3),
    );
  });
});

describe('ranking with JEE Main tie-breaks', () => {
  const rule = JEE_MAIN_TIE_BREAK;
  it('total first, competition ranks (1, 2, 2, 4)', () => {
    const ranks = rank(
      {
        a: score({ Mathematics: { marks: 100 } }),
        b: score({ Mathematics: { marks: 90 }, Physics: { marks: 0 } }),
        c: score({ Mathematics: { marks: 90 }, Physics: { marks: 0 } }),
        d: score({ Mathematics: { marks: 80 } }),
      },
      rule,
    );
    expect(ranks).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });

  it('equal totals: Mathematics, then Physics, then Chemistry', () => {
    const ranks = rank(
      {
        physics: score({ Mathematics: { marks: 40 }, Physics: { marks: 50 }, Chemistry: { marks: 10 } }),
        maths: score({ Mathematics: { marks: 60 }, Physics: { marks: 20 }, Chemistry: { marks: 20 } }),
        chemistry: score({ Mathematics: { marks: 40 }, Physics: { marks: 30 }, Chemistry: { marks: 30 } }),
      },
      rule,
    );
    expect(ranks).toEqual({ maths: 1, physics: 2, chemistry: 3 });
  });

  it('equal subject marks: the overall ratio, then per subject; equal on everything shares a rank', () => {
    const same = { Mathematics: { marks: 30 }, Physics: { marks: 30 }, Chemistry: { marks: 30 } };
    const ranks = rank(
      {
        careful: score({ ...same, Mathematics: { marks: 30, correct: 10, wrong: 2 } }),
        careless: score({ ...same, Mathematics: { marks: 30, correct: 12, wrong: 10 } }),
        // Same overall ratio as "maths" (3 wrong / 12 right) but Maths ratio worse.
        mathsWorse: score({
          Mathematics: { marks: 30, correct: 4, wrong: 2 },
          Physics: { marks: 30, correct: 8, wrong: 1 },
          Chemistry: { marks: 30 },
        }),
        maths: score({
          Mathematics: { marks: 30, correct: 8, wrong: 1 },
          Physics: { marks: 30, correct: 4, wrong: 2 },
          Chemistry: { marks: 30 },
        }),
        twin: score({
          Mathematics: { marks: 30, correct: 8, wrong: 1 },
          Physics: { marks: 30, correct: 4, wrong: 2 },
          Chemistry: { marks: 30 },
        }),
        noneRight: score({ ...same, Mathematics: { marks: 30, wrong: 1 } }),
      },
      rule,
    );
    expect(ranks).toEqual({ careful: 1, maths: 2, twin: 2, mathsWorse: 4, careless: 5, noneRight: 6 });
  });

  it('matches subjects by name whatever the case', () => {
    const keys = computeRankKeys(score({ mathematics: { marks: 12 } }), rule);
    expect(keys[0]).toEqual(createRational(12));
  });

  it('exact fractions: -2/3 three times equals -2 (no float drift)', () => {
    const third = createRational(-2, 3);
    const sum = [third, third, third].reduce((a, b) =>
      createRational(a.num * b.den + b.num * a.den, a.den * b.den),
    );
    const ranks = rankCandidates([
      { id: 'a', total: sum, keys: [] },
      { id: 'b', total: createRational(-2), keys: [] },
    ]);
    expect(ranks.map((r) => r.rank)).toEqual([1, 1]);
    expect(formatRankKey(createRational(-2, 3))).toBe('-0.6666666667');
  });
});

describe('ranking with NEET tie-breaks', () => {
  it('Biology, then Chemistry, then Physics', () => {
    const ranks = rank(
      {
        chem: score({ Biology: { marks: 300 }, Chemistry: { marks: 120 }, Physics: { marks: 80 } }),
        bio: score({ Biology: { marks: 320 }, Chemistry: { marks: 80 }, Physics: { marks: 100 } }),
        phys: score({ Biology: { marks: 300 }, Chemistry: { marks: 100 }, Physics: { marks: 100 } }),
      },
      NEET_TIE_BREAK,
    );
    expect(ranks).toEqual({ bio: 1, chem: 2, phys: 3 });
  });

  it('the default rule only breaks ties by the overall ratio', () => {
    const ranks = rank(
      {
        a: score({ X: { marks: 10, correct: 5, wrong: 5 } }),
        b: score({ X: { marks: 10, correct: 5, wrong: 1 } }),
        c: score({ Y: { marks: 10, correct: 5, wrong: 1 } }),
      },
      DEFAULT_TIE_BREAK,
    );
    expect(ranks).toEqual({ b: 1, c: 1, a: 3 });
  });
});

describe('NTA percentile next to ranks', () => {
  it('100 × at-or-below ÷ N, to 7 decimals; the same score shares a percentile whatever its rank', () => {
    const totals = [300, 250, 250, 200, 120, 120, 120];
    expect(computeNtaPercentiles(totals).map(formatPercentile)).toEqual([
      '100.0000000',
      '85.7142857',
      '85.7142857',
      '57.1428571',
      '42.8571429',
      '42.8571429',
      '42.8571429',
    ]);
    expect(formatPercentile(computeNtaPercentile(totals, 250))).toBe('85.7142857');
  });
});
