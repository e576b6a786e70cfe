// The bank panel's list, narrowed to several question types. The bank's list takes one type, so
// each type is one query; page p shows page p of every type, so the pages together hold them all.
import { QUESTION_TYPES, type QuestionType } from '@examtech/core';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Paged, QuestionSummary } from '../../../lib/types';
import type { BankFilter } from '../api';

export const BANK_PAGE_SIZE = 20;

export type BuilderBankFilter = Omit<BankFilter, 'type'> & { types: QuestionType[] };

export interface BuilderBankPage {
  items: QuestionSummary[];
  total: number;
  pageCount: number;
}

export function useBuilderBankQuestions({ types, ...filter }: BuilderBankFilter) {
  const perType: (QuestionType | null)[] =
    types.length === 0 || types.length === QUESTION_TYPES.length ? [null] : types;
  return useQueries({
    queries: perType.map((type) => {
      const query = { ...filter, type };
      return {
        queryKey: ['questions', 'list', 'exam-bank', query],
        queryFn: () =>
          api<Paged<QuestionSummary>>('/api/questions', {
            query: { ...query, status: 'active', pageSize: BANK_PAGE_SIZE, sort: 'updated' },
          }),
        placeholderData: keepPreviousData,
      };
    }),
    combine: (results) => {
      const failed = results.find((result) => result.isError);
      const pages = results.map((result) => result.data);
      const isPending = pages.some((page) => page === undefined);
      const data: BuilderBankPage | undefined = isPending
        ? undefined
        : {
            items: pages
              .flatMap((page) => page?.items ?? [])
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
            total: pages.reduce((sum, page) => sum + (page?.total ?? 0), 0),
            pageCount: Math.max(1, ...pages.map((page) => Math.ceil((page?.total ?? 0) / BANK_PAGE_SIZE))),
          };
      return {
        data,
        isPending,
        isError: failed !== undefined,
        error: failed?.error ?? null,
        refetch: () => Promise.all(results.map((result) => result.refetch())),
      };
    },
  });
}
