// The review page's timeline: the candidate's events and the proctors' actions in one order, each
// event with its snapshot and the screen-recording chunk that covers it. Pure for web/test.
import type { ProctorAction, ReviewEvent, ReviewEvidence } from './types';

/** The candidate's MediaRecorder timeslice (contract: 10 s chunks). */
export const CHUNK_MS = 10_000;
/** A last chunk may run a little longer than the timeslice before the recorder stops. */
const LAST_CHUNK_SLACK_MS = 5_000;

export interface ScreenClip {
  evidenceId: string;
  recordingId: string;
  seq: number;
  /** Where the event starts inside the chunk, seconds. */
  offsetSeconds: number;
}

export type TimelineItem =
  | { type: 'event'; at: number; event: ReviewEvent; snapshotId: string | null; clip: ScreenClip | null }
  | { type: 'action'; at: number; action: ProctorAction };

interface Chunk {
  evidenceId: string;
  recordingId: string;
  seq: number;
  takenAt: number;
  /** When the next chunk of the same recording starts, or the end allowed for a last chunk. */
  endsAt: number;
}

/** Screen chunks ordered by start, each knowing where it ends (the next chunk's start). */
export function screenChunks(evidence: readonly ReviewEvidence[]): Chunk[] {
  const byRecording = new Map<string, { evidenceId: string; seq: number; takenAt: number }[]>();
  for (const item of evidence) {
    if (item.kind !== 'screen' || item.recordingId === null || item.seq === null) continue;
    const takenAt = Date.parse(item.takenAt);
    if (Number.isNaN(takenAt)) continue;
    const list = byRecording.get(item.recordingId) ?? [];
    list.push({ evidenceId: item.id, seq: item.seq, takenAt });
    byRecording.set(item.recordingId, list);
  }
  const chunks: Chunk[] = [];
  for (const [recordingId, list] of byRecording) {
    list.sort((a, b) => a.seq - b.seq);
    list.forEach((chunk, i) => {
      const next = list[i + 1];
      // A gap in seq (a chunk never uploaded) ends this chunk after one timeslice, not at the next one.
      const endsAt =
        next && next.seq === chunk.seq + 1 ? next.takenAt : chunk.takenAt + CHUNK_MS + LAST_CHUNK_SLACK_MS;
      chunks.push({ ...chunk, recordingId, endsAt });
    });
  }
  return chunks.sort((a, b) => a.takenAt - b.takenAt || a.seq - b.seq);
}

/**
 * The chunk playing at `at`: the latest-starting chunk whose takenAt is at or before it and which
 * had not ended yet. None when the recording was off at that moment.
 */
export function clipAt(chunks: readonly Chunk[], at: number): ScreenClip | null {
  let found: Chunk | null = null;
  for (const chunk of chunks) {
    if (chunk.takenAt > at) break;
    if (at < chunk.endsAt) found = chunk;
  }
  if (!found) return null;
  return {
    evidenceId: found.evidenceId,
    recordingId: found.recordingId,
    seq: found.seq,
    offsetSeconds: Math.max(0, (at - found.takenAt) / 1_000),
  };
}

/**
 * Events and actions by time; at the same moment the event comes first (a proctor reacts to it).
 * Unparseable times sort last rather than disappear.
 */
export function buildTimeline(
  events: readonly ReviewEvent[],
  actions: readonly ProctorAction[],
  evidence: readonly ReviewEvidence[],
): TimelineItem[] {
  const chunks = screenChunks(evidence);
  const time = (iso: string) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
  };
  const items: TimelineItem[] = [
    ...events.map((event): TimelineItem => {
      const at = time(event.startedAt);
      return { type: 'event', at, event, snapshotId: event.evidenceId, clip: clipAt(chunks, at) };
    }),
    ...actions.map((action): TimelineItem => ({ type: 'action', at: time(action.at), action })),
  ];
  const rank = (item: TimelineItem) => (item.type === 'event' ? 0 : 1);
  // Array.prototype.sort is stable: items at the same time and of the same type keep the server's order.
  return items.sort((a, b) => (a.at === b.at ? rank(a) - rank(b) : a.at < b.at ? -1 : 1));
}
