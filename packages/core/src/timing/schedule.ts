/**
 * Integrity rule 2: time is the server's. These pure functions turn a start time, a paper's
 * durations and a candidate's compensatory time into absolute deadlines (epoch ms), and answer
 * "what is open now" and "may this save be accepted". Deadlines are exclusive: at exactly
 * `endsAt` the exam is over.
 */
import { CoreError } from '../errors.js';
import { findPaperItem, type Paper } from '../paper.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface TimingPlan {
  readonly durationMs: number;
  /** Locked sections in their fixed order; their durations add up to `durationMs`. Null when the whole paper is open. */
  readonly lockedSections: readonly { readonly id: string; readonly durationMs: number }[] | null;
  readonly sectionIds: readonly string[];
}

export interface SectionWindow {
  readonly sectionId: string;
  readonly opensAt: number;
  readonly closesAt: number;
}

export interface Schedule {
  readonly startedAt: number;
  readonly endsAt: number;
  readonly compensatoryMs: number;
  readonly isLocked: boolean;
  /** In order. For an unlocked paper every section spans the whole exam. */
  readonly sections: readonly SectionWindow[];
}

export function createTimingPlan(paper: Paper): TimingPlan {
  const durationMs = paper.durationMinutes * MINUTE_MS;
  const sectionIds = paper.sections.map((section) => section.id);
  if (!paper.lockedSections) return { durationMs, lockedSections: null, sectionIds };
  const lockedSections = paper.sections.map((section) => {
    if (section.durationMinutes === undefined)
      throw new CoreError('TIMING_SECTION_DURATION_MISSING', `locked section ${section.id} has no duration`);
    return { id: section.id, durationMs: section.durationMinutes * MINUTE_MS };
  });
  const sum = lockedSections.reduce((total, section) => total + section.durationMs, 0);
  if (sum !== durationMs)
    throw new CoreError(
      'TIMING_DURATION_MISMATCH',
      `locked sections last ${sum} ms, the paper ${durationMs} ms`,
    );
  return { durationMs, lockedSections, sectionIds };
}

/** PwBD compensatory time: e.g. 20 minutes per hour of exam time (3 h -> 60 min). Whole milliseconds, rounded down. */
export function computeCompensatoryMs(durationMs: number, minutesPerHour: number): number {
  return Math.floor((durationMs * minutesPerHour * MINUTE_MS) / HOUR_MS);
}

/** Compensatory time as a candidate is told it: whole minutes, to the nearest (7.5 min shows as 8). */
export function toCompensatoryMinutes(compensatoryMs: number): number {
  return Math.round(compensatoryMs / MINUTE_MS);
}

/**
 * Compensatory time of a locked paper is spread over its sections in proportion to their
 * length (CAT: each 40-minute section gets a third), because the extra time compensates for
 * working slower, which applies to every section alike. Section boundaries are computed from
 * cumulative shares rounded down, so the shares add up exactly to the compensatory time and no
 * boundary moves earlier when compensatory time grows.
 */
export function computeSchedule(plan: TimingPlan, startedAt: number, compensatoryMs = 0): Schedule {
  if (!Number.isSafeInteger(compensatoryMs) || compensatoryMs < 0)
    throw new CoreError(
      'TIMING_COMPENSATORY_INVALID',
      'compensatory time must be whole, non-negative milliseconds',
    );
  const endsAt = startedAt + plan.durationMs + compensatoryMs;
  if (plan.lockedSections === null) {
    return {
      startedAt,
      endsAt,
      compensatoryMs,
      isLocked: false,
      sections: plan.sectionIds.map((sectionId) => ({ sectionId, opensAt: startedAt, closesAt: endsAt })),
    };
  }
  let elapsedMs = 0;
  let opensAt = startedAt;
  const sections = plan.lockedSections.map((section) => {
    elapsedMs += section.durationMs;
    const share =
      plan.durationMs === 0
        ? 0
        : Number((BigInt(compensatoryMs) * BigInt(elapsedMs)) / BigInt(plan.durationMs));
    const window = { sectionId: section.id, opensAt, closesAt: startedAt + elapsedMs + share };
    opensAt = window.closesAt;
    return window;
  });
  return { startedAt, endsAt, compensatoryMs, isLocked: true, sections };
}

/**
 * Time the clock stood still or was given back: a proctor's pause (at the pause, for as long as it
 * lasted) or an extension (at the moment it was granted). Only what was still ahead at `atMs` moves:
 * a locked section that had already closed stays closed, so a pause can never reopen one (answers
 * dated inside a closed section stay refused, as without the pause).
 */
