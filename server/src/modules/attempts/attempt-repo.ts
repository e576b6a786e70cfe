import { and, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { attemptAnswers, attempts } from '../../platform/db/schema.js';

type Conn = Db | Tx;
export type AttemptRow = typeof attempts.$inferSelect;
export type AnswerRow = typeof attemptAnswers.$inferSelect;

export async function findAttempt(db: Conn, id: string): Promise<AttemptRow | null> {
  const [row] = await db.select().from(attempts).where(eq(attempts.id, id));
  return row ?? null;
}

export async function findAttemptOf(db: Conn, examId: string, userId: string): Promise<AttemptRow | null> {
  const [row] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.examId, examId), eq(attempts.userId, userId)));
  return row ?? null;
}

/** Inserts prepared attempts, keeping any that exist (a candidate keeps one attempt per exam). */
export async function insertPreparedAttempts(
  db: Conn,
  rows: (typeof attempts.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(attempts)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
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
    .set({ status: 'in_progress', startedAt, deadlineAt, activeDeviceId: deviceId, updatedAt: new Date() })
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
 * grace), and only when its seq is newer than the stored one. Returns, per write, whether it was stored.
 */
export async function writeAnswers(
  tx: Tx,
  writes: AnswerWrite[],
  graceMs: number,
): Promise<('saved' | 'superseded' | 'closed')[]> {
  const ids = [...new Set(writes.map((w) => w.attemptId))];
  await takeAttemptLocks(tx, ids, 'shared');
  // Read after the locks: in READ COMMITTED this sees any submit that committed while we waited.
  const open = await tx
    .select({ id: attempts.id, deadlineAt: attempts.deadlineAt, activeDeviceId: attempts.activeDeviceId })
    .from(attempts)
    .where(and(inArray(attempts.id, ids), eq(attempts.status, 'in_progress')));
  const byId = new Map(open.map((a) => [a.id, a]));
  const now = Date.now();
  const isOpen = (w: AnswerWrite) => {
    const attempt = byId.get(w.attemptId);
    return (
      !!attempt &&
      (attempt.deadlineAt?.getTime() ?? 0) + graceMs > now &&
      (!attempt.activeDeviceId || attempt.activeDeviceId === w.deviceId)
    );
  };
  const stored = await upsertAnswers(tx, writes.filter(isOpen));
  return writes.map((w) => {
    if (!isOpen(w)) return 'closed';
    return stored.has(answerKey(w)) ? 'saved' : 'superseded';
  });
}

const answerKey = (w: { attemptId: string; questionId: string; seq: number }) =>
  `${w.attemptId}:${w.questionId}:${w.seq}`;

/**
 * Upserts answers, each only over an older seq. Returns the keys (attempt:question:seq) that were
 * stored; the rest were superseded by a newer save.
 */
export async function upsertAnswers(tx: Tx, writes: AnswerWrite[]): Promise<Set<string>> {
  // Keep only the newest save per question: one row cannot be updated twice in one statement.
  const newest = new Map<string, AnswerWrite>();
  for (const w of writes) {
    const key = `${w.attemptId}:${w.questionId}`;
    const current = newest.get(key);
    if (!current || current.seq < w.seq) newest.set(key, w);
  }
  // A fixed lock order (attempt, question) keeps concurrent batches from deadlocking on the same rows.
  const rows = [...newest.values()].sort(
    (a, b) => a.attemptId.localeCompare(b.attemptId) || a.questionId.localeCompare(b.questionId),
  );
  if (rows.length === 0) return new Set();
  const result = await tx
    .insert(attemptAnswers)
    .values(
      rows.map(({ deviceId: _deviceId, ...w }) => ({ ...w, answer: w.answer ?? null, savedAt: new Date() })),
    )
    .onConflictDoUpdate({
      target: [attemptAnswers.attemptId, attemptAnswers.questionId],
      set: {
        answer: sql`excluded.answer`,
        state: sql`excluded.state`,
        seq: sql`excluded.seq`,
        answeredAt: sql`excluded.answered_at`,
        savedAt: sql`excluded.saved_at`,
        visits: sql`excluded.visits`,
        timeSpentMs: sql`excluded.time_spent_ms`,
      },
      setWhere: lt(attemptAnswers.seq, sql`excluded.seq`),
    })
    .returning({
      attemptId: attemptAnswers.attemptId,
      questionId: attemptAnswers.questionId,
      seq: attemptAnswers.seq,
    });
  return new Set(result.map(answerKey));
}

/** The server saw the candidate's connection drop: remembered unless an earlier drop is still open. */
export async function markOffline(db: Conn, id: string, at: Date): Promise<void> {
  await db
    .update(attempts)
    .set({ offlineSince: at })
    .where(and(eq(attempts.id, id), eq(attempts.status, 'in_progress'), isNull(attempts.offlineSince)));
}

/**
 * The candidate is connected again. Only before the deadline: a reconnect after it must keep the
 * outage on record, because the journal it is about to sync is judged against it.
 */
export async function markOnline(db: Conn, id: string, at: Date): Promise<void> {
  await db
    .update(attempts)
    .set({ offlineSince: null })
    .where(
      and(
        eq(attempts.id, id),
        eq(attempts.status, 'in_progress'),
        gt(attempts.deadlineAt, at),
        isNotNull(attempts.offlineSince),
      ),
    );
}

/** After late saves from an offline journal: the new score of an already submitted attempt. */
export async function recordLateSaves(
  tx: Tx,
  id: string,
  count: number,
  rescored: { score: unknown; totalMarks: string } | null,
): Promise<void> {
  await tx
    .update(attempts)
    .set({ lateSaves: sql`${attempts.lateSaves} + ${count}`, ...rescored, updatedAt: new Date() })
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

/** Attempts past their deadline (plus grace) still running; locked so only one instance submits each. */
export async function lockExpiredAttempts(tx: Tx, graceMs: number, limit: number): Promise<AttemptRow[]> {
  const rows = await tx
    .select()
    .from(attempts)
    .where(and(eq(attempts.status, 'in_progress'), lt(attempts.deadlineAt, new Date(Date.now() - graceMs))))
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
  reason: string,
  score: unknown,
  totalMarks: string,
): Promise<AttemptRow> {
  const [row] = await tx
    .update(attempts)
    .set({
      status: 'submitted',
      submittedAt: new Date(),
      submitReason: reason,
      score,
      totalMarks,
      updatedAt: new Date(),
    })
    .where(eq(attempts.id, id))
    .returning();
  if (!row) throw new Error('attempt vanished');
  return row;
}
