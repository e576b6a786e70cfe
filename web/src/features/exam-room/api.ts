import { api } from '../../lib/api';
import type { AttemptResult, AttemptState, PaperResponse, SavedAnswer, SaveResult } from './types';

export const startExam = (examId: string, deviceId: string) =>
  api<AttemptState>(`/api/exams/${examId}/start`, { method: 'POST', body: { deviceId } });

export const fetchPaper = (attemptId: string) => api<PaperResponse>(`/api/attempts/${attemptId}/paper`);

export const fetchState = (attemptId: string) => api<AttemptState>(`/api/attempts/${attemptId}/state`);

export const postSaves = (attemptId: string, deviceId: string, saves: SavedAnswer[]) =>
  api<{ results: SaveResult[] }>(`/api/attempts/${attemptId}/answers`, {
    method: 'POST',
    body: { deviceId, saves },
  });

export const submitAttempt = (attemptId: string) =>
  api<AttemptState>(`/api/attempts/${attemptId}/submit`, { method: 'POST' });

export const fetchResult = (attemptId: string) => api<AttemptResult>(`/api/attempts/${attemptId}/result`);
