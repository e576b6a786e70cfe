import { findPaperItem, type Paper } from '../paper.js';
import { decideSave, type SaveDecision, type Schedule } from './schedule.js';

/**
 * An answer typed during a network outage reaches the server late: after the section or the exam
 * has closed. Integrity rule 4 says it still counts if it was answered in time; rule 2 says the
 * client's clock is not trusted. The compromise: a late save counts only when the server itself saw
 * the candidate's connection drop while the section was open, the save claims a time inside that
 * outage and before the section closed, and it arrives within a bounded window after the exam.
 */
export interface OfflineSaveContext {
  /** When the server saw the candidate's connection drop (server clock); null if it never did. */
  readonly offlineSince: number | null;
  /** When the candidate says they answered, converted to the server's clock by the measured offset. */
  readonly answeredAt: number | undefined;
  /** Now, on the server's clock. */
  readonly receivedAt: number;
  /** How long after the exam's end late saves are still taken. */
  readonly windowMs: number;
  /** Allowance for the client's clock-offset estimate and for saves sent just before the drop was seen. */
  readonly skewMs: number;
}

export type OfflineSaveDecision =
  | { readonly isAllowed: true; readonly answeredAt: number }
  | {
      readonly isAllowed: false;
      readonly reason:
        | SaveDecisionReason
        | 'UNKNOWN_QUESTION'
        | 'NOT_OFFLINE'
        | 'ANSWERED_AT_MISSING'
        | 'ANSWERED_AT_IMPLAUSIBLE'
        | 'SYNC_WINDOW_CLOSED';
    };

type SaveDecisionReason = Extract<SaveDecision, { isAllowed: false }>['reason'];

export function decideOfflineSave(
  paper: Paper,
  schedule: Schedule,
  questionId: string,
  context: OfflineSaveContext,
): OfflineSaveDecision {
  const located = findPaperItem(paper, questionId);
  if (located === undefined) return { isAllowed: false, reason: 'UNKNOWN_QUESTION' };
  const { offlineSince, answeredAt, receivedAt, windowMs, skewMs } = context;
  if (receivedAt > schedule.endsAt + windowMs) return { isAllowed: false, reason: 'SYNC_WINDOW_CLOSED' };
  if (answeredAt === undefined) return { isAllowed: false, reason: 'ANSWERED_AT_MISSING' };
  const window = schedule.sections.find((section) => section.sectionId === located.section.id);
  if (offlineSince === null || (window !== undefined && offlineSince >= window.closesAt))
    return { isAllowed: false, reason: 'NOT_OFFLINE' };
  if (answeredAt < offlineSince - skewMs || answeredAt > receivedAt)
    return { isAllowed: false, reason: 'ANSWERED_AT_IMPLAUSIBLE' };
  const inTime = decideSave(schedule, located.section.id, answeredAt);
  return inTime.isAllowed ? { isAllowed: true, answeredAt } : inTime;
}
