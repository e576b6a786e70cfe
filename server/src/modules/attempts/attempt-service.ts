import { randomUUID } from 'node:crypto';
import {
  buildAttemptPaper,
  computeCompensatoryMs,
  computeSchedule,
  createTimingPlan,
  decideOfflineSave,
  decideSaveForQuestion,
  findPaperItem,
  formatMarks,
  getTimeStatus,
  isAnswerEmpty,
  PALETTE_STATES,
  scoreAttempt,
  validateAnswer,
  type Answer,
  type AttemptResponses,
  type PaletteState,
  type Paper,
} from '@examtech/core';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { createGroupCommitter } from '../../platform/db/group-commit.js';
import { batchMembers, examBatches, examCandidates, exams, examSchedules } from '../../platform/db/schema.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { ExamSettings } from '../exams/exam-draft.js';
import { presentReleasedResult } from './attempt-result.js';
import * as repo from './attempt-repo.js';
import type { SnapshotCache } from '../exams/snapshots.js';

/** In-flight saves sent just before the deadline are still accepted for this long. */
export const SAVE_GRACE_MS = 15_000;
/** Answers typed offline before the deadline are still taken from the journal for this long after the end. */
export const OFFLINE_SYNC_WINDOW_MS = 30 * 60_000;
/** Allowance for the client's clock-offset estimate when judging when an offline answer was typed. */
const OFFLINE_SKEW_MS = 30_000;

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

function toWrite(attemptId: string, deviceId: string, save: SaveInput, answeredAt: Date): repo.AnswerWrite {
  return {
    attemptId,
    deviceId,
    questionId: save.questionId,
    answer: save.answer,
    state: save.state,
    seq: save.seq,
    answeredAt,
    visits: save.visits ?? 0,
    timeSpentMs: save.timeSpentMs ?? 0,
  };
}

