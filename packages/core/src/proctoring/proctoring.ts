/**
 * Proctoring's rules (issue 14): which signals an exam's settings turn on, what counts as a
 * violation against its thresholds, and the trust score. Pure: the server decides consequences
 * from the events it stored with these, and the web shows the same numbers.
 */

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

export const isProctorEventKind = (value: string): value is ProctorEventKind =>
  (PROCTOR_EVENT_KINDS as readonly string[]).includes(value);

/** The exam's `settings.proctoring`, as the builder stores it. */
export interface ProctoringSettings {
  readonly webcamSnapshots: boolean;
  readonly snapshotIntervalSeconds: number;
  readonly screenRecording: boolean;
  readonly tabSwitchDetection: boolean;
  readonly fullScreenRequired: boolean;
  /** The candidate is warned from this many violations on (0: never). */
  readonly warnAfterViolations: number;
  /** The server submits the attempt at this many violations (0: never). */
  readonly submitAfterViolations: number;
}

const KINDS_BY_SETTING: Record<
  'tabSwitchDetection' | 'fullScreenRequired' | 'webcamSnapshots' | 'screenRecording',
  readonly ProctorEventKind[]
> = {
  tabSwitchDetection: [
    'tab_hidden',
    'window_blur',
    'copy',
    'paste',
    'cut',
    'context_menu',
    'second_screen',
    'devtools_open',
    'offline',
  ],
  fullScreenRequired: ['fullscreen_exit'],
  webcamSnapshots: ['no_face', 'multiple_faces', 'face_away', 'camera_stopped'],
  screenRecording: ['screen_share_stopped'],
};

/** The signals an exam records: a kind its settings do not ask for is refused, never stored. */
export function enabledKinds(settings: ProctoringSettings): ReadonlySet<ProctorEventKind> {
  const kinds = new Set<ProctorEventKind>();
  for (const [setting, list] of Object.entries(KINDS_BY_SETTING))
    if (settings[setting as keyof typeof KINDS_BY_SETTING]) for (const kind of list) kinds.add(kind);
  return kinds;
}

/** Whether the exam watches its candidates at all (the pre-exam screen says what it records). */
export const isProctored = (settings: ProctoringSettings): boolean => enabledKinds(settings).size > 0;

/**
 * Start needs the candidate's explicit consent when the exam records images of them or their screen
 * (personal data kept for the retention period). Signals alone (tab, window, full screen, copy and
 * paste) are shown in the notice and need no tick: they record only what the exam room itself sees.
 */
export const needsConsent = (settings: ProctoringSettings): boolean =>
  settings.webcamSnapshots || settings.screenRecording;

/**
 * Being offline is recorded (the proctor sees it) but is not the candidate's violation: networks
 * fail, and the journal keeps the exam going. Every other kind counts once per event.
 */
export const NON_VIOLATION_KINDS: ReadonlySet<ProctorEventKind> = new Set(['offline']);

export const countsAsViolation = (kind: ProctorEventKind): boolean => !NON_VIOLATION_KINDS.has(kind);

/** The violations in per-kind totals: what the thresholds are judged against. */
export const countViolations = (totals: readonly { kind: ProctorEventKind; count: number }[]): number =>
  totals.reduce((n, total) => n + (countsAsViolation(total.kind) ? total.count : 0), 0);

export type ViolationVerdict = {
  readonly count: number;
  /** The candidate is to be warned (the count reached the warning threshold). */
  readonly isWarned: boolean;
  /** The attempt is to be submitted by the server. */
  readonly isToSubmit: boolean;
};

export function judgeViolations(count: number, settings: ProctoringSettings): ViolationVerdict {
  return {
    count,
    isWarned: settings.warnAfterViolations > 0 && count >= settings.warnAfterViolations,
    isToSubmit: settings.submitAfterViolations > 0 && count >= settings.submitAfterViolations,
  };
}

/** Per kind, 0..10: how much a minute in that state (and each occurrence) costs the trust score. */
export type TrustWeights = Readonly<Record<ProctorEventKind, number>>;

export const MAX_TRUST_WEIGHT = 10;

/**
 * Someone beside the candidate or a second screen is worse than a glance at another window; a
 * network outage costs nothing (see NON_VIOLATION_KINDS).
 */
