import type { AttemptScore } from '@examtech/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { attemptAnswers, attempts } from './attempt-tables.js';

/** Rescoring an exam's submitted attempts after a key revision (attempt-repo's lockSubmittedAttempts locks them). */

type Conn = Db | Tx;
type AnswerRow = typeof attemptAnswers.$inferSelect;

/** The saved answers of several attempts in one read (a rescoring chunk, a deadline sweep batch). */
export async function listAnswersOf(db: Conn, attemptIds: readonly string[]): Promise<AnswerRow[]> {
  if (attemptIds.length === 0) return [];
  return db
    .select()
    .from(attemptAnswers)
    .where(inArray(attemptAnswers.attemptId, [...attemptIds]));
}

/** A submitted attempt's new score after a key revision; updated_at moves (results' staleness stamp). */
export async function updateScore(
  tx: Tx,
  id: string,
  rescored: { score: AttemptScore; totalMarks: string },
): Promise<void> {
  await tx
    .update(attempts)
    .set({ ...rescored, updatedAt: bookkeepingNow })
    .where(eq(attempts.id, id));
}

/** The snapshots the exam's submitted attempts were sat on (one, unless it was republished). */
export async function listSubmittedSnapshotIds(db: Conn, examId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ snapshotId: attempts.snapshotId })
    .from(attempts)
    .where(and(eq(attempts.examId, examId), eq(attempts.status, 'submitted')));
  return rows.map((r) => r.snapshotId);
}
