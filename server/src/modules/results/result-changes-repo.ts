import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';

type Conn = Db | Tx;

export type RevisionRef = { id: string; seq: number };

/**
 * Before a revision is applied: every submitted result's total and institute rank as they stand,
 * one INSERT … SELECT however many candidates sat. A second capture of the same revision keeps
 * the first (the before is the state the revision found).
 */
export async function captureBefore(tx: Tx, examId: string, revision: RevisionRef): Promise<void> {
  await tx.execute(sql`
    insert into exam_result_changes (revision_id, attempt_id, exam_id, institute_id, user_id, revision_seq,
      total_before, rank_before)
    select ${revision.id}::uuid, attempt_id, exam_id, institute_id, user_id, ${revision.seq}::int, total, rank
    from exam_results where exam_id = ${examId} and attempt_status = 'submitted'
    on conflict (revision_id, attempt_id) do nothing`);
}

/**
 * After the results were computed with the revision (same transaction, under the exam's results
 * lock): the rows the revision left as they were are dropped, the others get their after. Two
 * statements over the exam's rows, no per-candidate round trip. Returns how many were affected.
 */
export async function completeChanges(tx: Tx, revisionId: string): Promise<number> {
  await tx.execute(sql`
    delete from exam_result_changes c using exam_results e
    where c.revision_id = ${revisionId} and c.total_after is null and e.attempt_id = c.attempt_id
      and c.total_before is not distinct from e.total and c.rank_before is not distinct from e.rank`);
  const result = await tx.execute(sql`
    update exam_result_changes c set total_after = e.total, rank_after = e.rank
    from exam_results e
    where c.revision_id = ${revisionId} and c.total_after is null and e.attempt_id = c.attempt_id
      and e.total is not null
    returning 1`);
  return (result as { rows: unknown[] }).rows.length;
}

/** The candidates a revision changed whose result is ranked (a withheld one shows no marks). */
export async function listNotifiableUsers(db: Conn, revisionId: string): Promise<string[]> {
  const result = await db.execute(sql`
    select c.user_id from exam_result_changes c join exam_results e on e.attempt_id = c.attempt_id
    where c.revision_id = ${revisionId} and c.total_after is not null and e.status = 'ranked'`);
  return (result as { rows: { user_id: string }[] }).rows.map((r) => r.user_id);
}

export type ResultChangeRow = {
  revisionId: string;
  revisionSeq: number;
  totalBefore: string | null;
  totalAfter: string;
  rankBefore: number | null;
  rankAfter: number | null;
};

/** A candidate's completed changes in one exam, in revision order. */
export async function listChangesOfUser(
  db: Conn,
  examId: string,
  userId: string,
): Promise<ResultChangeRow[]> {
  const result = await db.execute(sql`
    select revision_id, revision_seq, total_before, total_after, rank_before, rank_after
    from exam_result_changes
    where exam_id = ${examId} and user_id = ${userId} and total_after is not null
    order by revision_seq`);
  type Row = {
    revision_id: string;
    revision_seq: number;
    total_before: string | null;
    total_after: string;
    rank_before: number | null;
    rank_after: number | null;
  };
  return (result as { rows: Row[] }).rows.map((r) => ({
    revisionId: r.revision_id,
    revisionSeq: Number(r.revision_seq),
    totalBefore: r.total_before === null ? null : String(r.total_before),
    totalAfter: String(r.total_after),
    rankBefore: r.rank_before === null ? null : Number(r.rank_before),
    rankAfter: r.rank_after === null ? null : Number(r.rank_after),
  }));
}
