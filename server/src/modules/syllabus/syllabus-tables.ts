import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { institutes } from '../institutes/institute-tables.js';

export const syllabusKind = pgEnum('syllabus_kind', ['subject', 'chapter', 'topic']);

/** The subject -> chapter -> topic tree of one institute. */
export const syllabusNodes = pgTable(
  'syllabus_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    parentId: uuid('parent_id'),
    kind: syllabusKind('kind').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('syllabus_nodes_parent_idx').on(t.instituteId, t.parentId),
    // Names are unique among siblings, case-insensitively (lower() on write keeps the index simple).
    uniqueIndex('syllabus_nodes_sibling_name_key').on(
      t.instituteId,
      t.kind,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
  ],
);
