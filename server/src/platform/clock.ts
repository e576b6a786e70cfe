/**
 * The server's notion of "now", injected into services, the sweeper and socket handlers so that
 * tests move time forward instead of rewriting rows with SQL. Production uses the system clock.
 * Code that needs the time takes a Clock from its deps; it never calls Date.now() itself.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The clock's time as a Date, for timestamps written to the database. */
export function nowDate(clock: Clock): Date {
  return new Date(clock.now());
}
