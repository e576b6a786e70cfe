import type { Clock } from '../../src/platform/clock.js';

/**
 * A clock tests move. It runs on with real time from `start` (so sockets' heartbeats, save budgets,
 * the exam room's timer and the sweeper behave as in production) and jumps when told: `advance`
 * moves it forward, `set` puts it at a moment. Handed to the app through `buildApp(config, { clock })`
 * (useTestApp and the e2e server do this), so tests move time instead of rewriting rows with SQL
 * or waiting for it to pass.
 */
export type TestClock = Clock & {
  /** Moves time forward by `ms` (never back: an attempt's recorded times only move forward too). */
  advance(ms: number): void;
  /** Puts the clock at `at` (milliseconds since the epoch, or a Date); later than now only. */
  set(at: number | Date): void;
  /** The clock's time `ms` from now, as the ISO string the API takes. */
  isoIn(ms: number): string;
};

/**
 * `frozen`: time stands still between moves, for a test about how much time passes between
 * requests (a backoff): on a loaded machine real time would slip past the figures under test.
 */
export function createTestClock(
  start: number | Date = Date.now(),
  options: { frozen?: boolean } = {},
): TestClock {
  const base = Date.now();
  let offset = Number(start) - base;
  const clock: TestClock = {
    now: () => (options.frozen ? base : Date.now()) + offset,
    advance(ms) {
      if (!(ms >= 0)) throw new Error(`a test clock moves forward only (advance(${ms}))`);
      offset += ms;
    },
    set(at) {
      clock.advance(Number(at) - clock.now());
    },
    isoIn: (ms) => new Date(clock.now() + ms).toISOString(),
  };
  return clock;
}
