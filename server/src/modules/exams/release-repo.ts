import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examResultReleases } from './exam-tables.js';

type Conn = Db | Tx;
export type ReleaseRecord = typeof examResultReleases.$inferSelect;

export async function findReleaseRecord(db: Conn, examId: string): Promise<ReleaseRecord | undefined> {
  const [row] = await db.select().from(examResultReleases).where(eq(examResultReleases.examId, examId));
  return row;
}

/** Records the release; false when the exam's results were already recorded as released. */
export async function insertReleaseRecord(db: Conn, values: ReleaseRecord): Promise<boolean> {
  const inserted = await db
    .insert(examResultReleases)
    .values(values)
    .onConflictDoNothing({ target: examResultReleases.examId })
    .returning({ examId: examResultReleases.examId });
  return inserted.length > 0;
}
