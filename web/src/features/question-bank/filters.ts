import type { Difficulty, QuestionType } from '@examtech/core';
import { DIFFICULTIES, QUESTION_TYPES } from '@examtech/core';
import { useSearchParams } from 'react-router';

/** The list's query, exactly as GET /api/questions takes it. Lives in the URL so a reload keeps it. */
export interface QuestionFilter {
  q?: string;
  subjectId?: string;
  chapterId?: string;
  topicId?: string;
  type?: QuestionType;
  difficulty?: Difficulty;
  tags?: string;
  language?: string;
  missingLanguage?: string;
  notUsedInLastExams?: number;
  status?: 'active' | 'archived';
  page?: number;
  pageSize?: number;
}

const textKeys = ['q', 'subjectId', 'chapterId', 'topicId', 'tags', 'language', 'missingLanguage'] as const;

function pickOne<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

function readPositive(value: string | null): number | undefined {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : undefined;
}

export function readFilter(params: URLSearchParams): QuestionFilter {
  const filter: QuestionFilter = {};
  for (const key of textKeys) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  filter.type = pickOne(params.get('type'), QUESTION_TYPES);
  filter.difficulty = pickOne(params.get('difficulty'), DIFFICULTIES);
  filter.status = pickOne(params.get('status'), ['active', 'archived'] as const);
  filter.notUsedInLastExams = readPositive(params.get('notUsedInLastExams'));
  filter.page = readPositive(params.get('page'));
  return filter;
}

export function writeFilter(filter: QuestionFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value));
  }
  return params;
}

/** The filter in the URL and a setter that replaces parts of it; changing anything but the page resets to page 1. */
export function useQuestionFilter(): [QuestionFilter, (changes: Partial<QuestionFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const update = (changes: Partial<QuestionFilter>) => {
    const next = { ...filter, ...changes };
    if (!('page' in changes)) delete next.page;
    void setParams(writeFilter(next), { replace: true });
  };
  return [filter, update];
}

export function isFiltered(filter: QuestionFilter): boolean {
  return Object.entries(filter).some(
    ([key, value]) => key !== 'page' && key !== 'pageSize' && value !== undefined,
  );
}
