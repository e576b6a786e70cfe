import { buildAttemptPaper, isProctored } from '@examtech/core';
import type { Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import { presentAttemptState, presentCandidateInfo } from './attempt-presenter.js';
import { presentReleasedResult } from './attempt-result.js';
import * as repo from './attempt-repo.js';
import { timingOf } from './save-pipeline.js';

const PAPER_OPEN = Buffer.from('{"paper":');
const ORDER_OPEN = Buffer.from(',"order":');
const CLOSE = Buffer.from('}');

/** The exam the student may sit and their attempt, as the lifecycle finds it (attempt-service.ts). */
export type SittableExam = {
  exam: { id: string; kind: 'scheduled' | 'practice'; publishedSnapshotId: string | null };
  attempt: repo.AttemptRow | null;
};

/**
 * The attempt's read models: its state, the paper, what a candidate reads before Start and the
 * released result. They change nothing but the end of a recorded outage (in loadOwnAttempt).
 */
export function createAttemptReads(deps: {
  db: Db;
  papers: SnapshotCache;
  directory: Pick<ExamDirectory, 'findCandidateDetails' | 'findSchedule'>;
  loadOwnAttempt: (actor: Actor, attemptId: string) => Promise<repo.AttemptRow>;
  findSittableExam: (actor: Actor, examId: string) => Promise<SittableExam>;
  clock: Clock;
  countViolations: (attemptId: string) => Promise<number>;
  retentionDays: number;
}) {
  const { db } = deps;

  /** `isFresh`: the attempt was prepared a moment ago and cannot hold answers yet (saves a query per Start at T0). */
  async function presentState(attempt: repo.AttemptRow, isFresh = false) {
    const { paper, proctoring } = await deps.papers.get(attempt.snapshotId);
    const answers = isFresh ? [] : await repo.listAnswers(db, attempt.id);
    // Only a proctored exam's attempt can have violations: the T0 burst of unproctored joins reads nothing more.
    const count = isFresh || !isProctored(proctoring) ? 0 : await deps.countViolations(attempt.id);
    const now = deps.clock.now();
    return presentAttemptState(attempt, timingOf(paper, attempt, now), answers, now, {
      count,
      warnAfter: proctoring.warnAfterViolations,
      submitAfter: proctoring.submitAfterViolations,
    });
  }

  return {
    presentState,

    /** What a candidate reads before Start: the exam's own instructions, timing and requirements, and the server's clock. */
    async getCandidateInfo(actor: Actor, examId: string) {
      const { exam, attempt } = await deps.findSittableExam(actor, examId);
      const details = await deps.directory.findCandidateDetails(examId);
      if (!details) throw notFound('Exam not found.');
      const schedule = exam.kind === 'scheduled' ? await deps.directory.findSchedule(examId) : null;
      const { paper } = await deps.papers.get(exam.publishedSnapshotId as string);
      return presentCandidateInfo({
        exam: { ...details, id: exam.id, kind: exam.kind },
        paper,
        attempt,
        schedule,
        now: deps.clock.now(),
        retentionDays: deps.retentionDays,
      });
    },

    /** The paper as JSON bytes: the exam's cached candidate JSON plus this candidate's order, without re-serialising the paper. */
    async getPaperJson(actor: Actor, attemptId: string): Promise<Buffer> {
      const attempt = await deps.loadOwnAttempt(actor, attemptId);
      if (attempt.status === 'prepared') throw new AppError('EXAM_NOT_STARTED');
      const { paper, candidateJson } = await deps.papers.get(attempt.snapshotId);
      const order = Buffer.from(JSON.stringify(buildAttemptPaper(paper, attempt.seed)));
      return Buffer.concat([PAPER_OPEN, candidateJson, ORDER_OPEN, order, CLOSE]);
    },

    async getState(actor: Actor, attemptId: string) {
      return presentState(await deps.loadOwnAttempt(actor, attemptId));
    },

    /** The result once released, with the key only when the exam shows it (attempt-result.ts). */
    async getResult(actor: Actor, attemptId: string) {
      return presentReleasedResult(
        { db, papers: deps.papers, clock: deps.clock },
        await deps.loadOwnAttempt(actor, attemptId),
      );
    },
  };
}
