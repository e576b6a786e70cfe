import { api } from '../../lib/api';
import type { AttemptAnalysis } from './types';

export const fetchAnalysis = (attemptId: string) =>
  api<AttemptAnalysis>(`/api/attempts/${attemptId}/analysis`);
