/**
 * Descriptive statistics of a score distribution. Population formulas (divide by N) are used
 * throughout: an exam's results are the whole population of interest, not a sample, and item
 * analysis (KR-20, alpha, point-biserial) is defined with the same convention.
 */
function requireValues(values: readonly number[]): void {
  if (values.length === 0) throw new RangeError('no values');
}

export function computeMean(values: readonly number[]): number {
  requireValues(values);
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Middle value; the mean of the two middle values for an even count. */
export function computeMedian(values: readonly number[]): number {
  requireValues(values);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Population variance (divide by N). */
export function computeVariance(values: readonly number[]): number {
  const mean = computeMean(values);
  let sum = 0;
  for (const value of values) sum += (value - mean) ** 2;
  return sum / values.length;
}

/** Population standard deviation (divide by N). */
export function computeStandardDeviation(values: readonly number[]): number {
  return Math.sqrt(computeVariance(values));
}

/** Population moment coefficient of skewness g1 = m3 / m2^1.5; 0 when every value is equal. */
export function computeSkewness(values: readonly number[]): number {
  const mean = computeMean(values);
  let m2 = 0;
  let m3 = 0;
  for (const value of values) {
    const deviation = value - mean;
    m2 += deviation ** 2;
    m3 += deviation ** 3;
  }
  m2 /= values.length;
  m3 /= values.length;
  return m2 === 0 ? 0 : m3 / m2 ** 1.5;
}

export interface DistributionSummary {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly standardDeviation: number;
  readonly skewness: number;
  readonly min: number;
  readonly max: number;
}

export function summariseDistribution(values: readonly number[]): DistributionSummary {
  requireValues(values);
  return {
    count: values.length,
    mean: computeMean(values),
    median: computeMedian(values),
    standardDeviation: computeStandardDeviation(values),
    skewness: computeSkewness(values),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}
