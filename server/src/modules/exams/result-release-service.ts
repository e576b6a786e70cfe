import { checkManualRelease, type ManualReleaseCheck } from '@examtech/core';
import type { FastifyBaseLogger } from 'fastify';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { JobOutcome, JobQueue } from '../../platform/jobs/job-queue.js';
import type { ExamService } from './exam-service.js';
import * as repo from './exam-repo.js';
import * as releaseRepo from './release-repo.js';
import { findExamReleases, type ExamRelease } from './result-release.js';

/** The job that records (and announces) an `instant` or `scheduled` release at its time. */
export const RELEASE_JOB = 'results.release';
/** The job that computes an exam's results once answers are final (the teachers' page is ready). */
export const RESULTS_FINAL_JOB = 'results.final';

type How = 'manual' | 'scheduled' | 'instant';
type Conn = Db | Tx;

function presentState(release: ExamRelease, record: releaseRepo.ReleaseRecord | undefined, now: number) {
  const check: ManualReleaseCheck = checkManualRelease(release.facts, now);
  return {
    mode: release.facts.release.mode,
    releasesAt: release.releasesAt?.toISOString() ?? null,
    isReleased: release.isReleased,
    releasedAt: record?.releasedAt.toISOString() ?? null,
    how: record?.how ?? null,
    showsAnswerKey: release.showsAnswerKey,
    canReleaseNow: check.canRelease,
    reason: check.canRelease ? null : check.reason,
    possibleAt:
      !check.canRelease && check.reason === 'NOT_FINAL' ? new Date(check.possibleAt).toISOString() : null,
  };
}

/**
 * Releasing an exam's results: a teacher's button for `manual` exams (once nobody can answer any
 * more), and a job at the release time for `instant` and `scheduled` ones, which records that it
 * happened. Each release is recorded once (exam_result_releases) and announced once with the
 * `results.released` domain event; `onReleased` (results computation) runs after it.
 */
