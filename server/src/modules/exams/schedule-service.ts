import { and, count, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Database } from '../../platform/db/database.js';
import {
  batchMembers,
  examBatches,
  examCandidates,
  exams,
  examSchedules,
  users,
} from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import type { BatchService } from '../batches/batch-service.js';
import type { ExamService } from './exam-service.js';
import * as repo from './exam-repo.js';

export type ScheduleInput = {
  mode: 'fixed' | 'window';
  startsAt: string;
  windowEndsAt?: string | undefined;
  batchIds: string[];
  studentIds: string[];
  registration: { required: boolean; deadline?: string | undefined; capacity?: number | undefined };
  accommodations: { userId: string; compensatoryMinutesPerHour: number }[];
};

const invalid = (path: string, message: string) =>
  new AppError('SCHEDULE_INVALID', message, { fields: [{ path, message }] });

export function createScheduleService(deps: {
  database: Database;
  exams: ExamService;
  batches: BatchService;
  events: DomainEvents;
}) {
  const { db } = deps.database;

  /** Students who may sit the exam: members of its batches and those assigned by name. */
  function eligibleCondition(examId: string | typeof exams.id, userId: string) {
    return or(
      sql`exists (select 1 from ${examBatches} join ${batchMembers} on ${batchMembers.batchId} = ${examBatches.batchId} where ${examBatches.examId} = ${examId} and ${batchMembers.userId} = ${userId})`,
      sql`exists (select 1 from ${examCandidates} where ${examCandidates.examId} = ${examId} and ${examCandidates.userId} = ${userId} and ${examCandidates.assignedDirectly})`,
    );
  }

  return {
    async saveSchedule(actor: Actor, examId: string, input: ScheduleInput) {
      const scoped = authorizeInInstitute(actor, 'exams:manage');
      const exam = await deps.exams.loadManageableExam(actor, examId);
      if (!exam.publishedSnapshotId) throw new AppError('EXAM_NOT_PUBLISHED');
      const existing = (await repo.findSchedules(db, [examId])).get(examId);
      if (existing && existing.startsAt.getTime() <= Date.now()) throw new AppError('EXAM_ALREADY_STARTED');

      const startsAt = new Date(input.startsAt);
      const windowEndsAt =
        input.mode === 'window' && input.windowEndsAt ? new Date(input.windowEndsAt) : null;
      const { paper } = await deps.exams.resolvePaper(exam);
      const durationMs = paper.durationMinutes * 60_000;
      if (startsAt.getTime() <= Date.now()) throw invalid('startsAt', 'The start must be in the future.');
      if (input.mode === 'window' && (!windowEndsAt || windowEndsAt <= startsAt))
        throw invalid('windowEndsAt', 'The window must end after it starts.');
      // A candidate who starts at the window's opening must be able to sit the whole paper in it.
      if (windowEndsAt && windowEndsAt.getTime() - startsAt.getTime() < durationMs)
        throw invalid(
          'windowEndsAt',
          `The window must be at least as long as the exam (${paper.durationMinutes} minutes).`,
        );
      const deadline = input.registration.deadline ? new Date(input.registration.deadline) : null;
      if (deadline && deadline.getTime() <= Date.now())
        throw invalid('registration.deadline', 'The registration deadline must be in the future.');
      if (deadline && deadline > startsAt)
        throw invalid('registration.deadline', 'Registration must close by the start of the exam.');
      if (input.batchIds.length === 0 && input.studentIds.length === 0)
        throw invalid('batchIds', 'Assign at least one batch or student.');

      const maxCompensation = Math.max(0, ...input.accommodations.map((a) => a.compensatoryMinutesPerHour));
      const endsAt = new Date(
        (windowEndsAt ?? startsAt).getTime() + durationMs + Math.round((durationMs * maxCompensation) / 60),
      );

      await db.transaction(async (tx) => {
        await deps.batches.assertBatchesExist(tx, scoped.instituteId, input.batchIds);
        const people = [...new Set([...input.studentIds, ...input.accommodations.map((a) => a.userId)])];
        const students = people.length
          ? await tx
              .select({ id: users.id })
              .from(users)
              .where(
                and(
                  eq(users.instituteId, scoped.instituteId),
                  eq(users.role, 'student'),
                  inArray(users.id, people),
                ),
              )
          : [];
        if (students.length !== people.length)
          throw invalid('studentIds', 'Some students are not students of this institute.');

        const previous = await tx.select().from(examCandidates).where(eq(examCandidates.examId, examId));
        const registeredAt = new Map(previous.map((c) => [c.userId, c.registeredAt]));
        const values = {
          instituteId: scoped.instituteId,
          mode: input.mode,
          startsAt,
          windowEndsAt,
          endsAt,
          registrationRequired: input.registration.required,
          registrationDeadline: deadline,
          capacity: input.registration.capacity ?? null,
          updatedAt: new Date(),
        };
        await tx
          .insert(examSchedules)
          .values({ examId, ...values })
          .onConflictDoUpdate({ target: examSchedules.examId, set: values });
        await tx.delete(examBatches).where(eq(examBatches.examId, examId));
        if (input.batchIds.length)
          await tx.insert(examBatches).values(
            [...new Set(input.batchIds)].map((batchId) => ({
              examId,
              batchId,
              instituteId: scoped.instituteId,
            })),
          );
        await tx.delete(examCandidates).where(eq(examCandidates.examId, examId));
        const compensation = new Map(
          input.accommodations.map((a) => [a.userId, a.compensatoryMinutesPerHour]),
        );
        const direct = new Set(input.studentIds);
        // Registrations survive a reschedule; people no longer assigned lose theirs with their row.
        const rows = [
          ...new Set([
            ...direct,
            ...compensation.keys(),
            ...[...registeredAt.keys()].filter((u) => registeredAt.get(u)),
          ]),
        ].map((userId) => ({
          examId,
          userId,
          instituteId: scoped.instituteId,
          assignedDirectly: direct.has(userId),
          compensatoryMinutesPerHour: compensation.get(userId) ?? 0,
          registeredAt: registeredAt.get(userId) ?? null,
        }));
        if (rows.length) await tx.insert(examCandidates).values(rows);
      });
      deps.events.emit('exam.scheduled', { examId });
      return deps.exams.getExam(actor, examId);
    },

    async listMyExams(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'exams:take');
      const rows = await db
        .select({ exam: exams, schedule: examSchedules })
        .from(exams)
        .innerJoin(examSchedules, eq(examSchedules.examId, exams.id))
        .where(
          and(
            eq(exams.instituteId, scoped.instituteId),
            eq(exams.kind, 'scheduled'),
            isNotNull(exams.publishedSnapshotId),
            eligibleCondition(exams.id, actor.userId),
          ),
        );
      const now = Date.now();
      const items = await Promise.all(
        rows.map(async ({ exam, schedule }) => {
          const [mine] = await db
            .select()
            .from(examCandidates)
            .where(and(eq(examCandidates.examId, exam.id), eq(examCandidates.userId, actor.userId)));
          const [taken] = await db
            .select({ n: count() })
            .from(examCandidates)
            .where(and(eq(examCandidates.examId, exam.id), isNotNull(examCandidates.registeredAt)));
          const { paper } = await deps.exams.resolvePaper(exam);
          const perHour = mine?.compensatoryMinutesPerHour ?? 0;
          return {
            id: exam.id,
            title: exam.title,
            mode: schedule.mode,
            startsAt: schedule.startsAt.toISOString(),
            windowEndsAt: schedule.windowEndsAt?.toISOString() ?? null,
            endsAt: schedule.endsAt.getTime(),
            durationMinutes: paper.durationMinutes,
            compensatoryMinutes: Math.round((paper.durationMinutes * perHour) / 60),
            registration: {
              required: schedule.registrationRequired,
              registered: !!mine?.registeredAt,
              deadline: schedule.registrationDeadline?.toISOString() ?? null,
              capacity: schedule.capacity,
              seatsLeft:
                schedule.capacity === null ? null : Math.max(0, schedule.capacity - Number(taken?.n ?? 0)),
            },
          };
        }),
      );
      const byStart = (a: { startsAt: string }, b: { startsAt: string }) =>
        a.startsAt.localeCompare(b.startsAt);
      const strip = ({ endsAt: _endsAt, ...rest }: (typeof items)[number]) => rest;
      return {
        upcoming: items
          .filter((i) => i.endsAt > now)
          .sort(byStart)
          .map(strip),
        past: items
          .filter((i) => i.endsAt <= now)
          .sort(byStart)
          .reverse()
          .map(strip),
      };
    },

    async register(actor: Actor, examId: string) {
      const scoped = authorizeInInstitute(actor, 'exams:take');
      await db.transaction(async (tx) => {
        const exam = await repo.lockExam(tx, examId);
        const schedule = exam ? (await repo.findSchedules(tx, [examId])).get(examId) : undefined;
        const [eligible] =
          exam && schedule
            ? await tx
                .select({ ok: sql<number>`1` })
                .from(exams)
                .where(and(eq(exams.id, examId), eligibleCondition(examId, actor.userId)))
            : [];
        if (
          !exam ||
          exam.instituteId !== scoped.instituteId ||
          !exam.publishedSnapshotId ||
          !schedule ||
          !eligible
        )
          throw notFound('Exam not found.');
        const closesAt = schedule.registrationDeadline ?? schedule.windowEndsAt ?? schedule.startsAt;
        if (Date.now() >= closesAt.getTime()) throw new AppError('REGISTRATION_CLOSED');
        const [mine] = await tx
          .select()
          .from(examCandidates)
          .where(and(eq(examCandidates.examId, examId), eq(examCandidates.userId, actor.userId)));
        if (mine?.registeredAt) return;
        if (schedule.capacity !== null) {
          const [taken] = await tx
            .select({ n: count() })
            .from(examCandidates)
            .where(and(eq(examCandidates.examId, examId), isNotNull(examCandidates.registeredAt)));
          if (Number(taken?.n ?? 0) >= schedule.capacity) throw new AppError('REGISTRATION_FULL');
        }
        await tx
          .insert(examCandidates)
          .values({ examId, userId: actor.userId, instituteId: scoped.instituteId, registeredAt: new Date() })
          .onConflictDoUpdate({
            target: [examCandidates.examId, examCandidates.userId],
            set: { registeredAt: new Date() },
          });
      });
      return { registered: true };
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
