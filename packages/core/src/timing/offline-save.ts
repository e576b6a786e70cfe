import { findPaperItem, type Paper } from '../paper.js';
import { decideSave, type SaveDecision, type Schedule } from './schedule.js';

/**
 * An answer typed during a network outage reaches the server late: after the section or the exam
 * has closed. Integrity rule 4 says it still counts if it was answered in time; rule 2 says the
 * client's clock is not trusted. The compromise: a late save counts only when the server itself saw
 * the candidate's connection drop while the section was open, heard nothing from the attempt
 * between that moment and the claimed time, the claimed time is before the section closed, and the
 * save arrives within a bounded window after the exam.
 *
 * Presence is the attempt's, not one connection's: any authenticated activity (a save or read over
 * HTTP, a joined socket) ends the outage, so a candidate who keeps working over another channel
 * cannot date answers into a "silence" that never was. What the server received live bounds what
 * a journal may still add: a save numbered at or below the highest seq already received live was
 * made before that live save (so not during a later outage); once the candidate is back and saving
 * live, or a short while after they were heard again, the outage is closed for good; and a locked
 * section that the candidate was seen working past stays closed.
 */
export interface OfflineSaveContext {
  /** When the server last heard the attempt before the outage it recorded (server clock); null if none. */
  readonly offlineSince: number | null;
  /** When the server heard the attempt again after `offlineSince`; null while it has heard nothing. */
  readonly onlineAgainAt: number | null;
  /** When the candidate says they answered, converted to the server's clock by the measured offset. */
  readonly answeredAt: number | undefined;
  /** The save's per-attempt sequence number. */
  readonly seq: number;
  /** The highest seq the server stored from a live (not journal) save of this attempt before this request. */
  readonly highestLiveSeq: number;
  /** When the latest live save stored before this request arrived; null if none. */
  readonly latestLiveAt: number | null;
  /** Sections that had a live save stored before this request. */
  readonly liveSectionIds: ReadonlySet<string>;
  /** Now, on the server's clock. */
  readonly receivedAt: number;
  /** How long after the exam's end late saves are still taken. */
  readonly windowMs: number;
  /** How long after the server heard the attempt again its journal may still arrive (a reconnect syncs at once). */
  readonly resyncMs: number;
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
        | 'SEEN_LIVE_SINCE'
        | 'SECTION_LEFT'
        | 'RESYNC_WINDOW_CLOSED'
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
  const { offlineSince, onlineAgainAt, answeredAt, receivedAt, windowMs, skewMs } = context;
  if (receivedAt > schedule.endsAt + windowMs) return { isAllowed: false, reason: 'SYNC_WINDOW_CLOSED' };
  if (answeredAt === undefined) return { isAllowed: false, reason: 'ANSWERED_AT_MISSING' };
  if (context.seq <= context.highestLiveSeq) return { isAllowed: false, reason: 'SEEN_LIVE_SINCE' };
  const index = schedule.sections.findIndex((section) => section.sectionId === located.section.id);
  const window = schedule.sections[index];
  if (offlineSince === null || (window !== undefined && offlineSince >= window.closesAt))
    return { isAllowed: false, reason: 'NOT_OFFLINE' };
  const isOver = onlineAgainAt !== null && onlineAgainAt >= offlineSince;
  // Back online, the browser sends its journal first, with (or before) any new live save: once a
  // live save came in after the outage ended, or a while has passed, the outage has nothing left.
  if (isOver && context.latestLiveAt !== null && context.latestLiveAt >= onlineAgainAt)
    return { isAllowed: false, reason: 'SEEN_LIVE_SINCE' };
  if (isOver && receivedAt > onlineAgainAt + context.resyncMs)
    return { isAllowed: false, reason: 'RESYNC_WINDOW_CLOSED' };
  if (
    schedule.isLocked &&
    schedule.sections.slice(index + 1).some((s) => context.liveSectionIds.has(s.sectionId))
  )
    return { isAllowed: false, reason: 'SECTION_LEFT' };
  // The outage is [offlineSince, onlineAgainAt): an answer dated after the server heard the attempt
  // again was typed online and should have arrived live.
  const silentUntil = isOver ? onlineAgainAt : receivedAt;
  if (answeredAt < offlineSince - skewMs || answeredAt > Math.min(silentUntil, receivedAt))
    return { isAllowed: false, reason: 'ANSWERED_AT_IMPLAUSIBLE' };
  const inTime = decideSave(schedule, located.section.id, answeredAt);
  return inTime.isAllowed ? { isAllowed: true, answeredAt } : inTime;
}