export function createResultReleaseService(deps: {
  database: Database;
  clock: Clock;
  events: DomainEvents;
  jobs: JobQueue;
  exams: Pick<ExamService, 'loadManageableExam'>;
  log: FastifyBaseLogger;
  /** Called once per released exam (app.ts wires the results computation); failures are logged. */
  onReleased?: (examId: string) => Promise<unknown>;
  /** Called when an exam's answers are final (its end and the settle time), by a job on any instance. */
  onAnswersFinal?: (examId: string) => Promise<unknown>;
}) {
  const { db } = deps.database;

  async function releaseOf(conn: Conn, examId: string): Promise<ExamRelease | undefined> {
    return (await findExamReleases(conn, [examId], deps.clock.now())).get(examId);
  }

  function announce(exam: { id: string; instituteId: string; title: string }, how: How): void {
    deps.events.emit('results.released', {
      examId: exam.id,
      instituteId: exam.instituteId,
      title: exam.title,
      how,
    });
    deps
      .onReleased?.(exam.id)
      .catch((err: unknown) => deps.log.error({ err, examId: exam.id }, 'computing released results failed'));
  }

  async function readState(examId: string) {
    const release = await releaseOf(db, examId);
    if (!release) throw notFound('Exam not found.');
    return presentState(release, await releaseRepo.findReleaseRecord(db, examId), deps.clock.now());
  }

  /** The job's work: record an instant/scheduled release once it is due; later if it moved. */
  async function runReleaseJob(payload: Record<string, unknown>): Promise<JobOutcome> {
    const examId = typeof payload.examId === 'string' ? payload.examId : null;
    if (!examId) return;
    const announced = await db.transaction(async (tx) => {
      const exam = await repo.lockExam(tx, examId);
      const release = exam && (await releaseOf(tx, examId));
      if (!exam?.publishedSnapshotId || !release || release.facts.release.mode === 'manual') return null;
      if (!release.isReleased) return release.releasesAt ? { rerunAt: release.releasesAt } : null;
      const how = release.facts.release.mode;
      const recorded = await releaseRepo.insertReleaseRecord(tx, {
        examId,
        instituteId: exam.instituteId,
        releasedAt: release.releasesAt ?? new Date(deps.clock.now()),
        releasedBy: null,
        how,
      });
      return recorded ? { exam, how } : null;
    });
    if (!announced) return;
    if ('rerunAt' in announced && announced.rerunAt) return { rerunAt: announced.rerunAt };
    if (announced.exam) announce(announced.exam, announced.how);
  }

  deps.jobs.register(RELEASE_JOB, runReleaseJob);
  deps.jobs.register(RESULTS_FINAL_JOB, async (payload) => {
    const examId = typeof payload.examId === 'string' ? payload.examId : null;
    if (!examId || !deps.onAnswersFinal) return;
    const release = await releaseOf(db, examId);
    const finalAt = release?.facts.answersFinalAt ?? null;
    // Rescheduled later since: run again then.
    if (finalAt !== null && finalAt > deps.clock.now()) return { rerunAt: new Date(finalAt) };
    await deps.onAnswersFinal(examId);
  });

  return {
    async getState(actor: Actor, examId: string) {
      await deps.exams.loadManageableExam(actor, examId);
      return readState(examId);
    },

    /**
     * A teacher's release of a `manual` exam. A second release changes nothing and answers the
     * same state (idempotent); other modes and unfinished exams are refused with a stable code.
     */
    async release(actor: Actor, examId: string) {
      authorizeInInstitute(actor, 'results:release');
      const exam = await deps.exams.loadManageableExam(actor, examId);
      const released = await db.transaction(async (tx) => {
        const locked = await repo.lockExam(tx, examId);
        if (!locked) throw notFound('Exam not found.');
        const release = await releaseOf(tx, examId);
        if (!release || !locked.publishedSnapshotId) throw new AppError('RESULTS_NOT_SCHEDULED');
        const check = checkManualRelease(release.facts, deps.clock.now());
        if (check.canRelease) {
          return releaseRepo.insertReleaseRecord(tx, {
            examId,
            instituteId: exam.instituteId,
            releasedAt: new Date(deps.clock.now()),
            releasedBy: actor.userId,
            how: 'manual',
          });
        }
        switch (check.reason) {
          case 'RELEASED':
            return false;
          case 'NOT_MANUAL':
            throw new AppError('RESULTS_RELEASE_AUTOMATIC', undefined, {
              extra: { releasesAt: release.releasesAt?.toISOString() ?? null },
            });
          case 'NOT_SCHEDULED':
            throw new AppError('RESULTS_NOT_SCHEDULED');
          case 'NOT_FINAL':
            throw new AppError('RESULTS_NOT_FINAL', undefined, {
              extra: { possibleAt: new Date(check.possibleAt).toISOString() },
            });
        }
      });
      if (released) announce(exam, 'manual');
      return readState(examId);
    },

    /**
     * After an exam is (re)scheduled: the release job at the moment its results go out (instant:
     * when answers are final; scheduled: its time, never earlier), replacing a pending one; none
     * for manual release.
     */
    async planRelease(examId: string): Promise<void> {
      const release = await releaseOf(db, examId);
      const finalAt = release?.facts.answersFinalAt ?? null;
      if (deps.onAnswersFinal && finalAt !== null && release?.facts.kind !== 'practice')
        await deps.jobs.schedule(db, {
          kind: RESULTS_FINAL_JOB,
          key: examId,
          runAt: new Date(finalAt),
          payload: { examId },
        });
      const mode = release?.facts.release.mode;
      if (!release?.releasesAt || mode === 'manual' || release.facts.kind === 'practice')
        return deps.jobs.cancel(db, RELEASE_JOB, examId);
      await deps.jobs.schedule(db, {
        kind: RELEASE_JOB,
        key: examId,
        runAt: release.releasesAt,
        payload: { examId },
      });
    },
  };
}

export type ResultReleaseService = ReturnType<typeof createResultReleaseService>;
