import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CandidatePaper } from '@examtech/core';
import { api } from '../../lib/api';

export type RevisionKind = 'change_key' | 'accept_keys' | 'drop';
export type DropAward = 'everyone' | 'attempted';
export type RevisionKey = Record<string, unknown>;

export type KeyRevision = {
  id: string;
  seq: number;
  questionId: string;
  questionNumber: number | null;
  kind: RevisionKind;
  award: DropAward | null;
  keys: RevisionKey[] | null;
  reason: string;
  createdAt: string;
};

export type RevisionInput =
  | { kind: 'change_key'; questionId: string; key: RevisionKey; reason: string }
  | { kind: 'accept_keys'; questionId: string; keys: RevisionKey[]; reason: string }
  | { kind: 'drop'; questionId: string; award: DropAward; reason: string };

const revisionsKey = (examId: string) => ['exams', 'key-revisions', examId] as const;

/** The exam's answer-key revisions, in order (staff: with keys; candidates: after release). */
export function useKeyRevisions(examId: string) {
  return useQuery({
    queryKey: revisionsKey(examId),
    queryFn: () => api<{ revisions: KeyRevision[] }>(`/api/exams/${examId}/key-revisions`),
    select: (data) => data.revisions,
    retry: false,
  });
}

/** What a revision did to the signed-in student's total and rank (only revisions that changed either). */
export type MyResultChange = {
  revisionId: string;
  seq: number;
  totalBefore: string | null;
  totalAfter: string;
  rankBefore: number | null;
  rankAfter: number | null;
};

/** The student's own changes, once results are released (the server refuses before). */
export function useMyResultChanges(examId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...revisionsKey(examId), 'mine'],
    queryFn: () => api<{ changes: MyResultChange[] | null }>(`/api/exams/${examId}/my-result-changes`),
    select: (data) => data.changes,
    retry: false,
    enabled,
  });
}

/** The published paper as a sample candidate sees it: the option ids of each question to revise. */
export function useRevisablePaper(examId: string) {
  return useQuery({
    queryKey: ['exams', 'key-revisions', examId, 'paper'],
    queryFn: () => api<{ paper: CandidatePaper }>(`/api/exams/${examId}/preview`),
    select: (data) => data.paper,
  });
}

export function useReviseKey(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RevisionInput) =>
      api<{ revision: KeyRevision }>(`/api/exams/${examId}/key-revisions`, { method: 'POST', body: input }),
    // Scores, ranks and percentiles moved: every results view of the exam reads again.
    onSuccess: () => client.invalidateQueries({ queryKey: ['exams'] }),
  });
}
