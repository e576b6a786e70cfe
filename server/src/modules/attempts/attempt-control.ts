import { adjustSchedule, computeSchedule, createTimingPlan, type AttemptScore } from '@examtech/core';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import * as repo from './attempt-repo.js';
import type { SubmitReason } from './attempt-repo.js';
import * as control from './control-repo.js';

export type { AttemptSummary } from './control-repo.js';

/**
 * What a proctor does to a running attempt's clock and life: pause (the server's clock stops for
 * it), resume (the time owed is given back from where it stood), extend, terminate (submitted as it
 * stands). Each under the attempt's exclusive lock, so no save batch or sweep interleaves; the
 * proctoring module authorises and records who did it and why. Every change is an event the
 * real-time module delivers to the candidate's room.
 */
export function createAttemptControl(deps: {
  db: Db;
  papers: SnapshotCache;
  clock: Clock;
  events: DomainEvents;
  score: (tx: Tx, attempt: repo.AttemptRow) => Promise<{ score: AttemptScore; totalMarks: string }>;
}) {
  const { db, clock } = deps;

  async function lockRunning(tx: Tx, attemptId: string) {
    const attempt = await repo.lockAttempt(tx, attemptId);
    if (!attempt) throw notFound('Attempt not found.');
    if (attempt.status !== 'in_progress' || !attempt.startedAt) throw new AppError('ATTEMPT_NOT_RUNNING');
    return attempt;
  }

  /** The deadline once `adjustments` apply: the adjusted schedule's end. */
  async function deadlineWith(attempt: repo.AttemptRow, adjustments: repo.AttemptRow['timeAdjustments']) {
    const { paper } = await deps.papers.get(attempt.snapshotId);
    const schedule = computeSchedule(
      createTimingPlan(paper),
      (attempt.startedAt as Date).getTime(),
      attempt.compensatoryMs,
    );
    return new Date(adjustSchedule(schedule, adjustments).endsAt);
  }

  const changed = (
    attempt: repo.AttemptRow,
    change: 'paused' | 'resumed' | 'extended' | 'terminated',
    addedMs = 0,
  ) =>
    deps.events.emit('attempt.controlled', {
      attemptId: attempt.id,
      examId: attempt.examId,
      change,
      addedMs,
      deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
      reason: attempt.pauseReason ?? attempt.submitReason ?? '',
    });

  /** Submitted as it stands, scored with every acknowledged save. Idempotent on a submitted attempt. */
  async function terminate(attemptId: string, reason: Extract<SubmitReason, 'proctor' | 'violations'>) {
    const submitted = await db.transaction(async (tx) => {
      const attempt = await repo.lockAttempt(tx, attemptId);
      if (!attempt) throw notFound('Attempt not found.');
      if (attempt.status === 'submitted') return null;
      if (attempt.status !== 'in_progress') throw new AppError('ATTEMPT_NOT_RUNNING');
      const { score, totalMarks } = await deps.score(tx, attempt);
      return repo.markSubmitted(tx, attemptId, reason, score, totalMarks, nowDate(clock));
    });
    if (submitted) changed(submitted, 'terminated');
    return submitted;
  }

  return {
    async pause(attemptId: string, reason: string): Promise<repo.AttemptRow> {
      const paused = await db.transaction(async (tx) => {
        const attempt = await lockRunning(tx, attemptId);
        if (attempt.pausedAt) throw new AppError('ATTEMPT_ALREADY_PAUSED');
        // A deadline already past (in the sweep's grace) is not stopped: the exam is over.
        if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= clock.now())
          throw new AppError('ATTEMPT_NOT_RUNNING');
        return control.markPaused(tx, attemptId, nowDate(clock), reason);
      });
      changed(paused, 'paused');
      return paused;
    },

    /** The candidate gets back exactly the time the pause lasted, from where their clock stood. */
    async resume(attemptId: string): Promise<{ attempt: repo.AttemptRow; addedMs: number }> {
      const result = await db.transaction(async (tx) => {
        const attempt = await lockRunning(tx, attemptId);
        if (!attempt.pausedAt) throw new AppError('ATTEMPT_NOT_PAUSED');
        const addedMs = Math.max(0, clock.now() - attempt.pausedAt.getTime());
        const adjustments = [
          ...attempt.timeAdjustments,
          { atMs: attempt.pausedAt.getTime(), addMs: addedMs },
        ];
        const resumed = await control.markAdjusted(
          tx,
          attemptId,
          adjustments,
          await deadlineWith(attempt, adjustments),
        );
        return { attempt: resumed, addedMs };
      });
      changed(result.attempt, 'resumed', result.addedMs);
      return result;
    },

    /** Extra time from now: what is still ahead (the open section and the exam's end) moves. */
    async extend(attemptId: string, addMs: number): Promise<repo.AttemptRow> {
      const extended = await db.transaction(async (tx) => {
        const attempt = await lockRunning(tx, attemptId);
        if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= clock.now())
          throw new AppError('ATTEMPT_NOT_RUNNING');
        // During a pause the extension counts from where the clock stopped.
        const atMs = attempt.pausedAt?.getTime() ?? clock.now();
        const adjustments = [...attempt.timeAdjustments, { atMs, addMs }];
        const deadline = await deadlineWith(attempt, adjustments);
        const row = await control.markAdjusted(tx, attemptId, adjustments, deadline);
        if (!attempt.pausedAt) return row;
        // Still paused: markAdjusted ended the pause, which only resume may do.
        return control.markPaused(tx, attemptId, attempt.pausedAt, attempt.pauseReason ?? '');
      });
      changed(extended, 'extended', addMs);
      return extended;
    },

    terminate,

    /**
     * A pause never lifted (the proctor left, the candidate gave up) ends the attempt `maxMs` after
     * it began: submitted as it stands, as a proctor's terminate, so no attempt stays open for ever
     * and the exam's results can be computed. The deadline sweep calls it; returns how many.
     */
    async endOverduePauses(maxMs: number, limit: number): Promise<number> {
      const overdue = await control.listOverduePauses(db, new Date(clock.now() - maxMs), limit);
      let ended = 0;
      // Each under its own lock; another instance's sweep that got there first makes this a no-op.
      for (const attemptId of overdue) if (await terminate(attemptId, 'proctor')) ended += 1;
      return ended;
    },

    listSummaries: (examId: string, userIds?: readonly string[]) =>
      control.listAttemptSummaries(db, examId, userIds),
  };
}

export type AttemptControl = ReturnType<typeof createAttemptControl>;