export interface TimeAdjustment {
  readonly atMs: number;
  readonly addMs: number;
}

export function adjustSchedule(schedule: Schedule, adjustments: readonly TimeAdjustment[]): Schedule {
  let adjusted = schedule;
  for (const { atMs, addMs } of [...adjustments].sort((a, b) => a.atMs - b.atMs)) {
    if (!Number.isSafeInteger(addMs) || addMs < 0)
      throw new CoreError('TIMING_ADJUSTMENT_INVALID', 'an adjustment adds whole, non-negative milliseconds');
    const shift = (boundary: number) => (boundary > atMs ? boundary + addMs : boundary);
    adjusted = {
      ...adjusted,
      endsAt: shift(adjusted.endsAt),
      sections: adjusted.sections.map((window) => ({
        sectionId: window.sectionId,
        opensAt: shift(window.opensAt),
        closesAt: shift(window.closesAt),
      })),
    };
  }
  return adjusted;
}

export type ExamPhase = 'not_started' | 'running' | 'ended';

export interface TimeStatus {
  readonly phase: ExamPhase;
  /** The section the candidate may work on; null before the start and after the end. For an unlocked paper, null too (all are open). */
  readonly openSectionId: string | null;
  readonly sectionRemainingMs: number;
  readonly totalRemainingMs: number;
}

export function getTimeStatus(schedule: Schedule, now: number): TimeStatus {
  const totalRemainingMs = Math.max(0, schedule.endsAt - Math.max(now, schedule.startedAt));
  if (now < schedule.startedAt)
    return { phase: 'not_started', openSectionId: null, sectionRemainingMs: 0, totalRemainingMs };
  if (now >= schedule.endsAt)
    return { phase: 'ended', openSectionId: null, sectionRemainingMs: 0, totalRemainingMs: 0 };
  if (!schedule.isLocked)
    return { phase: 'running', openSectionId: null, sectionRemainingMs: totalRemainingMs, totalRemainingMs };
  const open = schedule.sections.find((window) => window.opensAt <= now && now < window.closesAt);
  return {
    phase: 'running',
    openSectionId: open?.sectionId ?? null,
    sectionRemainingMs: open === undefined ? 0 : open.closesAt - now,
    totalRemainingMs,
  };
}

export type SaveDecision =
  | { readonly isAllowed: true }
  | {
      readonly isAllowed: false;
      readonly reason:
        'NOT_STARTED' | 'EXAM_ENDED' | 'SECTION_CLOSED' | 'SECTION_NOT_OPEN_YET' | 'UNKNOWN_SECTION';
    };

/**
 * May an answer to a question of `sectionId`, received at `at`, be stored? `graceMs` lets a save
 * that was in flight when the exam ran out still land (the server uses a small grace, never the
 * client's clock). It covers the exam's end only: when a locked section closes the next one is
 * open, and a save for the section the candidate has left would be time taken from the next one.
 */
export function decideSave(schedule: Schedule, sectionId: string, at: number, graceMs = 0): SaveDecision {
  const window = schedule.sections.find((candidate) => candidate.sectionId === sectionId);
  if (window === undefined) return { isAllowed: false, reason: 'UNKNOWN_SECTION' };
  if (at < schedule.startedAt) return { isAllowed: false, reason: 'NOT_STARTED' };
  if (at < window.opensAt) return { isAllowed: false, reason: 'SECTION_NOT_OPEN_YET' };
  const isLast = window.closesAt === schedule.endsAt;
  if (at >= window.closesAt + (isLast ? graceMs : 0))
    return { isAllowed: false, reason: isLast ? 'EXAM_ENDED' : 'SECTION_CLOSED' };
  return { isAllowed: true };
}

export function canSaveAnswer(schedule: Schedule, sectionId: string, at: number, graceMs = 0): boolean {
  return decideSave(schedule, sectionId, at, graceMs).isAllowed;
}

/** decideSave for a question id: looks up the question's section in the paper. */
export function decideSaveForQuestion(
  paper: Paper,
  schedule: Schedule,
  questionId: string,
  at: number,
  graceMs = 0,
): SaveDecision | { readonly isAllowed: false; readonly reason: 'UNKNOWN_QUESTION' } {
  const located = findPaperItem(paper, questionId);
  if (located === undefined) return { isAllowed: false, reason: 'UNKNOWN_QUESTION' };
  return decideSave(schedule, located.section.id, at, graceMs);
}
