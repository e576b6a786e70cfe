import { describe, expect, it } from 'vitest';
import {
  adjustSchedule,
  completeWeights,
  computeSchedule,
  computeTrustScore,
  countViolations,
  DEFAULT_TRUST_WEIGHTS,
  enabledKinds,
  getTimeStatus,
  isFlagged,
  isProctored,
  judgeViolations,
  needsConsent,
  type ProctoringSettings,
} from '../src/index.js';

const off: ProctoringSettings = {
  webcamSnapshots: false,
  snapshotIntervalSeconds: 60,
  screenRecording: false,
  tabSwitchDetection: false,
  fullScreenRequired: false,
  warnAfterViolations: 3,
  submitAfterViolations: 5,
};

describe('which signals an exam records', () => {
  it('records nothing when no setting is on, and asks no consent', () => {
    expect(enabledKinds(off).size).toBe(0);
    expect(isProctored(off)).toBe(false);
    expect(needsConsent(off)).toBe(false);
  });

  it('asks consent when images of the candidate or their screen are kept, not for signals alone', () => {
    expect(needsConsent({ ...off, tabSwitchDetection: true, fullScreenRequired: true })).toBe(false);
    expect(needsConsent({ ...off, webcamSnapshots: true })).toBe(true);
    expect(needsConsent({ ...off, screenRecording: true })).toBe(true);
  });

  it('turns on each setting’s signals and only those', () => {
    const tab = enabledKinds({ ...off, tabSwitchDetection: true });
    expect(tab.has('tab_hidden')).toBe(true);
    expect(tab.has('window_blur')).toBe(true);
    expect(tab.has('fullscreen_exit')).toBe(false);
    expect(tab.has('no_face')).toBe(false);
    const camera = enabledKinds({ ...off, webcamSnapshots: true });
    expect([...camera].sort()).toEqual(['camera_stopped', 'face_away', 'multiple_faces', 'no_face']);
    expect(enabledKinds({ ...off, screenRecording: true }).has('screen_share_stopped')).toBe(true);
    expect(enabledKinds({ ...off, fullScreenRequired: true }).has('fullscreen_exit')).toBe(true);
  });
});

describe('thresholds', () => {
  it('warns from the warning threshold and submits at the submit threshold', () => {
    expect(judgeViolations(2, off)).toEqual({ count: 2, isWarned: false, isToSubmit: false });
    expect(judgeViolations(3, off)).toEqual({ count: 3, isWarned: true, isToSubmit: false });
    expect(judgeViolations(5, off)).toEqual({ count: 5, isWarned: true, isToSubmit: true });
  });

  it('counts every kind but offline as a violation', () => {
    expect(
      countViolations([
        { kind: 'tab_hidden', count: 2 },
        { kind: 'offline', count: 5 },
        { kind: 'paste', count: 1 },
      ]),
    ).toBe(3);
  });

  it('never submits or warns at 0', () => {
    const lenient = { ...off, warnAfterViolations: 0, submitAfterViolations: 0 };
    expect(judgeViolations(500, lenient)).toMatchObject({ isWarned: false, isToSubmit: false });
  });
});

describe('the trust score', () => {
  it('is 100 with nothing seen', () => {
    expect(computeTrustScore([], DEFAULT_TRUST_WEIGHTS)).toEqual({ score: 100, breakdown: [] });
  });

  it('costs each kind its weight per occurrence and per minute in it', () => {
    const weights = completeWeights({ tab_hidden: 3, paste: 2 });
    const trust = computeTrustScore(
      [
        { kind: 'tab_hidden', durationMs: 90_000 },
        { kind: 'tab_hidden', durationMs: 30_000 },
        { kind: 'paste', durationMs: 0 },
      ],
      weights,
    );
    // tab_hidden: 3 × (2 + 120 s / 60) = 12; paste: 2 × 1 = 2.
    expect(trust.score).toBe(86);
    expect(trust.breakdown).toEqual([
      { kind: 'tab_hidden', count: 2, seconds: 120, weight: 3, penalty: 12 },
      { kind: 'paste', count: 1, seconds: 0, weight: 2, penalty: 2 },
    ]);
  });

  it('never falls below 0, and a weight of 0 makes a kind free', () => {
    const many = Array.from({ length: 100 }, () => ({ kind: 'multiple_faces' as const, durationMs: 60_000 }));
    expect(computeTrustScore(many, DEFAULT_TRUST_WEIGHTS).score).toBe(0);
    expect(computeTrustScore(many, completeWeights({ multiple_faces: 0 })).score).toBe(100);
  });

  it('keeps weights within 0..10 and fills missing kinds with the defaults', () => {
    const weights = completeWeights({ paste: 50, copy: -3 });
    expect(weights.paste).toBe(10);
    expect(weights.copy).toBe(0);
    expect(weights.second_screen).toBe(DEFAULT_TRUST_WEIGHTS.second_screen);
  });

  it('flags a low score or a candidate past the warning threshold', () => {
    expect(isFlagged(79, 0, off)).toBe(true);
    expect(isFlagged(95, 3, off)).toBe(true);
    expect(isFlagged(95, 2, off)).toBe(false);
  });
});

describe('pauses and extensions move only what is still ahead', () => {
  const plan = {
    durationMs: 120 * 60_000,
    lockedSections: [
      { id: 'a', durationMs: 60 * 60_000 },
      { id: 'b', durationMs: 60 * 60_000 },
    ],
    sectionIds: ['a', 'b'],
  };
  const start = 1_000_000;

  it('a ten-minute pause in section b moves b’s end and the exam’s, not a’s', () => {
    const schedule = computeSchedule(plan, start);
    const pauseAt = start + 70 * 60_000;
    const adjusted = adjustSchedule(schedule, [{ atMs: pauseAt, addMs: 10 * 60_000 }]);
    expect(adjusted.sections[0]).toEqual(schedule.sections[0]);
    expect(adjusted.sections[1]!.closesAt).toBe(schedule.sections[1]!.closesAt + 10 * 60_000);
    expect(adjusted.endsAt).toBe(schedule.endsAt + 10 * 60_000);
    // Back from the pause, the candidate has the 50 minutes they had when it began.
    expect(getTimeStatus(adjusted, pauseAt + 10 * 60_000).sectionRemainingMs).toBe(50 * 60_000);
  });

  it('a pause in section a moves b’s opening too, and a later extension adds to the end', () => {
    const schedule = computeSchedule(plan, start);
    const adjusted = adjustSchedule(schedule, [
      { atMs: start + 100 * 60_000, addMs: 5 * 60_000 },
      { atMs: start + 30 * 60_000, addMs: 60_000 },
    ]);
    expect(adjusted.sections[0]!.closesAt).toBe(start + 61 * 60_000);
    expect(adjusted.sections[1]!.opensAt).toBe(start + 61 * 60_000);
    expect(adjusted.endsAt).toBe(start + 126 * 60_000);
  });

  it('refuses a negative or fractional adjustment', () => {
    const schedule = computeSchedule(plan, start);
    expect(() => adjustSchedule(schedule, [{ atMs: start, addMs: -1 }])).toThrow(/non-negative/);
    expect(() => adjustSchedule(schedule, [{ atMs: start, addMs: 0.5 }])).toThrow(/non-negative/);
  });
});
