import { sql } from 'drizzle-orm';
import {
  boolean,
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

// One schema for PGlite and PostgreSQL 15: keep to features both have.

export const userRole = pgEnum('user_role', [
  'platform_operator',
  'institute_admin',
  'teacher',
  'proctor',
  'student',
]);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const institutes = pgTable('institutes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null only for platform operators, who stand outside every institute.
    instituteId: uuid('institute_id').references(() => institutes.id, { onDelete: 'restrict' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    phone: text('phone'),
    rollNumber: text('roll_number'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // Emails are stored lower-cased; login is by email across the platform.
    uniqueIndex('users_email_key').on(t.email),
    index('users_institute_role_idx').on(t.instituteId, t.role),
    uniqueIndex('users_institute_roll_key')
      .on(t.instituteId, t.rollNumber)
      .where(sql`${t.rollNumber} is not null`),
  ],
);

export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    // Upper-cased on write so "jee-2027" and "JEE-2027" are one code.
    code: text('code').notNull(),
    description: text('description').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('batches_institute_code_key').on(t.instituteId, t.code)],
);

/** Students belong to batches; teachers and proctors are assigned to them. The user's role says which. */
export const batchMembers = pgTable(
  'batch_members',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.userId] }), index('batch_members_user_idx').on(t.userId)],
);

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

// ---------------------------------------------------------------------------------------------
// Question bank

/** PostgreSQL full-text vector; maintained by the service from every language's text. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

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
    type: text('type').notNull(),
    difficulty: text('difficulty').notNull(),
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
    body: jsonb('body').notNull(),
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
    format: text('format').notNull(),
    fileAssetId: uuid('file_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    imagesAssetId: uuid('images_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** Validation outcome: row errors, duplicate rows, counts by type; committed question ids. */
    report: jsonb('report'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('question_imports_institute_idx').on(t.instituteId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Exams

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
    draft: jsonb('draft').notNull(),
    settings: jsonb('settings').notNull(),
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
    paper: jsonb('paper').notNull(),
    candidatePaper: jsonb('candidate_paper').notNull(),
    settings: jsonb('settings').notNull(),
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
  mode: text('mode').notNull(),
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

// ---------------------------------------------------------------------------------------------
// Live exams: attempts and answers

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
    submitReason: text('submit_reason'),
    /** The device currently allowed to write; a new device takes over and the old one is told. */
    activeDeviceId: text('active_device_id'),
    lastSeq: integer('last_seq').notNull().default(0),
    /** The last moment the server heard the attempt before its last recorded outage (no socket left, no request). */
    offlineSince: timestamp('offline_since', { withTimezone: true }),
    /** When the server heard the attempt again after `offline_since` (any request or socket); null while silent. */
    onlineAgainAt: timestamp('online_again_at', { withTimezone: true }),
    /** Saves accepted after the deadline from the candidate's offline journal (shown to proctors). */
    lateSaves: integer('late_saves').notNull().default(0),
    score: jsonb('score'),
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
    answer: jsonb('answer'),
    state: text('state').notNull(),
    seq: integer('seq').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    visits: integer('visits').notNull().default(0),
    timeSpentMs: integer('time_spent_ms').notNull().default(0),
    /** The highest seq of a live (not offline-journal) save stored for this question; bounds what a journal may add. */
    liveSeq: integer('live_seq'),
    /** When that live save arrived (server clock). */
    liveAt: timestamp('live_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);
