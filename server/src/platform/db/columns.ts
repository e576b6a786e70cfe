import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/** The created/updated pair most tables carry; spread into a table definition. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * `updated_at` on a write: the database's own time, because it is bookkeeping (shown, and used to
 * order lists) and never decides anything. Times that decide behaviour (deadlines, windows, stale
 * jobs, sessions) come from the injected Clock and are passed to the repo as values.
 */
export const bookkeepingNow = sql<Date>`now()`;
