import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutes } from '../institutes/institute-tables.js';
import { users } from '../users/user-tables.js';

/** Uploaded files (question images, import archives); the bytes live in FileStorage. */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    originalName: text('original_name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assets_institute_sha_idx').on(t.instituteId, t.sha256)],
);
