import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { RoomProctoring } from './proctoring/kinds';
import { estimateClockOffset, settleClockOffset } from './server-clock';
import type { Language } from './types';

/** What the candidate reads before Start (GET /api/exams/:id/candidate-info). */
export interface ExamInfo {
  title: string;
  durationMinutes: number;
  startsAt: string | null;
  compensatoryMinutes: number;
  instructions: Record<Language, string>;
  languages: Language[];
  cameraRequired: boolean;
  /** The exam's proctoring (issue 14); null from a server (or a cached answer) without it. */
  proctoring: RoomProctoring | null;
  /** The exam can no longer be sat by this candidate (the server's clock decides). */
  isOver: boolean;
  /** The candidate's started or submitted attempt, if any. */
  attemptId: string | null;
  /** Server time minus this device's time, in ms: the countdown runs on the server's clock. */
  offsetMs: number;
}

interface CandidateInfo {
  title: string;
  durationMinutes: number;
  compensatoryMinutes: number;
  instructions: Record<Language, string>;
  languages: Language[];
  cameraRequired: boolean;
  proctoring?: RoomProctoring;
  schedule: { startsAt: string } | null;
  attempt: { id: string; status: string } | null;
  isOver: boolean;
  serverNow: string;
}

export function useExamInfo(examId: string) {
  return useQuery({
    queryKey: ['exam-room', 'info', examId],
    queryFn: async (): Promise<ExamInfo | null> => {
      const sentAt = Date.now();
      const info = await api<CandidateInfo>(`/api/exams/${examId}/candidate-info`);
      // A replay of a cached answer keeps the last offset.
      const offsetMs = settleClockOffset(
        info.serverNow,
        estimateClockOffset(info.serverNow, sentAt, Date.now()),
      );
      return {
        offsetMs,
        title: info.title,
        durationMinutes: info.durationMinutes,
        startsAt: info.schedule?.startsAt ?? null,
        compensatoryMinutes: info.compensatoryMinutes,
        instructions: info.instructions,
        languages: info.languages,
        cameraRequired: info.cameraRequired,
        proctoring: info.proctoring ?? null,
        isOver: info.isOver,
        attemptId: info.attempt?.id ?? null,
      };
    },
  });
}
