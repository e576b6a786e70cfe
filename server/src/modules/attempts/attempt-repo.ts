import type { AttemptScore } from '@examtech/core';
import { and, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { attemptAnswers, attempts } from './attempt-tables.js';
import type { SubmitReason } from './attempt-tables.js';

export type { SubmitReason };

type Conn = Db | Tx;
export type AttemptRow = typeof attempts.$inferSelect;
export type AnswerRow = typeof attemptAnswers.$inferSelect;

const prepareFindAttempt = (db: Conn) =>
  db
    .select()
    .from(attempts)
    .where(eq(attempts.id, sql.placeholder('id')))
    .prepare('attempts_find_by_id');
// The hottest read of all (every paper, state, proctoring request and save-cache miss): built once
// per database handle, not per call, and a named statement PostgreSQL parses once per connection.
const findAttemptStatements = new WeakMap<Conn, ReturnType<typeof prepareFindAttempt>>();

export async function findAttempt(db: Conn, id: string): Promise<AttemptRow | null> {
  let statement = findAttemptStatements.get(db);
  if (!statement) findAttemptStatements.set(db, (statement = prepareFindAttempt(db)));
  const [row] = await statement.execute({ id });
  return row ?? null;
}

export async function findAttemptOf(db: Conn, examId: string, userId: string): Promise<AttemptRow | null> {
  const [row] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.examId, examId), eq(attempts.userId, userId)));
  return row ?? null;
}

/**
 * Inserts prepared attempts (a candidate keeps one attempt per exam). An attempt that is still only
 * prepared follows the exam as it is now: the current published snapshot (a republished paper
 * replaces the withdrawn one) and the current compensatory time. A started attempt keeps its own.
 */
export async function insertPreparedAttempts(
  db: Conn,
  rows: (typeof attempts.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(attempts)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [attempts.examId, attempts.userId],
        set: {
          snapshotId: sql`excluded.snapshot_id`,
          compensatoryMs: sql`excluded.compensatory_ms`,
          updatedAt: bookkeepingNow,
        },
        setWhere: sql`${attempts.status} = 'prepared'`,
      });
  }
}

