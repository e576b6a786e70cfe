import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { clockOffset } from './time';
import { replaceRow } from './rows';
import type {
  ActionRequest,
  CandidatePage,
  CandidateRow,
  Decision,
  DecisionRecord,
  ProctorAction,
  ProctoredExam,
  Review,
  RoomData,
  TrustWeights,
} from './types';

/** The page loads every candidate up to this many (one exam hall of a large institute). */
export const ROOM_CAP = 2_000;
const PAGE_LIMIT = 200;

export const proctoringKeys = {
  exams: ['proctoring', 'exams'] as const,
  room: (examId: string) => ['proctoring', 'room', examId] as const,
  review: (attemptId: string) => ['proctoring', 'review', attemptId] as const,
};

export function useProctoredExams() {
  return useQuery({
    queryKey: proctoringKeys.exams,
    queryFn: () => api<{ exams: ProctoredExam[] }>('/api/proctoring/exams'),
    // Upcoming exams go live while the page is open.
    refetchInterval: 60_000,
  });
}

/** Every page of the room's candidates (all filters are applied in the page, over live data). */
export async function fetchRoom(examId: string): Promise<RoomData> {
  const path = `/api/proctoring/exams/${encodeURIComponent(examId)}/candidates`;
  const sentAt = Date.now();
  const first = await api<CandidatePage>(path, { query: { filter: 'all', limit: PAGE_LIMIT } });
  const offset = clockOffset(first.serverNow, sentAt, Date.now());
  // By userId: scores move while the pages load, so a row can come on two pages (the later wins).
  const candidates = new Map(first.candidates.map((row) => [row.userId, row]));
  let cursor = first.nextCursor;
  while (cursor !== null && candidates.size < ROOM_CAP) {
    const page = await api<CandidatePage>(path, {
      query: { filter: 'all', cursor, limit: Math.min(PAGE_LIMIT, ROOM_CAP - candidates.size) },
    });
    for (const row of page.candidates) candidates.set(row.userId, row);
    cursor = page.nextCursor;
  }
  return {
    exam: first.exam,
    batches: first.batches,
    candidates: [...candidates.values()].slice(0, ROOM_CAP),
    totals: first.totals,
    capped: cursor !== null,
    clockOffsetMs: offset,
  };
}

export function useRoom(examId: string) {
  return useQuery({
    queryKey: proctoringKeys.room(examId),
    queryFn: () => fetchRoom(examId),
    // The socket keeps the grid fresh; a refetch on every focus would reload 2,000 rows.
    refetchOnWindowFocus: false,
    // Status, time left and answered counts are not pushed (a save is no proctoring event): read again.
    refetchInterval: 20_000,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Puts the server's row for one candidate into the room's cache. */
export function storeCandidate(client: QueryClient, examId: string, row: CandidateRow): void {
  client.setQueryData<RoomData>(proctoringKeys.room(examId), (room) =>
    room ? { ...room, candidates: replaceRow(room.candidates, row) } : room,
  );
}

export function useProctorAction(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ attemptId, request }: { attemptId: string; request: ActionRequest }) =>
      api<{ action: ProctorAction; candidate: CandidateRow }>(
        `/api/proctoring/attempts/${encodeURIComponent(attemptId)}/actions`,
        { method: 'POST', body: request },
      ),
    onSuccess: ({ candidate }, { attemptId }) => {
      storeCandidate(client, examId, candidate);
      void client.invalidateQueries({ queryKey: proctoringKeys.review(attemptId) });
    },
  });
}

export function useReview(attemptId: string) {
  return useQuery({
    queryKey: proctoringKeys.review(attemptId),
    queryFn: () => api<Review>(`/api/proctoring/attempts/${encodeURIComponent(attemptId)}/review`),
  });
}

export function useSetDecision(examId: string, attemptId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: Decision; reason: string }) =>
      api<{ decision: DecisionRecord | Decision }>(
        `/api/proctoring/attempts/${encodeURIComponent(attemptId)}/decision`,
        { method: 'PUT', body },
      ),
    onSuccess: (_reply, body) => {
      client.setQueryData<RoomData>(proctoringKeys.room(examId), (room) =>
        room
          ? {
              ...room,
              candidates: room.candidates.map((row) =>
                row.attemptId === attemptId ? { ...row, decision: body.decision } : row,
              ),
            }
          : room,
      );
      return client.invalidateQueries({ queryKey: proctoringKeys.review(attemptId) });
    },
  });
}

export function useSetWeights(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (weights: TrustWeights) =>
      api<{ weights: TrustWeights }>(`/api/proctoring/exams/${encodeURIComponent(examId)}/weights`, {
        method: 'PUT',
        body: { weights },
      }),
    // Every score is recomputed on the server: read the review and the room again.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['proctoring', 'review'] }),
        client.invalidateQueries({ queryKey: proctoringKeys.room(examId) }),
      ]),
  });
}
