import { computeCompensatoryMs } from '@examtech/core';
import { requireInScope } from '../../platform/auth/access.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { DomainEvents } from '../../platform/domain-events.js';
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

export function createScheduleService(deps: {
  database: Database;
  exams: ExamService;
  batches: Pick<BatchService, 'assertBatchesExist'>;
  users: Pick<UserService, 'findStudentIds'>;
  events: DomainEvents;
  clock: Clock;
}) {
  const { db } = deps.database;
  const { clock } = deps;

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
      deps.events.emit('exam.scheduled', { examId });
      return deps.exams.getExam(actor, examId);
    },

    async listMyExams(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'exams:take');
      const rows = await scheduleRepo.listScheduledExamsOfCandidate(db, scoped.instituteId, actor.userId);
      const items = await Promise.all(
        rows.map(async ({ exam, schedule }) => {
          const mine = await scheduleRepo.findCandidateRow(db, exam.id, actor.userId);
          const taken = await scheduleRepo.countRegistered(db, exam.id);
          const { paper } = await deps.exams.resolvePaper(exam);
          return presentMyExam(exam, schedule, paper, mine, taken);
        }),
      );
      return presentMyExams(items, clock.now());
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
