import {
  checkChallenge,
  checkDecision,
  checkProvisionalKeyPublication,
  checkWithdrawal,
  DEFAULT_CHALLENGE_WINDOW_MS,
  findPaperItem,
  normalizeAnswer,
  validateAnswer,
  type Answer,
} from '@examtech/core';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import * as repo from './exam-repo.js';
import * as challengeRepo from './key-challenge-repo.js';
import {
  presentCandidateKey,
  presentChallengeGroups,
  presentOwnChallenge,
  presentPublication,
  toProvisionalKey,
} from './key-challenge-presenter.js';
import type { ExamService } from './exam-service.js';
import type { KeyRevisionInput, KeyRevisionService } from './key-revision-service.js';
import { findExamReleases } from './result-release.js';
import * as scheduleRepo from './schedule-repo.js';
import type { SnapshotCache } from './snapshots.js';

/** What this module needs of the attempts module (wired in app.ts): a candidate's submitted attempt. */
export type ChallengeSittings = {
  findSubmittedSitting: (
    examId: string,
    userId: string,
  ) => Promise<{
    attemptId: string;
    snapshotId: string;
    seed: string;
    answers: { questionId: string; answer: Answer | null }[];
  } | null>;
};

export type ChallengeDecision =
  | {
      decision: 'accept';
      revision: DistributiveOmit<KeyRevisionInput, 'questionId' | 'reason'>;
      reason: string;
    }
  | { decision: 'reject'; reason: string };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const CHALLENGE_REFUSALS = {
  NOT_PUBLISHED: 'KEY_NOT_PROVISIONAL',
  WINDOW_CLOSED: 'CHALLENGE_WINDOW_CLOSED',
  NOT_SAT: 'CHALLENGE_NOT_SAT',
  ALREADY_CHALLENGED: 'CHALLENGE_EXISTS',
} as const;

/**
 * Provisional answer keys and challenges (issue 11, as NTA runs them). The exam's teachers publish
 * the key once answers are final, with a window; candidates who submitted read it beside their own
 * responses (never a solution: those wait for the release) and challenge a question's key with a
 * reason; a teacher accepts (a key revision through the key revision service, so rescoring, the
 * audit trail and ranks follow) or rejects, for all pending challenges of the question at once.
 * Publication and decisions emit events that app.ts turns into notices.
 */
