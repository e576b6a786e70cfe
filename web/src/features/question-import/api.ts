import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ImportStatus, QuestionImport } from '../../lib/types';
import { questionKeys } from '../question-bank/api';
import { syllabusKeys } from '../syllabus/api';

export const templateUrls = {
  csv: '/api/question-imports/template.csv',
  xlsx: '/api/question-imports/template.xlsx',
};

export const errorReportUrl = (id: string) => `/api/question-imports/${id}/errors.csv`;

const importKey = (id: string) => ['question-imports', id] as const;
const pollIntervalMs = 700;
const busyStatuses: ImportStatus[] = ['validating', 'committing'];

export function isImportBusy(status: ImportStatus): boolean {
  return busyStatuses.includes(status);
}

/** The import's state, polled while the server is validating or committing it. */
export function useQuestionImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: async () => {
      const { import: view } = await api<{ import: QuestionImport }>(`/api/question-imports/${id}`);
      // New questions and maybe new syllabus entries: lists elsewhere are stale now.
      if (view.status === 'committed') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: questionKeys.all }),
          queryClient.invalidateQueries({ queryKey: syllabusKeys.all }),
        ]);
      }
      return view;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data && !isImportBusy(query.state.data.status) ? false : pollIntervalMs,
  });
}

export interface ImportUpload {
  file: File;
  images: File | null;
  createMissingSyllabus: boolean;
}

export function useStartImport() {
  return useMutation({
    mutationFn: ({ file, images, createMissingSyllabus }: ImportUpload) => {
      const body = new FormData();
      // Fields first: a streaming multipart parser sees the option before the (large) files.
      body.append('createMissingSyllabus', String(createMissingSyllabus));
      body.append('file', file);
      if (images) body.append('images', images);
      return api<{ import: QuestionImport }>('/api/question-imports', { method: 'POST', body });
    },
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, duplicates }: { id: string; duplicates: 'skip' | 'import' }) =>
      api<{ import: QuestionImport }>(`/api/question-imports/${id}/commit`, {
        method: 'POST',
        body: { duplicates },
      }),
    onSuccess: ({ import: view }) => queryClient.setQueryData(importKey(view.id), view),
  });
}
