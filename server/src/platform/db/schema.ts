import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../modules/users/user-tables.js';

/**
 * The database schema: each table is defined by its owning module (`modules/<m>/<m>-tables.ts`,
 * see docs/ARCHITECTURE.md); this file re-exports them all for drizzle-kit and the migrations, and
 * defines the platform's own tables. One schema for PGlite and PostgreSQL 15: keep to features both have.
 */
export * from '../../modules/institutes/institute-tables.js';
export * from '../../modules/users/user-tables.js';
export * from '../../modules/batches/batch-tables.js';
export * from '../../modules/syllabus/syllabus-tables.js';
export * from '../../modules/questions/question-tables.js';
export * from '../../modules/assets/asset-tables.js';
export * from '../../modules/question-transfer/import-tables.js';
export * from '../../modules/exams/exam-tables.js';
export * from '../../modules/attempts/attempt-tables.js';
export * from '../../modules/notifications/notification-tables.js';
export * from '../../modules/results/results-tables.js';
export * from '../../modules/proctoring/proctoring-tables.js';

/** Server-side sessions for the embedded mode (Redis holds them when configured). */
export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a leaked table does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * The job queue (platform/jobs): work due at a time, run once by whichever instance claims it.
 * At most one pending job per kind and key, so scheduling again moves the pending one.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('jobs_pending_kind_key_idx')
      .on(t.kind, t.key)
      .where(sql`${t.doneAt} is null`),
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.doneAt} is null`),
  ],
);
