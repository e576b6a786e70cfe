import { and, desc, eq, inArray, ne } from 'drizzle-orm';
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

export async function listExams(
  db: Conn,
  instituteId: string,
  kind: ExamRow['kind'],
  ownerId?: string,
): Promise<ExamRow[]> {
  return db
    .select()
    .from(exams)
    .where(
      and(
        eq(exams.instituteId, instituteId),
        eq(exams.kind, kind),
        ...(ownerId ? [eq(exams.ownerId, ownerId)] : []),
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
