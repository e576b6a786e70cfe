import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** One candidate's row of GET /api/exams/:id/results (docs/API.md). */
export type ResultRow = {
  attemptId: string;
  userId: string;
  name: string;
  email: string;
  rollNumber: string | null;
  attemptStatus: 'not_started' | 'in_progress' | 'submitted';
  submitReason: 'candidate' | 'deadline' | null;
  submittedAt: string | null;
  total: string | null;
  maxTotal: string | null;
  sections: { id: string; name: string; marks: string | null }[];
  resultStatus: 'ranked' | 'withheld' | 'disqualified' | null;
  statusReason: string | null;
  rank: number | null;
  percentile: string | null;
  batchRank: number | null;
  batchPercentile: string | null;
};

export type ResultPage = {
  items: ResultRow[];
  total: number;
  page: number;
  pageSize: number;
  sections: { id: string; name: string }[];
  batches: { id: string; name: string }[];
  rankedCount: number;
  computedAt: string | null;
};

export type ResultQuery = {
  sort: 'rank' | 'name' | 'score' | 'submittedAt';
  order: 'asc' | 'desc';
  batchId: string | null;
  search: string;
  page: number;
};

export const PAGE_SIZE = 50;

function queryString(query: ResultQuery): string {
  const params = new URLSearchParams({
    sort: query.sort,
    order: query.order,
    page: String(query.page),
    pageSize: String(PAGE_SIZE),
  });
  if (query.batchId) params.set('batchId', query.batchId);
  if (query.search.trim()) params.set('search', query.search.trim());
  return params.toString();
}

export function useExamResults(examId: string, query: ResultQuery) {
  return useQuery({
    queryKey: ['exams', 'results', examId, query],
    queryFn: () => api<ResultPage>(`/api/exams/${examId}/results?${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSetResultStatus(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: {
      attemptId: string;
      status: 'ranked' | 'withheld' | 'disqualified';
      reason: string;
    }) =>
      api(`/api/exams/${examId}/results/${change.attemptId}/status`, {
        method: 'POST',
        body: { status: change.status, reason: change.reason },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['exams', 'results', examId] }),
  });
}
