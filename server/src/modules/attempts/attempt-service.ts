import { randomUUID } from 'node:crypto';
import {
  buildAttemptPaper,
  computeCompensatoryMs,
  formatMarks,
  getTimeStatus,
  scoreAttempt,
  type AttemptResponses,
} from '@examtech/core';
import { and, eq, isNotNull } from 'drizzle-orm';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { exams, examSchedules } from '../../platform/db/schema.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { presentReleasedResult } from './attempt-result.js';
import * as repo from './attempt-repo.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import { createSavePipeline, SAVE_GRACE_MS, timingOf, type SaveInput } from './save-pipeline.js';

export { SAVE_GRACE_MS, OFFLINE_SYNC_WINDOW_MS, type SaveInput, type SaveResult } from './save-pipeline.js';

/** With registration required, only registered candidates sit the exam, and no more than its seats. */
function isAdmitted(candidate: repo.ExamCandidate): boolean {
  if (!candidate.registrationRequired) return true;
  if (candidate.registeredAt === null) return false;
  return candidate.capacity === null || (candidate.seat ?? Infinity) <= candidate.capacity;
}

function refusalOf(candidate: repo.ExamCandidate): 'REGISTRATION_REQUIRED' | 'REGISTRATION_FULL' | null {
  if (isAdmitted(candidate)) return null;
  return candidate.registeredAt === null ? 'REGISTRATION_REQUIRED' : 'REGISTRATION_FULL';
}

