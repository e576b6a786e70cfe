import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import {
  attempts,
  examBatches,
  examCandidates,
  examSchedules,
  exams,
  examSnapshots,
  users,
} from '../../platform/db/schema.js';

type Conn = Db | Tx;
export type ExamRow = typeof exams.$inferSelect;
export type ScheduleRow = typeof examSchedules.$inferSelect;
export type SnapshotRow = typeof examSnapshots.$inferSelect;

export async function insertExam(db: Conn, values: typeof exams.$inferInsert): Promise<ExamRow> {
  const [row] = await db.insert(exams).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findExam(
  db: Conn,
  instituteId: string,
  id: string,
  kind: ExamRow['kind'],
): Promise<ExamRow | null> {
  const [row] = await db
    .select()
    .from(exams)
    .where(and(eq(exams.instituteId, instituteId), eq(exams.id, id), eq(exams.kind, kind)));
  return row ?? null;
}

/** Locks the exam row for the rest of the transaction: publish, unpublish and edits never interleave. */
export async function lockExam(tx: Tx, id: string): Promise<ExamRow | null> {
  const [row] = await tx.select().from(exams).where(eq(exams.id, id)).for('update');
  return row ?? null;
}

/** Who may see an exam when restricted: its author, or staff of a batch it is scheduled for. */
export type ExamVisibility = { userId: string; batchIds: readonly string[] };

function visibleTo(visibility: ExamVisibility) {
  const forBatch = visibility.batchIds.length
    ? [
        // Qualified by hand: drizzle leaves columns unqualified in a single-table select.
        sql`exists (select 1 from exam_batches b where b.exam_id = exams.id and b.batch_id in ${sql`(${sql.join(
          visibility.batchIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`})`,
      ]
    : [];
  return or(eq(exams.createdBy, visibility.userId), eq(exams.ownerId, visibility.userId), ...forBatch);
}

/** Whether the restricted viewer may see the exam (see ExamVisibility). */
export async function isExamVisible(db: Conn, examId: string, visibility: ExamVisibility): Promise<boolean> {
  const [row] = await db
    .select({ id: exams.id })
    .from(exams)
    .where(and(eq(exams.id, examId), visibleTo(visibility)));
  return !!row;
}

export async function listExams(
  db: Conn,
  instituteId: string,
  kind: ExamRow['kind'],
  ownerId?: string,
  visibility?: ExamVisibility,
): Promise<ExamRow[]> {
  return db
    .select()
    .from(exams)
    .where(
      and(
        eq(exams.instituteId, instituteId),
        eq(exams.kind, kind),
        ...(ownerId ? [eq(exams.ownerId, ownerId)] : []),
        ...(visibility ? [visibleTo(visibility)] : []),
      ),
    )
    .orderBy(desc(exams.updatedAt))
    .limit(500);
}

export async function updateExam(
  db: Conn,
  id: string,
  patch: Partial<typeof exams.$inferInsert>,
): Promise<ExamRow> {
  const [row] = await db
    .update(exams)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(exams.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

export async function insertSnapshot(
  tx: Tx,
  values: typeof examSnapshots.$inferInsert,
): Promise<SnapshotRow> {
  const [row] = await tx.insert(examSnapshots).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findSnapshot(db: Conn, id: string): Promise<SnapshotRow | null> {
  const [row] = await db.select().from(examSnapshots).where(eq(examSnapshots.id, id));
  return row ?? null;
}

export async function findSchedules(db: Conn, examIds: string[]): Promise<Map<string, ScheduleRow>> {
  if (examIds.length === 0) return new Map();
  const rows = await db.select().from(examSchedules).where(inArray(examSchedules.examId, examIds));
  return new Map(rows.map((r) => [r.examId, r]));
}

export async function findAssignments(db: Conn, examId: string) {
  const [batchRows, candidateRows] = await Promise.all([
    db.select({ batchId: examBatches.batchId }).from(examBatches).where(eq(examBatches.examId, examId)),
    db
      .select({
        userId: examCandidates.userId,
        name: users.name,
        assignedDirectly: examCandidates.assignedDirectly,
        compensatoryMinutesPerHour: examCandidates.compensatoryMinutesPerHour,
        registeredAt: examCandidates.registeredAt,
      })
      .from(examCandidates)
      .innerJoin(users, eq(users.id, examCandidates.userId))
      .where(eq(examCandidates.examId, examId)),
  ]);
  return { batchIds: batchRows.map((r) => r.batchId), candidates: candidateRows };
}

/** Whether any candidate has started (practice tests start without a schedule). */
export async function hasStartedAttempts(db: Conn, examId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.examId, examId), ne(attempts.status, 'prepared')))
    .limit(1);
  return !!row;
}

/** Among `snapshotIds`, those whose paper declares the image `assetId` on one of its questions. */
export async function findSnapshotIdsWithImage(
  db: Conn,
  snapshotIds: readonly string[],
  assetId: string,
): Promise<string[]> {
  if (snapshotIds.length === 0) return [];
  const rows = await db
    .select({ id: examSnapshots.id })
    .from(examSnapshots)
    .where(
      and(
        inArray(examSnapshots.id, [...snapshotIds]),
        sql`jsonb_path_exists(${examSnapshots.paper}, '$.sections[*].items[*].question.images[*] ? (@.id == $id)', jsonb_build_object('id', ${assetId}::text))`,
      ),
    );
  return rows.map((row) => row.id);
}

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
