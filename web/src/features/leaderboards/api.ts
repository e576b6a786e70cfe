import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { LeaderboardNames } from '../../lib/types';

export type Period = '30d' | '90d' | 'all';
export const PERIODS: Period[] = ['30d', '90d', 'all'];

export interface LeaderboardRow {
  position: number;
  /** null: hidden by the institute's privacy setting. */
  name: string | null;
  isMe: boolean;
  percentile: string;
  exams: number;
}

export interface Leaderboard {
  board: { kind: 'institute' | 'batch' | 'exam'; period?: Period; title?: string };
  names: LeaderboardNames;
  count: number;
  top: LeaderboardRow[];
  me: LeaderboardRow | null;
}

/** Which board: the institute's or a batch's over a period, or one exam's. */
export type BoardChoice =
  | { kind: 'institute'; period: Period }
  | { kind: 'batch'; batchId: string; period: Period }
  | { kind: 'exam'; examId: string };

function pathOf(choice: BoardChoice): { path: string; query: Record<string, string> } {
  switch (choice.kind) {
    case 'institute':
      return { path: '/api/leaderboards/institute', query: { period: choice.period } };
    case 'batch':
      return { path: `/api/leaderboards/batches/${choice.batchId}`, query: { period: choice.period } };
    case 'exam':
      return { path: `/api/leaderboards/exams/${choice.examId}`, query: {} };
  }
}

export function useLeaderboard(choice: BoardChoice | null, top = 10) {
  return useQuery({
    queryKey: ['leaderboards', choice, top] as const,
    queryFn: () => {
      const { path, query } = pathOf(choice!);
      return api<Leaderboard>(path, { query: { ...query, top } });
    },
    enabled: choice !== null,
  });
}

export interface LeaderboardExam {
  examId: string;
  title: string;
  lastSubmittedAt: string;
}

export function useLeaderboardExams(enabled: boolean) {
  return useQuery({
    queryKey: ['leaderboards', 'exams'] as const,
    queryFn: () => api<{ items: LeaderboardExam[] }>('/api/leaderboards/exams'),
    select: (data) => data.items,
    enabled,
  });
}
