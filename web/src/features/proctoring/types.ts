// Shapes of the proctoring API (docs/API.md "Proctoring"). The kinds and settings are the core's.
import type { ProctorEventKind, ProctoringSettings } from '@examtech/core';

export { PROCTOR_EVENT_KINDS, type ProctorEventKind, type ProctoringSettings } from '@examtech/core';

export type TrustWeights = Record<ProctorEventKind, number>;

export type CandidateStatus = 'not_started' | 'in_exam' | 'paused' | 'offline' | 'submitted';
export const CANDIDATE_STATUSES: readonly CandidateStatus[] = [
  'not_started',
  'in_exam',
  'paused',
  'offline',
  'submitted',
];

export type Decision = 'cleared' | 'warned' | 'withheld' | 'disqualified';
export const DECISIONS: readonly Decision[] = ['cleared', 'warned', 'withheld', 'disqualified'];

export interface CandidateRow {
  attemptId: string | null;
  userId: string;
  name: string;
  rollNumber: string | null;
  batchIds: string[];
  status: CandidateStatus;
  deadlineAt: string | null;
  answered: number;
  latestSnapshot: { evidenceId: string; takenAt: string } | null;
  /** Counts by kind; a kind with no events may be missing. */
  violations: Partial<Record<ProctorEventKind, number>>;
  /** 0..100, 100 = clean. */
  trustScore: number;
  decision: Decision | null;
}

export type CandidateUpdate = Partial<CandidateRow> & { attemptId: string; userId: string };

export interface ProctoredExam {
  examId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  status: 'upcoming' | 'live' | 'ended';
  candidates: number;
}

export interface Totals {
  all: number;
  notStarted: number;
  inExam: number;
  offline: number;
  submitted: number;
  flagged: number;
}

export interface RoomExam {
  examId: string;
  title: string;
  settings: ProctoringSettings;
  weights: TrustWeights;
}

export interface CandidatePage {
  exam: RoomExam;
  batches: { id: string; name: string }[];
  candidates: CandidateRow[];
  nextCursor: string | null;
  totals: Totals;
  /** Not in the contract: used for the clock offset when the server sends it. */
  serverNow?: string;
}

/** The whole room as the page holds it: every page of candidates, up to the cap. */
export interface RoomData {
  exam: RoomExam;
  batches: { id: string; name: string }[];
  candidates: CandidateRow[];
  /** The server's totals, from the first page (the only totals when the list is capped). */
  totals: Totals;
  /** More candidates exist than the page loads. */
  capped: boolean;
  /** Server time minus this device's, ms (0 when the server does not say). */
  clockOffsetMs: number;
}

export interface ProctorAlert {
  id: string;
  examId: string;
  attemptId: string;
  userId: string;
  name: string;
  kind: ProctorEventKind;
  /** Epoch ms, or an ISO string: both are accepted. */
  startedAt: number | string;
  durationMs: number;
  evidenceId?: string;
}

export type ActionKind = 'message' | 'warn' | 'pause' | 'resume' | 'extend' | 'terminate';
export const ACTION_KINDS: readonly ActionKind[] = [
  'message',
  'warn',
  'pause',
  'resume',
  'extend',
  'terminate',
];

export interface ActionRequest {
  kind: ActionKind;
  reason: string;
  text?: string;
  minutes?: number;
}

export interface ProctorAction {
  id: string;
  kind: ActionKind;
  reason: string;
  text: string | null;
  minutes: number | null;
  by: { userId: string; name: string };
  at: string;
}

export interface ReviewEvent {
  id: string;
  kind: ProctorEventKind;
  startedAt: string;
  durationMs: number;
  questionId: string | null;
  questionNumber: number | null;
  evidenceId: string | null;
}

export interface ReviewEvidence {
  id: string;
  kind: 'snapshot' | 'screen';
  takenAt: string;
  bytes: number;
  recordingId: string | null;
  seq: number | null;
}

export interface DecisionRecord {
  decision: Decision;
  reason: string;
  by: { userId: string; name: string };
  at: string;
}

export interface Review {
  candidate: CandidateRow;
  exam: RoomExam & { startsAt: string };
  attempt: {
    startedAt: string | null;
    submittedAt: string | null;
    submitReason: string | null;
    deadlineAt: string | null;
  };
  events: ReviewEvent[];
  evidence: ReviewEvidence[];
  actions: ProctorAction[];
  trust: {
    score: number;
    breakdown: { kind: ProctorEventKind; seconds: number; weight: number; penalty: number }[];
  };
  decision: DecisionRecord | null;
  retention: { deleteAfter: string };
}

export function evidenceUrl(evidenceId: string): string {
  return `/api/proctoring/evidence/${encodeURIComponent(evidenceId)}/content`;
}
