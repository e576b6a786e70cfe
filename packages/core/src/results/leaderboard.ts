/**
 * Leaderboard rules that are not a query: the periods a board covers and how a student's name is
 * shown to other students under the institute's privacy setting.
 */

/** Institute-wide and batch boards cover the released mocks sat in one of these periods. */
export const LEADERBOARD_PERIODS = ['30d', '90d', 'all'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

const DAY_MS = 86_400_000;
const PERIOD_DAYS: Record<LeaderboardPeriod, number | null> = { '30d': 30, '90d': 90, all: null };

/** The first instant a period includes (an attempt submitted at or after it counts); null: all time. */
export function findPeriodStart(period: LeaderboardPeriod, now: number): number | null {
  const days = PERIOD_DAYS[period];
  return days === null ? null : now - days * DAY_MS;
}

/** How the period lasts, in ms (null: all time): a submission leaves the board this long after it. */
export function findPeriodLength(period: LeaderboardPeriod): number | null {
  const days = PERIOD_DAYS[period];
  return days === null ? null : days * DAY_MS;
}

/** The institute's setting: what other students see of a student's name on a board. */
export const LEADERBOARD_NAME_MODES = ['full', 'initials', 'hidden'] as const;
export type LeaderboardNameMode = (typeof LEADERBOARD_NAME_MODES)[number];

const firstGrapheme = (word: string): string => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(word)) return segment;
  return '';
};

/**
 * A name as another student sees it: whole, as initials ("Riya Sharma" -> "R. S."; a Devanagari
 * name keeps its first written character, conjunct and all), or not at all (null). Staff and the
 * student themselves always see the whole name; the caller decides who is "another student".
 */
export function maskLeaderboardName(name: string, mode: LeaderboardNameMode): string | null {
  switch (mode) {
    case 'full':
      return name;
    case 'hidden':
      return null;
    case 'initials': {
      const initials = name
        .trim()
        .split(/\s+/u)
        .filter((word) => word.length > 0)
        .map((word) => `${firstGrapheme(word).toLocaleUpperCase('en-IN')}.`);
      return initials.length > 0 ? initials.join(' ') : null;
    }
  }
}
