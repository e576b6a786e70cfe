import type { Answer, CandidatePaper, KeyRevision, Paper } from '@examtech/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { batches } from '../batches/batch-tables.js';
import { institutes } from '../institutes/institute-tables.js';
import { users } from '../users/user-tables.js';
import type { ExamDraft, ExamSettings } from './exam-draft.js';

export const examKind = pgEnum('exam_kind', ['scheduled', 'practice']);

/**
 * An exam while it is built (`draft`, `settings` are editable JSON) and, once published, the
 * pointer to its immutable snapshot. Practice tests are exams owned by the student who made them.
 */
export const exams = pgTable(
  'exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    kind: examKind('kind').notNull(),
    title: text('title').notNull(),
    templateId: text('template_id'),
    templateVersion: integer('template_version'),
    draft: jsonb('draft').$type<ExamDraft>().notNull(),
    settings: jsonb('settings').$type<ExamSettings>().notNull(),
    publishedSnapshotId: uuid('published_snapshot_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('exams_institute_kind_idx').on(t.instituteId, t.kind, t.updatedAt),
    index('exams_owner_idx').on(t.ownerId, t.createdAt),
  ],
);

/**
 * A snapshot's settings: the exam's, plus the version of each question it froze (snapshots made
 * before that was recorded have none).
 */
export type SnapshotSettings = ExamSettings & { questionVersions?: Record<string, number> };

/** What candidates sit: the core Paper with keys (server only) and its candidate-safe form. Never updated. */
export const examSnapshots = pgTable(
  'exam_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'restrict' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    paper: jsonb('paper').$type<Paper>().notNull(),
    candidatePaper: jsonb('candidate_paper').$type<CandidatePaper>().notNull(),
    settings: jsonb('settings').$type<SnapshotSettings>().notNull(),
    questionIds: uuid('question_ids').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exam_snapshots_exam_idx').on(t.examId)],
);

export const examSchedules = pgTable('exam_schedules', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exams.id, { onDelete: 'cascade' }),
  instituteId: uuid('institute_id')
    .notNull()
    .references(() => institutes.id, { onDelete: 'restrict' }),
  mode: text('mode', { enum: ['fixed', 'window'] }).notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }),
  /** The latest moment any candidate can still be writing (window end + duration + largest compensation). */
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  registrationRequired: boolean('registration_required').notNull().default(false),
  registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
  capacity: integer('capacity'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const examBatches = pgTable(
  'exam_batches',
  {
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'restrict' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.examId, t.batchId] }), index('exam_batches_batch_idx').on(t.batchId)],
);

/** Students assigned individually, plus per-candidate facts (accommodations, registration) for anyone eligible. */
export const examCandidates = pgTable(
  'exam_candidates',
  {
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    assignedDirectly: boolean('assigned_directly').notNull().default(false),
    compensatoryMinutesPerHour: integer('compensatory_minutes_per_hour').notNull().default(0),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.examId, t.userId] }), index('exam_candidates_user_idx').on(t.userId)],
);

/** Per-institute switches for students' self-made practice tests. */
export const practiceSettings = pgTable('practice_settings', {
  instituteId: uuid('institute_id')
    .primaryKey()
    .references(() => institutes.id, { onDelete: 'restrict' }),
  disabledSubjectIds: uuid('disabled_subject_ids')
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  releasedOnly: boolean('released_only').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const releaseHow = pgEnum('result_release_how', ['manual', 'scheduled', 'instant']);

/**
 * An exam's results went out: a teacher's release of a `manual` exam (its time is the rule's
 * releasedAt), or the job's record that a `scheduled`/`instant` release happened (the rule already
 * released it by time). One row per exam: a second release changes nothing.
 */
export const examResultReleases = pgTable('exam_result_releases', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exams.id, { onDelete: 'cascade' }),
  instituteId: uuid('institute_id')
    .notNull()
    .references(() => institutes.id, { onDelete: 'restrict' }),
  releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
  releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' }),
  how: releaseHow('how').notNull(),
});

/**
 * Answer-key revisions after an exam, in order (`seq` per exam): an audit trail, appended to and
 * never updated. The effective paper of a snapshot is its paper plus its exam's revisions in order.
 */
export const examKeyRevisions = pgTable(
  'exam_key_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    seq: integer('seq').notNull(),
    revision: jsonb('revision').$type<KeyRevision>().notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exam_key_revisions_exam_seq_idx').on(t.examId, t.seq)],
);

/**
 * An exam's provisional answer key went out to its candidates (issue 11, as NTA runs it): who
 * published it and when, and when the challenge window closes. One row per exam; never updated.
 */
export const examProvisionalKeys = pgTable('exam_provisional_keys', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exams.id, { onDelete: 'cascade' }),
  instituteId: uuid('institute_id')
    .notNull()
    .references(() => institutes.id, { onDelete: 'restrict' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  challengesCloseAt: timestamp('challenges_close_at', { withTimezone: true }).notNull(),
});

export const keyChallengeStatus = pgEnum('key_challenge_status', [
  'pending',
  'accepted',
  'rejected',
  'withdrawn',
]);

/**
 * A candidate's challenge of one question's provisional key: the reason, optionally the answer
 * they claim is right, and the teacher's decision (which applies to every challenge of the
 * question pending at the time). At most one challenge per candidate and question that is not
 * withdrawn (the partial unique index).
 */
export const examKeyChallenges = pgTable(
  'exam_key_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    questionId: uuid('question_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    attemptId: uuid('attempt_id').notNull(),
    reason: text('reason').notNull(),
    claimedAnswer: jsonb('claimed_answer').$type<Answer>(),
    status: keyChallengeStatus('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** The revision an accepted challenge led to (the audit trail's row). */
    revisionId: uuid('revision_id').references(() => examKeyRevisions.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('exam_key_challenges_exam_question_idx').on(t.examId, t.questionId),
    index('exam_key_challenges_user_idx').on(t.userId, t.examId),
    uniqueIndex('exam_key_challenges_one_standing_idx')
      .on(t.examId, t.questionId, t.userId)
      .where(sql`${t.status} <> 'withdrawn'`),
  ],
);
