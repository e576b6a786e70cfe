import { api } from '../../lib/api';
import type { AttemptAnalysis } from './types';

export const fetchAnalysis = (attemptId: string) =>
  api<AttemptAnalysis>(`/api/attempts/${attemptId}/analysis`);

/** Staff read any submitted attempt of their exam through the exam. */
export const fetchStaffAnalysis = (examId: string, attemptId: string) =>
  api<AttemptAnalysis>(`/api/exams/${examId}/attempts/${attemptId}/analysis`);