/** Preparations of one exam's attempts take turns (transaction-scoped). */
export async function lockExamPreparation(tx: Tx, examId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`prepare:${examId}`}, 0))`);
}

export async function deletePreparedAttempts(db: Conn, examId: string, keepUserIds: string[]): Promise<void> {
  const stale = and(eq(attempts.examId, examId), eq(attempts.status, 'prepared'));
  await db
    .delete(attempts)
    .where(
      keepUserIds.length
        ? and(stale, sql`${attempts.userId} <> all(${sql.param(keepUserIds)}::uuid[])`)
        : stale,
    );
}

/** Start is one cheap update of a prepared row; a second Start (resume) changes nothing. */
export async function markStarted(
  db: Conn,
  id: string,
  startedAt: Date,
  deadlineAt: Date,
  deviceId: string,
): Promise<AttemptRow | null> {
  const [row] = await db
    .update(attempts)
    .set({
      status: 'in_progress',
      startedAt,
      deadlineAt,
      activeDeviceId: deviceId,
      updatedAt: bookkeepingNow,
    })
    .where(and(eq(attempts.id, id), eq(attempts.status, 'prepared')))
    .returning();
  return row ?? null;
}

export async function setActiveDevice(db: Conn, id: string, deviceId: string): Promise<void> {
  await db.update(attempts).set({ activeDeviceId: deviceId }).where(eq(attempts.id, id));
}

export async function listAnswers(db: Conn, attemptId: string): Promise<AnswerRow[]> {
  return db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId));
}

export type AnswerWrite = {
  attemptId: string;
  /** The device that sent it: only the attempt's active device may write. */
  deviceId: string;
  questionId: string;
  answer: unknown;
  state: string;
  seq: number;
  answeredAt: Date;
  visits: number;
  timeSpentMs: number;
};

/**
 * Writes a batch of saves in the caller's transaction. The batch holds its attempts' shared
 * attempt locks, so a concurrent submit (which takes them exclusively) waits for it and then
 * scores what it wrote. A save lands only while its attempt runs and before its deadline (plus
 * grace), from the attempt's active device, and only when its seq is newer than the stored one.
 * Returns, per write, whether it was stored.
 *
 * This is the hottest statement of a live exam, so it is one hand-written SQL statement over a
 * JSON array rather than built by the query builder per batch (which cost a third of the
 * server's CPU per save). It runs after the lock statement: in READ COMMITTED its snapshot then
 * includes any submit that committed while the batch waited.
 */
export async function writeAnswers(
  tx: Tx,
  writes: AnswerWrite[],
  graceMs: number,
  now: Date,
): Promise<WriteOutcome[]> {
  await takeAttemptLocks(tx, [...new Set(writes.map((w) => w.attemptId))], 'shared');
  const silent = new Set<string>();
  const statuses = await upsertAnswers(tx, writes, { graceMs }, now, silent);
  return statuses.map((status, i) => ({ status, isSilent: silent.has(writes[i]!.attemptId) }));
}

/** A live write's fate, and whether its attempt has an outage on record that this save ends. */
export type WriteOutcome = { status: 'saved' | 'superseded' | 'closed'; isSilent: boolean };

/**
 * The upsert itself. `whileOpen` keeps out attempts that are not running (or past deadline plus
 * grace) and marks the writes live (`live_seq`); without it (answers from an offline journal,
 * judged by the caller under the attempt's exclusive lock) any attempt takes them. The active
 * device is always required. `silent` collects the attempts with an outage still open.
 */
export async function upsertAnswers(
  tx: Tx,
  writes: AnswerWrite[],
  whileOpen: { graceMs: number } | null,
  /** The clock's time: the deadline is judged against it and it is stored as the save's time. */
  now: Date,
  silent?: Set<string>,
): Promise<('saved' | 'superseded' | 'closed')[]> {
  if (writes.length === 0) return [];
  const rows = JSON.stringify(
    writes.map((w) => ({
      attempt_id: w.attemptId,
      device_id: w.deviceId,
      question_id: w.questionId,
      answer: w.answer ?? null,
      state: w.state,
      seq: w.seq,
      answered_at: w.answeredAt.toISOString(),
      visits: w.visits,
      time_spent_ms: w.timeSpentMs,
    })),
  );
  const result = await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${rows}::jsonb) as r(
        attempt_id uuid, device_id text, question_id uuid, answer jsonb, state text, seq int,
        answered_at timestamptz, visits int, time_spent_ms int)
    ),
    open as (
      select a.id, a.active_device_id, a.offline_since is not null and a.online_again_at is null as is_silent
      from attempts a
      where a.id in (select attempt_id from input) and (${whileOpen === null} or (a.status = 'in_progress'
        and a.paused_at is null and a.deadline_at > ${now.toISOString()}::timestamptz - ${whileOpen?.graceMs ?? 0} * interval '1 millisecond'))
    ),
    stored as (
      -- The newest save per question only (one row cannot be updated twice in one statement), in a
      -- fixed (attempt, question) order so that concurrent batches lock rows without deadlocking.
      insert into attempt_answers
        (attempt_id, question_id, answer, state, seq, answered_at, saved_at, visits, time_spent_ms, live_seq, live_at,
         first_seq)
      select distinct on (i.attempt_id, i.question_id)
        i.attempt_id, i.question_id, i.answer, i.state, i.seq, i.answered_at, ${now.toISOString()}::timestamptz,
        i.visits, i.time_spent_ms, case when ${whileOpen !== null} then i.seq end,
        case when ${whileOpen !== null} then ${now.toISOString()}::timestamptz end,
        min(i.seq) over (partition by i.attempt_id, i.question_id)
      from input i join open o on o.id = i.attempt_id
        and (o.active_device_id is null or o.active_device_id = i.device_id)
      order by i.attempt_id, i.question_id, i.seq desc
      on conflict (attempt_id, question_id) do update set
        answer = excluded.answer, state = excluded.state, seq = excluded.seq,
        answered_at = excluded.answered_at, saved_at = excluded.saved_at,
        visits = excluded.visits, time_spent_ms = excluded.time_spent_ms,
        live_seq = coalesce(excluded.live_seq, attempt_answers.live_seq),
        live_at = coalesce(excluded.live_at, attempt_answers.live_at)
      where attempt_answers.seq < excluded.seq
      returning attempt_id, question_id, seq
    )
    select 'open' as kind, id || ':' || coalesce(active_device_id, '') as key from open
    union all
    select 'silent', id::text from open where is_silent
    union all
    select 'stored', attempt_id || ':' || question_id || ':' || seq from stored`);
  const open = new Set<string>();
  const stored = new Set<string>();
  for (const row of (result as { rows: { kind: string; key: string }[] }).rows) {
    if (row.kind === 'silent') silent?.add(row.key);
    else (row.kind === 'open' ? open : stored).add(row.key);
  }
  return writes.map((w) => {
    const isOpen = open.has(`${w.attemptId}:`) || open.has(`${w.attemptId}:${w.deviceId}`);
    if (!isOpen) return 'closed';
    return stored.has(answerKey(w)) ? 'saved' : 'superseded';
  });
}

