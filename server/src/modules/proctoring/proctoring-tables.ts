import { PROCTOR_DECISIONS, PROCTOR_EVENT_KINDS, type TrustWeights } from '@examtech/core';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { attempts } from '../attempts/attempt-tables.js';
import { exams } from '../exams/exam-tables.js';
import { institutes } from '../institutes/institute-tables.js';
import { users } from '../users/user-tables.js';
import { EVIDENCE_KINDS, PROCTOR_ACTION_KINDS } from './proctoring-types.js';

/**
 * Signals from the exam room. The id is the browser's (it journals the event before sending), so a
 * resend after an outage is the same row: an event still lasting is sent again with a longer
 * duration, and the longest is kept.
 */
export const proctorEvents = pgTable(
  'proctor_events',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PROCTOR_EVENT_KINDS }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull().default(0),
    questionId: uuid('question_id'),
    evidenceId: uuid('evidence_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.id] }), index('proctor_events_exam_idx').on(t.examId)],
);

/**
 * Snapshots and screen-recording chunks, stored through FileStorage under `storage_key`. A row is
 * `pending` until the upload is checked (`stored`); the retention job deletes both after the
 * institute's period.
 */
export const proctorEvidence = pgTable(
  'proctor_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    recordingId: uuid('recording_id'),
    seq: integer('seq'),
    status: text('status', { enum: ['pending', 'stored'] })
      .notNull()
      .default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('proctor_evidence_attempt_idx').on(t.attemptId, t.takenAt),
    index('proctor_evidence_created_idx').on(t.createdAt),
  ],
);

/** What a proctor did to an attempt, with their reason: an audit trail, never edited. */
export const proctorActions = pgTable(
  'proctor_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: PROCTOR_ACTION_KINDS }).notNull(),
    reason: text('reason').notNull(),
    text: text('text'),
    minutes: integer('minutes'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proctor_actions_attempt_idx').on(t.attemptId, t.at)],
);

/** The human decision after review; withheld and disqualified reach the results' status. */
export const proctorDecisions = pgTable('proctor_decisions', {
  attemptId: uuid('attempt_id')
    .primaryKey()
    .references(() => attempts.id, { onDelete: 'cascade' }),
  examId: uuid('exam_id')
    .notNull()
    .references(() => exams.id, { onDelete: 'cascade' }),
  decision: text('decision', { enum: PROCTOR_DECISIONS }).notNull(),
  reason: text('reason').notNull(),
  decidedBy: uuid('decided_by')
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
});

/** An exam's trust-score weights when changed from the core's defaults (after the fact too). */
export const proctorWeights = pgTable('proctor_weights', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exams.id, { onDelete: 'cascade' }),
  weights: jsonb('weights').$type<TrustWeights>().notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Every view of a piece of evidence: who, when. Kept after the evidence itself is deleted. */
export const proctorEvidenceViews = pgTable(
  'proctor_evidence_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evidenceId: uuid('evidence_id').notNull(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    viewerId: uuid('viewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proctor_evidence_views_attempt_idx').on(t.attemptId, t.viewedAt)],
);
