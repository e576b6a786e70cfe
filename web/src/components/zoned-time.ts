// Clock times in a named zone (the institute's), whatever the browser's own zone is: a teacher in
// Dubai scheduling a Patna mock types Patna's 10:00. Intl holds the zone rules; no library needed.

/** A date and time on the wall clock of some zone (month 1-12, hour 0-23). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What the field shows and what is typed most reliably: ISO-like, 24-hour, no locale ambiguity. */
export const TYPED_EXAMPLE = '2026-12-05 09:30';

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?::\d{2})?(?:\s*([ap])\.?\s*m\.?)?`;
// 2026-12-05 09:30, 2026-12-05T09:30, 2026/12/05, 9:30 am
const YEAR_FIRST = new RegExp(
  String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s*[T,]\s*|\s+)${TIME}$`,
  'i',
);
// 05-12-2026 09:30, 05/12/2026 9:30 pm: day first, as dates are written in India.
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s*,\s*|\s+)${TIME}$`, 'i');

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads a typed date and time, or null when it is not one (incomplete, 31 Nov, 25:00, 13 pm). */
export function parseWallTime(text: string): WallTime | null {
  const trimmed = text.trim();
  const yearFirst = YEAR_FIRST.exec(trimmed);
  const dayFirst = yearFirst ? null : DAY_FIRST.exec(trimmed);
  const match = yearFirst ?? dayFirst;
  if (!match) return null;
  const [, a = '', b = '', c = '', h = '', m = '', meridiem] = match;
  const [year, month, day] = yearFirst
    ? [Number(a), Number(b), Number(c)]
    : [Number(c), Number(b), Number(a)];
  let hour = Number(h);
  const minute = Number(m);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || !isRealDate(year, month, day)) return null;
  return { year, month, day, hour, minute };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatWallTime(wall: WallTime): string {
  return `${formatWallDate(wall)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** `YYYY-MM-DD`, the calendar's value. */
export function formatWallDate(wall: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

function wallWithSeconds(instant: number, timeZone: string): WallTime & { second: number } {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's clock at an instant. */
export function instantToWallTime(instant: number, timeZone: string): WallTime {
  const { second: _second, ...wall } = wallWithSeconds(instant, timeZone);
  return wall;
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallWithSeconds(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the zone's clock shows `wall`. The offset is read where the wall time would be in UTC,
 * then again at the answer, which is what differs near a daylight-saving change.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

/** The zone's names for people: `IST` and `India Standard Time (Asia/Kolkata)` (in the language). */
export function describeZone(
  timeZone: string,
  language: string,
  instant: number,
): { short: string; long: string } {
  const locale = language === 'hi' ? 'hi-IN' : 'en-IN';
  const name = (style: 'short' | 'long') =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const long = name('long');
  return { short: name('short'), long: long === timeZone ? timeZone : `${long} (${timeZone})` };
}

/** A readable confirmation of what was understood: "Sat, 5 Dec 2026, 9:30 am". */
export function formatInZone(instant: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}
