// The proctoring vocabulary of the exam room: the kinds, the settings and which kinds each setting
// turns on are the core's (one rule for the server and the browser); this adds the room's shapes.
import {
  enabledKinds as coreEnabledKinds,
  isProctored as coreIsProctored,
  needsConsent as coreNeedsConsent,
  type ProctorEventKind,
  type ProctoringSettings,
} from '@examtech/core';

export { PROCTOR_EVENT_KINDS, type ProctorEventKind, type ProctoringSettings } from '@examtech/core';

/** What the exam room is told before Start: the settings and how long the evidence is kept. */
export type RoomProctoring = ProctoringSettings & { retentionDays: number };

/** The attempt's violation count against the exam's thresholds (submitAfter 0 = never). */
export interface Violations {
  count: number;
  warnAfter: number;
  submitAfter: number;
}

/** One event as the candidate's device sends it (`proctor:events`). */
export interface ClientEvent {
  id: string;
  kind: ProctorEventKind;
  /** Epoch ms on the server's clock, as this device estimates it. */
  startedAt: number;
  /** 0 while it lasts and has not been re-sent yet; grows with every re-send of the same id. */
  durationMs: number;
  questionId?: string;
  evidenceId?: string;
}

/** Which kinds the exam records (core's `enabledKinds`). */
export const enabledKinds = (settings: ProctoringSettings): Set<ProctorEventKind> =>
  new Set(coreEnabledKinds(settings));

export const isProctored = (
  settings: ProctoringSettings | null | undefined,
): settings is ProctoringSettings => !!settings && coreIsProctored(settings);

/** The candidate ticks consent when images of them or their screen are kept (core's `needsConsent`). */
export const needsConsent = (settings: ProctoringSettings | null | undefined): boolean =>
  !!settings && coreNeedsConsent(settings);
