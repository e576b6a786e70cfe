import type { Question } from '@examtech/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../lib/api';
import type { Paged, QuestionDetail, QuestionSummary, QuestionVersion, TagCount } from '../../lib/types';
import { syllabusKeys } from '../syllabus/api';
import type { QuestionFilter } from './filters';

export const questionKeys = {
  all: ['questions'] as const,
  list: (filter: QuestionFilter) => ['questions', 'list', filter] as const,
  detail: (id: string) => ['questions', 'detail', id] as const,
  versions: (id: string) => ['questions', 'versions', id] as const,
  tags: ['questions', 'tags'] as const,
};

export function useQuestions(filter: QuestionFilter) {
  return useQuery({
    queryKey: questionKeys.list(filter),
    queryFn: () => api<Paged<QuestionSummary>>('/api/questions', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

/** The list's filters without paging: what an export of "the current selection" means. */
export function exportUrl(format: 'csv' | 'xlsx', filter: QuestionFilter): string {
  const { page: _page, pageSize: _pageSize, ...selection } = filter;
  return buildUrl(`/api/questions/export.${format}`, { ...selection });
}

export function useQuestion(id: string, enabled = true) {
  return useQuery({
    queryKey: questionKeys.detail(id),
    queryFn: () => api<{ question: QuestionDetail }>(`/api/questions/${id}`),
    select: (data) => data.question,
    enabled,
  });
}

export function useQuestionVersions(id: string) {
  return useQuery({
    queryKey: questionKeys.versions(id),
    queryFn: () => api<{ items: QuestionVersion[] }>(`/api/questions/${id}/versions`),
    select: (data) => data.items,
  });
}

export function useQuestionTags() {
  return useQuery({
    queryKey: questionKeys.tags,
    queryFn: () => api<{ items: TagCount[] }>('/api/questions/tags'),
    select: (data) => data.items,
  });
}

/** Questions change topic counts in the syllabus and the tag list, so refresh all three. */
function useQuestionMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: questionKeys.all }),
        queryClient.invalidateQueries({ queryKey: syllabusKeys.all }),
      ]),
  });
}

/** What the server takes: the core model minus what it assigns (id) or derives from the topic. */
export type QuestionInput = Omit<Question, 'id' | 'classification'>;

export interface SaveQuestion {
  id?: string;
  question: QuestionInput;
  topicId: string;
  changeNote?: string;
}

export function useSaveQuestion() {
  return useQuestionMutation(({ id, ...body }: SaveQuestion) =>
    id
      ? api<{ question: QuestionDetail }>(`/api/questions/${id}`, { method: 'PUT', body })
      : api<{ question: QuestionDetail }>('/api/questions', { method: 'POST', body }),
  );
}

export function useDuplicateQuestion() {
  return useQuestionMutation((id: string) =>
    api<{ question: QuestionDetail }>(`/api/questions/${id}/duplicate`, { method: 'POST' }),
  );
}

export function useSetQuestionArchived() {
  return useQuestionMutation(({ id, archived }: { id: string; archived: boolean }) =>
    api<{ question: QuestionDetail }>(`/api/questions/${id}/${archived ? 'archive' : 'restore'}`, {
      method: 'POST',
    }),
  );
}

export type BulkAction =
  | { action: 'tag' | 'untag'; tags: string[] }
  | { action: 'move'; topicId: string }
  | { action: 'archive' | 'restore' };

export function useBulkQuestionAction() {
  return useQuestionMutation((input: BulkAction & { ids: string[] }) =>
    api<{ updated: number }>('/api/questions/bulk', { method: 'POST', body: input }),
  );
}

/** A question image: straight to file storage when the server offers it, else multipart (asset-upload.ts). */
export { uploadImage as uploadAsset } from './asset-upload';