export function createAttemptService(deps: {
  database: Database;
  papers: SnapshotCache;
  events: DomainEvents;
}) {
  const { db } = deps.database;
  const committer = createGroupCommitter<repo.AnswerWrite, 'saved' | 'superseded' | 'closed'>({
    maxBatch: 500,
    concurrency: 4,
    commit: (writes) => db.transaction((tx) => repo.writeAnswers(tx, writes, SAVE_GRACE_MS)),
  });

  // Saves read the attempt from a short-lived cache: the commit re-checks status, deadline and device
  // under a row lock, so a stale entry can only delay a rejection, never accept a save it should not.
  const attemptCache = new Map<string, { attempt: repo.AttemptRow; expiresAt: number }>();
  deps.events.on('attempt.deviceChanged', ({ attemptId }) => attemptCache.delete(attemptId));

  async function loadOwnAttemptCached(actor: Actor, attemptId: string) {
    const cached = attemptCache.get(attemptId);
    if (cached && cached.expiresAt > Date.now() && cached.attempt.userId === actor.userId)
      return cached.attempt;
    const attempt = await loadOwnAttempt(actor, attemptId);
    if (attemptCache.size > 50_000) attemptCache.clear();
    attemptCache.set(attemptId, { attempt, expiresAt: Date.now() + 2000 });
    return attempt;
  }

  async function loadOwnAttempt(actor: Actor, attemptId: string) {
    const scoped = authorizeInInstitute(actor, 'exams:take');
    const attempt = await repo.findAttempt(db, attemptId);
    if (!attempt || attempt.userId !== actor.userId || attempt.instituteId !== scoped.instituteId)
      throw notFound('Attempt not found.');
    return attempt;
  }

  function timingOf(paper: Paper, attempt: repo.AttemptRow) {
    if (!attempt.startedAt) return null;
    return computeSchedule(createTimingPlan(paper), attempt.startedAt.getTime(), attempt.compensatoryMs);
  }

  /** `isFresh`: the attempt was prepared a moment ago and cannot hold answers yet (saves a query per Start at T0). */
  async function presentState(attempt: repo.AttemptRow, isFresh = false) {
    const { paper } = await deps.papers.get(attempt.snapshotId);
    const schedule = timingOf(paper, attempt);
    const now = Date.now();
    const answers = isFresh ? [] : await repo.listAnswers(db, attempt.id);
    return {
      attempt: {
        id: attempt.id,
        examId: attempt.examId,
        status: attempt.status,
        startedAt: attempt.startedAt?.toISOString() ?? null,
        deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
        serverNow: new Date(now).toISOString(),
        time: schedule ? getTimeStatus(schedule, now) : null,
        sections:
          schedule?.sections.map((s) => ({
            sectionId: s.sectionId,
            opensAt: new Date(s.opensAt).toISOString(),
            closesAt: new Date(s.closesAt).toISOString(),
          })) ?? [],
        submittedAt: attempt.submittedAt?.toISOString() ?? null,
        submitReason: attempt.submitReason,
      },
      answers: answers.map((a) => ({
        questionId: a.questionId,
        answer: a.answer,
        state: a.state,
        seq: a.seq,
        visits: a.visits,
        timeSpentMs: a.timeSpentMs,
      })),
    };
  }

  async function scoreStoredAnswers(tx: Tx, attempt: repo.AttemptRow) {
    const { paper } = await deps.papers.get(attempt.snapshotId);
    const answers = await repo.listAnswers(tx, attempt.id);
    const responses: AttemptResponses = Object.fromEntries(
      answers.map((a) => [
        a.questionId,
        { answer: a.answer as Answer | null, state: a.state as PaletteState },
      ]),
    );
    const score = scoreAttempt(paper, responses);
    return { score, totalMarks: formatMarks(score.total.exact, 2, 'round') };
  }

  async function scoreAndSubmit(tx: Tx, attempt: repo.AttemptRow, reason: 'candidate' | 'deadline') {
    const { score, totalMarks } = await scoreStoredAnswers(tx, attempt);
    return repo.markSubmitted(tx, attempt.id, reason, score, totalMarks);
  }

  /**
   * Saves from an offline journal that reach the server after their section or the exam closed
   * (integrity rule 4). Each is judged by the core's offline rule against the outage the server
   * itself recorded; an attempt the sweeper already submitted is scored again. One that the
   * candidate submitted stays closed: they chose to finish.
   */
  async function saveFromJournal(attemptId: string, deviceId: string, saves: SaveInput[]) {
    return db.transaction(async (tx): Promise<SaveResult[]> => {
      const attempt = await repo.lockAttempt(tx, attemptId);
      const refuseAll = (code: string) =>
        saves.map((s): SaveResult => ({ questionId: s.questionId, seq: s.seq, status: 'rejected', code }));
      if (!attempt?.startedAt) return refuseAll('ATTEMPT_CLOSED');
      if (attempt.activeDeviceId && attempt.activeDeviceId !== deviceId) return refuseAll('DEVICE_REPLACED');
      if (attempt.status === 'submitted' && attempt.submitReason !== 'deadline')
        return refuseAll('ATTEMPT_CLOSED');
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const schedule = timingOf(paper, attempt);
      if (!schedule) return refuseAll('ATTEMPT_CLOSED');
      const receivedAt = Date.now();
      const decisions = saves.map((save) =>
        decideOfflineSave(paper, schedule, save.questionId, {
          offlineSince: attempt.offlineSince?.getTime() ?? null,
          answeredAt: save.answeredAt,
          receivedAt,
          windowMs: OFFLINE_SYNC_WINDOW_MS,
          skewMs: OFFLINE_SKEW_MS,
        }),
      );
      const writes = saves.flatMap((save, index) => {
        const decision = decisions[index]!;
        return decision.isAllowed ? [toWrite(attemptId, deviceId, save, new Date(decision.answeredAt))] : [];
      });
      const statuses = await repo.upsertAnswers(tx, writes, null);
      const storedCount = statuses.filter((status) => status === 'saved').length;
      if (storedCount > 0) {
        const rescored = attempt.status === 'submitted' ? await scoreStoredAnswers(tx, attempt) : null;
        await repo.recordLateSaves(tx, attempt.id, storedCount, rescored);
      }
      let written = 0;
      return saves.map((save, index): SaveResult => {
        const decision = decisions[index]!;
        if (decision.isAllowed) {
          const status = statuses[written++] === 'saved' ? 'saved' : 'superseded';
          return { questionId: save.questionId, seq: save.seq, status };
        }
        // The candidate is told what they would understand: the time for it was up.
        const closed = decideSaveForQuestion(paper, schedule, save.questionId, receivedAt, SAVE_GRACE_MS);
        const code = closed.isAllowed ? decision.reason : closed.reason;
        return { questionId: save.questionId, seq: save.seq, status: 'rejected', code };
      });
    });
  }

  /**
   * Prepares one attempt per eligible candidate before T0 (seed, compensatory time), so that
   * Start is a single-row update for 10,000 candidates in the same minute.
   */
  async function prepareAttempts(examId: string): Promise<number> {
    const [exam] = await db.select().from(exams).where(eq(exams.id, examId));
    if (!exam?.publishedSnapshotId) return 0;
    const { paper } = await deps.papers.get(exam.publishedSnapshotId);
    const eligible = await db.execute<{ user_id: string; comp: number | null }>(sql`
      select u.user_id, max(c.compensatory_minutes_per_hour) as comp from (
        select ${batchMembers.userId} as user_id from ${examBatches} join ${batchMembers} on ${batchMembers.batchId} = ${examBatches.batchId} where ${examBatches.examId} = ${examId}
        union select ${examCandidates.userId} from ${examCandidates} where ${examCandidates.examId} = ${examId} and ${examCandidates.assignedDirectly}
      ) u join users on users.id = u.user_id and users.role = 'student' and users.active
      left join ${examCandidates} c on c.exam_id = ${examId} and c.user_id = u.user_id
      group by u.user_id`);
    const rows = (eligible as { rows: { user_id: string; comp: number | null }[] }).rows;
    await db.transaction(async (tx) => {
      await repo.deletePreparedAttempts(
        tx,
        examId,
        rows.map((r) => r.user_id),
      );
      await repo.insertPreparedAttempts(
        tx,
        rows.map((r) => ({
          examId,
          snapshotId: exam.publishedSnapshotId as string,
          instituteId: exam.instituteId,
          userId: r.user_id,
          seed: randomUUID(),
          compensatoryMs: computeCompensatoryMs(paper.durationMinutes * 60_000, Number(r.comp ?? 0)),
        })),
      );
    });
    return rows.length;
  }

  /**
   * A published exam the student may sit, with their attempt. A scheduled exam's attempts are
   * prepared when it is scheduled; a student added to a batch since gets one here. A practice
   * test belongs to its owner and has no attempt until it is first started.
   */
  async function findSittableExam(actor: Actor, examId: string) {
    const scoped = authorizeInInstitute(actor, 'exams:take');
    // Only what Start needs: at T0 every candidate comes through here, and the draft (instructions
    // in two languages, the whole paper) would be read and parsed for nothing.
    const [exam] = await db
      .select({
        id: exams.id,
        kind: exams.kind,
        ownerId: exams.ownerId,
        instituteId: exams.instituteId,
        publishedSnapshotId: exams.publishedSnapshotId,
      })
      .from(exams)
      .where(
        and(
          eq(exams.id, examId),
          eq(exams.instituteId, scoped.instituteId),
          isNotNull(exams.publishedSnapshotId),
        ),
      );
    if (!exam || (exam.kind === 'practice' && exam.ownerId !== actor.userId))
      throw notFound('Exam not found.');
    let attempt = await repo.findAttemptOf(db, examId, actor.userId);
    if (exam.kind === 'scheduled' && !attempt) {
      await prepareAttempts(examId);
      attempt = await repo.findAttemptOf(db, examId, actor.userId);
      if (!attempt) throw notFound('You are not a candidate of this exam.');
    }
    return { exam, attempt };
  }

  return {
    prepareAttempts,

    /** Start (or resume): the clock starts at T0 for a fixed exam, at the press of Start in a window. */
    async startAttempt(actor: Actor, examId: string, deviceId: string) {
      const found = await findSittableExam(actor, examId);
      const { exam } = found;
      let { attempt } = found;
      if (exam.kind === 'practice' && !attempt) {
        await repo.insertPreparedAttempts(db, [
          {
            examId,
            snapshotId: exam.publishedSnapshotId as string,
            instituteId: exam.instituteId,
            userId: actor.userId,
            seed: randomUUID(),
          },
        ]);
        attempt = await repo.findAttemptOf(db, examId, actor.userId);
      }
      if (!attempt) throw notFound('You are not a candidate of this exam.');
      if (attempt.status !== 'prepared') {
        // Resuming on the same device changes nothing; another device takes over and the old one is told.
        if (attempt.activeDeviceId !== deviceId) {
          await repo.setActiveDevice(db, attempt.id, deviceId);
          deps.events.emit('attempt.deviceChanged', { attemptId: attempt.id, deviceId });
        }
        return presentState({ ...attempt, activeDeviceId: deviceId });
      }
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const durationMs = paper.durationMinutes * 60_000 + attempt.compensatoryMs;
      let startedAt = new Date();
      if (exam.kind === 'scheduled') {
        const [schedule] = await db.select().from(examSchedules).where(eq(examSchedules.examId, examId));
        if (!schedule) throw notFound('Exam not found.');
        if (Date.now() < schedule.startsAt.getTime()) throw new AppError('EXAM_NOT_STARTED');
        if (schedule.mode === 'fixed') startedAt = schedule.startsAt;
        else if (Date.now() >= (schedule.windowEndsAt ?? schedule.startsAt).getTime())
          throw new AppError('EXAM_OVER');
        if (startedAt.getTime() + durationMs <= Date.now()) throw new AppError('EXAM_OVER');
      }
      const started = await repo.markStarted(
        db,
        attempt.id,
        startedAt,
        new Date(startedAt.getTime() + durationMs),
        deviceId,
      );
      if (started) return presentState(started, true);
      // A second Start (another tab, a retry) got there first: resume what it started.
      const current = await repo.findAttempt(db, attempt.id);
      if (!current) throw notFound('Attempt not found.');
      return presentState(current);
    },

    /** What a candidate reads before Start: the exam's own instructions, timing and requirements, and the server's clock. */
    async getCandidateInfo(actor: Actor, examId: string) {
      const { exam, attempt } = await findSittableExam(actor, examId);
      const [details] = await db
        .select({ title: exams.title, draft: exams.draft, settings: exams.settings })
        .from(exams)
        .where(eq(exams.id, examId));
      if (!details) throw notFound('Exam not found.');
      const [schedule] =
        exam.kind === 'scheduled'
          ? await db.select().from(examSchedules).where(eq(examSchedules.examId, examId))
          : [];
      const { paper } = await deps.papers.get(exam.publishedSnapshotId as string);
      const settings = details.settings as ExamSettings;
      return {
        id: exam.id,
        title: details.title,
        kind: exam.kind,
        durationMinutes: paper.durationMinutes,
        compensatoryMinutes: Math.round((attempt?.compensatoryMs ?? 0) / 60_000),
        lockedSections: paper.lockedSections,
        sections: paper.sections.map((s) => ({
          id: s.id,
          name: s.name,
          questionCount: s.items.length,
          durationMinutes: s.durationMinutes ?? null,
        })),
        instructions: (details.draft as { instructions: { en: string; hi: string } }).instructions,
        languages: settings.languages,
        calculator: settings.calculator,
        cameraRequired: settings.proctoring.webcamSnapshots,
        fullScreenRequired: settings.proctoring.fullScreenRequired,
        schedule: schedule
          ? {
              mode: schedule.mode,
              startsAt: schedule.startsAt.toISOString(),
              windowEndsAt: schedule.windowEndsAt?.toISOString() ?? null,
            }
          : null,
        attempt: attempt && attempt.status !== 'prepared' ? { id: attempt.id, status: attempt.status } : null,
        serverNow: new Date().toISOString(),
      };
    },

    /** The paper: the exam's cached candidate JSON plus this candidate's order, without re-serialising the paper. */
    async getPaperJson(actor: Actor, attemptId: string): Promise<string> {
      const attempt = await loadOwnAttempt(actor, attemptId);
      if (attempt.status === 'prepared') throw new AppError('EXAM_NOT_STARTED');
      const { paper, candidateJson } = await deps.papers.get(attempt.snapshotId);
      return `{"paper":${candidateJson},"order":${JSON.stringify(buildAttemptPaper(paper, attempt.seed))}}`;
    },

    async getState(actor: Actor, attemptId: string) {
      return presentState(await loadOwnAttempt(actor, attemptId));
    },

    /** Validates each save, then commits it through the group committer; resolves after commit. */
    async saveAnswers(
      actor: Actor,
      attemptId: string,
      deviceId: string,
      saves: SaveInput[],
    ): Promise<SaveResult[]> {
      const attempt = await loadOwnAttemptCached(actor, attemptId);
      if (attempt.activeDeviceId && attempt.activeDeviceId !== deviceId) {
        return saves.map((s) => ({
          questionId: s.questionId,
          seq: s.seq,
          status: 'rejected',
          code: 'DEVICE_REPLACED',
        }));
      }
      const mayTakeJournal = attempt.status === 'submitted' && attempt.submitReason === 'deadline';
      if (attempt.status !== 'in_progress' && !mayTakeJournal)
        return saves.map((s) => ({
          questionId: s.questionId,
          seq: s.seq,
          status: 'rejected',
          code: 'ATTEMPT_CLOSED',
        }));
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const schedule = timingOf(paper, attempt);
      const now = Date.now();
      // null: closed for the live path, to be judged as an answer from the offline journal.
      const results = await Promise.all(
        saves.map(async (save): Promise<SaveResult | null> => {
          const reject = (code: string): SaveResult => ({
            questionId: save.questionId,
            seq: save.seq,
            status: 'rejected',
            code,
          });
          const located = findPaperItem(paper, save.questionId);
          if (!located || !schedule) return reject('QUESTION_NOT_IN_PAPER');
          if (!PALETTE_STATES.includes(save.state)) return reject('INVALID_STATE');
          if (
            save.answer !== null &&
            !isAnswerEmpty(save.answer) &&
            validateAnswer(located.item.question, save.answer, { allowMultipleMarks: true }).length > 0
          )
            return reject('INVALID_ANSWER');
          const decision = decideSaveForQuestion(paper, schedule, save.questionId, now, SAVE_GRACE_MS);
          const isClosed = !decision.isAllowed || attempt.status !== 'in_progress';
          if (isClosed && save.answeredAt !== undefined) return null;
          if (!decision.isAllowed) return reject(decision.reason);
          const status = await committer.submit(toWrite(attemptId, deviceId, save, new Date(now)));
          if (status === 'closed') {
            // The cached attempt was stale: it closed meanwhile. A journalled save still gets its hearing.
            attemptCache.delete(attemptId);
            return save.answeredAt === undefined ? reject('ATTEMPT_CLOSED') : null;
          }
          return { questionId: save.questionId, seq: save.seq, status };
        }),
      );
      const late = saves.filter((_, index) => results[index] === null);
      if (late.length === 0) return results as SaveResult[];
      attemptCache.delete(attemptId);
      const fromJournal = (await saveFromJournal(attemptId, deviceId, late)).values();
      return results.map((result) => result ?? fromJournal.next().value!);
    },

    /**
     * A candidate's device (re)connects to its attempt: the state, and the end of a recorded outage.
     * The write happens only when an outage is on record, so the T0 burst of joins stays reads.
     */
    async joinAttempt(actor: Actor, attemptId: string) {
      const attempt = await loadOwnAttempt(actor, attemptId);
      if (attempt.offlineSince) await repo.markOnline(db, attempt.id, new Date());
      return presentState(attempt);
    },

    /** The server saw the candidate's connection drop; `lastHeardAt` is when the outage began. */
    async noteDisconnect(attemptId: string, lastHeardAt: Date) {
      await repo.markOffline(db, attemptId, lastHeardAt);
    },

    async submit(actor: Actor, attemptId: string) {
      await loadOwnAttempt(actor, attemptId);
      const submitted = await db.transaction(async (tx) => {
        const attempt = await repo.lockAttempt(tx, attemptId);
        if (!attempt || attempt.status === 'prepared') throw new AppError('EXAM_NOT_STARTED');
        return attempt.status === 'submitted' ? attempt : scoreAndSubmit(tx, attempt, 'candidate');
      });
      return presentState(submitted);
    },

    /** Submits attempts whose time is up; any instance may run it, SKIP LOCKED keeps them apart. */
    async sweepExpired(limit = 200): Promise<number> {
      return db.transaction(async (tx) => {
        const expired = await repo.lockExpiredAttempts(tx, SAVE_GRACE_MS, limit);
        for (const attempt of expired) await scoreAndSubmit(tx, attempt, 'deadline');
        return expired.length;
      });
    },

    /** The result once released, with the key only when the exam shows it (attempt-result.ts). */
    async getResult(actor: Actor, attemptId: string) {
      return presentReleasedResult({ db, papers: deps.papers }, await loadOwnAttempt(actor, attemptId));
    },

    drain: () => committer.drain(),
  };
}

export type AttemptService = ReturnType<typeof createAttemptService>;
