/**
 * Mastery per subject, chapter and topic from every answered question, across exams (issue 11,
 * "weak areas"). Pure: the caller passes the evidence and "now".
 *
 * The formula. Each evidence item has a credit c in [0, 1] (correct 1, partial its fraction,
 * wrong 0, seen-but-unanswered 0) and a weight
 *
 *     w = recency × difficulty × kind
 *     recency    = 0.5 ^ (age in days / half-life)        (default half-life 30 days)
 *     difficulty = f × RIGHT[d] + (1 − f) × WRONG[d]      (f = the credit)
 *                  RIGHT = easy 0.75, medium 1, hard 1.5;  WRONG = easy 1.5, medium 1, hard 0.75
 *     kind       = 0.25 for seen-but-unanswered, else 1
 *
 * and a node's mastery is the weighted mean Σ w·c / Σ w over the evidence under it (a subject is
 * computed from all its questions, never as a mean of its chapters, so a chapter with one
 * question does not weigh as much as one with fifty).
 *
 * Why: recent answers say more about what a student knows today than answers from months ago, so
 * they weigh more, halving every half-life. A hard question answered right is stronger evidence
 * of mastery than an easy one (it counts more), while missing a hard question is weaker evidence
 * of a gap than missing an easy one (it counts less): an easy miss is the louder alarm. Leaving a
 * question unanswered after seeing it is evidence too, but weak (a quarter): it often means
 * doubt, yet it may also be time running out or exam tactics (negative marking). A question
 * that was never opened is no evidence and is not passed in.
 *
 * `confidence` = Σ w / (Σ w + 3): 0 with no evidence, 0.5 with three fresh medium answers,
 * approaching 1 with more; `evidenceCount` is the plain number of items.
 */

import type { Difficulty } from '../questions/types.js';

export type EvidenceOutcome =
  | { readonly kind: 'correct' }
  | { readonly kind: 'partial'; readonly fraction: number }
  | { readonly kind: 'wrong' }
  /** Seen (opened) but left unanswered. */
  | { readonly kind: 'unanswered' };

export interface NodeRef {
  readonly id: string;
  readonly name: string;
}

export interface MasteryEvidence {
  readonly questionId: string;
  readonly subject: NodeRef;
  readonly chapter: NodeRef;
  readonly topic: NodeRef;
  readonly difficulty: Difficulty;
  readonly outcome: EvidenceOutcome;
  /** ms since the epoch. */
  readonly answeredAt: number;
  readonly examId: string;
  readonly source: 'mock' | 'practice';
}

export interface MasteryOptions {
  /** Days after which an answer counts half as much. */
  readonly halfLifeDays?: number;
}

export interface MasteryStats {
  /** 0..1; null without any evidence weight. */
  readonly mastery: number | null;
  /** 0..1, how much the mastery can be trusted (see the file comment). */
  readonly confidence: number;
  readonly evidenceCount: number;
  /** Σ w, the evidence weight behind the mastery. */
  readonly weight: number;
  /** The most recent evidence, ms. */
  readonly lastAnsweredAt: number;
}

export interface TopicMastery extends NodeRef, MasteryStats {
  /** Newest first. */
  readonly evidence: readonly MasteryEvidence[];
}
export interface ChapterMastery extends NodeRef, MasteryStats {
  readonly topics: readonly TopicMastery[];
}
export interface SubjectMastery extends NodeRef, MasteryStats {
  readonly chapters: readonly ChapterMastery[];
}

export const DEFAULT_HALF_LIFE_DAYS = 30;
const CONFIDENCE_K = 3;
const UNANSWERED_WEIGHT = 0.25;
const RIGHT: Record<Difficulty, number> = { easy: 0.75, medium: 1, hard: 1.5 };
const WRONG: Record<Difficulty, number> = { easy: 1.5, medium: 1, hard: 0.75 };
const DAY_MS = 86_400_000;

/** The credit of an outcome, 0..1 (a partial fraction is clamped; NaN counts as 0). */
export function creditOf(outcome: EvidenceOutcome): number {
  if (outcome.kind === 'correct') return 1;
  if (outcome.kind === 'partial') return Number.isFinite(outcome.fraction) ? clamp01(outcome.fraction) : 0;
  return 0;
}

/** The weight of one evidence item at `now` (see the file comment). */
export function evidenceWeight(item: MasteryEvidence, now: number, options: MasteryOptions = {}): number {
  const halfLife = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  // An answer "from the future" (clock skew) is as fresh as one from now.
  const ageDays = Math.max(0, now - item.answeredAt) / DAY_MS;
  const recency = Math.pow(0.5, ageDays / halfLife);
  const f = creditOf(item.outcome);
  const difficulty = f * RIGHT[item.difficulty] + (1 - f) * WRONG[item.difficulty];
  const kind = item.outcome.kind === 'unanswered' ? UNANSWERED_WEIGHT : 1;
  return recency * difficulty * kind;
}

function statsOf(items: readonly MasteryEvidence[], now: number, options: MasteryOptions): MasteryStats {
  let weight = 0;
  let credit = 0;
  let last = -Infinity;
  // Summed in one fixed order, so the floating-point result does not depend on the input order.
  for (const item of [...items].sort(newestFirst)) {
    const w = evidenceWeight(item, now, options);
    weight += w;
    credit += w * creditOf(item.outcome);
    last = Math.max(last, item.answeredAt);
  }
  return {
    mastery: weight > 0 ? clamp01(credit / weight) : null,
    confidence: weight / (weight + CONFIDENCE_K),
    evidenceCount: items.length,
    weight,
    lastAnsweredAt: last,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byName = (a: NodeRef, b: NodeRef) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const newestFirst = (a: MasteryEvidence, b: MasteryEvidence) =>
  b.answeredAt - a.answeredAt ||
  a.questionId.localeCompare(b.questionId) ||
  a.examId.localeCompare(b.examId) ||
  a.difficulty.localeCompare(b.difficulty) ||
  a.outcome.kind.localeCompare(b.outcome.kind) ||
  creditOf(a.outcome) - creditOf(b.outcome);

/**
 * The subject → chapter → topic tree of mastery, each level sorted by name. The result does not
 * depend on the order of `evidence`.
 */
export function computeMastery(
  evidence: readonly MasteryEvidence[],
  now: number,
  options: MasteryOptions = {},
): SubjectMastery[] {
  const subjects = [...groupBy(evidence, (e) => e.subject.id).values()].map((inSubject) => {
    const chapters = [...groupBy(inSubject, (e) => e.chapter.id).values()].map((inChapter) => {
      const topics = [...groupBy(inChapter, (e) => e.topic.id).values()].map((inTopic): TopicMastery => ({
        ...ref(inTopic[0]!.topic),
        ...statsOf(inTopic, now, options),
        evidence: [...inTopic].sort(newestFirst),
      }));
      return {
        ...ref(inChapter[0]!.chapter),
        ...statsOf(inChapter, now, options),
        topics: topics.sort(byName),
      };
    });
    return {
      ...ref(inSubject[0]!.subject),
      ...statsOf(inSubject, now, options),
      chapters: chapters.sort(byName),
    };
  });
  return subjects.sort(byName);
}

const ref = (node: NodeRef): NodeRef => ({ id: node.id, name: node.name });

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
