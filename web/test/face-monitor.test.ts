// The face check's rules (issue 14): what a frame counts as, and which states become proctoring
// events (only those lasting more than 5 s, reported when they pass 5 s and again when they end).
import { describe, expect, it } from 'vitest';
import {
  classifyFaces,
  createFaceEventTracker,
  type FaceEvent,
  type FaceInFrame,
} from '../src/features/exam-room/proctoring/face-monitor';

const facing: FaceInFrame = { score: 0.95, yawDegrees: 4, pitchDegrees: 7 };
const turned = (yawDegrees: number, pitchDegrees = 0): FaceInFrame => ({
  score: 0.9,
  yawDegrees,
  pitchDegrees,
});
const unsure: FaceInFrame = { score: 0.6, yawDegrees: null, pitchDegrees: null };

/** Feeds one sample a second from t = 0 with the faces each second shows; returns the events. */
function run(seconds: FaceInFrame[][], stopAt?: number): FaceEvent[] {
  const events: FaceEvent[] = [];
  const tracker = createFaceEventTracker((event) => events.push(event));
  seconds.forEach((faces, i) => tracker.observe({ takenAt: i * 1_000, faces }));
  if (stopAt !== undefined) tracker.end(stopAt);
  return events;
}
const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('what a frame counts as', () => {
  it('is nothing to report for one face looking at the screen, or one whose angles are unknown', () => {
    expect(classifyFaces([facing])).toBeNull();
    expect(classifyFaces([unsure])).toBeNull();
  });

  it('is no face, several faces, or a face turned away beyond 35° of yaw or pitch', () => {
    expect(classifyFaces([])).toBe('no_face');
    expect(classifyFaces([facing, facing])).toBe('multiple_faces');
    expect(classifyFaces([turned(40)])).toBe('face_away');
    expect(classifyFaces([turned(-40)])).toBe('face_away');
    expect(classifyFaces([turned(0, 38)])).toBe('face_away');
    expect(classifyFaces([turned(30, -30)])).toBeNull();
  });

  it('keeps a turned-away face turned away until it is back within 30°, so it does not flicker', () => {
    expect(classifyFaces([turned(33)], false)).toBeNull();
    expect(classifyFaces([turned(33)], true)).toBe('face_away');
    expect(classifyFaces([turned(25)], true)).toBeNull();
  });
});

describe('which states become events', () => {
  it('reports nothing for a candidate who stays in view', () => {
    expect(run(repeat(30, [facing]), 30_000)).toEqual([]);
  });

  it('reports nothing for a state of 5 s or less: a missed frame, a glance away, a neighbour passing', () => {
    const seconds = [...repeat(3, [facing]), ...repeat(5, []), ...repeat(3, [facing])];
    seconds.push(...repeat(4, [turned(60)]), [facing], ...repeat(5, [facing, facing]), [facing]);
    expect(run(seconds, 30_000)).toEqual([]);
  });

  it('reports a state once it has lasted more than 5 s, then again with its end', () => {
    // Away from the desk from t = 2 s to t = 12 s.
    const events: FaceEvent[] = [];
    const tracker = createFaceEventTracker((event) => events.push(event));
    const seconds = [...repeat(2, [facing]), ...repeat(10, []), ...repeat(3, [facing])];
    seconds.forEach((faces, i) => {
      tracker.observe({ takenAt: i * 1_000, faces });
      if (i === 7) expect(events).toEqual([]);
      if (i === 8) expect(events).toEqual([{ kind: 'no_face', startedAt: 2_000, endedAt: null }]);
    });
    expect(events).toEqual([
      { kind: 'no_face', startedAt: 2_000, endedAt: null },
      { kind: 'no_face', startedAt: 2_000, endedAt: 12_000 },
    ]);
  });

  it('ends one state where the next begins: someone joins the candidate, then the candidate leaves', () => {
    const seconds = [...repeat(7, [facing, facing]), ...repeat(7, []), [facing]];
    expect(run(seconds)).toEqual([
      { kind: 'multiple_faces', startedAt: 0, endedAt: null },
      { kind: 'multiple_faces', startedAt: 0, endedAt: 7_000 },
      { kind: 'no_face', startedAt: 7_000, endedAt: null },
      { kind: 'no_face', startedAt: 7_000, endedAt: 14_000 },
    ]);
  });

  it('reports a head turned away for long, through small movements near the limit', () => {
    const seconds = [[facing], ...[50, 45, 33, 40, 31, 55, 60].map((yaw) => [turned(yaw)]), [facing]];
    expect(run(seconds)).toEqual([
      { kind: 'face_away', startedAt: 1_000, endedAt: null },
      { kind: 'face_away', startedAt: 1_000, endedAt: 8_000 },
    ]);
  });

  it('ends a reported state when the check stops, and says nothing of one not yet reported', () => {
    expect(run(repeat(8, []), 8_500)).toEqual([
      { kind: 'no_face', startedAt: 0, endedAt: null },
      { kind: 'no_face', startedAt: 0, endedAt: 8_500 },
    ]);
    expect(run(repeat(3, []), 3_500)).toEqual([]);
  });
});
