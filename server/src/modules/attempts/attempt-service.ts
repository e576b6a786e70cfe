import { randomUUID } from 'node:crypto';
import { computeCompensatoryMs, needsConsent } from '@examtech/core';
import { loadInScope } from '../../platform/auth/access.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { SaveBatchObserver } from '../../platform/metrics.js';
import type { ExamCandidate, ExamDirectory } from '../exams/exam-directory.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import { countActiveCandidatesByExam } from './activity-repo.js';
import { createAttemptControl } from './attempt-control.js';
import { createAttemptAnalysis, type AnalysisStandings } from './attempt-analysis.js';
import { createAttemptReads } from './attempt-reads.js';
import * as repo from './attempt-repo.js';
import * as resultSources from './result-source-repo.js';
import { createAttemptScoring } from './attempt-scoring.js';
import { createSavePipeline, SAVE_GRACE_MS, type SaveInput } from './save-pipeline.js';

export type { SubmitReason } from './attempt-repo.js';
export { SAVE_GRACE_MS, OFFLINE_SYNC_WINDOW_MS, type SaveInput, type SaveResult } from './save-pipeline.js';

/** With registration required, only registered candidates sit the exam, and no more than its seats. */
function isAdmitted(candidate: ExamCandidate): boolean {
  if (!candidate.registrationRequired) return true;
  if (candidate.registeredAt === null) return false;
  return candidate.capacity === null || (candidate.seat ?? Infinity) <= candidate.capacity;
}

function refusalOf(candidate: ExamCandidate): 'REGISTRATION_REQUIRED' | 'REGISTRATION_FULL' | null {
  if (isAdmitted(candidate)) return null;
  return candidate.registeredAt === null ? 'REGISTRATION_REQUIRED' : 'REGISTRATION_FULL';
}

