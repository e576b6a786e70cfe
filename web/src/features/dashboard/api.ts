import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Institute, InstituteStats } from '../../lib/types';

export function useInstituteOverview() {
  return useQuery({
    queryKey: ['institute'],
    queryFn: () => api<{ institute: Institute; stats: InstituteStats }>('/api/institute'),
  });
}
