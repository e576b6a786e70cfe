import { randomUUID } from 'node:crypto';
import {
  completeWeights,
  computeTrustScoreFromTotals,
  countsAsViolation,
  countViolations,
  enabledKinds,
  judgeViolations,
  type ProctorEventKind,
  type ProctoringSettings,
  type TrustWeights,
} from '@examtech/core';
import type { Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { FileStorage, UploadTarget } from '../../platform/storage/file-storage.js';
import { createKeyedSaveBudgets } from '../attempts/save-rate-limit.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import * as repo from './proctoring-repo.js';
import type { EvidenceKind } from './proctoring-types.js';

/** The largest snapshot (a 320×240 JPEG is ~20 KB) and screen-recording chunk (10 s of WebM) taken. */
export const EVIDENCE_LIMITS: Record<EvidenceKind, number> = {
  snapshot: 300 * 1024,
  screen: 2 * 1024 * 1024,
};
const EVIDENCE_TYPES: Record<EvidenceKind, readonly string[]> = {
  snapshot: ['image/jpeg', 'image/webp'],
  screen: ['video/webm'],
};
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/webm': 'webm',
};

/**
 * Per attempt on an instance: a browser sends a few events a minute; a burst (someone mashing
 * copy) is taken, a flood is refused before it costs a query, and the exam room retries later.
 */
const EVENT_LIMIT = { packets: { burst: 30, perSecond: 2 }, saves: { burst: 300, perSecond: 10 } };
const CONTEXT_TTL_MS = 5 * 60_000;

export type ClientEvent = {
  id: string;
  kind: string;
  startedAt: number;
  durationMs: number;
  questionId?: string | undefined;
  evidenceId?: string | undefined;
};

export type EventResult = { id: string; status: 'stored' | 'duplicate' | 'rejected'; code?: string };

/** A running attempt as the proctoring side needs it, read through the attempts module. */
export type WatchedAttempt = {
  id: string;
  examId: string;
  instituteId: string;
  userId: string;
  snapshotId: string;
  status: 'prepared' | 'in_progress' | 'submitted';
};

/** Sniffs the first bytes: a file is what it claims only when its signature says so. */
export function sniffEvidence(head: Buffer): string | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (
    head.length >= 12 &&
    head.toString('latin1', 0, 4) === 'RIFF' &&
    head.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm';
  return null;
}

/**
 * The candidate's side of proctoring: signals from the exam room (stored idempotently, thresholds
 * judged from what is stored, never from what the browser says) and evidence uploads.
 */