export function createAttemptService(deps: {
  database: Database;
  papers: SnapshotCache;
  /** The exams module's answers: the exam and schedule as Start needs them, its candidates. */
  exams: ExamDirectory;
  events: DomainEvents;
  /** The exams module's staff check for an exam (exam-access.ts): 404 outside the actor's scope. */
  loadExamForStaff: (actor: Actor, examId: string) => Promise<unknown>;

  /** Every decision about time (T0, deadlines, outages) reads this clock. */
  clock: Clock;
  saveRateLimitScale?: number;
  /** Save counts and ack times, batch sizes and the attempt cache's lookups (app.ts wires the metrics). */
  observe?: {
    saveBatch: SaveBatchObserver;
    commitBatch: (size: number) => void;
    attemptCache: { hit(): void; miss(): void };
  };
  /** The results module's standing and class comparison, for the analysis (app.ts wires it). */
  standings?: AnalysisStandings;
  /** The proctoring module's count of the attempt's violations (app.ts wires it); none without. */
  countViolations?: (attemptId: string) => Promise<number>;
  /** How long proctoring evidence is kept, for the consent notice. */
  evidenceRetentionDays?: number;
  /** How long a proctor's pause may last before the sweep ends the attempt (PROCTOR_PAUSE_MAX_MINUTES). */
  pauseMaxMs?: number;
}) {
  const { db } = deps.database;
  const { clock } = deps;
  /**
   * The candidate's own attempt. Reading it is hearing from the candidate: a recorded outage ends
   * here (presence is the attempt's, whatever the channel), with a write only when one is open.
   */
  async function loadOwnAttempt(actor: Actor, attemptId: string) {
    const scoped = authorizeInInstitute(actor, 'exams:take');
    const attempt = await loadInScope(
      scoped,
      'Attempt',
      () => repo.findAttempt(db, attemptId),
      (row) => row.userId === actor.userId,
    );
    if (repo.isSilent(attempt)) await repo.markHeard(db, attempt.id, nowDate(clock));
    return attempt;
  }

  const { scoreStoredAnswers, loadPapers, scoreChunk, rescoreExam } = createAttemptScoring({
    db,
    papers: deps.papers,
  });

  const savePipeline = createSavePipeline({
    database: deps.database,
    papers: deps.papers,
    loadOwnAttempt,
    clock,
    rescore: (tx, attempt) => scoreStoredAnswers(tx, attempt),
    saveRateLimitScale: deps.saveRateLimitScale,
    onCommitBatch: deps.observe?.commitBatch,
    attemptCacheLookups: deps.observe?.attemptCache,
  });
  deps.events.on('attempt.deviceChanged', ({ attemptId }) => savePipeline.forget(attemptId));

  async function scoreAndSubmit(tx: Tx, attempt: repo.AttemptRow, reason: 'candidate' | 'deadline') {
    const { score, totalMarks } = await scoreStoredAnswers(tx, attempt);
    return repo.markSubmitted(tx, attempt.id, reason, score, totalMarks, nowDate(clock));
  }

  /**
   * Prepares one attempt per admitted candidate before T0 (seed, compensatory time), so that Start
   * is a single-row update for 10,000 candidates in the same minute. Attempts not started yet
   * follow the exam's current published paper. `onlyUserId`: one candidate who has none yet
   * (added to a batch, registered since), without touching anyone else's.
   */
  async function prepareAttempts(examId: string, onlyUserId?: string): Promise<number> {
    const exam = await deps.exams.findExam(examId);
    if (!exam?.publishedSnapshotId) return 0;
    const snapshotId = exam.publishedSnapshotId;
    const { paper } = await deps.papers.get(snapshotId);
    return db.transaction(async (tx) => {
      // Two preparations of one exam (a schedule saved twice in a row) take turns.
      await repo.lockExamPreparation(tx, examId);
      const admitted = (await deps.exams.listCandidates(tx, examId, onlyUserId)).filter(isAdmitted);
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
    const exam = await deps.exams.findExamForStart(examId, scoped.instituteId);
    if (!exam || (exam.kind === 'practice' && exam.ownerId !== actor.userId))
      throw notFound('Exam not found.');
    let attempt = await repo.findAttemptOf(db, examId, actor.userId);
    // A paper republished since this attempt was prepared replaces the withdrawn one.
    const isStale = attempt?.status === 'prepared' && attempt.snapshotId !== exam.publishedSnapshotId;
    if (exam.kind === 'scheduled' && (!attempt || isStale)) {
      await prepareAttempts(examId, actor.userId);
      attempt = await repo.findAttemptOf(db, examId, actor.userId);
      if (!attempt || attempt.snapshotId !== exam.publishedSnapshotId) {
        const [mine] = await deps.exams.listCandidates(db, examId, actor.userId);
        if (!mine) throw notFound('You are not a candidate of this exam.');
        return { exam, attempt: null, refusal: refusalOf(mine) };
      }
    }
    return { exam, attempt, refusal: null };
  }

  const reads = createAttemptReads({
    db,
    papers: deps.papers,
    directory: deps.exams,
    loadOwnAttempt,
    findSittableExam,
    clock,
    countViolations: deps.countViolations ?? (async () => 0),
    retentionDays: deps.evidenceRetentionDays ?? 30,
  });
  const control = createAttemptControl({
    db,
    papers: deps.papers,
    clock,
    events: deps.events,
    score: scoreStoredAnswers,
  });
  // A pause or an extension changes what a save may do: the cached attempt goes (here; app.ts fans it out).
  deps.events.on('attempt.controlled', ({ attemptId }) => savePipeline.forget(attemptId));
  const analysis = createAttemptAnalysis({
    db,
    papers: deps.papers,
    loadOwnAttempt,
    loadExamForStaff: deps.loadExamForStaff,
    clock,
    standings: deps.standings,
  });
  // The read models (state, paper, candidate info, result, analysis) are answered as they are.
  const { presentState, ...readModels } = reads;

  return {
    prepareAttempts,

    /** After an answer-key revision: every submitted attempt scored again (app.ts's `onRevised` hook calls it). */
    rescoreExam,

    /** The exam's attempts as results are computed from them (the results module; it authorises). */
    listResultSources: (examId: string) => resultSources.listResultSources(db, examId),

    /** Changes whenever an attempt of the exam starts, is submitted or is rescored. */
    findResultSourceStamp: (examId: string) => resultSources.findResultSourceStamp(db, examId),

    /** A proctor's pause, resume, extension and termination (the proctoring module authorises). */
    control,

    /** The candidate's own attempt (404 for anyone else): the proctoring module's signals and evidence. */
    loadOwnAttempt,

    /** An attempt by id, for staff views that authorise it themselves (the proctor room). */
    findAttemptById: (attemptId: string) => repo.findAttempt(db, attemptId),

    /**
     * Start (or resume): the clock starts at T0 for a fixed exam, at the press of Start in a window.
     * An exam that records the candidate (webcam, screen) starts only with their consent.
     */
    async startAttempt(actor: Actor, examId: string, deviceId: string, consent = { proctoring: false }) {
      const found = await findSittableExam(actor, examId);
      const { exam } = found;
      let { attempt } = found;
      if (found.refusal) throw new AppError(found.refusal);
      if (
        !consent.proctoring &&
        exam.publishedSnapshotId &&
        needsConsent((await deps.papers.get(exam.publishedSnapshotId)).proctoring)
      )
        throw new AppError('PROCTORING_CONSENT_REQUIRED');
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
        if (repo.isSilent(attempt)) await repo.markHeard(db, attempt.id, nowDate(clock));
        if (attempt.activeDeviceId !== deviceId) {
          await repo.setActiveDevice(db, attempt.id, deviceId);
          deps.events.emit('attempt.deviceChanged', { attemptId: attempt.id, deviceId });
        }
        return presentState({ ...attempt, activeDeviceId: deviceId });
      }
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const durationMs = paper.durationMinutes * 60_000 + attempt.compensatoryMs;
      const now = clock.now();
      let startedAt = new Date(now);
      if (exam.kind === 'scheduled') {
        const schedule = await deps.exams.findSchedule(examId);
        if (!schedule) throw notFound('Exam not found.');
        if (now < schedule.startsAt.getTime()) throw new AppError('EXAM_NOT_STARTED');
        // The prepared row already says the candidate was admitted; a registration-required exam
        // checks again at the door (one key lookup), in case preparation ran before a change.
        if (schedule.registrationRequired) {
          const [mine] = await deps.exams.listCandidates(db, examId, actor.userId);
          const refusal = mine ? refusalOf(mine) : 'REGISTRATION_REQUIRED';
          if (refusal) throw new AppError(refusal);
        }
        if (schedule.mode === 'fixed') startedAt = schedule.startsAt;
        else if (now >= (schedule.windowEndsAt ?? schedule.startsAt).getTime())
          throw new AppError('EXAM_OVER');
        if (startedAt.getTime() + durationMs <= now) throw new AppError('EXAM_OVER');
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

    ...readModels,
    getOwnAnalysis: analysis.getOwnAnalysis,
    getStaffAnalysis: analysis.getStaffAnalysis,

    /** `channel` only labels the metrics: the socket's saves and the HTTP fallback's are the same saves. */
    async saveAnswers(
      actor: Actor,
      attemptId: string,
      deviceId: string,
      saves: SaveInput[],
      channel: 'socket' | 'http' = 'http',
    ) {
      const done = deps.observe?.saveBatch(channel);
      try {
        const results = await savePipeline.saveAnswers(actor, attemptId, deviceId, saves);
        done?.(results);
        return results;
      } catch (err) {
        done?.({
          failed: saves.length,
          isRateLimited: err instanceof AppError && err.code === 'SAVE_RATE_LIMITED',
        });
        throw err;
      }
    },

    /** In-progress attempts per exam, the largest `limit` exams (the active-candidates gauge). */
    countActiveCandidatesByExam: (limit: number) => countActiveCandidatesByExam(deps.database.readDb, limit),

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
      await repo.markHeard(db, attemptId, nowDate(clock));
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

    /**
     * One batch of the deadline sweep: up to `limit` attempts whose time and the in-flight grace are
     * up, scored with what they saved and submitted ('deadline') in one short transaction; returns
     * how many. Any instance may run it at the same time as others (SKIP LOCKED keeps them apart);
     * the sweeper (attempt-sweeper.ts) calls it again until a batch comes back short.
     */
    async sweepExpired(limit: number): Promise<number> {
      const endedPauses = await control.endOverduePauses(deps.pauseMaxMs ?? 3_600_000, limit);
      const cutoff = new Date(clock.now() - SAVE_GRACE_MS);
      const papers = await loadPapers(await repo.listExpiredSnapshotIds(db, cutoff));
      // Nothing due: an idle sweep (every instance, every second) is these two indexed reads.
      if (papers.size === 0) return endedPauses;
      return (
        endedPauses +
        (await db.transaction(async (tx) => {
          const expired = await repo.lockExpiredAttempts(tx, cutoff, limit);
          for (const { attempt, score, totalMarks } of await scoreChunk(tx, expired, papers))
            await repo.markSubmitted(tx, attempt.id, 'deadline', score, totalMarks, nowDate(clock));
          return expired.length;
        }))
      );
    },

    /** Whether any candidate has started the exam (the exams module asks before unpublishing). */
    hasStartedAttempts: (conn: Db | Tx, examId: string) => repo.hasStartedAttempts(conn, examId),

    /** How many of these exams have a submitted attempt (a practice test is open until then). */
    countSubmitted: (conn: Db | Tx, examIds: readonly string[]) => repo.countSubmittedExams(conn, examIds),

    /**
     * A student's submitted attempts (newest first, at most `limit`) with their scores and the
     * state of each saved answer: the progress module's evidence. It decides what is released.
     */
    async listSubmittedWithAnswers(userId: string, limit: number) {
      const rows = await repo.listSubmittedAttemptsOf(db, userId, limit);
      const states = await repo.listAnswerStates(
        db,
        rows.map((r) => r.id),
      );
      const byAttempt = new Map<string, typeof states>(rows.map((r) => [r.id, []]));
      for (const state of states) byAttempt.get(state.attemptId)?.push(state);
      return rows.map((row) => ({ ...row, answers: byAttempt.get(row.id) ?? [] }));
    },

    /**
     * A student's submitted attempt of an exam with its answers, or null when they did not submit
     * one: the exams module's provisional key shows each candidate their responses. The caller
     * authorises and decides what of the key goes with it.
     */
    async findSubmittedSitting(examId: string, userId: string) {
      const attempt = await repo.findAttemptOf(db, examId, userId);
      if (attempt?.status !== 'submitted') return null;
      const answers = await repo.listAnswers(db, attempt.id);
      return {
        attemptId: attempt.id,
        snapshotId: attempt.snapshotId,
        seed: attempt.seed,
        answers: answers.map((a) => ({ questionId: a.questionId, answer: a.answer })),
      };
    },

    /** A student's submitted attempts (newest first, at most `limit`) with their scores; the caller decides what is released. */
    listSubmittedOf: (userId: string, limit: number) => repo.listSubmittedAttemptsOf(db, userId, limit),

    /** The papers of a student's attempts past Start: the questions they have seen. */
    async listSeenSnapshotIds(conn: Db | Tx, userId: string): Promise<string[]> {
      return [...new Set((await repo.listStartedAttemptsOf(conn, userId)).map((a) => a.snapshotId))];
    },

    drain: () => savePipeline.drain(),
  };
}

export type AttemptService = ReturnType<typeof createAttemptService>;
