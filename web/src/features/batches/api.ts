import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Batch } from '../../lib/types';

export const batchKeys = {
  all: ['batches'] as const,
  list: (includeArchived: boolean) => ['batches', 'list', { includeArchived }] as const,
  detail: (id: string) => ['batches', 'detail', id] as const,
};

export function useBatches(includeArchived = false) {
  return useQuery({
    queryKey: batchKeys.list(includeArchived),
    queryFn: () => api<{ items: Batch[] }>('/api/batches', { query: { includeArchived } }),
    select: (data) => data.items,
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: batchKeys.detail(id),
    queryFn: () => api<{ batch: Batch }>(`/api/batches/${id}`),
    select: (data) => data.batch,
  });
}

/** Batch options for selects: active batches, labelled by name and code. */
export function useBatchOptions() {
  const batches = useBatches();
  const options = (batches.data ?? []).map((batch) => ({
    value: batch.id,
    label: `${batch.name} (${batch.code})`,
  }));
  return { options, isLoading: batches.isLoading };
}

export interface NewBatch {
  name: string;
  code: string;
  description?: string;
}

function useBatchMutation<TInput>(request: (input: TInput) => Promise<{ batch: Batch }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: ({ batch }) => {
      queryClient.setQueryData(batchKeys.detail(batch.id), { batch });
      return queryClient.invalidateQueries({ queryKey: batchKeys.all });
    },
  });
}

export function useCreateBatch() {
  return useBatchMutation((input: NewBatch) =>
    api<{ batch: Batch }>('/api/batches', { method: 'POST', body: input }),
  );
}

export interface BatchChanges {
  id: string;
  name?: string;
  description?: string;
  archived?: boolean;
}

export function useUpdateBatch() {
  return useBatchMutation(({ id, ...changes }: BatchChanges) =>
    api<{ batch: Batch }>(`/api/batches/${id}`, { method: 'PATCH', body: changes }),
  );
}

export function useAssignBatchStaff() {
  return useBatchMutation(({ id, userIds }: { id: string; userIds: string[] }) =>
    api<{ batch: Batch }>(`/api/batches/${id}/staff`, { method: 'PUT', body: { userIds } }),
  );
}
