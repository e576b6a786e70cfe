import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SyllabusKind, SyllabusNode, SyllabusSubject } from '../../lib/types';

export const syllabusKeys = {
  all: ['syllabus'] as const,
  tree: (includeArchived: boolean) => ['syllabus', { includeArchived }] as const,
};

export function useSyllabus(includeArchived = false) {
  return useQuery({
    queryKey: syllabusKeys.tree(includeArchived),
    queryFn: () => api<{ subjects: SyllabusSubject[] }>('/api/syllabus', { query: { includeArchived } }),
    select: (data) => data.subjects,
  });
}

function useSyllabusMutation<TInput>(request: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: syllabusKeys.all }),
  });
}

export interface NewSyllabusNode {
  kind: SyllabusKind;
  parentId?: string;
  name: string;
}

export function useCreateSyllabusNode() {
  return useSyllabusMutation((input: NewSyllabusNode) =>
    api<{ node: SyllabusNode }>('/api/syllabus/nodes', { method: 'POST', body: input }),
  );
}

export interface SyllabusNodeChanges {
  id: string;
  name?: string;
  position?: number;
  archived?: boolean;
}

export function useUpdateSyllabusNode() {
  return useSyllabusMutation(({ id, ...changes }: SyllabusNodeChanges) =>
    api<{ node: SyllabusNode }>(`/api/syllabus/nodes/${id}`, { method: 'PATCH', body: changes }),
  );
}
