import { and, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import {
  examBatches,
  examCandidates,
  examResultReleases,
  examSchedules,
  exams,
  examSnapshots,
} from './exam-tables.js';

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
    .set({ ...patch, updatedAt: bookkeepingNow })
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
        assignedDirectly: examCandidates.assignedDirectly,
        compensatoryMinutesPerHour: examCandidates.compensatoryMinutesPerHour,
        registeredAt: examCandidates.registeredAt,
      })
      .from(examCandidates)
      .where(eq(examCandidates.examId, examId)),
  ]);
  return { batchIds: batchRows.map((r) => r.batchId), candidates: candidateRows };
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

/** Exams given to any of these batches (the bank's "not used for these batches" filter counts only them). */
export async function findExamIdsOfBatches(db: Conn, batchIds: readonly string[]): Promise<string[]> {
  if (batchIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ examId: examBatches.examId })
    .from(examBatches)
    .where(inArray(examBatches.batchId, [...batchIds]));
  return rows.map((row) => row.examId);
}

/** Questions that appeared in a published scheduled exam of the institute that has ended. */
export async function findQuestionIdsOfEndedExams(
  db: Conn,
  instituteId: string,
  endedBefore: Date,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: sql<string>`unnest(${examSnapshots.questionIds})` })
    .from(examSnapshots)
    .innerJoin(exams, eq(exams.publishedSnapshotId, examSnapshots.id))
    .innerJoin(examSchedules, eq(examSchedules.examId, exams.id))
    .where(
      and(
        eq(examSnapshots.instituteId, instituteId),
        eq(exams.kind, 'scheduled'),
        lt(examSchedules.endsAt, endedBefore),
      ),
    );
  return rows.map((row) => row.id);
}

/** What the result-release rule needs of each exam: its kind, settings and the schedule's end. */
export async function findReleaseFacts(db: Conn, examIds: readonly string[]) {
  if (examIds.length === 0) return [];
  return db
    .select({
      id: exams.id,
      kind: exams.kind,
      settings: exams.settings,
      endsAt: examSchedules.endsAt,
      releasedAt: examResultReleases.releasedAt,
    })
    .from(exams)
    .leftJoin(examSchedules, eq(examSchedules.examId, exams.id))
    .leftJoin(examResultReleases, eq(examResultReleases.examId, exams.id))
    .where(inArray(exams.id, [...examIds]));
}

/** The institute's published scheduled exams with their release facts and snapshot. */
export async function listPublishedScheduledExams(db: Conn, instituteId: string) {
  return db
    .select({
      id: exams.id,
      title: exams.title,
      kind: exams.kind,
      settings: exams.settings,
      snapshotId: exams.publishedSnapshotId,
      endsAt: examSchedules.endsAt,
      releasedAt: examResultReleases.releasedAt,
    })
    .from(exams)
    .leftJoin(examSchedules, eq(examSchedules.examId, exams.id))
    .leftJoin(examResultReleases, eq(examResultReleases.examId, exams.id))
    .where(
      and(
        eq(exams.instituteId, instituteId),
        eq(exams.kind, 'scheduled'),
        isNotNull(exams.publishedSnapshotId),
      ),
    );
}

export async function findSnapshotQuestionIds(db: Conn, snapshotIds: readonly string[]) {
  if (snapshotIds.length === 0) return [];
  return db
    .select({ id: examSnapshots.id, questionIds: examSnapshots.questionIds })
    .from(examSnapshots)
    .where(inArray(examSnapshots.id, [...snapshotIds]));
}

/** Title and kind of each given exam. */
export async function findExamTitles(db: Conn, examIds: readonly string[]) {
  if (examIds.length === 0) return [];
  return db
    .select({ id: exams.id, title: exams.title, kind: exams.kind })
    .from(exams)
    .where(inArray(exams.id, [...examIds]));
}
