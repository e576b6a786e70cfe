import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answer, CandidateQuestion, Question, QuestionKey } from '@examtech/core';
import { api } from '../../lib/api';
import type { DropAward, RevisionKey } from '../results/revisions-api';

export type ChallengeStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

/** A candidate's own challenge (GET/POST /api/exams/:id/challenges, docs/API.md). */
export type OwnChallenge = {
  id: string;
  questionId: string;
  reason: string;
  claimedAnswer: Answer | null;
  status: ChallengeStatus;
  createdAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
};

export type KeyItem = {
  number: number;
  questionId: string;
  sectionName: string;
  question: CandidateQuestion;
  response: Answer | null;
  keys: QuestionKey[];
  dropped: DropAward | null;
  isRevised: boolean;
  challenge: OwnChallenge | null;
};

type Publication = {
  published: boolean;
  publishedAt: string | null;
  challengesCloseAt: string | null;
  isWindowOpen: boolean;
  title: string;
};
export type CandidateKey = Publication & { hasSat: boolean; questions: KeyItem[] };
export type StaffKeyState = Publication & {
  publishedBy: string | null;
  possibleAt: string | null;
  canPublish: boolean;
  serverNow: string;
};

export type ChallengeGroup = {
  questionId: string;
  questionNumber: number | null;
  sectionName: string | null;
  pending: number;
  accepted: number;
  rejected: number;
  total: number;
  question: Question | null;
  keys: QuestionKey[];
  dropped: DropAward | null;
  challenges: Omit<OwnChallenge, 'questionId'>[];
};

export type DecisionRevision =
  | { kind: 'change_key'; key: RevisionKey }
  | { kind: 'accept_keys'; keys: RevisionKey[] }
  | { kind: 'drop'; award: DropAward };
export type DecisionInput =
  { decision: 'accept'; revision: DecisionRevision; reason: string } | { decision: 'reject'; reason: string };

const keyOf = (examId: string) => ['exams', 'provisional-key', examId] as const;
const challengesOf = (examId: string) => ['exams', 'challenges', examId] as const;

/** The provisional key as a candidate reads it: their responses and the current key. */
export function useCandidateKey(examId: string) {
  return useQuery({
    queryKey: keyOf(examId),
    queryFn: () => api<{ provisionalKey: CandidateKey }>(`/api/exams/${examId}/provisional-key`),
    select: (data) => data.provisionalKey,
    retry: false,
  });
}

/** Staff: whether the key is published, and from when it can be. */
export function useStaffKeyState(examId: string) {
  return useQuery({
    queryKey: keyOf(examId),
    queryFn: () => api<{ provisionalKey: StaffKeyState }>(`/api/exams/${examId}/provisional-key`),
    select: (data) => data.provisionalKey,
  });
}

export function usePublishKey(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (challengeWindowHours: number) =>
      api<{ provisionalKey: Publication }>(`/api/exams/${examId}/provisional-key`, {
        method: 'POST',
        body: { challengeWindowHours },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keyOf(examId) }),
  });
}

export function useChallengeGroups(examId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: challengesOf(examId),
    queryFn: () => api<{ questions: ChallengeGroup[] }>(`/api/exams/${examId}/challenges`),
    select: (data) => data.questions,
    enabled: isEnabled,
  });
}

export function useChallenge(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { questionId: string; reason: string; claimedAnswer: Answer | null }) =>
      api<{ challenge: OwnChallenge }>(`/api/exams/${examId}/challenges`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keyOf(examId) }),
  });
}

export function useWithdrawChallenge(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (challengeId: string) =>
      api(`/api/exams/${examId}/challenges/${challengeId}/withdraw`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keyOf(examId) }),
  });
}

export function useDecideChallenges(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, input }: { questionId: string; input: DecisionInput }) =>
      api(`/api/exams/${examId}/challenges/questions/${questionId}/decision`, {
        method: 'POST',
        body: input,
      }),
    // An accepted challenge rescored every attempt: every results view of the exam reads again.
    onSuccess: () => client.invalidateQueries({ queryKey: ['exams'] }),
  });
}
