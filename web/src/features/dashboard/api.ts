import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Institute, InstituteStats } from '../../lib/types';

export function useInstituteOverview() {
  return useQuery({
    queryKey: ['institute'],
    queryFn: () => api<{ institute: Institute; stats: InstituteStats }>('/api/institute'),
  });
}

/** One submitted attempt of the student's (GET /api/me/results): score and rank only once released. */
export interface MyResult {
  attemptId: string;
  examId: string;
  title: string;
  kind: 'scheduled' | 'practice';
  submittedAt: string | null;
  released: boolean;
  releasesAt: string | null;
  total: string | null;
  maxTotal: string | null;
  resultStatus: 'ranked' | 'withheld' | 'disqualified' | null;
  rank: number | null;
  percentile: string | null;
  rankedCount: number | null;
}

export const myResultsKey = ['me', 'results'] as const;

/** The student's own results summary: the dashboard's history and the practice list's scores. */
export function useMyResults() {
  return useQuery({
    queryKey: myResultsKey,
    queryFn: () => api<{ items: MyResult[] }>('/api/me/results'),
    select: (data) => data.items,
  });
}

/** Where a submitted attempt is read: its analysis, or its "awaiting release" state before release. */
export const resultPath = (attemptId: string) => `/results/${attemptId}`;
