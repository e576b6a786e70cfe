// The review timeline: the candidate's events and the proctors' actions in one order, each event
// with its snapshot and the screen-recording chunk that was playing when it started.
import { describe, expect, it } from 'vitest';
import { buildTimeline, clipAt, screenChunks } from '../src/features/proctoring/timeline';
import type { ProctorAction, ReviewEvent, ReviewEvidence } from '../src/features/proctoring/types';

const T0 = Date.parse('2030-01-01T09:00:00.000Z');
const iso = (seconds: number) => new Date(T0 + seconds * 1_000).toISOString();

function event(id: string, atSeconds: number, overrides: Partial<ReviewEvent> = {}): ReviewEvent {
  return {
    id,
    kind: 'tab_hidden',
    startedAt: iso(atSeconds),
    durationMs: 4_000,
    questionId: null,
    questionNumber: null,
    evidenceId: null,
    ...overrides,
  };
}

function action(id: string, atSeconds: number, kind: ProctorAction['kind'] = 'warn'): ProctorAction {
  return {
    id,
    kind,
    reason: 'r',
    text: null,
    minutes: null,
    by: { userId: 'p', name: 'Proctor' },
    at: iso(atSeconds),
  };
}

function chunk(id: string, recordingId: string, seq: number, atSeconds: number): ReviewEvidence {
  return { id, kind: 'screen', takenAt: iso(atSeconds), bytes: 1, recordingId, seq };
}

const describeItem = (item: ReturnType<typeof buildTimeline>[number]) =>
  item.type === 'event' ? `event:${item.event.id}` : `action:${item.action.id}`;

describe('the review timeline', () => {
  it('interleaves events and actions by time, an event before the action taken at the same moment', () => {
    const items = buildTimeline(
      [event('e2', 60), event('e1', 10), event('e3', 120)],
      [action('a2', 120), action('a1', 30)],
      [],
    );
    expect(items.map(describeItem)).toEqual(['event:e1', 'action:a1', 'event:e2', 'event:e3', 'action:a2']);
  });

  it('keeps an item with an unreadable time, at the end', () => {
    const items = buildTimeline([event('bad', 0, { startedAt: 'garbage' }), event('ok', 5)], [], []);
    expect(items.map(describeItem)).toEqual(['event:ok', 'event:bad']);
  });

  it('carries the event’s own snapshot', () => {
    const [item] = buildTimeline([event('e1', 10, { evidenceId: 'snap-1' })], [], []);
    expect(item?.type === 'event' && item.snapshotId).toBe('snap-1');
  });

  it('picks the chunk of the recording whose start is at or before the event, and where in it to seek', () => {
    const evidence = [
      chunk('c0', 'r1', 0, 0),
      chunk('c1', 'r1', 1, 10),
      chunk('c2', 'r1', 2, 20),
      {
        id: 'snap',
        kind: 'snapshot',
        takenAt: iso(12),
        bytes: 1,
        recordingId: null,
        seq: null,
      } as ReviewEvidence,
    ];
    const items = buildTimeline([event('e1', 13), event('e2', 10), event('e3', 29)], [], evidence);
    const clips = items.map((item) => (item.type === 'event' ? item.clip : null));
    expect(clips).toEqual([
      { evidenceId: 'c1', recordingId: 'r1', seq: 1, offsetSeconds: 0 },
      { evidenceId: 'c1', recordingId: 'r1', seq: 1, offsetSeconds: 3 },
      { evidenceId: 'c2', recordingId: 'r1', seq: 2, offsetSeconds: 9 },
    ]);
  });

  it('shows no recording for a moment the screen was not being recorded', () => {
    const chunks = screenChunks([chunk('c0', 'r1', 0, 100), chunk('c1', 'r1', 1, 110)]);
    // Before the recording started.
    expect(clipAt(chunks, T0 + 50_000)).toBeNull();
    // Long after its last chunk (the share was stopped).
    expect(clipAt(chunks, T0 + 600_000)).toBeNull();
    // Within the last chunk.
    expect(clipAt(chunks, T0 + 115_000)?.evidenceId).toBe('c1');
  });

  it('uses the new recording after the candidate shared the screen again', () => {
    const chunks = screenChunks([
      chunk('a0', 'r1', 0, 0),
      chunk('a1', 'r1', 1, 10),
      chunk('b0', 'r2', 0, 300),
      chunk('b1', 'r2', 1, 310),
    ]);
    expect(clipAt(chunks, T0 + 305_000)).toMatchObject({
      evidenceId: 'b0',
      recordingId: 'r2',
      offsetSeconds: 5,
    });
    expect(clipAt(chunks, T0 + 150_000)).toBeNull();
  });

  it('does not stretch a chunk over a missing one', () => {
    // seq 1 never arrived: the moment it covered has no playable chunk.
    const chunks = screenChunks([chunk('c0', 'r1', 0, 0), chunk('c2', 'r1', 2, 20)]);
    expect(clipAt(chunks, T0 + 5_000)?.evidenceId).toBe('c0');
    expect(clipAt(chunks, T0 + 17_000)).toBeNull();
    expect(clipAt(chunks, T0 + 21_000)?.evidenceId).toBe('c2');
  });
});
