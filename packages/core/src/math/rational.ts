/**
 * Exact marks. UPSC deducts one third of 2 or 2.5 marks; adding -0.6666… as floats makes
 * equal scores differ in the last bit and breaks ties in ranks and percentiles. Marks are
 * therefore kept as reduced fractions and only turned into decimals for display.
 */
import { decimalFromNumber, divideRounded, formatScaled, type RoundingMode } from './decimal.js';

export interface Rational {
  readonly num: number;
  /** Always > 0; the fraction is always reduced. */
  readonly den: number;
}

/** How marks are written in schemes and templates: a number (2.5) or an exact fraction ({ num: -2, den: 3 }). */
export type MarkValue = number | Rational;

export const ZERO: Rational = { num: 0, den: 1 };

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function createRational(num: number, den = 1): Rational {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) {
    throw new RangeError(`invalid fraction ${num}/${den}`);
  }
  const sign = den < 0 ? -1 : 1;
  const divisor = gcd(num, den) || 1;
  return { num: (sign * num) / divisor || 0, den: (sign * den) / divisor };
}

export function toRational(value: MarkValue): Rational {
  if (typeof value !== 'number') return createRational(value.num, value.den);
  if (Number.isInteger(value)) return createRational(value, 1);
  const decimal = decimalFromNumber(value);
  return createRational(Number(decimal.units), 10 ** decimal.scale);
}

export function addRationals(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return createRational(a.num + b.num, a.den);
  const divisor = gcd(a.den, b.den);
  return createRational(a.num * (b.den / divisor) + b.num * (a.den / divisor), (a.den / divisor) * b.den);
}

export function sumRationals(values: Iterable<Rational>): Rational {
  let total = ZERO;
  for (const value of values) total = addRationals(total, value);
  return total;
}

export function multiplyRational(value: Rational, factor: number): Rational {
  return createRational(value.num * factor, value.den);
}

export function compareRationals(a: Rational, b: Rational): number {
  return Math.sign(a.num * b.den - b.num * a.den);
}

export function isRationalEqual(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function toNumber(value: Rational): number {
  return value.num / value.den;
}

/**
 * Displays marks with `places` decimals. The default truncates toward zero, which is how
 * UPSC's one-third penalty is quoted (-0.66 for 2 marks, -0.83 for 2.5 marks); pass
 * `round` for half-away-from-zero.
 */
export function formatMarks(value: Rational, places = 2, mode: RoundingMode = 'truncate'): string {
  const scaled = divideRounded(BigInt(value.num) * 10n ** BigInt(places), BigInt(value.den), mode);
  return formatScaled(scaled, places);
}
