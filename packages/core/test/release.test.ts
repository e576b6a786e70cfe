import { describe, expect, it } from 'vitest';
import {
  checkManualRelease,
  findResultReleaseTime,
  isResultReleased,
  type ResultReleaseFacts,
} from '../src/index.js';

const closesAt = Date.parse('2026-03-01T12:30:00Z');
const scheduled = (release: ResultReleaseFacts['release'], answersFinalAt: number | null = closesAt) =>
  ({ kind: 'scheduled', release, answersFinalAt }) as const;

describe('result release', () => {
  it('a practice test is released as soon as it is submitted', () => {
    expect(
      findResultReleaseTime({ kind: 'practice', release: { mode: 'instant' }, answersFinalAt: null }),
    ).toBe(0);
  });

  it('instant on a scheduled exam waits until nobody can answer any more', () => {
    const facts = scheduled({ mode: 'instant' });
    expect(findResultReleaseTime(facts)).toBe(closesAt);
    expect(isResultReleased(facts, closesAt - 1)).toBe(false);
    expect(isResultReleased(facts, closesAt)).toBe(true);
  });

  it('a release time before the close is moved to the close; a later one is kept', () => {
    const early = new Date(closesAt - 3_600_000).toISOString();
    const late = new Date(closesAt + 3_600_000).toISOString();
    expect(findResultReleaseTime(scheduled({ mode: 'scheduled', at: early }))).toBe(closesAt);
    expect(findResultReleaseTime(scheduled({ mode: 'scheduled', at: late }))).toBe(closesAt + 3_600_000);
    expect(findResultReleaseTime(scheduled({ mode: 'scheduled' }))).toBeNull();
  });

  it('manual release, and an exam with no schedule, have no release time yet', () => {
    expect(findResultReleaseTime(scheduled({ mode: 'manual' }))).toBeNull();
    expect(isResultReleased(scheduled({ mode: 'manual' }), closesAt + 86_400_000)).toBe(false);
    expect(findResultReleaseTime(scheduled({ mode: 'instant' }, null))).toBeNull();
  });

  it('manual release: released at the recorded time, never before answers are final', () => {
    const released = { ...scheduled({ mode: 'manual' }), releasedAt: closesAt + 60_000 };
    expect(findResultReleaseTime(released)).toBe(closesAt + 60_000);
    expect(isResultReleased(released, closesAt + 59_999)).toBe(false);
    expect(isResultReleased(released, closesAt + 60_000)).toBe(true);
    // A release recorded too early (it is refused, but a row could say so) still waits for the close.
    expect(findResultReleaseTime({ ...scheduled({ mode: 'manual' }), releasedAt: closesAt - 5 })).toBe(
      closesAt,
    );
    expect(
      findResultReleaseTime({ ...scheduled({ mode: 'manual' }, null), releasedAt: closesAt }),
    ).toBeNull();
  });

  it('a recorded release does not move an instant or scheduled release', () => {
    const late = new Date(closesAt + 3_600_000).toISOString();
    expect(
      findResultReleaseTime({ ...scheduled({ mode: 'scheduled', at: late }), releasedAt: closesAt }),
    ).toBe(closesAt + 3_600_000);
    expect(findResultReleaseTime({ ...scheduled({ mode: 'instant' }), releasedAt: 1 })).toBe(closesAt);
  });
});

describe('manual release check', () => {
  it('refuses while anyone may still answer, and says when it becomes possible', () => {
    expect(checkManualRelease(scheduled({ mode: 'manual' }), closesAt - 1)).toEqual({
      canRelease: false,
      reason: 'NOT_FINAL',
      possibleAt: closesAt,
    });
    expect(checkManualRelease(scheduled({ mode: 'manual' }), closesAt)).toEqual({ canRelease: true });
  });

  it('refuses other modes, unscheduled exams, practice and a second release', () => {
    const later = closesAt + 1;
    expect(checkManualRelease(scheduled({ mode: 'instant' }), later)).toMatchObject({ reason: 'NOT_MANUAL' });
    expect(checkManualRelease(scheduled({ mode: 'scheduled', at: later }), later)).toMatchObject({
      reason: 'NOT_MANUAL',
    });
    expect(
      checkManualRelease({ kind: 'practice', release: { mode: 'manual' }, answersFinalAt: null }, later),
    ).toMatchObject({ reason: 'NOT_MANUAL' });
    expect(checkManualRelease(scheduled({ mode: 'manual' }, null), later)).toMatchObject({
      reason: 'NOT_SCHEDULED',
    });
    expect(
      checkManualRelease({ ...scheduled({ mode: 'manual' }), releasedAt: closesAt }, later),
    ).toMatchObject({ reason: 'RELEASED' });
  });
});
