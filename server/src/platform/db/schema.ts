import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
export * from '../../modules/results/results-tables.js';

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
