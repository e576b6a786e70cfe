import { DIFFICULTIES, QUESTION_TYPES } from '@examtech/core';
import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { institutes } from '../institutes/institute-tables.js';
import { users } from '../users/user-tables.js';
import type { StoredBody } from './question-record.js';

/** PostgreSQL full-text vector; maintained by the service from every language's text. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const questionStatus = pgEnum('question_status', ['active', 'archived']);

/**
 * A question's identity and its searchable, filterable current state. The content itself lives in
 * immutable versions: an exam keeps the version it used however the bank is edited later.
 */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    currentVersionId: uuid('current_version_id'),
    versionNumber: integer('version_number').notNull().default(1),
    type: text('type', { enum: QUESTION_TYPES }).notNull(),
    difficulty: text('difficulty', { enum: DIFFICULTIES }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    chapterId: uuid('chapter_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    source: text('source'),
    groupId: text('group_id'),
    status: questionStatus('status').notNull().default('active'),
    /** SHA-256 of the normalised English (or first-language) stem and options: duplicate detection. */
    contentHash: text('content_hash').notNull(),
    searchVector: tsvector('search_vector').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('questions_filter_idx').on(t.instituteId, t.status, t.subjectId, t.chapterId, t.topicId),
    index('questions_institute_updated_idx').on(t.instituteId, t.updatedAt),
    index('questions_hash_idx').on(t.instituteId, t.contentHash),
    index('questions_search_idx').using('gin', t.searchVector),
    index('questions_tags_idx').using('gin', t.tags),
  ],
);

export const questionVersions = pgTable(
  'question_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'restrict' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    /** The core `Question` (without its id) exactly as authored in this version. */
    body: jsonb('body').$type<StoredBody>().notNull(),
    changeNote: text('change_note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('question_versions_question_version_key').on(t.questionId, t.version)],
);

/** Which exam used which question version, for "not used in the last N exams" and audits. */
export const questionUsages = pgTable(
  'question_usages',
  {
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'restrict' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => questionVersions.id, { onDelete: 'restrict' }),
    examId: uuid('exam_id').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.examId, t.questionId] }),
    index('question_usages_question_idx').on(t.questionId),
    index('question_usages_institute_used_idx').on(t.instituteId, t.usedAt),
  ],
);
