// The candidate's proctoring calls over HTTP (contract, issue 14): events when there is no socket,
// and the three steps of an evidence upload.
import { api, putBytes } from '../../../lib/api';
import type { ClientEvent, Violations } from './kinds';

export interface EventResult {
  id: string;
  status: 'stored' | 'duplicate' | 'rejected';
  code?: string;
}

/** The reply to `proctor:events` and to its HTTP fallback. */
export interface EventsAck {
  results: EventResult[];
  violations: Violations;
  warning: boolean;
  submitted: boolean;
}

export const postProctorEvents = (attemptId: string, events: ClientEvent[]) =>
  api<EventsAck>(`/api/attempts/${attemptId}/proctoring/events`, { method: 'POST', body: { events } });

export interface EvidenceRequest {
  kind: 'snapshot' | 'screen';
  contentType: 'image/jpeg' | 'image/webp' | 'video/webm';
  bytes: number;
  /** Epoch ms, server clock as estimated here. */
  takenAt: number;
  seq?: number;
  recordingId?: string;
}

interface CreatedEvidence {
  evidenceId: string;
  upload: { method: 'PUT'; url: string; headers: Record<string, string> };
}

export const createEvidence = (attemptId: string, request: EvidenceRequest) =>
  api<CreatedEvidence>(`/api/attempts/${attemptId}/proctoring/evidence`, { method: 'POST', body: request });

export const uploadEvidence = (created: CreatedEvidence, body: Blob) =>
  putBytes(created.upload.url, body, created.upload.headers);

export const completeEvidence = (evidenceId: string) =>
  api<{ evidenceId: string }>(`/api/proctoring/evidence/${evidenceId}/complete`, { method: 'POST' });
