// The date-time field's arithmetic: what a typed date and time means on the institute's clock,
// whatever the zone of the computer (the tests run in the machine's zone; the answers must not).
import { describe, expect, it } from 'vitest';
import {
  describeZone,
  formatWallTime,
  instantToWallTime,
  parseWallTime,
  wallTimeToInstant,
} from '../src/components/zoned-time';

const wall = (year: number, month: number, day: number, hour: number, minute: number) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('typed dates and times', () => {
  it('reads the forms a teacher types: ISO-like, day first, 12-hour with am/pm', () => {
    expect(parseWallTime('2026-12-05 09:30')).toEqual(wall(2026, 12, 5, 9, 30));
    expect(parseWallTime(' 2026-12-05T09:30 ')).toEqual(wall(2026, 12, 5, 9, 30));
    expect(parseWallTime('2026-12-5 9:30')).toEqual(wall(2026, 12, 5, 9, 30));
    expect(parseWallTime('05/12/2026 9:30 pm')).toEqual(wall(2026, 12, 5, 21, 30));
    expect(parseWallTime('05-12-2026, 12:15 a.m.')).toEqual(wall(2026, 12, 5, 0, 15));
    expect(parseWallTime('2026-12-05 12:00 PM')).toEqual(wall(2026, 12, 5, 12, 0));
  });

  it('refuses what is not a date and time: half typed, impossible days and hours', () => {
    for (const text of [
      '',
      '2026-12-05',
      '2026-12-05 9:',
      '2026-02-29 10:00',
      '2026-11-31 10:00',
      '2026-12-05 24:00',
      '2026-12-05 10:60',
      '2026-12-05 13:00 pm',
      '2026-12-05 0:30 am',
      'tomorrow 10:00',
    ])
      expect(parseWallTime(text), text).toBeNull();
    expect(parseWallTime('2028-02-29 10:00')).toEqual(wall(2028, 2, 29, 10, 0));
  });
});

describe('the institute’s clock', () => {
  it('puts 09:30 in India at 04:00 UTC and shows it back as 09:30', () => {
    const instant = wallTimeToInstant(wall(2026, 12, 5, 9, 30), 'Asia/Kolkata');
    expect(new Date(instant).toISOString()).toBe('2026-12-05T04:00:00.000Z');
    expect(formatWallTime(instantToWallTime(instant, 'Asia/Kolkata'))).toBe('2026-12-05 09:30');
  });

  it('follows a zone with daylight saving on either side of its change', () => {
    const summer = wallTimeToInstant(wall(2026, 7, 1, 9, 30), 'America/New_York');
    const winter = wallTimeToInstant(wall(2026, 12, 5, 9, 30), 'America/New_York');
    expect(new Date(summer).toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(new Date(winter).toISOString()).toBe('2026-12-05T14:30:00.000Z');
    // The evening after the autumn change (1 November 2026) and a date across the year's end.
    expect(new Date(wallTimeToInstant(wall(2026, 11, 1, 20, 0), 'America/New_York')).toISOString()).toBe(
      '2026-11-02T01:00:00.000Z',
    );
    expect(formatWallTime(instantToWallTime(Date.parse('2026-12-31T20:00:00Z'), 'Asia/Kolkata'))).toBe(
      '2027-01-01 01:30',
    );
  });

  it('names the zone for people, in English and Hindi', () => {
    const at = Date.parse('2026-12-05T04:00:00Z');
    expect(describeZone('Asia/Kolkata', 'en', at)).toEqual({
      short: 'IST',
      long: 'India Standard Time (Asia/Kolkata)',
    });
    expect(describeZone('Asia/Kolkata', 'hi', at).long).toBe('भारतीय मानक समय (Asia/Kolkata)');
  });
});
