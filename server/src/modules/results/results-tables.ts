import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { attempts, SUBMIT_REASONS } from '../attempts/attempt-tables.js';
import { examKeyRevisions, exams } from '../exams/exam-tables.js';
import { institutes } from '../institutes/institute-tables.js';
import { RESULT_ATTEMPT_STATUSES, RESULT_STATUSES, type ResultBreakdown } from './results-types.js';

export { RESULT_STATUSES, type ResultStatus } from './results-types.js';

/**
 * One row per attempt of a scheduled exam (prepared, in progress or submitted): the candidate as
 * they were at the computation (name, email, roll number, batches), and for a submitted attempt its
 * marks, rank keys, rank and NTA percentile in the institute. `status`, its reason and who set it
 * are the teacher's and survive every recomputation.
 */
export const examResults = pgTable(
  'exam_results',
  {
    attemptId: uuid('attempt_id')
      .primaryKey()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').notNull(),
    candidateName: text('candidate_name').notNull(),
    candidateEmail: text('candidate_email').notNull(),
    rollNumber: text('roll_number'),
    batchIds: uuid('batch_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    attemptStatus: text('attempt_status', { enum: RESULT_ATTEMPT_STATUSES }).notNull(),
    submitReason: text('submit_reason', { enum: SUBMIT_REASONS }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    total: numeric('total'),
    maxTotal: numeric('max_total'),
    breakdown: jsonb('breakdown').$type<ResultBreakdown>(),
    correct: integer('correct'),
    wrong: integer('wrong'),
    partial: integer('partial'),
    unanswered: integer('unanswered'),
    /** Tie-break keys, larger is better; PostgreSQL compares arrays element by element. */
    rankKeys: numeric('rank_keys').array(),
    status: text('status', { enum: RESULT_STATUSES }).notNull().default('ranked'),
    statusReason: text('status_reason'),
    statusChangedBy: uuid('status_changed_by'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    rank: integer('rank'),
    percentile: numeric('percentile', { precision: 10, scale: 7 }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('exam_results_exam_rank_idx').on(t.examId, t.rank),
    index('exam_results_exam_user_idx').on(t.examId, t.userId),
  ],
);

/** Rank and percentile of a ranked result within each batch its candidate belongs to. */
export const examResultBatchRanks = pgTable(
  'exam_result_batch_ranks',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => examResults.attemptId, { onDelete: 'cascade' }),
    batchId: uuid('batch_id').notNull(),
    examId: uuid('exam_id').notNull(),
    rank: integer('rank').notNull(),
    percentile: numeric('percentile', { precision: 10, scale: 7 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.batchId] }),
    index('exam_result_batch_ranks_exam_idx').on(t.examId, t.batchId),
  ],
);

/** The last computation of an exam's results and the state of its attempts it saw. */
export const examResultRuns = pgTable('exam_result_runs', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exams.id, { onDelete: 'cascade' }),
  instituteId: uuid('institute_id')
    .notNull()
    .references(() => institutes.id, { onDelete: 'restrict' }),
  /** The attempts' fingerprint (counts and last change); a different one means compute again. */
  sourceStamp: text('source_stamp').notNull(),
  rankedCount: integer('ranked_count').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/**
 * What one answer-key revision did to each candidate it affected: total and institute rank just
 * before the revision and after the results were computed again (issue 11). Captured in SQL from
 * `exam_results`; a row whose totals and ranks came out the same is not kept, and a row without
 * `total_after` is a revision still being applied. Read by the candidate once results are out.
 */
export const examResultChanges = pgTable(
  'exam_result_changes',
  {
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => examKeyRevisions.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').notNull(),
    /** The revision's `seq` within its exam, so a candidate's changes read in order without a join. */
    revisionSeq: integer('revision_seq').notNull(),
    totalBefore: numeric('total_before'),
    totalAfter: numeric('total_after'),
    rankBefore: integer('rank_before'),
    rankAfter: integer('rank_after'),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.attemptId] }),
    index('exam_result_changes_exam_user_idx').on(t.examId, t.userId, t.revisionSeq),
  ],
);
