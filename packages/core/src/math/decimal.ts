/**
 * Exact decimal values for numerical answers. Typed answers are decimal strings ("2.50"),
 * and binary floating point would make 1.005 round the wrong way or 0.1 + 0.2 miss a range
 * bound, so comparisons are done on scaled bigints instead.
 */
export interface Decimal {
  /** The value is `units / 10^scale`. */
  readonly units: bigint;
  readonly scale: number;
}

export type RoundingMode = 'truncate' | 'round';

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Exponents beyond this are not answers anyone types; refusing them bounds bigint sizes. */
const MAX_EXPONENT = 60;

export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (match === null) return null;
  const sign = match[1] ?? '';
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const exponent = match[4] === undefined ? 0 : Number(match[4]);
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  const digits = BigInt(`${whole}${fraction}` || '0');
  let units = sign === '-' ? -digits : digits;
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const parsed = parseDecimal(String(value));
  if (parsed === null) throw new RangeError(`cannot read ${value} as a decimal`);
  return parsed;
}

/** `null` for what is not a plain decimal, including numbers JavaScript writes with an exponent (1e308). */
export function toDecimal(value: number | string): Decimal | null {
  return typeof value === 'number'
    ? Number.isFinite(value)
      ? parseDecimal(String(value))
      : null
    : parseDecimal(value);
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

export function absDecimal(value: Decimal): Decimal {
  return value.units < 0n ? { units: -value.units, scale: value.scale } : value;
}

export function isIntegerDecimal(value: Decimal): boolean {
  return value.units % 10n ** BigInt(value.scale) === 0n;
}

/** Divides with the given rounding; `round` is half away from zero, as taught in school and used by NTA. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  if (mode === 'round' && (n % d) * 2n >= d) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Cuts or rounds to `places` decimals ("answer to 2 decimal places, truncated/rounded"). */
export function quantizeDecimal(value: Decimal, places: number, mode: RoundingMode): Decimal {
  if (value.scale <= places) return { units: rescale(value, places), scale: places };
  const divisor = 10n ** BigInt(value.scale - places);
  return { units: divideRounded(value.units, divisor, mode), scale: places };
}

export function formatScaled(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}
