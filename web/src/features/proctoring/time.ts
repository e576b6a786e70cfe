// Time left and the exam list's order, pure for web/test.
import type { ProctoredExam } from './types';

/** "1:05:09" from an hour up, "4:07" below, "0:00" once over: the way an exam clock reads. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Milliseconds until `deadlineAt` on the server's clock (`now` is this device's, plus the offset). */
export function timeLeftMs(deadlineAt: string | null, now: number, offsetMs = 0): number | null {
  if (deadlineAt === null) return null;
  const deadline = Date.parse(deadlineAt);
  return Number.isNaN(deadline) ? null : Math.max(0, deadline - (now + offsetMs));
}

/** Under five minutes left: the column turns red. */
export const LOW_TIME_MS = 5 * 60_000;

const statusRank: Record<ProctoredExam['status'], number> = { live: 0, upcoming: 1, ended: 2 };

/** Live exams first, then upcoming (soonest first), then ended (most recent first). */
export function orderExams(exams: readonly ProctoredExam[]): ProctoredExam[] {
  return exams.slice().sort((a, b) => {
    const byStatus = statusRank[a.status] - statusRank[b.status];
    if (byStatus !== 0) return byStatus;
    const diff = Date.parse(a.startsAt) - Date.parse(b.startsAt);
    return a.status === 'ended' ? -diff : diff;
  });
}

/** Server time minus this device's from a response's serverNow, halfway through the round trip. */
export function clockOffset(serverNow: string | undefined, sentAt: number, receivedAt: number): number {
  if (!serverNow) return 0;
  const server = Date.parse(serverNow);
  return Number.isNaN(server) ? 0 : server - (sentAt + receivedAt) / 2;
}

/** Whole minutes and seconds of a duration (rounded to the second, never negative). */
export function splitDuration(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(ms / 1_000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
