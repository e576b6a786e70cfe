import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examSnapshots, exams, practiceSettings } from './exam-tables.js';
import type { ExamRow } from './exam-repo.js';

type Conn = Db | Tx;

/**
 * A student's practice tests: how many were made in the last hour and day, and the ids of all of
 * them (the attempts module says which were submitted). Read under the caller's lock so that two
 * creations cannot both pass a cap.
 */
export async function countPracticeTests(
  db: Conn,
  ownerId: string,
  now: number,
): Promise<{ lastHour: number; lastDay: number; examIds: string[] }> {
  const since = (ms: number) => new Date(now - ms).getTime();
  const rows = await db
    .select({ id: exams.id, createdAt: exams.createdAt })
    .from(exams)
    .where(and(eq(exams.kind, 'practice'), eq(exams.ownerId, ownerId)));
  return {
    lastHour: rows.filter((row) => row.createdAt.getTime() >= since(3_600_000)).length,
    lastDay: rows.filter((row) => row.createdAt.getTime() >= since(86_400_000)).length,
    examIds: rows.map((row) => row.id),
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