export function createAttemptService(deps: {
  database: Database;
  papers: SnapshotCache;
  events: DomainEvents;
  saveRateLimitScale?: number;
}) {
  const { db } = deps.database;
  /**
   * The candidate's own attempt. Reading it is hearing from the candidate: a recorded outage ends
   * here (presence is the attempt's, whatever the channel), with a write only when one is open.
   */
  async function loadOwnAttempt(actor: Actor, attemptId: string) {
    const scoped = authorizeInInstitute(actor, 'exams:take');
    const attempt = await repo.findAttempt(db, attemptId);
    if (!attempt || attempt.userId !== actor.userId || attempt.instituteId !== scoped.instituteId)
      throw notFound('Attempt not found.');
    if (repo.isSilent(attempt)) await repo.markHeard(db, attempt.id, new Date());
    return attempt;
  }

  const savePipeline = createSavePipeline({
    database: deps.database,
    papers: deps.papers,
    loadOwnAttempt,
    rescore: (tx, attempt) => scoreStoredAnswers(tx, attempt),
    saveRateLimitScale: deps.saveRateLimitScale,
  });
  deps.events.on('attempt.deviceChanged', ({ attemptId }) => savePipeline.forget(attemptId));

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
      answers.map((a) => [a.questionId, { answer: a.answer, state: a.state }]),
    );
    const score = scoreAttempt(paper, responses);
    return { score, totalMarks: formatMarks(score.total.exact, 2, 'round') };
  }

  async function scoreAndSubmit(tx: Tx, attempt: repo.AttemptRow, reason: 'candidate' | 'deadline') {
    const { score, totalMarks } = await scoreStoredAnswers(tx, attempt);
    return repo.markSubmitted(tx, attempt.id, reason, score, totalMarks);
  }

  /**
   * Prepares one attempt per admitted candidate before T0 (seed, compensatory time), so that Start
   * is a single-row update for 10,000 candidates in the same minute. Attempts not started yet
   * follow the exam's current published paper. `onlyUserId`: one candidate who has none yet
   * (added to a batch, registered since), without touching anyone else's.
   */
  async function prepareAttempts(examId: string, onlyUserId?: string): Promise<number> {
    const [exam] = await db.select().from(exams).where(eq(exams.id, examId));
    if (!exam?.publishedSnapshotId) return 0;
    const snapshotId = exam.publishedSnapshotId;
    const { paper } = await deps.papers.get(snapshotId);
    return db.transaction(async (tx) => {
      // Two preparations of one exam (a schedule saved twice in a row) take turns.
      await repo.lockExamPreparation(tx, examId);
      const admitted = (await repo.listExamCandidates(tx, examId, onlyUserId)).filter(isAdmitted);
      if (onlyUserId === undefined)
        await repo.deletePreparedAttempts(
          tx,
          examId,
          admitted.map((c) => c.userId),
        );
      await repo.insertPreparedAttempts(
        tx,
        admitted.map((c) => ({
          examId,
          snapshotId,
          instituteId: exam.instituteId,
          userId: c.userId,
          seed: randomUUID(),
          compensatoryMs: computeCompensatoryMs(paper.durationMinutes * 60_000, c.compensatoryMinutesPerHour),
        })),
      );
      return admitted.length;
    });
  }

  /**
   * A published exam the student may sit, with their attempt. A scheduled exam's attempts are
   * prepared when it is scheduled; a student added to a batch or registered since gets one here.
   * A practice test belongs to its owner and has no attempt until it is first started.
   * `refusal`: a candidate of the exam who may not start it (not registered, no seat).
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
    // A paper republished since this attempt was prepared replaces the withdrawn one.
    const isStale = attempt?.status === 'prepared' && attempt.snapshotId !== exam.publishedSnapshotId;
    if (exam.kind === 'scheduled' && (!attempt || isStale)) {
      await prepareAttempts(examId, actor.userId);
      attempt = await repo.findAttemptOf(db, examId, actor.userId);
      if (!attempt || attempt.snapshotId !== exam.publishedSnapshotId) {
        const [mine] = await repo.listExamCandidates(db, examId, actor.userId);
        if (!mine) throw notFound('You are not a candidate of this exam.');
        return { exam, attempt: null, refusal: refusalOf(mine) };
      }
    }
    return { exam, attempt, refusal: null };
  }

  return {
    prepareAttempts,

    /** Start (or resume): the clock starts at T0 for a fixed exam, at the press of Start in a window. */
    async startAttempt(actor: Actor, examId: string, deviceId: string) {
      const found = await findSittableExam(actor, examId);
      const { exam } = found;
      let { attempt } = found;
      if (found.refusal) throw new AppError(found.refusal);
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
        if (repo.isSilent(attempt)) await repo.markHeard(db, attempt.id, new Date());
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
        // The prepared row already says the candidate was admitted; a registration-required exam
        // checks again at the door (one key lookup), in case preparation ran before a change.
        if (schedule.registrationRequired) {
          const [mine] = await repo.listExamCandidates(db, examId, actor.userId);
          const refusal = mine ? refusalOf(mine) : 'REGISTRATION_REQUIRED';
          if (refusal) throw new AppError(refusal);
        }
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
      const settings = details.settings;
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

    saveAnswers: (actor: Actor, attemptId: string, deviceId: string, saves: SaveInput[]) =>
      savePipeline.saveAnswers(actor, attemptId, deviceId, saves),

    /** Drops the cached attempt of a device switch made on another instance. */
    forgetAttempt: (attemptId: string) => savePipeline.forget(attemptId),

    /**
     * A candidate's device (re)connects to its attempt: the state, and the end of a recorded outage
     * (in loadOwnAttempt: the write happens only when an outage is on record, so the T0 burst of
     * joins stays reads).
     */
    async joinAttempt(actor: Actor, attemptId: string) {
      const attempt = await loadOwnAttempt(actor, attemptId);
      // A (re)connecting device's saves start from the attempt as it is now.
      savePipeline.forget(attempt.id);
      return presentState(attempt);
    },

    /**
     * The attempt's last socket dropped and no other is connected: an outage begins when this one
     * was last heard. Returns whether one was recorded (none while another is still open).
     */
    async noteDisconnect(attemptId: string, lastHeardAt: Date): Promise<boolean> {
      return repo.markOffline(db, attemptId, lastHeardAt);
    },

    /** A socket of the attempt is connected after all: a just-recorded outage ends now. */
    async noteHeard(attemptId: string) {
      await repo.markHeard(db, attemptId, new Date());
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

    drain: () => savePipeline.drain(),
  };
}

export type AttemptService = ReturnType<typeof createAttemptService>;
