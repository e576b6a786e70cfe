/**
 * What to study next (issue 11, "recommendations"): topics from the mastery tree, each with the
 * reasons it was chosen as codes (the UI turns them into sentences), best first. Pure.
 *
 * A topic is recommended when it shows a need:
 *   LOW_MASTERY        mastery below `masteryThreshold` with at least `minEvidence` answers;
 *   LITTLE_EVIDENCE    below the threshold too, but on fewer answers (worth a second look);
 *   NOT_PRACTISED_RECENTLY  not under `wellKnownThreshold` and last answered more than `staleDays` ago.
 * Two reasons only raise its priority, never make a topic a recommendation alone:
 *   HIGH_EXAM_WEIGHT   its chapter carries at least `highShare` of the exam pattern's questions;
 *   RECENT_MISTAKES    at least two of its three latest answers were wrong.
 *
 * priority = (1 − mastery) × (0.5 + confidence) × (1 + 2 × share) × (stale ? 1.25 : 1)
 * so a weak topic we are sure about comes before one we merely suspect, and a heavy chapter of the
 * paper before a light one. Ties: lower mastery, then topic id (deterministic).
 */

import type { ChapterMastery, SubjectMastery, TopicMastery } from './mastery.js';

export const RECOMMENDATION_REASONS = [
  'LOW_MASTERY',
  'LITTLE_EVIDENCE',
  'NOT_PRACTISED_RECENTLY',
  'HIGH_EXAM_WEIGHT',
  'RECENT_MISTAKES',
] as const;
export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number];

export interface RecommendationOptions {
  readonly masteryThreshold?: number;
  readonly wellKnownThreshold?: number;
  readonly minEvidence?: number;
  readonly staleDays?: number;
  /** Share (0..1) of the exam pattern's questions per chapter id, when a pattern is known. */
  readonly chapterShares?: Readonly<Record<string, number>>;
  readonly highShare?: number;
  readonly limit?: number;
}

export interface Recommendation {
  readonly subject: { readonly id: string; readonly name: string };
  readonly chapter: { readonly id: string; readonly name: string };
  readonly topic: { readonly id: string; readonly name: string };
  readonly mastery: number;
  readonly confidence: number;
  readonly evidenceCount: number;
  readonly lastAnsweredAt: number;
  /** Strongest first: the needs, then the amplifiers. */
  readonly reasons: readonly RecommendationReason[];
  readonly priority: number;
}

export const RECOMMENDATION_DEFAULTS = {
  masteryThreshold: 0.6,
  wellKnownThreshold: 0.85,
  minEvidence: 3,
  staleDays: 21,
  highShare: 0.1,
  limit: 5,
} as const;

const DAY_MS = 86_400_000;

function reasonsFor(
  topic: TopicMastery,
  chapter: ChapterMastery,
  now: number,
  o: Required<Omit<RecommendationOptions, 'chapterShares'>>,
  share: number,
): RecommendationReason[] {
  const mastery = topic.mastery ?? 0;
  const reasons: RecommendationReason[] = [];
  if (mastery < o.masteryThreshold)
    reasons.push(topic.evidenceCount >= o.minEvidence ? 'LOW_MASTERY' : 'LITTLE_EVIDENCE');
  if (mastery < o.wellKnownThreshold && now - topic.lastAnsweredAt > o.staleDays * DAY_MS)
    reasons.push('NOT_PRACTISED_RECENTLY');
  if (reasons.length === 0) return reasons;
  if (share >= o.highShare && chapter.id) reasons.push('HIGH_EXAM_WEIGHT');
  const latest = topic.evidence.slice(0, 3);
  if (latest.filter((e) => e.outcome.kind === 'wrong').length >= 2) reasons.push('RECENT_MISTAKES');
  return reasons;
}

/** The topics to focus on next, best first, at most `limit`. */
export function recommendTopics(
  tree: readonly SubjectMastery[],
  now: number,
  options: RecommendationOptions = {},
): Recommendation[] {
  const o = { ...RECOMMENDATION_DEFAULTS, ...withoutUndefined(options) };
  const shares = options.chapterShares ?? {};
  const found: Recommendation[] = [];
  for (const subject of tree)
    for (const chapter of subject.chapters)
      for (const topic of chapter.topics) {
        if (topic.mastery === null) continue;
        const share = shares[chapter.id] ?? 0;
        const reasons = reasonsFor(topic, chapter, now, o, share);
        if (reasons.length === 0) continue;
        const stale = reasons.includes('NOT_PRACTISED_RECENTLY');
        const priority =
          (1 - topic.mastery) * (0.5 + topic.confidence) * (1 + 2 * share) * (stale ? 1.25 : 1);
        found.push({
          subject: { id: subject.id, name: subject.name },
          chapter: { id: chapter.id, name: chapter.name },
          topic: { id: topic.id, name: topic.name },
          mastery: topic.mastery,
          confidence: topic.confidence,
          evidenceCount: topic.evidenceCount,
          lastAnsweredAt: topic.lastAnsweredAt,
          reasons,
          priority,
        });
      }
  found.sort(
    (a, b) => b.priority - a.priority || a.mastery - b.mastery || a.topic.id.localeCompare(b.topic.id),
  );
  return found.slice(0, Math.max(0, o.limit));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
