import type { TimeAdjustment } from '@examtech/core';
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { attemptAnswers, attempts } from './attempt-tables.js';
import type { AttemptRow } from './attempt-repo.js';

type Conn = Db | Tx;

/** A proctor's pause: the clock stands still from `at`. */
export async function markPaused(tx: Tx, id: string, at: Date, reason: string): Promise<AttemptRow> {
  const [row] = await tx
    .update(attempts)
    .set({ pausedAt: at, pauseReason: reason, updatedAt: bookkeepingNow })
    .where(eq(attempts.id, id))
    .returning();
  if (!row) throw new Error('attempt vanished');
  return row;
}

/** Running attempts paused since before `before` (served by `attempts_running_paused_idx`). */
export async function listOverduePauses(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.status, 'in_progress'), lt(attempts.pausedAt, before)))
    .orderBy(attempts.pausedAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The end of a pause or an extension: the adjustment is kept and the deadline is the adjusted end. */
export async function markAdjusted(
  tx: Tx,
  id: string,
  adjustments: TimeAdjustment[],
  deadlineAt: Date,
): Promise<AttemptRow> {
  const [row] = await tx
    .update(attempts)
    .set({
      pausedAt: null,
      pauseReason: null,
      timeAdjustments: adjustments,
      deadlineAt,
      updatedAt: bookkeepingNow,
    })
    .where(eq(attempts.id, id))
    .returning();
  if (!row) throw new Error('attempt vanished');
  return row;
}

/** What the proctor room shows of each attempt of an exam (or of some candidates). */
export type AttemptSummary = {
  id: string;
  userId: string;
  status: AttemptRow['status'];
  startedAt: Date | null;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  submitReason: AttemptRow['submitReason'];
  pausedAt: Date | null;
  isOffline: boolean;
  answered: number;
};

export async function listAttemptSummaries(
  db: Conn,
  examId: string,
  userIds?: readonly string[],
): Promise<AttemptSummary[]> {
  const answered = db
    .select({ attemptId: attemptAnswers.attemptId, count: sql<number>`count(*)::int`.as('count') })
    .from(attemptAnswers)
    .innerJoin(attempts, eq(attempts.id, attemptAnswers.attemptId))
    .where(and(eq(attempts.examId, examId), isNotNull(attemptAnswers.answer)))
    .groupBy(attemptAnswers.attemptId)
    .as('answered');
  const rows = await db
    .select({
      id: attempts.id,
      userId: attempts.userId,
      status: attempts.status,
      startedAt: attempts.startedAt,
      deadlineAt: attempts.deadlineAt,
      submittedAt: attempts.submittedAt,
      submitReason: attempts.submitReason,
      pausedAt: attempts.pausedAt,
      isOffline: sql<boolean>`${attempts.offlineSince} is not null and ${attempts.onlineAgainAt} is null`,
      answered: sql<number>`coalesce(${answered.count}, 0)`,
    })
    .from(attempts)
    .leftJoin(answered, eq(answered.attemptId, attempts.id))
    .where(
      and(
        eq(attempts.examId, examId),
        userIds === undefined ? undefined : inArray(attempts.userId, [...userIds]),
      ),
    );
  return rows.map((row) => ({ ...row, answered: Number(row.answered) }));
}
