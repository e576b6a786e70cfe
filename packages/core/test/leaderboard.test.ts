import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeriodLength, findPeriodStart, maskLeaderboardName } from '../src/index.js';

describe('leaderboard periods', () => {
  const now = Date.UTC(2026, 10, 20, 12);
  it('30 and 90 days back from now; all time has no start', () => {
    expect(findPeriodStart('30d', now)).toBe(Date.UTC(2026, 9, 21, 12));
    expect(findPeriodStart('90d', now)).toBe(now - 90 * 86_400_000);
    expect(findPeriodStart('all', now)).toBeNull();
    expect(findPeriodLength('30d')).toBe(30 * 86_400_000);
    expect(findPeriodLength('all')).toBeNull();
  });
});

describe('maskLeaderboardName', () => {
  it('full keeps the name, hidden gives none, initials one letter per word', () => {
    expect(maskLeaderboardName('Riya Sharma', 'full')).toBe('Riya Sharma');
    expect(maskLeaderboardName('Riya Sharma', 'hidden')).toBeNull();
    expect(maskLeaderboardName('  riya   kumari sharma ', 'initials')).toBe('R. K. S.');
    expect(maskLeaderboardName('Aarav', 'initials')).toBe('A.');
    expect(maskLeaderboardName('   ', 'initials')).toBeNull();
  });

  it('a Devanagari name keeps whole written characters', () => {
    expect(maskLeaderboardName('राहुल शर्मा', 'initials')).toBe('रा. श.');
  });

  it('initials never contain more than one character cluster of any word', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 5 }), (words) => {
        const masked = maskLeaderboardName(words.join(' '), 'initials');
        expect(masked).toBe(words.map((w) => `${w[0]!.toUpperCase()}.`).join(' '));
      }),
    );
  });
});
