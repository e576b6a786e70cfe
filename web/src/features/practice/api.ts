import type { Difficulty } from '@examtech/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface PracticeSettings {
  disabledSubjectIds: string[];
  releasedOnly: boolean;
}

export type PracticeScope = 'chapter' | 'subject' | 'template' | 'topic';
export type PracticeDifficulty = Difficulty | 'mixed';

export interface NewPracticeTest {
  scope: PracticeScope;
  chapterIds?: string[];
  subjectIds?: string[];
  topicIds?: string[];
  templateId?: string;
  /** Only questions never seen in any attempt (the progress page's one-click practice). */
  excludeSeen?: boolean;
  questionCount: number;
  difficulty: PracticeDifficulty;
  durationMinutes?: number;
}

export interface PracticeTest {
  id: string;
  title: string;
  questionCount: number;
  durationMinutes: number;
  createdAt: string;
  shortfall?: string;
}

const practiceKeys = {
  settings: ['practice-settings'] as const,
  tests: ['practice-tests'] as const,
};

export function usePracticeSettings() {
  return useQuery({
    queryKey: practiceKeys.settings,
    queryFn: () => api<PracticeSettings>('/api/practice-settings'),
  });
}

export function useSavePracticeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: PracticeSettings) =>
      api<PracticeSettings>('/api/practice-settings', { method: 'PUT', body: settings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.settings }),
  });
}

export function usePracticeTests() {
  return useQuery({
    queryKey: practiceKeys.tests,
    queryFn: () => api<{ items: PracticeTest[] }>('/api/practice-tests'),
    select: (data) => data.items,
  });
}

export function useCreatePracticeTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPracticeTest) =>
      api<{ practiceTest: PracticeTest }>('/api/practice-tests', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.tests }),
  });
}