export function createKeyChallengeService(deps: {
  database: Database;
  clock: Clock;
  events: DomainEvents;
  snapshots: SnapshotCache;
  exams: Pick<ExamService, 'loadManageableExam'>;
  revisions: Pick<KeyRevisionService, 'revise'>;
  sittings: ChallengeSittings;
}) {
  const { db } = deps.database;
  const now = () => deps.clock.now();

  /** A scheduled, published exam the student is (or was, having sat it) a candidate of; else 404. */
  async function loadCandidateExam(actor: Actor, examId: string) {
    const scoped = authorizeInInstitute(actor, 'exams:take');
    const exam = await repo.findExam(db, scoped.instituteId, examId, 'scheduled');
    if (!exam?.publishedSnapshotId) throw notFound('Exam not found.');
    const sitting = await deps.sittings.findSubmittedSitting(examId, actor.userId);
    if (!sitting && (await scheduleRepo.listExamCandidates(db, examId, actor.userId)).length === 0)
      throw notFound('Exam not found.');
    return { exam, sitting };
  }

  async function loadStaffExam(actor: Actor, examId: string) {
    authorizeInInstitute(actor, 'results:release');
    const exam = await deps.exams.loadManageableExam(actor, examId);
    if (!exam.publishedSnapshotId || exam.kind !== 'scheduled') throw new AppError('RESULTS_NOT_SCHEDULED');
    return { ...exam, publishedSnapshotId: exam.publishedSnapshotId };
  }

  return {
    async publish(
      actor: Actor,
      examId: string,
      input: { challengesCloseAt?: string | undefined; challengeWindowHours?: number | undefined },
    ) {
      const exam = await loadStaffExam(actor, examId);
      const at = now();
      const windowMs = input.challengeWindowHours
        ? input.challengeWindowHours * 3_600_000
        : DEFAULT_CHALLENGE_WINDOW_MS;
      const closesAt = input.challengesCloseAt ? Date.parse(input.challengesCloseAt) : at + windowMs;
      const row = await db.transaction(async (tx) => {
        await repo.lockExam(tx, examId);
        const release = (await findExamReleases(tx, [examId], at)).get(examId);
        const check = checkProvisionalKeyPublication({
          answersFinalAt: release?.facts.answersFinalAt ?? null,
          published: toProvisionalKey(await challengeRepo.findProvisionalKey(tx, examId)),
          closesAt,
          now: at,
        });
        if (!check.canPublish)
          switch (check.reason) {
            case 'NOT_SCHEDULED':
              throw new AppError('RESULTS_NOT_SCHEDULED');
            case 'PUBLISHED':
              throw new AppError('PROVISIONAL_KEY_PUBLISHED');
            case 'WINDOW_INVALID':
              throw new AppError('CHALLENGE_WINDOW_INVALID');
            case 'NOT_FINAL':
              throw new AppError('RESULTS_NOT_FINAL', undefined, {
                extra: { possibleAt: new Date(check.possibleAt).toISOString() },
              });
          }
        const values = {
          examId,
          instituteId: exam.instituteId,
          publishedAt: new Date(at),
          publishedBy: actor.userId,
          challengesCloseAt: new Date(closesAt),
        };
        if (!(await challengeRepo.insertProvisionalKey(tx, values)))
          throw new AppError('PROVISIONAL_KEY_PUBLISHED');
        return values;
      });
      deps.events.emit('exam.provisionalKeyPublished', {
        examId,
        instituteId: exam.instituteId,
        title: exam.title,
        challengesCloseAt: row.challengesCloseAt.toISOString(),
      });
      return presentPublication(row, now());
    },

    /**
     * Staff: whether it is published and from when it can be. A candidate: the same and, once
     * published and if they submitted, every question with their response and the current key.
     */
    async read(actor: Actor, examId: string) {
      if (actor.role !== 'student') {
        const exam = await loadStaffExam(actor, examId);
        const row = await challengeRepo.findProvisionalKey(db, examId);
        const at = now();
        const finalAt = (await findExamReleases(db, [examId], at)).get(examId)?.facts.answersFinalAt ?? null;
        return {
          ...presentPublication(row, at),
          publishedBy: row?.publishedBy ?? null,
          possibleAt: finalAt === null ? null : new Date(finalAt).toISOString(),
          canPublish: row === null && finalAt !== null && at >= finalAt,
          // The server's time, so the teacher's form shows when a window it offers would close.
          serverNow: new Date(at).toISOString(),
          title: exam.title,
        };
      }
      const { exam, sitting } = await loadCandidateExam(actor, examId);
      const row = await challengeRepo.findProvisionalKey(db, examId);
      const base = { ...presentPublication(row, now()), title: exam.title, hasSat: sitting !== null };
      // Before publication (or for a candidate who did not submit) nothing of the key leaves.
      if (!row || !sitting) return { ...base, questions: [] };
      const [{ paper }, own] = await Promise.all([
        deps.snapshots.get(sitting.snapshotId),
        challengeRepo.listChallenges(db, examId, actor.userId),
      ]);
      return { ...base, questions: presentCandidateKey(paper, sitting, own) };
    },

    async challenge(
      actor: Actor,
      examId: string,
      input: { questionId: string; reason: string; claimedAnswer?: Answer | null | undefined },
    ) {
      const { exam, sitting } = await loadCandidateExam(actor, examId);
      const key = toProvisionalKey(await challengeRepo.findProvisionalKey(db, examId));
      const at = now();
      const check = checkChallenge({
        key,
        now: at,
        hasSubmitted: sitting !== null,
        standing: await challengeRepo.listStatusesOf(db, examId, input.questionId, actor.userId),
      });
      if (!check.canChallenge) throw new AppError(CHALLENGE_REFUSALS[check.reason]);
      const { paper } = await deps.snapshots.get(sitting!.snapshotId);
      const located = findPaperItem(paper, input.questionId);
      if (!located) throw new AppError('CHALLENGE_UNKNOWN_QUESTION');
      const claimed = input.claimedAnswer ? normalizeAnswer(input.claimedAnswer) : null;
      if (claimed && validateAnswer(located.item.question, claimed).length > 0)
        throw new AppError('CHALLENGE_INVALID_ANSWER');
      const row = await challengeRepo.insertChallenge(db, {
        examId,
        instituteId: exam.instituteId,
        questionId: input.questionId,
        userId: actor.userId,
        attemptId: sitting!.attemptId,
        reason: input.reason,
        claimedAnswer: claimed,
        createdAt: new Date(at),
      });
      // A second request racing the first meets the partial unique index.
      if (!row) throw new AppError('CHALLENGE_EXISTS');
      return presentOwnChallenge(row);
    },

    async withdraw(actor: Actor, examId: string, challengeId: string) {
      await loadCandidateExam(actor, examId);
      const row = await challengeRepo.findChallenge(db, examId, challengeId);
      // Another candidate's challenge is not there for this one.
      if (row?.userId !== actor.userId) throw notFound('Challenge not found.');
      const key = toProvisionalKey(await challengeRepo.findProvisionalKey(db, examId));
      const check = checkWithdrawal({ key, now: now(), status: row.status });
      if (!check.canWithdraw)
        throw new AppError(
          check.reason === 'WINDOW_CLOSED' ? 'CHALLENGE_WINDOW_CLOSED' : 'CHALLENGE_NOT_PENDING',
        );
      if (!(await challengeRepo.markWithdrawn(db, challengeId, actor.userId, new Date(now()))))
        throw new AppError('CHALLENGE_NOT_PENDING');
      return presentOwnChallenge({ ...row, status: 'withdrawn' });
    },

    /** Staff: every challenge grouped by question. A candidate: their own. */
    async list(actor: Actor, examId: string) {
      if (actor.role !== 'student') {
        const exam = await loadStaffExam(actor, examId);
        const [rows, { paper }] = await Promise.all([
          challengeRepo.listChallenges(db, examId),
          deps.snapshots.get(exam.publishedSnapshotId),
        ]);
        return { questions: presentChallengeGroups(paper, rows) };
      }
      await loadCandidateExam(actor, examId);
      return {
        challenges: (await challengeRepo.listChallenges(db, examId, actor.userId)).map(presentOwnChallenge),
      };
    },

    /**
     * Settles every pending challenge of a question. Accepting revises the key (the key revision
     * service: answers final, the key valid, rescoring, ranks) in the same transaction as the
     * decision, so a revision never stands without the decision or the other way round.
     */
    async decide(actor: Actor, examId: string, questionId: string, input: ChallengeDecision) {
      const exam = await loadStaffExam(actor, examId);
      const key = toProvisionalKey(await challengeRepo.findProvisionalKey(db, examId));
      const check = checkDecision({
        key,
        pendingCount: await challengeRepo.countPending(db, examId, questionId),
      });
      if (!check.canDecide)
        throw new AppError(
          check.reason === 'NOT_PUBLISHED' ? 'KEY_NOT_PROVISIONAL' : 'CHALLENGE_NONE_PENDING',
        );
      const decision = {
        decidedBy: actor.userId,
        decidedAt: new Date(now()),
        decisionReason: input.reason,
      };
      let userIds: string[] = [];
      let revision: Awaited<ReturnType<KeyRevisionService['revise']>> | null = null;
      if (input.decision === 'accept') {
        revision = await deps.revisions.revise(
          actor,
          examId,
          { ...input.revision, questionId, reason: input.reason },
          {
            inTransaction: async (tx, stored) => {
              userIds = await challengeRepo.decidePending(tx, examId, questionId, {
                ...decision,
                status: 'accepted',
                revisionId: stored.id,
              });
              if (userIds.length === 0) throw new AppError('CHALLENGE_NONE_PENDING');
            },
          },
        );
      } else {
        userIds = await db.transaction(async (tx) => {
          // The exam's lock orders this with an acceptance of the same question.
          await repo.lockExam(tx, examId);
          return challengeRepo.decidePending(tx, examId, questionId, {
            ...decision,
            status: 'rejected',
            revisionId: null,
          });
        });
        if (userIds.length === 0) throw new AppError('CHALLENGE_NONE_PENDING');
      }
      const status = input.decision === 'accept' ? 'accepted' : 'rejected';
      deps.events.emit('exam.keyChallengesDecided', {
        examId,
        instituteId: exam.instituteId,
        title: exam.title,
        decision: status,
        userIds,
      });
      return { questionId, decision: status, decided: userIds.length, revision };
    },
  };
}

export type KeyChallengeService = ReturnType<typeof createKeyChallengeService>;
