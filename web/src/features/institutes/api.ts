import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Institute, InstituteWithStats, User } from '../../lib/types';
import { useInstituteOverview } from '../dashboard/api';

const institutesKey = ['institutes'] as const;

export function useInstitutes() {
  return useQuery({
    queryKey: institutesKey,
    queryFn: () => api<{ items: InstituteWithStats[] }>('/api/institutes'),
    select: (data) => data.items,
  });
}

export interface NewInstitute {
  name: string;
  slug: string;
  admin: { name: string; email: string };
}

export function useCreateInstitute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewInstitute) =>
      api<{ institute: Institute; admin: User; temporaryPassword: string }>('/api/institutes', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: institutesKey }),
  });
}

/** Every institute's zone until its admin picks another (the server's default too). */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

/** The zone staff type and read exam times in: the institute's setting (GET /api/institute). */
export function useInstituteTimeZone() {
  const overview = useInstituteOverview();
  return {
    isPending: overview.isPending,
    error: overview.error,
    refetch: overview.refetch,
    timeZone: overview.data?.institute.settings.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** The admin's change of institute settings; the institute (and what shows its times) is read again. */
export function useUpdateInstituteSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<Institute['settings']>) =>
      api<{ institute: Institute }>('/api/institute/settings', { method: 'PATCH', body: settings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['institute'] }),
  });
}
