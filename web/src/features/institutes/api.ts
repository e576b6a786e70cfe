import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Institute, InstituteWithStats, User } from '../../lib/types';

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
