/**
 * Classical test theory item analysis, as teachers expect it after an exam. Unanswered counts
 * as not correct. Variances are population variances (see stats.ts).
 */
import { computeMean, computeStandardDeviation, computeVariance } from './stats.js';

export interface ItemResponse {
  readonly isCorrect: boolean;
  /** Defaults to true: a response entry means the candidate answered. */
  readonly isAnswered?: boolean;
  /** Marks earned on the item, for Cronbach's alpha; defaults to 1 / 0. */
  readonly score?: number;
  /** Options chosen, for distractor analysis. */
  readonly selectedOptionIds?: readonly string[];
  readonly timeSpentMs?: number;
}

export interface CandidateItemResponses {
  /** The candidate's test score, used to form the top and bottom groups and for point-biserial. */
  readonly totalScore: number;
  readonly responses: Readonly<Record<string, ItemResponse | undefined>>;
}

export interface ItemAnalysisInput {
  readonly itemIds: readonly string[];
  readonly candidates: readonly CandidateItemResponses[];
}

export type ItemFlag = 'TOO_HARD' | 'TOO_EASY' | 'LOW_DISCRIMINATION';

export const FACILITY_RANGE = { min: 0.2, max: 0.9 } as const;
export const MIN_DISCRIMINATION = 0.2;
/** Kelley's 27 %: the share of candidates in each of the top and bottom groups. */
export const EXTREME_GROUP_SHARE = 0.27;

export interface ItemStatistics {
  readonly itemId: string;
  /** Share of all candidates who got it right. */
  readonly facility: number;
  /** Facility in the top 27 % minus facility in the bottom 27 %. */
  readonly discrimination: number;
  /** Correlation of the 0/1 item score with the total score; null when either does not vary. */
  readonly pointBiserial: number | null;
  readonly answeredCount: number;
  readonly unansweredCount: number;
  /** How many candidates chose each option (the key included). */
  readonly optionCounts: Readonly<Record<string, number>>;
  readonly meanTimeMs: number | null;
  readonly flags: readonly ItemFlag[];
}

export interface ItemAnalysis {
  readonly items: readonly ItemStatistics[];
  readonly groupSize: number;
  /** Null with fewer than two items or no variance in totals. */
  readonly cronbachAlpha: number | null;
  readonly kr20: number | null;
}

export function computeGroupSize(candidateCount: number): number {
  if (candidateCount < 2) return 0;
  return Math.max(
    1,
    Math.min(Math.floor(candidateCount / 2), Math.round(candidateCount * EXTREME_GROUP_SHARE)),
  );
}

function computePointBiserial(isCorrect: readonly boolean[], totals: readonly number[]): number | null {
  const sd = computeStandardDeviation(totals);
  const correctTotals = totals.filter((_, index) => isCorrect[index] === true);
  const wrongTotals = totals.filter((_, index) => isCorrect[index] !== true);
  if (sd === 0 || correctTotals.length === 0 || wrongTotals.length === 0) return null;
  const p = correctTotals.length / totals.length;
  return ((computeMean(correctTotals) - computeMean(wrongTotals)) / sd) * Math.sqrt(p * (1 - p));
}

function flagItem(facility: number, discrimination: number): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (facility < FACILITY_RANGE.min) flags.push('TOO_HARD');
  if (facility > FACILITY_RANGE.max) flags.push('TOO_EASY');
  if (discrimination < MIN_DISCRIMINATION) flags.push('LOW_DISCRIMINATION');
  return flags;
}

function analyseItem(
  itemId: string,
  input: ItemAnalysisInput,
  ranked: readonly number[],
  groupSize: number,
): ItemStatistics {
  const responses = input.candidates.map((candidate) => candidate.responses[itemId]);
  const isCorrect = responses.map((response) => response?.isCorrect === true);
  const countCorrect = (indices: readonly number[]): number =>
    indices.filter((index) => isCorrect[index]).length;
  const facility = countCorrect(ranked) / ranked.length;
  const discrimination =
    groupSize === 0
      ? 0
      : (countCorrect(ranked.slice(0, groupSize)) - countCorrect(ranked.slice(-groupSize))) / groupSize;
  const optionCounts: Record<string, number> = {};
  let answeredCount = 0;
  const times: number[] = [];
  for (const response of responses) {
    const selected = response?.selectedOptionIds ?? [];
    if (response !== undefined && response.isAnswered !== false) answeredCount += 1;
    for (const optionId of selected) optionCounts[optionId] = (optionCounts[optionId] ?? 0) + 1;
    if (response?.timeSpentMs !== undefined) times.push(response.timeSpentMs);
  }
  return {
    itemId,
    facility,
    discrimination,
    pointBiserial: computePointBiserial(
      isCorrect,
      input.candidates.map((candidate) => candidate.totalScore),
    ),
    answeredCount,
    unansweredCount: responses.length - answeredCount,
    optionCounts,
    meanTimeMs: times.length === 0 ? null : computeMean(times),
    flags: flagItem(facility, discrimination),
  };
}

/** k/(k-1) x (1 - sum of item variances / variance of totals); KR-20 is the same on 0/1 scores. */
function computeReliability(itemScores: readonly (readonly number[])[]): number | null {
  const itemCount = itemScores.length;
  const firstItem = itemScores[0];
  if (itemCount < 2 || firstItem === undefined) return null;
  const totals = firstItem.map((_, candidate) =>
    itemScores.reduce((sum, scores) => sum + (scores[candidate] ?? 0), 0),
  );
  const totalVariance = computeVariance(totals);
  if (totalVariance === 0) return null;
  const itemVariance = itemScores.reduce((sum, scores) => sum + computeVariance(scores), 0);
  return (itemCount / (itemCount - 1)) * (1 - itemVariance / totalVariance);
}

export function analyseItems(input: ItemAnalysisInput): ItemAnalysis {
  if (input.candidates.length === 0) throw new RangeError('no candidates');
  // Stable sort: among equal totals the earlier candidate ranks higher, so groups are deterministic.
  const ranked = input.candidates
    .map((_, index) => index)
    .sort((a, b) => (input.candidates[b]?.totalScore ?? 0) - (input.candidates[a]?.totalScore ?? 0) || a - b);
  const groupSize = computeGroupSize(input.candidates.length);
  const items = input.itemIds.map((itemId) => analyseItem(itemId, input, ranked, groupSize));
  const readScores = (dichotomous: boolean): number[][] =>
    input.itemIds.map((itemId) =>
      input.candidates.map((candidate) => {
        const response = candidate.responses[itemId];
        const correct = response?.isCorrect === true ? 1 : 0;
        return dichotomous ? correct : (response?.score ?? correct);
      }),
    );
  return {
    items,
    groupSize,
    cronbachAlpha: computeReliability(readScores(false)),
    kr20: computeReliability(readScores(true)),
  };
}
