import {
  adjustSchedule,
  computeSchedule,
  createTimingPlan,
  decideOfflineSave,
  decideSaveForQuestion,
  findPaperItem,
  isAnswerEmpty,
  normalizeAnswer,
  PALETTE_STATES,
  validateAnswer,
  type Answer,
  type AttemptScore,
  type PaletteState,
  type Paper,
  type TimeAdjustment,
} from '@examtech/core';
import type { Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { createGroupCommitter } from '../../platform/db/group-commit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import * as repo from './attempt-repo.js';
import { createKeyedSaveBudgets, scaleSaveLimit, USER_SAVE_LIMIT } from './save-rate-limit.js';

/** In-flight saves sent just before the deadline are still accepted for this long. */
export const SAVE_GRACE_MS = 15_000;
/** Answers typed offline before the deadline are still taken from the journal for this long after the end. */
export const OFFLINE_SYNC_WINDOW_MS = 30 * 60_000;
/** Allowance for the client's clock-offset estimate when judging when an offline answer was typed. */
const OFFLINE_SKEW_MS = 30_000;
/** A reconnected browser sends its journal at once; this long after the attempt was heard again, it is too late. */
const OFFLINE_RESYNC_MS = 2 * 60_000;

export type SaveInput = {
  questionId: string;
  answer: Answer | null;
  state: PaletteState;
  seq: number;
  visits?: number | undefined;
  timeSpentMs?: number | undefined;
  /** When the candidate answered, on the server's clock as the client estimates it (offline journal). */
  answeredAt?: number | undefined;
};

export type SaveResult = {
  questionId: string;
  seq: number;
  status: 'saved' | 'superseded' | 'rejected';
  code?: string;
};

/**
 * The attempt's schedule: the paper's timing from its start with its compensatory time, moved by
 * its past pauses and extensions. While paused, `now` counts as the pause's end so far, so the time
 * left shown stands still.
 */
export function timingOf(paper: Paper, attempt: repo.AttemptRow, now?: number) {
  if (!attempt.startedAt) return null;
  const schedule = computeSchedule(
    createTimingPlan(paper),
    attempt.startedAt.getTime(),
    attempt.compensatoryMs,
  );
  const adjustments: TimeAdjustment[] = [...attempt.timeAdjustments];
  if (attempt.pausedAt && now !== undefined)
    adjustments.push({
      atMs: attempt.pausedAt.getTime(),
      addMs: Math.max(0, now - attempt.pausedAt.getTime()),
    });
  return adjustments.length === 0 ? schedule : adjustSchedule(schedule, adjustments);
}

/** The stored answer is the core's normalised copy: nothing a client adds beyond its type's fields. */
function toWrite(attemptId: string, deviceId: string, save: SaveInput, answeredAt: Date): repo.AnswerWrite {
  return {
    attemptId,
    deviceId,
    questionId: save.questionId,
    answer: save.answer === null ? null : normalizeAnswer(save.answer),
    state: save.state,
    seq: save.seq,
    answeredAt,
    visits: save.visits ?? 0,
    timeSpentMs: save.timeSpentMs ?? 0,
  };
}

const refuse = (save: SaveInput, code: string): SaveResult => ({
  questionId: save.questionId,
  seq: save.seq,
  status: 'rejected',
  code,
});

/**
 * The save path of a live exam: validation in memory, live saves through the group committer,
 * late ones (sections or exam closed) judged against the offline rule. Presence is kept per
 * attempt: a live save or a journal sync ends a recorded outage.
 */
export function createSavePipeline(deps: {
  database: Database;
  papers: SnapshotCache;
  loadOwnAttempt: (actor: Actor, attemptId: string) => Promise<repo.AttemptRow>;
  /** Scores the stored answers again (an attempt the sweeper submitted takes late journal saves). */
  rescore: (tx: Tx, attempt: repo.AttemptRow) => Promise<{ score: AttemptScore; totalMarks: string }>;
  clock: Clock;
  saveRateLimitScale?: number | undefined;
  /** Each group-commit batch's size, for the metrics. */
  onCommitBatch?: ((size: number) => void) | undefined;
  /** The attempt cache's hits and misses, for the metrics. */
  attemptCacheLookups?: { hit(): void; miss(): void } | undefined;
}) {
  const { db } = deps.database;
  const { clock } = deps;
  const committer = createGroupCommitter<repo.AnswerWrite, repo.WriteOutcome>({
    maxBatch: 500,
    concurrency: 4,
    ...(deps.onCommitBatch ? { onBatch: deps.onCommitBatch } : {}),
    commit: (writes) => db.transaction((tx) => repo.writeAnswers(tx, writes, SAVE_GRACE_MS, nowDate(clock))),
  });
  const budgets = createKeyedSaveBudgets(scaleSaveLimit(USER_SAVE_LIMIT, deps.saveRateLimitScale ?? 1), () =>
    clock.now(),
  );

  // Saves read the attempt from a short-lived cache: the commit re-checks status, deadline and device
  // under a lock, and a refusal's reason is read again from the database, so a stale entry can only
  // delay a refusal, never accept a save it should not or give the wrong reason. A device switch
  // drops the entry on every instance (`forget`).
  const attemptCache = new Map<string, { attempt: repo.AttemptRow; expiresAt: number }>();

  async function loadOwnAttemptCached(actor: Actor, attemptId: string) {
    const cached = attemptCache.get(attemptId);
    if (cached && cached.expiresAt > clock.now() && cached.attempt.userId === actor.userId) {
      deps.attemptCacheLookups?.hit();
      return cached.attempt;
    }
    deps.attemptCacheLookups?.miss();
    const attempt = await deps.loadOwnAttempt(actor, attemptId);
    if (attemptCache.size > 50_000) attemptCache.clear();
    attemptCache.set(attemptId, { attempt, expiresAt: clock.now() + 2000 });
    return attempt;
  }

  /**
   * Saves that reach the server after their section or the exam closed, from an offline journal
   * (integrity rule 4). Each is judged by the core's offline rule against the outage the server
   * itself recorded and what it already received live; an attempt the sweeper already submitted is
   * scored again. One that the candidate submitted stays closed: they chose to finish.
   */
  async function saveFromJournal(
    attemptId: string,
    deviceId: string,
    saves: SaveInput[],
    receivedAt: number,
  ): Promise<SaveResult[]> {
    return db.transaction(async (tx): Promise<SaveResult[]> => {
      const attempt = await repo.lockAttempt(tx, attemptId);
      const refuseAll = (code: string) => saves.map((s) => refuse(s, code));
      if (!attempt?.startedAt) return refuseAll('ATTEMPT_CLOSED');
      if (attempt.activeDeviceId && attempt.activeDeviceId !== deviceId) return refuseAll('DEVICE_REPLACED');
      // This request is itself the attempt being heard: nothing it or a later request carries may
      // claim a time after now.
      if (repo.isSilent(attempt)) await repo.markHeard(tx, attempt.id, new Date(receivedAt));
      if (attempt.status === 'submitted' && attempt.submitReason !== 'deadline')
        return refuseAll('ATTEMPT_CLOSED');
      // Kept in the candidate's journal and sent again after the resume.
      if (attempt.status === 'in_progress' && attempt.pausedAt) return refuseAll('ATTEMPT_PAUSED');
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const schedule = timingOf(paper, attempt);
      if (!schedule) return refuseAll('ATTEMPT_CLOSED');
      const stored = await repo.listAnswers(tx, attempt.id);
      const storedSeq = new Map(stored.map((a) => [a.questionId, a.seq]));
      const liveSectionIds = new Set<string>();
      let highestLiveSeq = 0;
      let latestLiveAt: number | null = null;
      for (const answer of stored) {
        if (answer.liveSeq === null) continue;
        highestLiveSeq = Math.max(highestLiveSeq, answer.liveSeq);
        if (answer.liveAt) latestLiveAt = Math.max(latestLiveAt ?? 0, answer.liveAt.getTime());
        const section = findPaperItem(paper, answer.questionId)?.section.id;
        if (section) liveSectionIds.add(section);
      }
      const decisions = saves.map((save) =>
        (storedSeq.get(save.questionId) ?? 0) >= save.seq
          ? ('duplicate' as const)
          : decideOfflineSave(paper, schedule, save.questionId, {
              offlineSince: attempt.offlineSince?.getTime() ?? null,
              onlineAgainAt: attempt.onlineAgainAt?.getTime() ?? null,
              answeredAt: save.answeredAt,
              seq: save.seq,
              highestLiveSeq,
              latestLiveAt,
              liveSectionIds,
              receivedAt,
              windowMs: OFFLINE_SYNC_WINDOW_MS,
              resyncMs: OFFLINE_RESYNC_MS,
              skewMs: OFFLINE_SKEW_MS,
            }),
      );
      const writes = saves.flatMap((save, index) => {
        const decision = decisions[index]!;
        return decision !== 'duplicate' && decision.isAllowed
          ? [toWrite(attemptId, deviceId, save, new Date(decision.answeredAt))]
          : [];
      });
      const statuses = await repo.upsertAnswers(tx, writes, null, new Date(receivedAt));
      const storedCount = statuses.filter((status) => status === 'saved').length;
      if (storedCount > 0) {
        const rescored = attempt.status === 'submitted' ? await deps.rescore(tx, attempt) : null;
        await repo.recordLateSaves(tx, attempt.id, storedCount, rescored);
      }
      let written = 0;
      return saves.map((save, index): SaveResult => {
        const decision = decisions[index]!;
        // A retry of what the server already holds (or older) is acknowledged, as on the live path.
        if (decision === 'duplicate')
          return { questionId: save.questionId, seq: save.seq, status: 'superseded' };
        if (decision.isAllowed) {
          const status = statuses[written++] === 'saved' ? 'saved' : 'superseded';
          return { questionId: save.questionId, seq: save.seq, status };
        }
        // The candidate is told what they would understand: the time for it was up.
        const closed = decideSaveForQuestion(paper, schedule, save.questionId, receivedAt, SAVE_GRACE_MS);
        return refuse(save, closed.isAllowed ? decision.reason : closed.reason);
      });
    });
  }

  /** Why a live write found its attempt closed, read from the database rather than the cache. */
  async function explainClosed(attemptId: string, deviceId: string): Promise<string> {
    const current = await repo.findAttempt(db, attemptId);
    if (current?.activeDeviceId && current.activeDeviceId !== deviceId) return 'DEVICE_REPLACED';
    if (current?.status === 'in_progress' && current.pausedAt) return 'ATTEMPT_PAUSED';
    return current?.status === 'submitted' ? 'ATTEMPT_CLOSED' : 'EXAM_ENDED';
  }

  return {
    /** Validates each save, then commits it; resolves after commit. Late saves are judged first. */
    async saveAnswers(
      actor: Actor,
      attemptId: string,
      deviceId: string,
      saves: SaveInput[],
    ): Promise<SaveResult[]> {
      if (!budgets.take(actor.userId, saves.length)) throw new AppError('SAVE_RATE_LIMITED');
      let attempt = await loadOwnAttemptCached(actor, attemptId);
      if (attempt.activeDeviceId && attempt.activeDeviceId !== deviceId) {
        // The cache may predate a switch to this very device (made on another instance): ask the
        // database before telling a device it was replaced.
        attemptCache.delete(attemptId);
        attempt = await loadOwnAttemptCached(actor, attemptId);
        if (attempt.activeDeviceId && attempt.activeDeviceId !== deviceId)
          return saves.map((s) => refuse(s, 'DEVICE_REPLACED'));
      }
      const mayTakeJournal = attempt.status === 'submitted' && attempt.submitReason === 'deadline';
      if (attempt.status !== 'in_progress' && !mayTakeJournal)
        return saves.map((s) => refuse(s, 'ATTEMPT_CLOSED'));
      // A proctor's pause: nothing is stored while the clock stands still; the journal keeps it.
      if (attempt.status === 'in_progress' && attempt.pausedAt)
        return saves.map((s) => refuse(s, 'ATTEMPT_PAUSED'));
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const schedule = timingOf(paper, attempt);
      const now = clock.now();
      const results: (SaveResult | null)[] = [];
      const live: number[] = [];
      const late: number[] = [];
      saves.forEach((save, index) => {
        const located = findPaperItem(paper, save.questionId);
        results.push(null);
        if (!located || !schedule) return (results[index] = refuse(save, 'QUESTION_NOT_IN_PAPER'));
        if (!PALETTE_STATES.includes(save.state)) return (results[index] = refuse(save, 'INVALID_STATE'));
        if (
          save.answer !== null &&
          !isAnswerEmpty(save.answer) &&
          validateAnswer(located.item.question, save.answer, { allowMultipleMarks: true }).length > 0
        )
          return (results[index] = refuse(save, 'INVALID_ANSWER'));
        const decision = decideSaveForQuestion(paper, schedule, save.questionId, now, SAVE_GRACE_MS);
        const isClosed = !decision.isAllowed || attempt.status !== 'in_progress';
        if (isClosed && save.answeredAt !== undefined) return late.push(index);
        if (!decision.isAllowed) return (results[index] = refuse(save, decision.reason));
        return live.push(index);
      });
      // Late saves first: they are judged against what the server received live before this
      // request, not against the live saves travelling with them in the same batch.
      const judge = async (indexes: number[]) => {
        if (indexes.length === 0) return;
        attemptCache.delete(attemptId);
        const judged = await saveFromJournal(
          attemptId,
          deviceId,
          indexes.map((i) => saves[i]!),
          now,
        );
        indexes.forEach((i, k) => (results[i] = judged[k]!));
      };
      await judge(late);
      const outcomes = await Promise.all(
        live.map((i) => committer.submit(toWrite(attemptId, deviceId, saves[i]!, new Date(now)))),
      );
      // An outage on record ends with this save; done before the ack so that a journal sent after
      // the ack is judged against it.
      if (outcomes.some((o) => o.isSilent)) await repo.markHeard(db, attemptId, new Date(now));
      const closed = live.filter((_, k) => outcomes[k]!.status === 'closed');
      const reason = closed.length > 0 ? await explainClosed(attemptId, deviceId) : null;
      if (reason) attemptCache.delete(attemptId);
      const retried: number[] = [];
      live.forEach((i, k) => {
        const { status } = outcomes[k]!;
        const save = saves[i]!;
        if (status !== 'closed') results[i] = { questionId: save.questionId, seq: save.seq, status };
        // The cached attempt was stale: it closed meanwhile. A journalled save still gets its hearing.
        else if (reason === 'DEVICE_REPLACED' || reason === 'ATTEMPT_PAUSED' || save.answeredAt === undefined)
          results[i] = refuse(save, reason!);
        else retried.push(i);
      });
      await judge(retried);
      return results as SaveResult[];
    },

    /** Drops the cached attempt (its device changed, on this instance or another). */
    forget(attemptId: string): void {
      attemptCache.delete(attemptId);
    },

    drain: () => committer.drain(),
  };
}

export type SavePipeline = ReturnType<typeof createSavePipeline>;
