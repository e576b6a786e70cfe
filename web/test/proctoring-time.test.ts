// Time left in the proctor grid and the order of the proctor's exam list.
import { describe, expect, it } from 'vitest';
import {
  clockOffset,
  formatTimeLeft,
  orderExams,
  splitDuration,
  timeLeftMs,
} from '../src/features/proctoring/time';
import type { ProctoredExam } from '../src/features/proctoring/types';

describe('time left', () => {
  it('reads like an exam clock: h:mm:ss from an hour, m:ss below, never negative', () => {
    expect(formatTimeLeft(3 * 3_600_000 + 5 * 60_000 + 9_000)).toBe('3:05:09');
    expect(formatTimeLeft(3_600_000)).toBe('1:00:00');
    expect(formatTimeLeft(3_599_000)).toBe('59:59');
    expect(formatTimeLeft(4 * 60_000 + 7_000)).toBe('4:07');
    expect(formatTimeLeft(9_000)).toBe('0:09');
    expect(formatTimeLeft(0)).toBe('0:00');
    expect(formatTimeLeft(-5_000)).toBe('0:00');
  });

  it('rounds a part second up, so the clock shows 0:00 only when time is really over', () => {
    expect(formatTimeLeft(500)).toBe('0:01');
    expect(formatTimeLeft(59_001)).toBe('1:00');
  });

  it('counts down to the deadline on the server clock', () => {
    const deadline = '2030-01-01T10:00:00.000Z';
    const now = Date.parse('2030-01-01T09:30:00.000Z');
    expect(timeLeftMs(deadline, now)).toBe(30 * 60_000);
    // The device is 20 s behind the server: 20 s less are left.
    expect(timeLeftMs(deadline, now, 20_000)).toBe(30 * 60_000 - 20_000);
    expect(timeLeftMs(deadline, now + 3_600_000)).toBe(0);
    expect(timeLeftMs(null, now)).toBeNull();
  });

  it('measures the server clock offset from serverNow at the middle of the round trip, 0 without one', () => {
    expect(
      clockOffset(
        '2030-01-01T10:00:10.000Z',
        Date.parse('2030-01-01T10:00:00.000Z'),
        Date.parse('2030-01-01T10:00:02.000Z'),
      ),
    ).toBe(9_000);
    expect(clockOffset(undefined, 0, 10)).toBe(0);
    expect(clockOffset('not a date', 0, 10)).toBe(0);
  });

  it('splits a duration into minutes and seconds', () => {
    expect(splitDuration(65_400)).toEqual({ minutes: 1, seconds: 5 });
    expect(splitDuration(12_600)).toEqual({ minutes: 0, seconds: 13 });
    expect(splitDuration(-1)).toEqual({ minutes: 0, seconds: 0 });
  });
});

describe('the list of exams to watch', () => {
  const exam = (examId: string, status: ProctoredExam['status'], startsAt: string): ProctoredExam => ({
    examId,
    title: examId,
    startsAt,
    durationMinutes: 180,
    status,
    candidates: 10,
  });

  it('puts live exams first, then the soonest upcoming, then the most recently ended', () => {
    const ordered = orderExams([
      exam('ended-old', 'ended', '2030-01-01T09:00:00Z'),
      exam('upcoming-late', 'upcoming', '2030-01-05T09:00:00Z'),
      exam('live', 'live', '2030-01-03T09:00:00Z'),
      exam('ended-new', 'ended', '2030-01-02T09:00:00Z'),
      exam('upcoming-soon', 'upcoming', '2030-01-04T09:00:00Z'),
    ]);
    expect(ordered.map((e) => e.examId)).toEqual([
      'live',
      'upcoming-soon',
      'upcoming-late',
      'ended-new',
      'ended-old',
    ]);
  });
});
