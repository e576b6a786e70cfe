import { and, count, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examBatches, examCandidates, examSchedules, exams } from './exam-tables.js';
import type { ExamRow, ScheduleRow } from './exam-repo.js';

type Conn = Db | Tx;

/**
 * Who is a candidate of a scheduled exam, the one definition: a member of one of its batches or
 * assigned by name, and an active student. `examId` is a value or a column of the outer query.
 * Batch membership and the user's role are read here, in the same statement, because Start at
 * T0 asks it for every candidate and must stay one query.
 */
function candidateIdsOf(examId: string | SQL | typeof exams.id) {
  return sql`select bm.user_id from ${examBatches} eb join batch_members bm on bm.batch_id = eb.batch_id
      where eb.exam_id = ${examId}
    union select ec.user_id from ${examCandidates} ec where ec.exam_id = ${examId} and ec.assigned_directly`;
}

const isActiveStudent = (userId: string | SQL) =>
  sql`exists (select 1 from users cu where cu.id = ${userId} and cu.role = 'student' and cu.active)`;

/** The condition "the user is a candidate of the exam" (see candidateIdsOf). */
export function isCandidateOf(examId: string | typeof exams.id, userId: string): SQL {
  return sql`(${userId}::uuid in (${candidateIdsOf(examId)}) and ${isActiveStudent(sql`${userId}::uuid`)})`;
}

/** A candidate of a scheduled exam (see candidateIdsOf), with their registration. */
export type ExamCandidate = {
  userId: string;
  compensatoryMinutesPerHour: number;
  registeredAt: Date | null;
  registrationRequired: boolean;
  capacity: number | null;
  /** Place in the order of registration, when the exam has a capacity. */
  seat: number | null;
};

/** Who may sit the exam, with their registration (or one of them: `onlyUserId`). */
export async function listExamCandidates(
  db: Conn,
  examId: string,
  onlyUserId?: string,
): Promise<ExamCandidate[]> {
  const result = await db.execute(sql`
    with seats as (
      -- Seats go in the order of registration; only an exam with a capacity needs them.
      select c.user_id, row_number() over (order by c.registered_at, c.user_id) as seat
      from ${examCandidates} c join ${examSchedules} s on s.exam_id = c.exam_id and s.capacity is not null
      where c.exam_id = ${examId} and c.registered_at is not null
    )
    select u.user_id, coalesce(max(c.compensatory_minutes_per_hour), 0)::int as comp,
      max(c.registered_at) as registered_at, coalesce(bool_or(s.registration_required), false) as required,
      max(s.capacity) as capacity, max(seats.seat)::int as seat
    from (${candidateIdsOf(examId)}) u
    left join ${examCandidates} c on c.exam_id = ${examId} and c.user_id = u.user_id
    left join ${examSchedules} s on s.exam_id = ${examId}
    left join seats on seats.user_id = u.user_id
    where ${isActiveStudent(sql`u.user_id`)}
      and (${onlyUserId ?? null}::uuid is null or u.user_id = ${onlyUserId ?? null}::uuid)
    group by u.user_id`);
  type Row = {
    user_id: string;
    comp: number;
    registered_at: string | Date | null;
    required: boolean;
    capacity: number | null;
    seat: number | null;
  };
  return (result as { rows: Row[] }).rows.map((r) => ({
    userId: r.user_id,
    compensatoryMinutesPerHour: Number(r.comp),
    registeredAt: r.registered_at === null ? null : new Date(r.registered_at),
    registrationRequired: r.required,
    capacity: r.capacity === null ? null : Number(r.capacity),
    seat: r.seat === null ? null : Number(r.seat),
  }));
}

/** Published scheduled exams of the institute the user is a candidate of, with their schedules. */
/** A published scheduled exam of the institute with the batches it is assigned to (the cached listing). */
export type ListedExam = { exam: ExamRow; schedule: ScheduleRow; batchIds: string[] };

/** Every published scheduled exam of the institute with its batches: what students' lists are cut from. */
export async function listScheduledExamsWithBatches(db: Conn, instituteId: string): Promise<ListedExam[]> {
  const rows = await db
    .select({
      exam: exams,
      schedule: examSchedules,
      batchIds: sql<
        string[]
      >`coalesce((select array_agg(eb.batch_id) from ${examBatches} eb where eb.exam_id = ${exams.id}), '{}')`,
    })
    .from(exams)
    .innerJoin(examSchedules, eq(examSchedules.examId, exams.id))
    .where(
      and(
        eq(exams.instituteId, instituteId),
        eq(exams.kind, 'scheduled'),
        isNotNull(exams.publishedSnapshotId),
      ),
    );
  return rows;
}

