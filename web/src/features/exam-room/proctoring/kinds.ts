// The proctoring vocabulary of the exam room, as the server contract (issue 14) defines it. Core
// exports the same list as PROCTOR_EVENT_KINDS / enabledKinds; it is spelled out here until that
// lands in packages/core on this branch, and must stay identical to it.

export const PROCTOR_EVENT_KINDS = [
  'tab_hidden',
  'window_blur',
  'fullscreen_exit',
  'copy',
  'paste',
  'cut',
  'context_menu',
  'second_screen',
  'devtools_open',
  'offline',
  'no_face',
  'multiple_faces',
  'face_away',
  'screen_share_stopped',
  'camera_stopped',
] as const;

export type ProctorEventKind = (typeof PROCTOR_EVENT_KINDS)[number];

/** The exam's `settings.proctoring`. */
export interface ProctoringSettings {
  webcamSnapshots: boolean;
  snapshotIntervalSeconds: number;
  screenRecording: boolean;
  tabSwitchDetection: boolean;
  fullScreenRequired: boolean;
  warnAfterViolations: number;
  submitAfterViolations: number;
}

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

/** Which kinds each setting turns on (core's `enabledKinds`). */
export function enabledKinds(settings: ProctoringSettings): Set<ProctorEventKind> {
  const kinds = new Set<ProctorEventKind>();
  if (settings.tabSwitchDetection)
    for (const kind of [
      'tab_hidden',
      'window_blur',
      'copy',
      'paste',
      'cut',
      'context_menu',
      'second_screen',
      'devtools_open',
      'offline',
    ] as const)
      kinds.add(kind);
  if (settings.fullScreenRequired) kinds.add('fullscreen_exit');
  if (settings.webcamSnapshots)
    for (const kind of ['no_face', 'multiple_faces', 'face_away', 'camera_stopped'] as const) kinds.add(kind);
  if (settings.screenRecording) kinds.add('screen_share_stopped');
  return kinds;
}

export function isProctored(settings: ProctoringSettings | null | undefined): settings is ProctoringSettings {
  return (
    !!settings &&
    (settings.webcamSnapshots ||
      settings.screenRecording ||
      settings.tabSwitchDetection ||
      settings.fullScreenRequired)
  );
}

/**
 * The candidate ticks consent when images of them or their screen are kept (core's `needsConsent`);
 * signals alone are shown in the notice without a tick, as the server asks.
 */
export const needsConsent = (settings: ProctoringSettings | null | undefined): boolean =>
  !!settings && (settings.webcamSnapshots || settings.screenRecording);
