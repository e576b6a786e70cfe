import {
  findPeriodLength,
  findPeriodStart,
  type LeaderboardNameMode,
  type LeaderboardPeriod,
} from '@examtech/core';
import { authorizeInInstitute, type Actor, type InstituteActor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { BatchService } from '../batches/batch-service.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { ExamService } from '../exams/exam-service.js';
import type { ResultsService } from '../results/results-service.js';
import { presentBoard, type BoardDescription } from './leaderboard-presenter.js';
import type { LeaderboardStore } from './leaderboard-store.js';

/** How many exams the exam picker lists (latest first). */
const EXAM_LIST_LIMIT = 50;

export type BoardOptions = { top: number };

/**
 * Leaderboards (issue 11): per exam, per batch and for the institute over a period, from the
 * results module's ranked results of released exams only. Owns no tables: the rows come from the
 * store (Redis sorted sets when scaled, the database embedded), release from the exams module,
 * batch membership from the batch service and the names' privacy from the institute.
 */
export function createLeaderboardService(deps: {
  store: LeaderboardStore;
  results: Pick<ResultsService, 'readBoard' | 'listBoardExams' | 'listRankedExamIds' | 'getStanding'>;
  directory: Pick<ExamDirectory, 'findExam' | 'findExamTitles' | 'findReleases'>;
  /** Whether the user is a candidate of the scheduled exam (the exams module's one query of it). */
  isCandidate(examId: string, userId: string): Promise<boolean>;
  exams: Pick<ExamService, 'loadReadableExam'>;
  batches: Pick<BatchService, 'getBatch'>;
  institutes: { findLeaderboardNames(instituteId: string): Promise<LeaderboardNameMode> };
  clock: Clock;
}) {
  async function releasedExamIds(instituteId: string, now: number): Promise<string[]> {
    const ids = await deps.results.listRankedExamIds(instituteId);
    const releases = await deps.directory.findReleases(ids, now);
    return ids.filter((id) => releases.get(id)?.isReleased === true);
  }

  async function answer(
    actor: InstituteActor,
    key: string,
    request: { scope: Parameters<ResultsService['readBoard']>[0]; expiresAfter: number | null },
    description: BoardDescription,
    options: BoardOptions,
    now: number,
  ) {
    const isStudent = actor.role === 'student';
    const [board, names] = await Promise.all([
      deps.store.readBoard(
        {
          instituteId: actor.instituteId,
          key,
          ...request,
          top: options.top,
          userId: isStudent ? actor.userId : null,
        },
        now,
      ),
      deps.institutes.findLeaderboardNames(actor.instituteId),
    ]);
    return presentBoard(board, description, options.top, { userId: actor.userId, isStudent, names });
  }

  async function periodBoard(
    actor: InstituteActor,
    period: LeaderboardPeriod,
    batch: { id: string; name: string } | null,
    options: BoardOptions,
  ) {
    const now = deps.clock.now();
    const start = findPeriodStart(period, now);
    const examIds = await releasedExamIds(actor.instituteId, now);
    const description: BoardDescription = batch
      ? { kind: 'batch', period, batchId: batch.id, title: batch.name }
      : { kind: 'institute', period };
    return answer(
      actor,
      batch ? `batch:${batch.id}:${period}` : `institute:${period}`,
      {
        scope: {
          kind: 'period',
          instituteId: actor.instituteId,
          examIds,
          since: start === null ? null : new Date(start),
          batchId: batch?.id ?? null,
        },
        expiresAfter: findPeriodLength(period),
      },
      description,
      options,
      now,
    );
  }

  /** A scheduled exam of the actor's institute the actor may see: staff in the exams' scope, students if candidates. */
  async function loadVisibleExam(actor: InstituteActor, examId: string) {
    if (actor.role !== 'student') {
      const exam = await deps.exams.loadReadableExam(actor, examId);
      if (exam.kind !== 'scheduled') throw notFound('Exam not found.');
      return exam;
    }
    const exam = await deps.directory.findExam(examId);
    if (!exam || exam.instituteId !== actor.instituteId || exam.kind !== 'scheduled')
      throw notFound('Exam not found.');
    const isCandidate =
      (await deps.isCandidate(examId, actor.userId)) ||
      (await deps.results.getStanding(examId, actor.userId)) !== null;
    if (!isCandidate) throw notFound('Exam not found.');
    return exam;
  }

  return {
    /** The institute's board over a period: every student of the institute who sat a released mock in it. */
    async getInstituteBoard(actor: Actor, period: LeaderboardPeriod, options: BoardOptions) {
      const scoped = authorizeInInstitute(actor, 'leaderboards:read');
      return periodBoard(scoped, period, null, options);
    },

    /** A batch's board over a period; students only of their own batches, staff in the batches' scope (404 otherwise). */
    async getBatchBoard(actor: Actor, batchId: string, period: LeaderboardPeriod, options: BoardOptions) {
      const scoped = authorizeInInstitute(actor, 'leaderboards:read');
      const batch = await deps.batches.getBatch(scoped, batchId);
      return periodBoard(scoped, period, { id: batch.id, name: batch.name }, options);
    },

    /** An exam's board: its ranked results in rank order, once released (before: RESULT_NOT_RELEASED). */
    async getExamBoard(actor: Actor, examId: string, options: BoardOptions) {
      const scoped = authorizeInInstitute(actor, 'leaderboards:read');
      const exam = await loadVisibleExam(scoped, examId);
      const now = deps.clock.now();
      const release = (await deps.directory.findReleases([examId], now)).get(examId);
      if (!release?.isReleased)
        throw new AppError('RESULT_NOT_RELEASED', undefined, {
          extra: { releasesAt: release?.releasesAt?.toISOString() ?? null },
        });
      return answer(
        scoped,
        `exam:${examId}`,
        { scope: { kind: 'exam', instituteId: scoped.instituteId, examId }, expiresAfter: null },
        { kind: 'exam', examId, title: exam.title },
        options,
        now,
      );
    },

    /**
     * The released exams with a board the actor may open, latest first: a student's own (those with
     * a result row of theirs), all of the institute's for staff (teachers: in the exams' scope).
     */
    async listExams(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'leaderboards:read');
      const now = deps.clock.now();
      const isStudent = scoped.role === 'student';
      const listed = await deps.results.listBoardExams(scoped.instituteId, {
        userId: isStudent ? scoped.userId : null,
        since: null,
      });
      const ids = listed.map((e) => e.examId);
      const [releases, titles] = await Promise.all([
        deps.directory.findReleases(ids, now),
        deps.directory.findExamTitles(ids),
      ]);
      const items = [];
      for (const exam of listed) {
        if (items.length >= EXAM_LIST_LIMIT) break;
        const title = titles.get(exam.examId);
        if (!title || !releases.get(exam.examId)?.isReleased) continue;
        if (!isStudent && !(await isReadable(scoped, exam.examId))) continue;
        items.push({
          examId: exam.examId,
          title: title.title,
          lastSubmittedAt: exam.lastSubmittedAt.toISOString(),
        });
      }
      return { items };
    },
  };

  async function isReadable(actor: InstituteActor, examId: string): Promise<boolean> {
    try {
      await deps.exams.loadReadableExam(actor, examId);
      return true;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return false;
      throw err;
    }
  }
}

export type LeaderboardService = ReturnType<typeof createLeaderboardService>;