export const DEFAULT_TRUST_WEIGHTS: TrustWeights = {
  tab_hidden: 3,
  window_blur: 2,
  fullscreen_exit: 2,
  copy: 2,
  paste: 3,
  cut: 2,
  context_menu: 1,
  second_screen: 6,
  devtools_open: 5,
  offline: 0,
  no_face: 3,
  multiple_faces: 6,
  face_away: 2,
  screen_share_stopped: 4,
  camera_stopped: 4,
};

/** Fills kinds a stored weight set lacks (kinds added since) with the defaults. */
export function completeWeights(partial: Partial<Record<string, number>> | null | undefined): TrustWeights {
  const weights = { ...DEFAULT_TRUST_WEIGHTS } as Record<ProctorEventKind, number>;
  for (const kind of PROCTOR_EVENT_KINDS) {
    const value = partial?.[kind];
    if (typeof value === 'number' && Number.isFinite(value))
      weights[kind] = Math.min(MAX_TRUST_WEIGHT, Math.max(0, value));
  }
  return weights;
}

export type TrustInput = { readonly kind: ProctorEventKind; readonly durationMs: number };

export type TrustBreakdown = {
  readonly kind: ProctorEventKind;
  readonly count: number;
  /** Whole seconds spent in the state. */
  readonly seconds: number;
  readonly weight: number;
  readonly penalty: number;
};

export type TrustScore = { readonly score: number; readonly breakdown: readonly TrustBreakdown[] };

/**
 * The trust score, 0..100 (100: nothing seen). Each kind costs its weight per occurrence and its
 * weight per minute spent in it:
 *
 *   score = 100 - min(100, Σ_kind weight(kind) × (count(kind) + seconds(kind) / 60))
 *
 * rounded to the nearest integer (penalties kept to 2 decimals in the breakdown). Time matters as
 * well as the count because one five-minute absence is worse than five glances; the count matters
 * because instant signals (a paste) have no duration.
 */
export function computeTrustScore(events: readonly TrustInput[], weights: TrustWeights): TrustScore {
  const totals = new Map<ProctorEventKind, { kind: ProctorEventKind; count: number; durationMs: number }>();
  for (const event of events) {
    const total = totals.get(event.kind) ?? { kind: event.kind, count: 0, durationMs: 0 };
    total.count += 1;
    total.durationMs += Math.max(0, event.durationMs);
    totals.set(event.kind, total);
  }
  return computeTrustScoreFromTotals([...totals.values()], weights);
}

export type KindTotal = {
  readonly kind: ProctorEventKind;
  readonly count: number;
  readonly durationMs: number;
};

/** The same score from per-kind totals (what the server sums in SQL). */
export function computeTrustScoreFromTotals(totals: readonly KindTotal[], weights: TrustWeights): TrustScore {
  const byKind = new Map<ProctorEventKind, { count: number; ms: number }>();
  for (const total of totals) {
    const sum = byKind.get(total.kind) ?? { count: 0, ms: 0 };
    sum.count += total.count;
    sum.ms += Math.max(0, total.durationMs);
    byKind.set(total.kind, sum);
  }
  let penalty = 0;
  const breakdown: TrustBreakdown[] = [];
  for (const kind of PROCTOR_EVENT_KINDS) {
    const total = byKind.get(kind);
    if (!total) continue;
    const weight = weights[kind];
    const kindPenalty = weight * (total.count + total.ms / 60_000);
    penalty += kindPenalty;
    breakdown.push({
      kind,
      count: total.count,
      seconds: Math.round(total.ms / 1000),
      weight,
      penalty: Math.round(kindPenalty * 100) / 100,
    });
  }
  return { score: Math.round(100 - Math.min(100, penalty)), breakdown };
}

/** A candidate the room flags for a proctor's look: a low score or past the warning threshold. */
export const FLAGGED_BELOW_SCORE = 80;

export const isFlagged = (score: number, violations: number, settings: ProctoringSettings): boolean =>
  score < FLAGGED_BELOW_SCORE || judgeViolations(violations, settings).isWarned;

/** The proctor's decision after review; withheld and disqualified results are out of ranks. */
export const PROCTOR_DECISIONS = ['cleared', 'warned', 'withheld', 'disqualified'] as const;
export type ProctorDecision = (typeof PROCTOR_DECISIONS)[number];
