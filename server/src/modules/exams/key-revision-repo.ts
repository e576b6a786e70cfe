import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examKeyRevisions } from './exam-tables.js';

type Conn = Db | Tx;
export type KeyRevisionRow = typeof examKeyRevisions.$inferSelect;

/** The exam's revisions in the order they were made. */
export async function listKeyRevisions(db: Conn, examId: string): Promise<KeyRevisionRow[]> {
  return db
    .select()
    .from(examKeyRevisions)
    .where(eq(examKeyRevisions.examId, examId))
    .orderBy(asc(examKeyRevisions.seq));
}

/** Appends a revision as the exam's next one (the caller holds the exam's row lock). */
export async function appendKeyRevision(
  tx: Tx,
  values: Omit<KeyRevisionRow, 'id' | 'seq'>,
): Promise<KeyRevisionRow> {
  const [row] = await tx
    .insert(examKeyRevisions)
    .values({
      ...values,
      seq: sql`(select coalesce(max(${examKeyRevisions.seq}), 0) + 1 from ${examKeyRevisions} where ${examKeyRevisions.examId} = ${values.examId})`,
    })
    .returning();
  if (!row) throw new Error('key revision not stored');
  return row;
}