const answerKey = (w: { attemptId: string; questionId: string; seq: number }) =>
  `${w.attemptId}:${w.questionId}:${w.seq}`;

/**
 * The attempt's last connection dropped and nothing else was heard: an outage begins at `lastHeardAt`
 * (or when the attempt was last heard again, if later), unless one is already open. Returns whether
 * it recorded one.
 */
export async function markOffline(db: Conn, id: string, lastHeardAt: Date): Promise<boolean> {
  const rows = await db
    .update(attempts)
    .set({
      offlineSince: sql`greatest(${lastHeardAt.toISOString()}::timestamptz, ${attempts.onlineAgainAt})`,
      onlineAgainAt: null,
    })
    .where(
      and(
        eq(attempts.id, id),
        eq(attempts.status, 'in_progress'),
        or(isNull(attempts.offlineSince), isNotNull(attempts.onlineAgainAt)),
      ),
    )
    .returning({ id: attempts.id });
  return rows.length > 0;
}

/**
 * The server heard the attempt again (a request, a joined socket): the recorded outage ends at `at`.
 * The outage stays on record, because answers typed during it may still arrive from the journal and
 * are judged against it; what ends is the time they may claim.
 */
export async function markHeard(db: Conn, id: string, at: Date): Promise<void> {
  await db
    .update(attempts)
    .set({ onlineAgainAt: sql`greatest(${at.toISOString()}::timestamptz, ${attempts.offlineSince})` })
    .where(and(eq(attempts.id, id), isNotNull(attempts.offlineSince), isNull(attempts.onlineAgainAt)));
}

/** Whether an outage of the attempt is on record and not yet ended. */
export const isSilent = (attempt: AttemptRow): boolean =>
  attempt.offlineSince !== null && attempt.onlineAgainAt === null;

/** After late saves from an offline journal: the new score of an already submitted attempt. */
export async function recordLateSaves(
  tx: Tx,
  id: string,
  count: number,
  rescored: { score: AttemptScore; totalMarks: string } | null,
): Promise<void> {
  await tx
    .update(attempts)
    .set({ lateSaves: sql`${attempts.lateSaves} + ${count}`, ...rescored, updatedAt: bookkeepingNow })
    .where(eq(attempts.id, id));
}

/**
 * Attempt locks: transaction-scoped advisory locks keyed by attempt id. Save batches take them
 * shared, submit and scoring exclusively, so a score always includes every acknowledged save.
 * Advisory rather than row locks (FOR SHARE) because many overlapping save batches share-locking
 * one row make PostgreSQL write MultiXacts into it; an advisory lock lives in memory only. Taken
 * in key order so that batches and the sweeper never deadlock.
 */
async function takeAttemptLocks(tx: Tx, ids: string[], mode: 'shared' | 'exclusive'): Promise<void> {
  if (ids.length === 0) return;
  const take = mode === 'shared' ? sql`pg_advisory_xact_lock_shared(k)` : sql`pg_advisory_xact_lock(k)`;
  await tx.execute(
    sql`select ${take} from (select distinct hashtextextended(id::text, 0) as k from unnest(${sql.param(ids)}::uuid[]) as id order by k) as keys`,
  );
}

/** Up to `limit` submitted attempts of the exam after `afterId` (id order), locked for rescoring. */
export async function lockSubmittedAttempts(
  tx: Tx,
  examId: string,
  afterId: string | null,
  limit: number,
): Promise<AttemptRow[]> {
  const rows = await tx
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.examId, examId),
        eq(attempts.status, 'submitted'),
        afterId === null ? undefined : sql`${attempts.id} > ${afterId}`,
      ),
    )
    .orderBy(attempts.id)
    .limit(limit)
    .for('update');
  await takeAttemptLocks(
    tx,
    rows.map((r) => r.id),
    'exclusive',
  );
  return rows;
}

/**
 * The papers of the attempts `lockExpiredAttempts` would take, read before its transaction.
 * Served by `attempts_running_deadline_idx` (deadline_at, where status = 'in_progress'), as is the lock.
 */
