import {
  PROCTOR_EVENT_KINDS,
  type KindTotal,
  type ProctorDecision,
  type ProctorEventKind,
} from '@examtech/core';
import type { AttemptSummary } from '../attempts/attempt-control.js';
import type { ActionRow, DecisionRow } from './proctoring-repo.js';

export type CandidateStatus = 'not_started' | 'in_exam' | 'paused' | 'offline' | 'submitted';

export type CandidateFacts = {
  userId: string;
  name: string;
  rollNumber: string | null;
  batchIds: string[];
  attempt: AttemptSummary | null;
  totals: readonly KindTotal[];
  latestSnapshot: { id: string; takenAt: Date } | null;
  decision: ProctorDecision | null;
  trustScore: number;
};

export function statusOf(attempt: AttemptSummary | null): CandidateStatus {
  if (!attempt || attempt.status === 'prepared') return 'not_started';
  if (attempt.status === 'submitted') return 'submitted';
  if (attempt.pausedAt) return 'paused';
  return attempt.isOffline ? 'offline' : 'in_exam';
}

/** One row of the proctor room's grid. */
export function presentCandidateRow(facts: CandidateFacts) {
  const violations = Object.fromEntries(PROCTOR_EVENT_KINDS.map((k) => [k, 0])) as Record<
    ProctorEventKind,
    number
  >;
  for (const total of facts.totals) violations[total.kind] += total.count;
  return {
    attemptId: facts.attempt?.id ?? null,
    userId: facts.userId,
    name: facts.name,
    rollNumber: facts.rollNumber,
    batchIds: facts.batchIds,
    status: statusOf(facts.attempt),
    deadlineAt: facts.attempt?.deadlineAt?.toISOString() ?? null,
    answered: facts.attempt?.answered ?? 0,
    latestSnapshot: facts.latestSnapshot
      ? { evidenceId: facts.latestSnapshot.id, takenAt: facts.latestSnapshot.takenAt.toISOString() }
      : null,
    violations,
    trustScore: facts.trustScore,
    decision: facts.decision,
  };
}

export type CandidateRow = ReturnType<typeof presentCandidateRow>;

export function presentAction(action: ActionRow, names: ReadonlyMap<string, string>) {
  return {
    id: action.id,
    kind: action.kind,
    reason: action.reason,
    text: action.text,
    minutes: action.minutes,
    by: { userId: action.actorId, name: names.get(action.actorId) ?? '' },
    at: action.at.toISOString(),
  };
}

export function presentDecision(decision: DecisionRow, names: ReadonlyMap<string, string>) {
  return {
    decision: decision.decision,
    reason: decision.reason,
    by: { userId: decision.decidedBy, name: names.get(decision.decidedBy) ?? '' },
    at: decision.decidedAt.toISOString(),
  };
}
