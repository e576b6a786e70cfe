import {
  completeWeights,
  computeTrustScoreFromTotals,
  countViolations,
  isFlagged,
  isProctored,
  type ProctorDecision,
  type TrustWeights,
} from '@examtech/core';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { AttemptControl } from '../attempts/attempt-control.js';
import type { BatchService } from '../batches/batch-service.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import type { UserDirectory } from '../users/user-service.js';
import {
  presentAction,
  presentCandidateRow,
  presentDecision,
  type CandidateFacts,
  type CandidateRow,
} from './proctoring-presenter.js';
import * as repo from './proctoring-repo.js';
import { findScope, groupBy, isVisible, proctorRoom, type Scope } from './proctoring-scope.js';
import type { ProctorActionKind } from './proctoring-types.js';

export type ActionInput = {
  kind: ProctorActionKind;
  reason: string;
  text?: string | undefined;
  minutes?: number | undefined;
};

/**
 * The proctors' side: the live room's rows, their actions, the review, the weights and the decision.
 * Scope: proctors and teachers see the candidates of the batches they are assigned to, admins the
 * institute's; anything else is 404. Evidence is shown only within that scope, and each view is logged.
 */
export function createProctoringRoom(deps: {
  database: Database;
  clock: Clock;
  events: DomainEvents;
  storage: FileStorage;
  papers: SnapshotCache;
  exams: Pick<ExamDirectory, 'findExam' | 'findSchedule' | 'listCandidates' | 'listScheduledExams'>;
  batches: Pick<BatchService, 'listBatchIdsOfMember' | 'listBatchIdsOfUsers' | 'listBatches'>;
  people: Pick<UserDirectory, 'findProfiles'>;
  control: AttemptControl;
  findAttempt: (attemptId: string) => Promise<{
    id: string;
    examId: string;
    instituteId: string;
    userId: string;
    snapshotId: string;
    status: 'prepared' | 'in_progress' | 'submitted';
    startedAt: Date | null;
    submittedAt: Date | null;
    submitReason: string | null;
    deadlineAt: Date | null;
  } | null>;
  /** The results' status follows a withholding or disqualifying decision (results-service.setResultStatus). */
  setResultStatus: (
    actor: Actor,
    examId: string,
    attemptId: string,
    status: 'ranked' | 'withheld' | 'disqualified',
    reason: string,
  ) => Promise<unknown>;
  retentionDays: number;
  forgetWeights: (examId: string) => void;
}) {
  const { db } = deps.database;
  const { clock } = deps;

  const scopeOf = (actor: Actor, permission: 'proctoring:watch' | 'proctoring:decide') =>
    findScope(deps.batches, actor, permission);

  async function loadExam(scope: Scope, examId: string) {
    const exam = await deps.exams.findExam(examId);
    if (
      !exam ||
      exam.instituteId !== scope.instituteId ||
      exam.kind !== 'scheduled' ||
      !exam.publishedSnapshotId
    )
      throw notFound('Exam not found.');
    const { proctoring } = await deps.papers.get(exam.publishedSnapshotId);
    return { exam, settings: proctoring, weights: completeWeights(await repo.findWeights(db, examId)) };
  }

  /** Every candidate of the exam in scope, with what the room shows of each. */
  async function collectRows(
    scope: Scope,
    examId: string,
    weights: TrustWeights,
    settings: Parameters<typeof isFlagged>[2],
    /** One candidate's row (after an action), without reading the whole exam's candidates. */
    onlyUserId?: string,
  ) {
    const candidates = await deps.exams.listCandidates(db, examId, onlyUserId);
    const batchesOf = await deps.batches.listBatchIdsOfUsers(
      candidates.map((c) => c.userId),
      { mayLag: true },
    );
    const visible = candidates.filter((c) => isVisible(scope, batchesOf.get(c.userId) ?? []));
    if (visible.length === 0 && scope.batchIds !== null) throw notFound('Exam not found.');
    const ids = visible.map((c) => c.userId);
    const [profiles, summaries, totals, snapshots, decisions] = await Promise.all([
      deps.people.findProfiles(scope.instituteId, ids),
      deps.control.listSummaries(examId, onlyUserId === undefined ? undefined : [onlyUserId]),
      repo.sumEventsByKind(db, { examId }),
      repo.listLatestSnapshots(db, examId),
      repo.listDecisions(db, examId),
    ]);
    const profileOf = new Map(profiles.map((p) => [p.id, p]));
    const attemptOf = new Map(summaries.map((s) => [s.userId, s]));
    const totalsOf = groupBy(totals, (t) => t.attemptId);
    const snapshotOf = new Map(snapshots.map((s) => [s.attemptId, s]));
    const decisionOf = new Map(decisions.map((d) => [d.attemptId, d.decision]));
    return ids.map((userId) => {
      const attempt = attemptOf.get(userId) ?? null;
      const kinds = attempt ? (totalsOf.get(attempt.id) ?? []) : [];
      const facts: CandidateFacts = {
        userId,
        name: profileOf.get(userId)?.name ?? '',
        rollNumber: profileOf.get(userId)?.rollNumber ?? null,
        batchIds: batchesOf.get(userId) ?? [],
        attempt,
        totals: kinds,
        latestSnapshot: attempt ? (snapshotOf.get(attempt.id) ?? null) : null,
        decision: attempt ? (decisionOf.get(attempt.id) ?? null) : null,
        trustScore: computeTrustScoreFromTotals(kinds, weights).score,
      };
      const violations = countViolations(kinds);
      return {
        row: presentCandidateRow(facts),
        isFlagged: isFlagged(facts.trustScore, violations, settings),
      };
    });
  }

  /** The attempt in scope (404 outside it), with its exam. */
  async function loadAttempt(scope: Scope, attemptId: string) {
    const attempt = await deps.findAttempt(attemptId);
    if (!attempt || attempt.instituteId !== scope.instituteId) throw notFound('Attempt not found.');
    // Practice tests are nobody's to proctor: only a scheduled exam's attempt is in the room.
    await loadExam(scope, attempt.examId);
    if (scope.batchIds !== null) {
      const batchIds =
        (await deps.batches.listBatchIdsOfUsers([attempt.userId], { mayLag: false })).get(attempt.userId) ??
        [];
      if (!isVisible(scope, batchIds)) throw notFound('Attempt not found.');
    }
    return attempt;
  }

  async function rowOf(scope: Scope, examId: string, userId: string): Promise<CandidateRow> {
    const { weights, settings } = await loadExam(scope, examId);
    const rows = await collectRows(scope, examId, weights, settings, userId);
    const found = rows.find((r) => r.row.userId === userId);
    if (!found) throw notFound('Attempt not found.');
    return found.row;
  }

  return {
    /** Scheduled, published, proctored exams the actor can watch: live first, then upcoming, then ended. */
    async listExams(actor: Actor) {
      const scope = await scopeOf(actor, 'proctoring:watch');
      const now = clock.now();
      const listed = await deps.exams.listScheduledExams(scope.instituteId);
      const out = [];
      for (const { exam, schedule, batchIds } of listed) {
        if (scope.batchIds !== null && !batchIds.some((id) => scope.batchIds!.has(id))) continue;
        const { proctoring, paper } = await deps.papers.get(exam.publishedSnapshotId as string);
        if (!isProctored(proctoring)) continue;
        const startsAt = schedule.startsAt.getTime();
        const lastEnd =
          (schedule.windowEndsAt ?? schedule.startsAt).getTime() + paper.durationMinutes * 60_000;
        const status: 'upcoming' | 'live' | 'ended' =
          now < startsAt ? 'upcoming' : now < lastEnd ? 'live' : 'ended';
        out.push({
          examId: exam.id,
          title: exam.title,
          startsAt: schedule.startsAt.toISOString(),
          durationMinutes: paper.durationMinutes,
          status,
        });
      }
      const order = { live: 0, upcoming: 1, ended: 2 } as const;
      out.sort((a, b) => order[a.status] - order[b.status] || a.startsAt.localeCompare(b.startsAt));
      return { exams: out };
    },

    async listCandidates(
      actor: Actor,
      examId: string,
      query: {
        filter: 'all' | 'flagged' | 'offline';
        batchId?: string | undefined;
        cursor?: number | undefined;
        limit: number;
      },
    ) {
      const scope = await scopeOf(actor, 'proctoring:watch');
      const { exam, settings, weights } = await loadExam(scope, examId);
      const rows = await collectRows(scope, examId, weights, settings);
      const totals = {
        all: rows.length,
        notStarted: rows.filter((r) => r.row.status === 'not_started').length,
        inExam: rows.filter((r) => r.row.status === 'in_exam' || r.row.status === 'paused').length,
        offline: rows.filter((r) => r.row.status === 'offline').length,
        submitted: rows.filter((r) => r.row.status === 'submitted').length,
        flagged: rows.filter((r) => r.isFlagged).length,
      };
      const chosen = rows
        .filter((r) => query.filter !== 'flagged' || r.isFlagged)
        .filter((r) => query.filter !== 'offline' || r.row.status === 'offline')
        .filter((r) => !query.batchId || r.row.batchIds.includes(query.batchId))
        .map((r) => r.row)
        .sort(
          (a, b) =>
            a.trustScore - b.trustScore || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
        );
      const start = query.cursor ?? 0;
      const page = chosen.slice(start, start + query.limit);
      const inExam = new Set(rows.flatMap((r) => r.row.batchIds));
      const batches = (await deps.batches.listBatches(actor, { includeArchived: true }))
        .filter((b) => inExam.has(b.id))
        .map((b) => ({ id: b.id, name: b.name }));
      return {
        exam: { examId, title: exam.title, settings, weights },
        batches,
        candidates: page,
        nextCursor: start + query.limit < chosen.length ? String(start + query.limit) : null,
        totals,
      };
    },

    /** A proctor's action, with its reason on record; the candidate's room hears of it at once. */
    async act(actor: Actor, attemptId: string, input: ActionInput) {
      const scope = await scopeOf(actor, 'proctoring:watch');
      const attempt = await loadAttempt(scope, attemptId);
      const reason = input.reason.trim();
      switch (input.kind) {
        case 'pause':
          await deps.control.pause(attemptId, reason);
          break;
        case 'resume':
          await deps.control.resume(attemptId);
          break;
        case 'extend':
          await deps.control.extend(attemptId, (input.minutes ?? 0) * 60_000);
          break;
        case 'terminate':
          if ((await deps.control.terminate(attemptId, 'proctor')) === null)
            throw new AppError('ATTEMPT_NOT_RUNNING');
          break;
        case 'message':
        case 'warn':
          if (attempt.status !== 'in_progress') throw new AppError('ATTEMPT_NOT_RUNNING');
          break;
      }
      const action = await repo.insertAction(db, {
        attemptId,
        examId: attempt.examId,
        actorId: actor.userId,
        kind: input.kind,
        reason,
        text: input.text?.trim() ?? null,
        minutes: input.kind === 'extend' ? (input.minutes ?? null) : null,
        at: nowDate(clock),
      });
      const [by] = await deps.people.findProfiles(scope.instituteId, [actor.userId]);
      const presented = presentAction(action, new Map([[actor.userId, by?.name ?? '']]));
      if (input.kind === 'message' || input.kind === 'warn')
        deps.events.emit('proctoring.message', {
          attemptId,
          id: action.id,
          kind: input.kind,
          text: action.text ?? reason,
          from: presented.by.name,
          at: presented.at,
        });
      return { action: presented, candidate: await rowOf(scope, attempt.examId, attempt.userId) };
    },

    async review(actor: Actor, attemptId: string) {
      const scope = await scopeOf(actor, 'proctoring:watch');
      const attempt = await loadAttempt(scope, attemptId);
      const { exam, settings, weights } = await loadExam(scope, attempt.examId);
      const [events, evidence, actions, decision, totals, schedule] = await Promise.all([
        repo.listEvents(db, attemptId),
        repo.listEvidence(db, attemptId),
        repo.listActions(db, attemptId),
        repo.findDecision(db, attemptId),
        repo.sumEventsByKind(db, { attemptIds: [attemptId] }),
        deps.exams.findSchedule(attempt.examId),
      ]);
      const { paper } = await deps.papers.get(attempt.snapshotId);
      const numberOf = new Map<string, number>();
      let n = 0;
      for (const section of paper.sections)
        for (const item of section.items) numberOf.set(item.question.id, ++n);
      const people = await deps.people.findProfiles(scope.instituteId, [
        ...new Set([...actions.map((a) => a.actorId), ...(decision ? [decision.decidedBy] : [])]),
      ]);
      const names = new Map(people.map((p) => [p.id, p.name]));
      const trust = computeTrustScoreFromTotals(totals, weights);
      return {
        candidate: await rowOf(scope, attempt.examId, attempt.userId),
        exam: {
          examId: exam.id,
          title: exam.title,
          startsAt: schedule?.startsAt.toISOString() ?? null,
          settings,
          weights,
        },
        attempt: {
          startedAt: attempt.startedAt?.toISOString() ?? null,
          submittedAt: attempt.submittedAt?.toISOString() ?? null,
          submitReason: attempt.submitReason,
          deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
        },
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          startedAt: e.startedAt.toISOString(),
          durationMs: e.durationMs,
          questionId: e.questionId,
          questionNumber: e.questionId ? (numberOf.get(e.questionId) ?? null) : null,
          evidenceId: e.evidenceId,
        })),
        evidence: evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          takenAt: e.takenAt.toISOString(),
          bytes: e.bytes,
          recordingId: e.recordingId,
          seq: e.seq,
        })),
        actions: actions.map((a) => presentAction(a, names)),
        trust,
        decision: decision ? presentDecision(decision, names) : null,
        retention: {
          deleteAfter: new Date(
            (attempt.submittedAt ?? attempt.startedAt ?? nowDate(clock)).getTime() +
              deps.retentionDays * 86_400_000,
          ).toISOString(),
        },
      };
    },

    /** The bytes of one piece of evidence, in scope; the view is logged before anything is sent. */
    async openEvidence(
      actor: Actor,
      evidenceId: string,
    ): Promise<{ body: Readable; size: number; contentType: string }> {
      const scope = await scopeOf(actor, 'proctoring:watch');
      const evidence = await repo.findEvidence(db, evidenceId);
      if (!evidence || evidence.status !== 'stored') throw notFound('Evidence not found.');
      await loadAttempt(scope, evidence.attemptId);
      const object = await deps.storage.get(evidence.storageKey);
      if (!object) throw notFound('Evidence not found.');
      await repo.logEvidenceView(db, {
        evidenceId,
        attemptId: evidence.attemptId,
        viewerId: actor.userId,
        viewedAt: nowDate(clock),
      });
      return { ...object, contentType: evidence.contentType };
    },

    async setWeights(actor: Actor, examId: string, weights: Partial<Record<string, number>>) {
      const scope = await scopeOf(actor, 'proctoring:decide');
      await loadExam(scope, examId);
      const complete = completeWeights(weights);
      await repo.saveWeights(db, examId, complete, actor.userId, nowDate(clock));
      deps.forgetWeights(examId);
      return { weights: complete };
    },

    /** The human decision; withheld and disqualified take the result out of ranks, the others put it back. */
    async decide(actor: Actor, attemptId: string, input: { decision: ProctorDecision; reason: string }) {
      const scope = await scopeOf(actor, 'proctoring:decide');
      const attempt = await loadAttempt(scope, attemptId);
      if (attempt.status !== 'submitted') throw new AppError('RESULT_NOT_SUBMITTED');
      const reason = input.reason.trim();
      const status =
        input.decision === 'withheld' || input.decision === 'disqualified' ? input.decision : 'ranked';
      await deps.setResultStatus(actor, attempt.examId, attemptId, status, reason);
      const saved = await repo.upsertDecision(db, {
        attemptId,
        examId: attempt.examId,
        decision: input.decision,
        reason,
        decidedBy: actor.userId,
        decidedAt: nowDate(clock),
      });
      const [by] = await deps.people.findProfiles(scope.instituteId, [actor.userId]);
      return {
        decision: presentDecision(saved, new Map([[actor.userId, by?.name ?? '']])),
      };
    },

    /** Which proctor rooms may hear of this candidate: `null` is the whole institute (admins). */
    async watchRooms(actor: Actor, examId: string): Promise<string[]> {
      const scope = await scopeOf(actor, 'proctoring:watch');
      await loadExam(scope, examId);
      if (scope.batchIds === null) return [proctorRoom(examId, null)];
      return [...scope.batchIds].map((batchId) => proctorRoom(examId, batchId));
    },
  };
}

export type ProctoringRoom = ReturnType<typeof createProctoringRoom>;
