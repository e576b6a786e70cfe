/**
 * Where a candidate's time went, judged against the class. Pure: the caller passes each question's
 * outcome, the candidate's time on it and the class's average time on it.
 *
 * The rule (relative to the class, so a long derivation is not "slow" because it is long):
 * - **slow correct**: right (full marks), and more than SLOW_FACTOR × the class's average time;
 * - **careless** (a quick wrong answer): wrong, and less than QUICK_FACTOR × the class's average time;
 * - **unanswered time**: time spent on a question that ended with no evaluated answer.
 * A question whose class average is unknown or zero (nobody else spent time on it) is never flagged.
 * The class average counts only candidates who spent time on the question (a candidate who never
 * opened it does not pull the average down).
 */
import type { Outcome } from '../marking/score-question.js';

export const SLOW_FACTOR = 1.5;
export const QUICK_FACTOR = 0.5;

export type TimeFlag = 'slow_correct' | 'careless' | 'unanswered_time';

/** The four buckets a student reads: outcomes that are not an attempt count as unattempted. */
export type OutcomeGroup = 'correct' | 'partial' | 'incorrect' | 'unattempted';

export function groupOutcome(outcome: Outcome): OutcomeGroup {
  if (outcome === 'correct') return 'correct';
  if (outcome === 'partial') return 'partial';
  if (outcome === 'wrong') return 'incorrect';
  return 'unattempted';
}

export interface TimedQuestion {
  readonly questionId: string;
  readonly subject: string;
  readonly outcome: Outcome;
  readonly timeSpentMs: number;
  /** The class's mean time on this question among those who spent any; null when unknown. */
  readonly classAverageMs: number | null;
}

export function flagTime(question: TimedQuestion): TimeFlag | null {
  const group = groupOutcome(question.outcome);
  if (group === 'unattempted') return question.timeSpentMs > 0 ? 'unanswered_time' : null;
  const average = question.classAverageMs;
  if (average === null || average <= 0) return null;
  if (group === 'correct' && question.timeSpentMs > SLOW_FACTOR * average) return 'slow_correct';
  if (group === 'incorrect' && question.timeSpentMs < QUICK_FACTOR * average) return 'careless';
  return null;
}

export interface TimeAnalysis {
  readonly totalMs: number;
  /** By subject, in the order subjects first appear. */
  readonly bySubject: readonly { readonly subject: string; readonly timeMs: number }[];
  readonly byOutcome: Readonly<Record<OutcomeGroup, number>>;
  /** Question ids, in the order given. */
  readonly slowCorrect: readonly string[];
  readonly careless: readonly string[];
  readonly unansweredWithTime: readonly string[];
  readonly unansweredTimeMs: number;
}

export function analyseTime(questions: readonly TimedQuestion[]): TimeAnalysis {
  const bySubject = new Map<string, number>();
  const byOutcome: Record<OutcomeGroup, number> = { correct: 0, partial: 0, incorrect: 0, unattempted: 0 };
  const slowCorrect: string[] = [];
  const careless: string[] = [];
  const unansweredWithTime: string[] = [];
  let totalMs = 0;
  for (const question of questions) {
    const time = Math.max(0, question.timeSpentMs);
    totalMs += time;
    bySubject.set(question.subject, (bySubject.get(question.subject) ?? 0) + time);
    byOutcome[groupOutcome(question.outcome)] += time;
    const flag = flagTime(question);
    if (flag === 'slow_correct') slowCorrect.push(question.questionId);
    else if (flag === 'careless') careless.push(question.questionId);
    else if (flag === 'unanswered_time') unansweredWithTime.push(question.questionId);
  }
  return {
    totalMs,
    bySubject: [...bySubject].map(([subject, timeMs]) => ({ subject, timeMs })),
    byOutcome,
    slowCorrect,
    careless,
    unansweredWithTime,
    unansweredTimeMs: byOutcome.unattempted,
  };
}

export interface VisitRecord {
  readonly questionId: string;
  /** The seq of the first save stored for the question (the attempt's saves count up across questions). */
  readonly firstSeq: number | null;
  /** The latest stored seq; stands in for `firstSeq` on rows saved before it was recorded. */
  readonly seq: number;
}

/**
 * The order in which the candidate first reached each question. The exam room saves a question
 * when the candidate leaves it or answers it, with one counter for the whole attempt, so the first
 * save of each question orders first visits. Questions never saved were never visited.
 */
export function orderFirstVisits(records: readonly VisitRecord[]): string[] {
  return [...records]
    .filter((r) => (r.firstSeq ?? r.seq) > 0)
    .sort((a, b) => (a.firstSeq ?? a.seq) - (b.firstSeq ?? b.seq) || a.questionId.localeCompare(b.questionId))
    .map((r) => r.questionId);
}
