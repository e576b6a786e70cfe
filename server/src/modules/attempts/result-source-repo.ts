import type { AttemptScore } from '@examtech/core';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { attempts } from './attempt-tables.js';
import type { AttemptRow, SubmitReason } from './attempt-repo.js';

type Conn = Db | Tx;

/** What the results module reads of an exam's attempts: the summaries of a score, never its questions. */
export type ResultSource = {
  attemptId: string;
  userId: string;
  status: AttemptRow['status'];
  submitReason: SubmitReason | null;
  submittedAt: Date | null;
  score: Pick<AttemptScore, 'total' | 'sections' | 'subjects'> | null;
};

export async function listResultSources(db: Conn, examId: string): Promise<ResultSource[]> {
  const rows = await db
    .select({
      attemptId: attempts.id,
      userId: attempts.userId,
      status: attempts.status,
      submitReason: attempts.submitReason,
      submittedAt: attempts.submittedAt,
      score: sql<ResultSource['score']>`case when ${attempts.status} = 'submitted' then jsonb_build_object(
        'total', ${attempts.score}->'total', 'sections', ${attempts.score}->'sections',
        'subjects', ${attempts.score}->'subjects') end`,
    })
    .from(attempts)
    .where(eq(attempts.examId, examId));
  return rows;
}

/**
 * A fingerprint of what results are computed from: counts by status, late rescoring, last submit,
 * and the last change of a submitted attempt (a rescoring after a key revision moves updated_at).
 */
export async function findResultSourceStamp(db: Conn, examId: string): Promise<string> {
  const [row] = await db
    .select({
      stamp: sql<string>`count(*) || ':' || count(*) filter (where ${attempts.status} <> 'prepared') || ':'
        || count(*) filter (where ${attempts.status} = 'submitted') || ':' || coalesce(sum(${attempts.lateSaves}), 0)
        || ':' || coalesce(to_char(max(${attempts.submittedAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '-')
        || ':' || coalesce(to_char(max(${attempts.updatedAt}) filter (where ${attempts.status} = 'submitted')
          at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '-')`,
    })
    .from(attempts)
    .where(eq(attempts.examId, examId));
  return row?.stamp ?? '0';
}
