import { api, isApiError } from '../../lib/api';
import { fileOfflineAnswer, recallOffline, rememberOffline } from '../../service-worker/offline-cache';
import { adoptDeviceId } from './device-id';
import type { AttemptResult, AttemptState, PaperResponse, SavedAnswer, SaveResult } from './types';

const statePath = (attemptId: string) => `/api/attempts/${attemptId}/state`;

/** The attempt this browser last started for an exam, and the device id it started with. */
interface StartedHere {
  attemptId: string;
  deviceId: string;
}

/**
 * Start (or resume). When the server cannot be reached at all, an attempt this device already
 * started resumes from the attempt's last known state, which the service worker replays; the
 * journal still holds every answer. A server that answers, even with an error, is always believed.
 */
export async function startExam(
  examId: string,
  deviceId: string,
  hasProctoringConsent = false,
): Promise<AttemptState> {
  try {
    const state = await api<AttemptState>(`/api/exams/${examId}/start`, {
      method: 'POST',
      // A proctored exam starts only with the candidate's consent (PROCTORING_CONSENT_REQUIRED).
      body: hasProctoringConsent ? { deviceId, proctoringConsent: true } : { deviceId },
    });
    rememberOffline(`attempt.${examId}`, { attemptId: state.attempt.id, deviceId } satisfies StartedHere);
    await fileOfflineAnswer(statePath(state.attempt.id), state);
    return state;
  } catch (error) {
    const started = recallOffline<StartedHere>(`attempt.${examId}`);
    if (!isApiError(error, 'NETWORK_ERROR') || !started) throw error;
    let state: AttemptState;
    try {
      state = await fetchState(started.attemptId);
    } catch {
      throw error;
    }
    // The server knows this browser by the id it started with; a restarted browser's new tab id would
    // get the answers made offline refused as another device's once the network returns.
    adoptDeviceId(started.deviceId);
    return state;
  }
}

export const fetchPaper = (attemptId: string) => api<PaperResponse>(`/api/attempts/${attemptId}/paper`);

export const fetchState = (attemptId: string) => api<AttemptState>(statePath(attemptId));

export const postSaves = (attemptId: string, deviceId: string, saves: SavedAnswer[]) =>
  api<{ results: SaveResult[] }>(`/api/attempts/${attemptId}/answers`, {
    method: 'POST',
    body: { deviceId, saves },
  });

export const submitAttempt = (attemptId: string) =>
  api<AttemptState>(`/api/attempts/${attemptId}/submit`, { method: 'POST' });

export const fetchResult = (attemptId: string) => api<AttemptResult>(`/api/attempts/${attemptId}/result`);
