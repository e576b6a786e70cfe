import type { CandidatePaper } from '@examtech/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Paged, QuestionSummary } from '../../lib/types';
import type {
  AutofillInput,
  DraftInput,
  ExamDetail,
  ScheduleInput,
  ExamSettings,
  ExamStatus,
  ExamSummary,
  ExamTemplateView,
  MyExam,
  Shortfall,
} from './types';

export const examKeys = {
  all: ['exams'] as const,
  lists: ['exams', 'list'] as const,
  list: (status: ExamStatus | null) => ['exams', 'list', { status }] as const,
  detail: (id: string) => ['exams', 'detail', id] as const,
  similar: (id: string, questionId: string) => ['exams', 'similar', id, questionId] as const,
  preview: (id: string, seed: string) => ['exams', 'preview', id, seed] as const,
  templates: ['exam-templates'] as const,
};

export function useExamTemplates() {
  return useQuery({
    queryKey: examKeys.templates,
    queryFn: () => api<{ items: ExamTemplateView[] }>('/api/exam-templates'),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}

export function useExams(status: ExamStatus | null) {
  return useQuery({
    queryKey: examKeys.list(status),
    queryFn: () => api<{ items: ExamSummary[] }>('/api/exams', { query: { status } }),
    select: (data) => data.items,
  });
}

export function useExam(id: string) {
  return useQuery({
    queryKey: examKeys.detail(id),
    queryFn: () => api<{ exam: ExamDetail }>(`/api/exams/${id}`),
    select: (data) => data.exam,
  });
}

/** Every write answers with the whole exam: keep it as the detail and refresh the lists. */
function useExamMutation<TInput, TResult extends { exam: ExamDetail }>(
  request: (input: TInput) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      queryClient.setQueryData(examKeys.detail(result.exam.id), { exam: result.exam });
      return queryClient.invalidateQueries({ queryKey: examKeys.lists });
    },
  });
}

export function useCreateExam() {
  return useExamMutation((input: { title: string; templateId?: string; templateVersion?: number }) =>
    api<{ exam: ExamDetail }>('/api/exams', { method: 'POST', body: input }),
  );
}

export function saveDraft(id: string, draft: DraftInput) {
  return api<{ exam: ExamDetail }>(`/api/exams/${id}/draft`, { method: 'PUT', body: draft });
}

export function useSaveSettings(id: string) {
  return useExamMutation((settings: ExamSettings) =>
    api<{ exam: ExamDetail }>(`/api/exams/${id}/settings`, { method: 'PUT', body: settings }),
  );
}

export function useAutofill(id: string) {
  return useExamMutation((input: AutofillInput) =>
    api<{ exam: ExamDetail; shortfalls: Shortfall[] }>(`/api/exams/${id}/autofill`, {
      method: 'POST',
      body: input,
    }),
  );
}

export function usePublishExam(id: string) {
  return useExamMutation(() => api<{ exam: ExamDetail }>(`/api/exams/${id}/publish`, { method: 'POST' }));
}

export function useUnpublishExam(id: string) {
  return useExamMutation(() => api<{ exam: ExamDetail }>(`/api/exams/${id}/unpublish`, { method: 'POST' }));
}

export function useSaveSchedule(id: string) {
  return useExamMutation((schedule: ScheduleInput) =>
    api<{ exam: ExamDetail }>(`/api/exams/${id}/schedule`, { method: 'PUT', body: schedule }),
  );
}

export function useSimilarQuestions(examId: string, questionId: string | null) {
  return useQuery({
    queryKey: examKeys.similar(examId, questionId ?? ''),
    queryFn: () =>
      api<{ items: QuestionSummary[] }>(`/api/exams/${examId}/similar`, { query: { questionId } }),
    select: (data) => data.items,
    enabled: questionId !== null,
  });
}

export function useExamPreview(id: string, seed: string) {
  return useQuery({
    queryKey: examKeys.preview(id, seed),
    queryFn: () => api<{ paper: CandidatePaper }>(`/api/exams/${id}/preview`, { query: { seed } }),
    select: (data) => data.paper,
    placeholderData: keepPreviousData,
  });
}

export interface BankFilter {
  q?: string;
  subjectId?: string | null;
  chapterId?: string | null;
  topicId?: string | null;
  type?: string | null;
  difficulty?: string | null;
  page: number;
}

/** The bank panel's list: the question bank's own filters, active questions only. */
export function useBankQuestions(filter: BankFilter) {
  return useQuery({
    queryKey: ['questions', 'list', 'exam-bank', filter],
    queryFn: () =>
      api<Paged<QuestionSummary>>('/api/questions', {
        query: { ...filter, status: 'active', pageSize: 20, sort: 'updated' },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMyExams() {
  return useQuery({
    queryKey: ['my-exams'],
    queryFn: () => api<{ upcoming: MyExam[]; past: MyExam[] }>('/api/my/exams'),
  });
}

export function useRegisterForExam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (examId: string) =>
      api<{ registered: true }>(`/api/exams/${examId}/register`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-exams'] }),
  });
}
