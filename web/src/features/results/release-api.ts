import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type ReleaseState = {
  mode: 'instant' | 'scheduled' | 'manual';
  releasesAt: string | null;
  isReleased: boolean;
  releasedAt: string | null;
  how: 'manual' | 'scheduled' | 'instant' | null;
  showsAnswerKey: boolean;
  canReleaseNow: boolean;
  reason: 'NOT_MANUAL' | 'NOT_SCHEDULED' | 'NOT_FINAL' | 'RELEASED' | null;
  possibleAt: string | null;
};

const releaseKey = (examId: string) => ['exams', 'release', examId] as const;

export function useReleaseState(examId: string) {
  return useQuery({
    queryKey: releaseKey(examId),
    queryFn: () => api<{ release: ReleaseState }>(`/api/exams/${examId}/results/release`),
    select: (data) => data.release,
  });
}

export function useReleaseResults(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ release: ReleaseState }>(`/api/exams/${examId}/results/release`, { method: 'POST', body: {} }),
    onSuccess: (data) => client.setQueryData(releaseKey(examId), data),
  });
}