/** The user's candidate rows in the institute (direct assignments, accommodations, registrations). */
export async function listCandidateRowsOfUser(
  db: Conn,
  instituteId: string,
  userId: string,
): Promise<CandidateRow[]> {
  return db
    .select()
    .from(examCandidates)
    .where(and(eq(examCandidates.userId, userId), eq(examCandidates.instituteId, instituteId)));
}

/** Registrations so far of each of the exams (only those with a capacity need it). */
export async function countRegisteredByExam(db: Conn, examIds: string[]): Promise<Map<string, number>> {
  if (examIds.length === 0) return new Map();
  const rows = await db
    .select({ examId: examCandidates.examId, n: count() })
    .from(examCandidates)
    .where(and(inArray(examCandidates.examId, examIds), isNotNull(examCandidates.registeredAt)))
    .groupBy(examCandidates.examId);
  return new Map(rows.map((r) => [r.examId, Number(r.n)]));
}

export async function isCandidate(db: Conn, examId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exams.id })
    .from(exams)
    .where(and(eq(exams.id, examId), isCandidateOf(examId, userId)));
  return !!row;
}

export type CandidateRow = typeof examCandidates.$inferSelect;

export async function findCandidateRow(
  db: Conn,
  examId: string,
  userId: string,
): Promise<CandidateRow | null> {
  const [row] = await db
    .select()
    .from(examCandidates)
    .where(and(eq(examCandidates.examId, examId), eq(examCandidates.userId, userId)));
  return row ?? null;
}

export async function listCandidateRows(db: Conn, examId: string): Promise<CandidateRow[]> {
  return db.select().from(examCandidates).where(eq(examCandidates.examId, examId));
}

export async function countRegistered(db: Conn, examId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(examCandidates)
    .where(and(eq(examCandidates.examId, examId), isNotNull(examCandidates.registeredAt)));
  return Number(row?.n ?? 0);
}

export async function markRegistered(
  tx: Tx,
  examId: string,
  userId: string,
  instituteId: string,
  /** The clock's time; seats go in the order of registration. */
  registeredAt: Date,
): Promise<void> {
  await tx
    .insert(examCandidates)
    .values({ examId, userId, instituteId, registeredAt })
    .onConflictDoUpdate({
      target: [examCandidates.examId, examCandidates.userId],
      set: { registeredAt },
    });
}

/** Replaces the exam's schedule, batches and candidate rows (one transaction, the caller's). */
export async function replaceSchedule(
  tx: Tx,
  examId: string,
  schedule: Omit<typeof examSchedules.$inferInsert, 'examId'>,
  batches: (typeof examBatches.$inferInsert)[],
  candidates: (typeof examCandidates.$inferInsert)[],
): Promise<void> {
  await tx
    .insert(examSchedules)
    .values({ examId, ...schedule })
    .onConflictDoUpdate({ target: examSchedules.examId, set: schedule });
  await tx.delete(examBatches).where(eq(examBatches.examId, examId));
  if (batches.length) await tx.insert(examBatches).values(batches);
  await tx.delete(examCandidates).where(eq(examCandidates.examId, examId));
  if (candidates.length) await tx.insert(examCandidates).values(candidates);
}

/** What Start needs of an exam, and no more: at T0 every candidate asks. */
export async function findExamForStart(db: Conn, examId: string, instituteId: string) {
  const [row] = await db
    .select({
      id: exams.id,
      kind: exams.kind,
      ownerId: exams.ownerId,
      instituteId: exams.instituteId,
      publishedSnapshotId: exams.publishedSnapshotId,
    })
    .from(exams)
    .where(
      and(eq(exams.id, examId), eq(exams.instituteId, instituteId), isNotNull(exams.publishedSnapshotId)),
    );
  return row ?? null;
}

/** What a candidate reads before Start: the title, the draft's instructions and the settings. */
export async function findCandidateDetails(db: Conn, examId: string) {
  const [row] = await db
    .select({ title: exams.title, draft: exams.draft, settings: exams.settings })
    .from(exams)
    .where(eq(exams.id, examId));
  return row ?? null;
}

export async function findExamById(db: Conn, examId: string): Promise<ExamRow | null> {
  const [row] = await db.select().from(exams).where(eq(exams.id, examId));
  return row ?? null;
}

export async function findSchedule(db: Conn, examId: string): Promise<ScheduleRow | null> {
  const [row] = await db.select().from(examSchedules).where(eq(examSchedules.examId, examId));
  return row ?? null;
}
