import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examSnapshots, exams, practiceSettings } from '../../platform/db/schema.js';
import type { ExamRow } from './exam-repo.js';

type Conn = Db | Tx;

/**
 * A student's practice tests: how many were made in the last hour and day, and how many are still
 * open (never submitted). Read under the caller's lock so that two creations cannot both pass a cap.
 */
export async function countPracticeTests(
  db: Conn,
  ownerId: string,
  now: number,
): Promise<{ lastHour: number; lastDay: number; open: number }> {
  const since = (ms: number) => sql`${new Date(now - ms).toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      lastHour: sql<number>`count(*) filter (where ${exams.createdAt} >= ${since(3_600_000)})`,
      lastDay: sql<number>`count(*) filter (where ${exams.createdAt} >= ${since(86_400_000)})`,
      // Spelt out with table names: drizzle leaves columns unqualified in a single-table select.
      open: sql<number>`count(*) filter (where not exists (select 1 from attempts a where a.exam_id = exams.id and a.status = 'submitted'))`,
    })
    .from(exams)
    .where(and(eq(exams.kind, 'practice'), eq(exams.ownerId, ownerId)));
  return {
    lastHour: Number(row?.lastHour ?? 0),
    lastDay: Number(row?.lastDay ?? 0),
    open: Number(row?.open ?? 0),
  };
}

/** Serialises a student's practice-test creations until the transaction ends. */
export async function lockPracticeCreation(tx: Tx, ownerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`practice:${ownerId}`}))`);
}

/** Questions in a student's practice tests. */
export async function findPracticeQuestionIdsOf(db: Conn, ownerId: string): Promise<string[]> {
  const rows = await db
    .select({ ids: examSnapshots.questionIds })
    .from(examSnapshots)
    .innerJoin(exams, eq(exams.publishedSnapshotId, examSnapshots.id))
    .where(and(eq(exams.kind, 'practice'), eq(exams.ownerId, ownerId)));
  return rows.flatMap((row) => row.ids);
}

/** A student's published practice tests, newest first. */
export async function listPracticeTestsOf(
  db: Conn,
  instituteId: string,
  ownerId: string,
): Promise<ExamRow[]> {
  return db
    .select()
    .from(exams)
    .where(
      and(
        eq(exams.instituteId, instituteId),
        eq(exams.kind, 'practice'),
        eq(exams.ownerId, ownerId),
        isNotNull(exams.publishedSnapshotId),
      ),
    )
    .orderBy(desc(exams.createdAt))
    .limit(200);
}

export async function findPracticeSettings(db: Conn, instituteId: string) {
  const [row] = await db.select().from(practiceSettings).where(eq(practiceSettings.instituteId, instituteId));
  return row ?? null;
}

export async function upsertPracticeSettings(
  db: Conn,
  instituteId: string,
  values: { disabledSubjectIds: string[]; releasedOnly: boolean; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await db
    .insert(practiceSettings)
    .values({ instituteId, ...values })
    .onConflictDoUpdate({ target: practiceSettings.instituteId, set: values });
}
