import { PALETTE_STATES, type Answer, type AttemptScore, type TimeAdjustment } from '@examtech/core';
import { sql } from 'drizzle-orm';
import {
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
import { examSnapshots, exams } from '../exams/exam-tables.js';
import { institutes } from '../institutes/institute-tables.js';
import { users } from '../users/user-tables.js';

/**
 * Who ended the attempt: the candidate, the sweeper at the deadline, a proctor (terminate), or the
 * server at the exam's violation threshold.
 */
export const SUBMIT_REASONS = ['candidate', 'deadline', 'proctor', 'violations'] as const;
export type SubmitReason = (typeof SUBMIT_REASONS)[number];

export const attemptStatus = pgEnum('attempt_status', ['prepared', 'in_progress', 'submitted']);

/**
 * One candidate's sitting of one published exam. Prepared before T0 (seed, deadlines) so that
 * Start is a cheap update; the deadline is the server's and already includes compensatory time.
 */
export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'restrict' }),
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => examSnapshots.id, { onDelete: 'restrict' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    seed: text('seed').notNull(),
    status: attemptStatus('status').notNull().default('prepared'),
    compensatoryMs: integer('compensatory_ms').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submitReason: text('submit_reason', { enum: SUBMIT_REASONS }),
    /** The device currently allowed to write; a new device takes over and the old one is told. */
    activeDeviceId: text('active_device_id'),
    /** The last moment the server heard the attempt before its last recorded outage (no socket left, no request). */
    offlineSince: timestamp('offline_since', { withTimezone: true }),
    /** When the server heard the attempt again after `offline_since` (any request or socket); null while silent. */
    onlineAgainAt: timestamp('online_again_at', { withTimezone: true }),
    /** Saves accepted after the deadline from the candidate's offline journal (shown to proctors). */
    lateSaves: integer('late_saves').notNull().default(0),
    /** A proctor paused the attempt: the clock stands still (the sweeper skips it, saves are refused). */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pauseReason: text('pause_reason'),
    /**
     * Past pauses and extensions, applied to the schedule by the core's adjustSchedule; deadline_at
     * already includes them (it is the adjusted schedule's end).
     */
    timeAdjustments: jsonb('time_adjustments').$type<TimeAdjustment[]>().notNull().default([]),
    score: jsonb('score').$type<AttemptScore>(),
    totalMarks: text('total_marks'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('attempts_exam_user_key').on(t.examId, t.userId),
    index('attempts_user_idx').on(t.userId, t.createdAt),
    // The sweeper's scan: attempts still running, by deadline.
    index('attempts_running_deadline_idx')
      .on(t.deadlineAt)
      .where(sql`${t.status} = 'in_progress'`),
    // The same sweep's other half: pauses never lifted (a handful at most, so a tiny index).
    index('attempts_running_paused_idx')
      .on(t.pausedAt)
      .where(sql`${t.status} = 'in_progress' and ${t.pausedAt} is not null`),
  ],
);

/** The latest saved answer per question. `seq` orders saves: an older or duplicate save never overwrites. */
export const attemptAnswers = pgTable(
  'attempt_answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull(),
    answer: jsonb('answer').$type<Answer>(),
    state: text('state', { enum: PALETTE_STATES }).notNull(),
    seq: integer('seq').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    visits: integer('visits').notNull().default(0),
    timeSpentMs: integer('time_spent_ms').notNull().default(0),
    /** The highest seq of a live (not offline-journal) save stored for this question; bounds what a journal may add. */
    liveSeq: integer('live_seq'),
    /** When that live save arrived (server clock). */
    liveAt: timestamp('live_at', { withTimezone: true }),
    /**
     * The seq of the first save stored for the question. The exam room numbers an attempt's saves
     * with one counter and saves a question when the candidate leaves or answers it, so ordering
     * questions by it gives the order of first visits (the analysis's navigation trail). Written on
     * insert only, in the same upsert; null on rows saved before it existed (the analysis uses `seq`).
     */
    firstSeq: integer('first_seq'),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);