export function createProctoringSignals(deps: {
  database: Database;
  papers: SnapshotCache;
  clock: Clock;
  events: DomainEvents;
  storage: FileStorage;
  loadOwnAttempt: (actor: Actor, attemptId: string) => Promise<WatchedAttempt>;
  /** The candidate's batches and name: who may watch them, and what the alert says. */
  describeCandidate: (instituteId: string, userId: string) => Promise<{ name: string; batchIds: string[] }>;
  terminate: (attemptId: string) => Promise<unknown>;
  uploadUrlTtlSeconds: number;
}) {
  const { db } = deps.database;
  const { clock } = deps;
  const budgets = createKeyedSaveBudgets(EVENT_LIMIT, () => clock.now());
  const contexts = new Map<string, { name: string; batchIds: string[]; expiresAt: number }>();
  const weightsByExam = new Map<string, { weights: TrustWeights; expiresAt: number }>();

  async function candidateOf(attempt: WatchedAttempt) {
    const cached = contexts.get(attempt.id);
    if (cached && cached.expiresAt > clock.now()) return cached;
    const described = await deps.describeCandidate(attempt.instituteId, attempt.userId);
    const entry = { ...described, expiresAt: clock.now() + CONTEXT_TTL_MS };
    if (contexts.size > 20_000) contexts.clear();
    contexts.set(attempt.id, entry);
    return entry;
  }

  async function weightsOf(examId: string): Promise<TrustWeights> {
    const cached = weightsByExam.get(examId);
    if (cached && cached.expiresAt > clock.now()) return cached.weights;
    const weights = completeWeights(await repo.findWeights(db, examId));
    weightsByExam.set(examId, { weights, expiresAt: clock.now() + 60_000 });
    return weights;
  }

  async function settingsOf(attempt: WatchedAttempt): Promise<ProctoringSettings> {
    return (await deps.papers.get(attempt.snapshotId)).proctoring;
  }

  /** Violations counted from the stored events, with the trust score and counts by kind. */
  async function standingOf(attemptId: string, examId: string) {
    const totals = await repo.sumEventsByKind(db, { attemptIds: [attemptId] });
    const counts: Partial<Record<ProctorEventKind, number>> = {};
    for (const total of totals) counts[total.kind] = total.count;
    const trust = computeTrustScoreFromTotals(totals, await weightsOf(examId));
    return { violations: countViolations(totals), counts, trustScore: trust.score };
  }

  return {
    forgetWeights: (examId: string) => weightsByExam.delete(examId),

    /** The stored violations of an attempt (the candidate's state shows them against the thresholds). */
    async countViolations(attemptId: string): Promise<number> {
      return countViolations(await repo.sumEventsByKind(db, { attemptIds: [attemptId] }));
    },

    standingOf,

    async recordEvents(actor: Actor, attemptId: string, events: ClientEvent[]) {
      if (!budgets.take(attemptId, events.length)) throw new AppError('PROCTOR_RATE_LIMITED');
      const attempt = await deps.loadOwnAttempt(actor, attemptId);
      if (attempt.status === 'prepared') throw new AppError('EXAM_NOT_STARTED');
      const settings = await settingsOf(attempt);
      const enabled = enabledKinds(settings);
      const results: EventResult[] = [];
      const writes: repo.EventWrite[] = [];
      const now = clock.now();
      for (const event of events) {
        if (!enabled.has(event.kind as ProctorEventKind)) {
          results.push({ id: event.id, status: 'rejected', code: 'PROCTOR_KIND_DISABLED' });
          continue;
        }
        results.push({ id: event.id, status: 'stored' });
        writes.push({
          attemptId,
          id: event.id,
          examId: attempt.examId,
          kind: event.kind as ProctorEventKind,
          // A browser clock far ahead cannot date an event in the future.
          startedAt: new Date(Math.min(event.startedAt, now)),
          durationMs: Math.max(0, Math.min(event.durationMs, 24 * 3_600_000)),
          questionId: event.questionId ?? null,
          evidenceId: event.evidenceId ?? null,
        });
      }
      // Events of a submitted attempt (an offline journal arriving late) are stored for the review,
      // but consequences apply only to a running one.
      const fresh = await repo.upsertEvents(db, writes, nowDate(clock));
      for (const result of results)
        if (result.status === 'stored' && !fresh.has(result.id)) result.status = 'duplicate';
      const standing = await standingOf(attemptId, attempt.examId);
      const verdict = judgeViolations(standing.violations, settings);
      const newViolations = writes.filter((w) => fresh.has(w.id) && countsAsViolation(w.kind));
      let isSubmitted = false;
      if (verdict.isToSubmit && attempt.status === 'in_progress')
        isSubmitted = (await deps.terminate(attemptId)) !== null;
      if (writes.length > 0) {
        const candidate = await candidateOf(attempt);
        deps.events.emit('proctoring.signals', {
          examId: attempt.examId,
          instituteId: attempt.instituteId,
          attemptId,
          userId: attempt.userId,
          name: candidate.name,
          batchIds: candidate.batchIds,
          // Every new violation alerts; a resend of a lasting one only updates the grid.
          alerts: newViolations.map((w) => ({
            id: w.id,
            kind: w.kind,
            startedAt: w.startedAt.toISOString(),
            durationMs: w.durationMs,
            evidenceId: w.evidenceId,
          })),
          counts: standing.counts,
          trustScore: standing.trustScore,
          status: attempt.status === 'in_progress' && !isSubmitted ? 'in_exam' : 'submitted',
          isWarned: verdict.isWarned && newViolations.length > 0,
          violations: {
            count: verdict.count,
            warnAfter: settings.warnAfterViolations,
            submitAfter: settings.submitAfterViolations,
          },
        });
      }
      return {
        results,
        violations: {
          count: verdict.count,
          warnAfter: settings.warnAfterViolations,
          submitAfter: settings.submitAfterViolations,
        },
        warning: verdict.isWarned && newViolations.length > 0,
        submitted: isSubmitted,
      };
    },

    /** Step 1 of an upload: the row, and where the browser puts the bytes (S3 presigned, or this server). */
    async createEvidence(
      actor: Actor,
      attemptId: string,
      input: {
        kind: EvidenceKind;
        contentType: string;
        bytes: number;
        takenAt: number;
        seq?: number | undefined;
        recordingId?: string | undefined;
      },
      csrfToken: string,
    ): Promise<{ evidenceId: string; upload: UploadTarget }> {
      const attempt = await deps.loadOwnAttempt(actor, attemptId);
      if (attempt.status === 'prepared') throw new AppError('EXAM_NOT_STARTED');
      const settings = await settingsOf(attempt);
      const isAsked = input.kind === 'snapshot' ? settings.webcamSnapshots : settings.screenRecording;
      if (!isAsked) throw new AppError('PROCTOR_KIND_DISABLED');
      if (!EVIDENCE_TYPES[input.kind].includes(input.contentType))
        throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED');
      if (input.bytes > EVIDENCE_LIMITS[input.kind]) throw new AppError('EVIDENCE_TOO_LARGE');
      const id = randomUUID();
      const storageKey = `institutes/${attempt.instituteId}/proctoring/${attempt.examId}/${attempt.id}/${id}.${EXTENSIONS[input.contentType]}`;
      await repo.insertEvidence(db, {
        id,
        attemptId,
        examId: attempt.examId,
        instituteId: attempt.instituteId,
        kind: input.kind,
        contentType: input.contentType,
        bytes: input.bytes,
        storageKey,
        takenAt: new Date(Math.min(input.takenAt, clock.now())),
        recordingId: input.recordingId ?? null,
        seq: input.seq ?? null,
        createdAt: nowDate(clock),
      });
      const upload = deps.storage.createUploadUrl
        ? await deps.storage.createUploadUrl(storageKey, {
            contentType: input.contentType,
            size: input.bytes,
            expiresInSeconds: deps.uploadUrlTtlSeconds,
          })
        : {
            method: 'PUT' as const,
            url: `/api/proctoring/evidence/${id}/content`,
            headers: { 'content-type': input.contentType, 'x-csrf-token': csrfToken },
          };
      return { evidenceId: id, upload };
    },

    /** Step 2 without S3: the bytes through this server, checked against what step 1 declared. */
    async putEvidenceContent(actor: Actor, evidenceId: string, body: Buffer): Promise<void> {
      const { evidence } = await loadOwnEvidence(actor, evidenceId);
      if (evidence.status === 'stored') return;
      if (body.length > EVIDENCE_LIMITS[evidence.kind]) throw new AppError('EVIDENCE_TOO_LARGE');
      if (sniffEvidence(body.subarray(0, 16)) !== evidence.contentType)
        throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED');
      await deps.storage.put(evidence.storageKey, body, evidence.contentType);
    },

    /** Step 3: the object is there, of the declared kind and within its limit. */
    async completeEvidence(actor: Actor, evidenceId: string): Promise<{ evidenceId: string }> {
      const { evidence, attempt } = await loadOwnEvidence(actor, evidenceId);
      if (evidence.status === 'stored') return { evidenceId };
      // One read gives both the size and the bytes to sniff (S3: a ranged GET, not HEAD then GET).
      const start = await deps.storage.readStart(evidence.storageKey, 16);
      if (!start) throw new AppError('EVIDENCE_NOT_UPLOADED');
      if (start.size > EVIDENCE_LIMITS[evidence.kind]) {
        await deps.storage.delete(evidence.storageKey);
        throw new AppError('EVIDENCE_TOO_LARGE');
      }
      if (sniffEvidence(start.head) !== evidence.contentType) {
        await deps.storage.delete(evidence.storageKey);
        throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED');
      }
      await repo.markEvidenceStored(db, evidenceId);
      if (evidence.kind === 'snapshot') {
        const candidate = await candidateOf(attempt);
        deps.events.emit('proctoring.snapshot', {
          examId: evidence.examId,
          attemptId: evidence.attemptId,
          userId: attempt.userId,
          batchIds: candidate.batchIds,
          evidenceId,
          takenAt: evidence.takenAt.toISOString(),
        });
      }
      return { evidenceId };
    },
  };

  async function loadOwnEvidence(actor: Actor, evidenceId: string) {
    const evidence = await repo.findEvidence(db, evidenceId);
    if (!evidence) throw notFound('Evidence not found.');
    // The attempt's owner only (loadOwnAttempt answers 404 for anyone else).
    const attempt = await deps.loadOwnAttempt(actor, evidence.attemptId);
    return { evidence, attempt };
  }
}

export type ProctoringSignals = ReturnType<typeof createProctoringSignals>;
