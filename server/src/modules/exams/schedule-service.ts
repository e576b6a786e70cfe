import { computeCompensatoryMs } from '@examtech/core';
import { requireInScope } from '../../platform/auth/access.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { createInstituteCache } from '../../platform/cache/institute-cache.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import type { CacheLookups } from '../../platform/metrics.js';
import type { BatchService } from '../batches/batch-service.js';
import type { UserService } from '../users/user-service.js';
import type { ExamService } from './exam-service.js';
import * as repo from './exam-repo.js';
import { presentMyExam, presentMyExams } from './schedule-presenter.js';
import * as scheduleRepo from './schedule-repo.js';

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

/** How long an instance keeps an institute's listing when no drop reaches it (a lost message). */
const LISTING_TTL_MS = 60_000;

export function createScheduleService(deps: {
  database: Database;
  exams: ExamService;
  batches: Pick<BatchService, 'assertBatchesExist' | 'listBatchIdsOfUsers'>;
  users: Pick<UserService, 'findStudentIds'>;
  events: DomainEvents;
  clock: Clock;
  cacheLookups?: CacheLookups;
}) {
  const { db } = deps.database;
  const { clock } = deps;
  // Every student of the institute opens their list at sign-in, thousands in the minute before a
  // mock: the exams and their batches are read once per instance, and each student's own part
  // (their batches, assignments, registrations) beside it. Dropped on every schedule and
  // publication change (app-events.ts, on every instance).
  const listings = createInstituteCache<scheduleRepo.ListedExam[]>({
    ttlMs: LISTING_TTL_MS,
    clock,
    lookups: deps.cacheLookups,
    maxEntries: 200,
  });

  return {
    async saveSchedule(actor: Actor, examId: string, input: ScheduleInput) {
      const scoped = authorizeInInstitute(actor, 'exams:manage');
      const exam = await deps.exams.loadManageableExam(actor, examId);
      if (!exam.publishedSnapshotId) throw new AppError('EXAM_NOT_PUBLISHED');
      const now = clock.now();
      const existing = (await repo.findSchedules(db, [examId])).get(examId);
      if (existing && existing.startsAt.getTime() <= now) throw new AppError('EXAM_ALREADY_STARTED');

      const startsAt = new Date(input.startsAt);
      const windowEndsAt =
        input.mode === 'window' && input.windowEndsAt ? new Date(input.windowEndsAt) : null;
      const { paper } = await deps.exams.resolvePaper(exam);
      const durationMs = paper.durationMinutes * 60_000;
      if (startsAt.getTime() <= now) throw invalid('startsAt', 'The start must be in the future.');
      if (input.mode === 'window' && (!windowEndsAt || windowEndsAt <= startsAt))
        throw invalid('windowEndsAt', 'The window must end after it starts.');
      // A candidate who starts at the window's opening must be able to sit the whole paper in it.
      if (windowEndsAt && windowEndsAt.getTime() - startsAt.getTime() < durationMs)
        throw invalid(
          'windowEndsAt',
          `The window must be at least as long as the exam (${paper.durationMinutes} minutes).`,
        );
      const deadline = input.registration.deadline ? new Date(input.registration.deadline) : null;
      if (deadline && deadline.getTime() <= now)
        throw invalid('registration.deadline', 'The registration deadline must be in the future.');
      if (deadline && deadline > startsAt)
        throw invalid('registration.deadline', 'Registration must close by the start of the exam.');
      if (input.batchIds.length === 0 && input.studentIds.length === 0)
        throw invalid('batchIds', 'Assign at least one batch or student.');

      const maxCompensation = Math.max(0, ...input.accommodations.map((a) => a.compensatoryMinutesPerHour));
      const endsAt = new Date(
        (windowEndsAt ?? startsAt).getTime() +
          durationMs +
          computeCompensatoryMs(durationMs, maxCompensation),
      );

      await db.transaction(async (tx) => {
        await deps.batches.assertBatchesExist(tx, scoped.instituteId, input.batchIds);
        const people = [...new Set([...input.studentIds, ...input.accommodations.map((a) => a.userId)])];
        const students = await deps.users.findStudentIds(tx, scoped.instituteId, people);
        if (students.length !== people.length)
          throw invalid('studentIds', 'Some students are not students of this institute.');

        const previous = await scheduleRepo.listCandidateRows(tx, examId);
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
          updatedAt: new Date(now),
        };
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
        const batchRows = [...new Set(input.batchIds)].map((batchId) => ({
          examId,
          batchId,
          instituteId: scoped.instituteId,
        }));
        await scheduleRepo.replaceSchedule(tx, examId, values, batchRows, rows);
      });
      deps.events.emit('exam.scheduled', { examId, instituteId: scoped.instituteId });
      return deps.exams.getExam(actor, examId);
    },

    async listMyExams(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'exams:take');
      const [listed, batchIds, candidateRows] = await Promise.all([
        listings.get(scoped.instituteId, (instituteId) =>
          scheduleRepo.listScheduledExamsWithBatches(db, instituteId),
        ),
        deps.batches.listBatchIdsOfUsers([actor.userId], { mayLag: false }),
        scheduleRepo.listCandidateRowsOfUser(db, scoped.instituteId, actor.userId),
      ]);
      // A candidate as candidateIdsOf defines it: a member of one of the exam's batches, or assigned by name.
      const myBatches = new Set(batchIds.get(actor.userId) ?? []);
      const mine = new Map(candidateRows.map((row) => [row.examId, row]));
      const candidateOf = listed.filter(
        ({ exam, batchIds: examBatchIds }) =>
          mine.get(exam.id)?.assignedDirectly || examBatchIds.some((id) => myBatches.has(id)),
      );
      const registered = await scheduleRepo.countRegisteredByExam(
        db,
        candidateOf.filter(({ schedule }) => schedule.capacity !== null).map(({ exam }) => exam.id),
      );
      const items = await Promise.all(
        candidateOf.map(async ({ exam, schedule }) => {
          const { paper } = await deps.exams.resolvePaper(exam);
          return presentMyExam(
            exam,
            schedule,
            paper,
            mine.get(exam.id) ?? null,
            registered.get(exam.id) ?? 0,
          );
        }),
      );
      return presentMyExams(items, clock.now());
    },

    /** Drops the institute's cached listing (after a schedule or publication change, on every instance). */
    forgetListing(instituteId: string): void {
      listings.forget(instituteId);
    },

    async register(actor: Actor, examId: string) {
      const scoped = authorizeInInstitute(actor, 'exams:take');
      await db.transaction(async (tx) => {
        const exam = requireInScope(scoped, 'Exam', await repo.lockExam(tx, examId));
        const schedule = (await repo.findSchedules(tx, [examId])).get(examId);
        // Only a candidate may register; to anyone else the exam does not exist.
        if (
          !exam.publishedSnapshotId ||
          !schedule ||
          !(await scheduleRepo.isCandidate(tx, examId, actor.userId))
        )
          throw notFound('Exam not found.');
        const closesAt = schedule.registrationDeadline ?? schedule.windowEndsAt ?? schedule.startsAt;
        const now = clock.now();
        if (now >= closesAt.getTime()) throw new AppError('REGISTRATION_CLOSED');
        const mine = await scheduleRepo.findCandidateRow(tx, examId, actor.userId);
        if (mine?.registeredAt) return;
        if (
          schedule.capacity !== null &&
          (await scheduleRepo.countRegistered(tx, examId)) >= schedule.capacity
        )
          throw new AppError('REGISTRATION_FULL');
        await scheduleRepo.markRegistered(tx, examId, actor.userId, scoped.instituteId, new Date(now));
      });
      return { registered: true };
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
