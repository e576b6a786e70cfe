import { describe, expect, it } from 'vitest';
import { findResultReleaseTime, isResultReleased, type ResultReleaseFacts } from '../src/index.js';

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
});
