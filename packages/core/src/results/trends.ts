import { toNumber } from '../math/rational.js';
import type { AttemptScore, ScoreSummary } from '../marking/score-attempt.js';

/** Score (% of the maximum) and accuracy (% of attempted questions answered right) of one summary. */
export type TrendMeasure = {
  /** 100 x marks / maximum, to 2 decimals; negative marks give a negative share. null when the maximum is 0. */
  scorePct: number | null;
  /** 100 x correct / (correct + wrong + partial), to 2 decimals; null when nothing was attempted. */
  accuracy: number | null;
};

/** One released result as the trends see it: when, which exam, its score and the NTA percentile of a mock. */
export type TrendInput = {
  examId: string;
  title: string;
  source: 'mock' | 'practice';
  /** Submission time, ms since the epoch. */
  at: number;
  score: Pick<AttemptScore, 'total' | 'subjects'>;
  /** The institute NTA percentile of a ranked mock result; null for practice or an unranked result. */
  percentile: number | null;
};

export type TrendPoint = TrendMeasure & {
  examId: string;
  title: string;
  source: 'mock' | 'practice';
  at: number;
  percentile: number | null;
};

export type TrendSeries = {
  /** Oldest first. */
  overall: TrendPoint[];
  /** One series per subject, subjects by name, each oldest first; a point only where the exam had that subject. */
  subjects: { subject: string; points: (TrendMeasure & { examId: string; at: number })[] }[];
};

const round2 = (x: number) => Math.round(x * 100) / 100;

export function measureOf(summary: ScoreSummary): TrendMeasure {
  const max = toNumber(summary.maxExact);
  const attempted = summary.correct + summary.wrong + summary.partial;
  return {
    scorePct: max > 0 ? round2((100 * toNumber(summary.exact)) / max) : null,
    accuracy: attempted > 0 ? round2((100 * summary.correct) / attempted) : null,
  };
}

/** Accuracy and score per subject of one attempt's score, subjects by name. */
export function subjectMeasures(score: Pick<AttemptScore, 'subjects'>): Record<string, TrendMeasure> {
  return Object.fromEntries(
    Object.keys(score.subjects)
      .sort()
      .map((subject) => [subject, measureOf(score.subjects[subject] as ScoreSummary)]),
  );
}

/** The overall and per-subject series of the given results, oldest first (ties by exam id, stable). */
export function buildTrendSeries(inputs: readonly TrendInput[]): TrendSeries {
  const sorted = [...inputs].sort((a, b) => a.at - b.at || a.examId.localeCompare(b.examId));
  const overall = sorted.map((input): TrendPoint => ({
    examId: input.examId,
    title: input.title,
    source: input.source,
    at: input.at,
    ...measureOf(input.score.total),
    percentile: input.source === 'mock' ? input.percentile : null,
  }));
  const bySubject = new Map<string, TrendSeries['subjects'][number]['points']>();
  for (const input of sorted) {
    for (const [subject, measure] of Object.entries(subjectMeasures(input.score))) {
      const points = bySubject.get(subject) ?? [];
      points.push({ examId: input.examId, at: input.at, ...measure });
      bySubject.set(subject, points);
    }
  }
  const subjects = [...bySubject.keys()].sort().map((subject) => ({
    subject,
    points: bySubject.get(subject) ?? [],
  }));
  return { overall, subjects };
}