export async function listExpiredSnapshotIds(db: Conn, deadlineBefore: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ snapshotId: attempts.snapshotId })
    .from(attempts)
    .where(
      and(
        eq(attempts.status, 'in_progress'),
        isNull(attempts.pausedAt),
        lt(attempts.deadlineAt, deadlineBefore),
      ),
    );
  return rows.map((r) => r.snapshotId);
}

/**
 * Up to `limit` attempts still running whose deadline is before `deadlineBefore`, earliest first,
 * with their attempt locks. SKIP LOCKED: rows another instance's sweep holds are left to it, so
 * every instance takes different attempts at the same time and each is submitted once.
 */
export async function lockExpiredAttempts(
  tx: Tx,
  deadlineBefore: Date,
  limit: number,
): Promise<AttemptRow[]> {
  const rows = await tx
    .select()
    .from(attempts)
    // A paused attempt's clock stands still: its deadline moves on resume.
    .where(
      and(
        eq(attempts.status, 'in_progress'),
        isNull(attempts.pausedAt),
        lt(attempts.deadlineAt, deadlineBefore),
      ),
    )
    .orderBy(attempts.deadlineAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  await takeAttemptLocks(
    tx,
    rows.map((row) => row.id),
    'exclusive',
  );
  return rows;
}

/** The attempt's row and its attempt lock, exclusively: in-flight save batches finish first. */
export async function lockAttempt(tx: Tx, id: string): Promise<AttemptRow | null> {
  const [row] = await tx.select().from(attempts).where(eq(attempts.id, id)).for('update');
  if (!row) return null;
  await takeAttemptLocks(tx, [id], 'exclusive');
  return row;
}

export async function markSubmitted(
  tx: Tx,
  id: string,
  reason: SubmitReason,
  score: AttemptScore,
  totalMarks: string,
  at: Date,
): Promise<AttemptRow> {
  const [row] = await tx
    .update(attempts)
    .set({
      status: 'submitted',
      submittedAt: at,
      submitReason: reason,
      score,
      totalMarks,
      updatedAt: bookkeepingNow,
    })
    .where(eq(attempts.id, id))
    .returning();
  if (!row) throw new Error('attempt vanished');
  return row;
}

/** A student's attempts past Start (sitting or submitted), newest first: what their images may come from. */
export async function listStartedAttemptsOf(
  db: Conn,
  userId: string,
  limit = 1_000,
): Promise<Pick<AttemptRow, 'id' | 'examId' | 'snapshotId' | 'status'>[]> {
  return db
    .select({
      id: attempts.id,
      examId: attempts.examId,
      snapshotId: attempts.snapshotId,
      status: attempts.status,
    })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), ne(attempts.status, 'prepared')))
    .orderBy(desc(attempts.createdAt))
    .limit(limit);
}

/** Whether any candidate of the exam has started (practice tests start without a schedule). */
export async function hasStartedAttempts(db: Conn, examId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.examId, examId), ne(attempts.status, 'prepared')))
    .limit(1);
  return !!row;
}

/** How many of these exams have at least one submitted attempt. */
export async function countSubmittedExams(db: Conn, examIds: readonly string[]): Promise<number> {
  if (examIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${attempts.examId})` })
    .from(attempts)
    .where(and(inArray(attempts.examId, [...examIds]), eq(attempts.status, 'submitted')));
  return Number(row?.n ?? 0);
}

/** A student's submitted attempts with their scores, newest first (progress's evidence, the results summary). */
export async function listSubmittedAttemptsOf(db: Conn, userId: string, limit: number) {
  return db
    .select({
      id: attempts.id,
      examId: attempts.examId,
      snapshotId: attempts.snapshotId,
      submittedAt: attempts.submittedAt,
      score: attempts.score,
    })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.status, 'submitted')))
    .orderBy(desc(attempts.submittedAt))
    .limit(limit);
}

/** The palette state and time of each saved answer of the given attempts. */
export async function listAnswerStates(db: Conn, attemptIds: readonly string[]) {
  if (attemptIds.length === 0) return [];
  return db
    .select({
      attemptId: attemptAnswers.attemptId,
      questionId: attemptAnswers.questionId,
      state: attemptAnswers.state,
      answeredAt: attemptAnswers.answeredAt,
    })
    .from(attemptAnswers)
    .where(inArray(attemptAnswers.attemptId, [...attemptIds]));
}
