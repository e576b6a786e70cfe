import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { institutes } from '../institutes/institute-tables.js';
import { users } from '../users/user-tables.js';
import type { ImportReport } from './import-repo.js';

export const importStatus = pgEnum('import_status', [
  'validating',
  'ready',
  'invalid',
  'committing',
  'committed',
  'failed',
]);

/**
 * A question import: the uploaded file is validated in the background (progress readable by any
 * instance), previewed, then committed in one transaction or not at all.
 */
export const questionImports = pgTable(
  'question_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    status: importStatus('status').notNull().default('validating'),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** Validation outcome: row errors, duplicate rows, counts by type; committed question ids. */
    report: jsonb('report').$type<ImportReport>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('question_imports_institute_idx').on(t.instituteId, t.createdAt)],
);
