/**
 * NTA percentile and ranks. Scores must be compared exactly: pass the `marks` of scores that
 * came from exact fractions (equal fractions give identical floats), never re-summed floats.
 */
export const NTA_PERCENTILE_DECIMALS = 7;

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** 100 x count/N rounded half-up to 7 decimals with integer arithmetic (no float drift at the 7th place). */
function roundPercentile(atOrBelow: number, count: number): number {
  const scale = 10n ** BigInt(NTA_PERCENTILE_DECIMALS);
  const numerator = 100n * scale * BigInt(atOrBelow) * 2n + BigInt(count);
  const units = numerator / (2n * BigInt(count));
  return Number(units) / Number(scale);
}

/** 100 x (candidates with a score <= this one) / (all candidates), to 7 decimals. */
export function computeNtaPercentile(scores: readonly number[], score: number): number {
  if (scores.length === 0) throw new RangeError('no scores');
  const atOrBelow = scores.reduce((count, other) => count + (other <= score ? 1 : 0), 0);
  return roundPercentile(atOrBelow, scores.length);
}

/** The percentile of every score, in input order, in O(n log n). */
export function computeNtaPercentiles(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((a, b) => a - b);
  return scores.map((score) => roundPercentile(lowerBound(sorted, score), scores.length));
}

/** "99.9876543": always 7 decimals, as NTA prints it. */
export function formatPercentile(percentile: number): string {
  return percentile.toFixed(NTA_PERCENTILE_DECIMALS);
}

/** Competition ranking, highest score first: 100, 90, 90, 80 -> 1, 2, 2, 4. In input order. */
export function rankWithTies(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const firstRank = new Map<number, number>();
  sorted.forEach((score, index) => {
    if (!firstRank.has(score)) firstRank.set(score, index + 1);
  });
  return scores.map((score) => firstRank.get(score) ?? scores.length);
}
