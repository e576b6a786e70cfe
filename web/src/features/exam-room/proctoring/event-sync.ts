// Delivers proctoring events like answers: into the IndexedDB journal first, then over the attempt's
// Socket.IO connection (`proctor:events`, acked), over HTTP when there is no socket, again on every
// reconnect. An event version leaves the queue once the server answered stored, duplicate or
// rejected for it; the server keeps the longest version of an id, so re-sends are harmless.
import type { Socket } from 'socket.io-client';
import { isApiError } from '../../../lib/api';
import { listPendingEvents, settleEvent, writeEvent } from '../journal';
import { postProctorEvents, type EventsAck } from './api';
import type { ClientEvent } from './kinds';

const MAX_BATCH = 50;
const ACK_TIMEOUT_MS = 8_000;
const MAX_RETRY_MS = 30_000;
/** Bursts (a copy, its snapshot, a blur) go out as one call. */
const GATHER_MS = 250;
/** How long an event waits for its snapshot's evidence id before it goes without it. */
const EVIDENCE_WAIT_MS = 5_000;

/** Refusals of a whole call after which sending the same events again cannot succeed. */
const FINAL_CALL_ERRORS = new Set(['VALIDATION_FAILED', 'ATTEMPT_NOT_RUNNING', 'NOT_FOUND', 'FORBIDDEN']);

export interface EventSyncHandlers {
  /** Every acknowledgement: the attempt's violation count, and whether it earned a warning or the submit. */
  onAck: (ack: EventsAck, isOverHttp: boolean) => void;
}

const sameVersion = (a: ClientEvent, b: ClientEvent) =>
  a.durationMs === b.durationMs && a.evidenceId === b.evidenceId;

export class ProctorEventSync {
  /** The newest version of every unacknowledged event, by id. */
  private readonly pending = new Map<string, ClientEvent>();
  /**
   * The longest duration and the evidence of every event seen, acknowledged or not: a later version
   * (a re-send, the end) never goes out shorter or without the snapshot an earlier one had.
   */
  private readonly known = new Map<string, { durationMs: number; evidenceId?: string }>();
  /** Events waiting for their snapshot's evidence id, with the timer that lets them go regardless. */
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();
  private socket: Socket | null = null;
  private isSending = false;
  private hasMoreToSend = false;
  private batchSize = MAX_BATCH;
  private retryMs = 1_000;
  private gatherTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private isStopped = false;

  constructor(
    private readonly attemptId: string,
    private readonly handlers: EventSyncHandlers,
  ) {}

  /** Sends what an earlier page left unsent, and from now on sends on every (re)connect of `socket`. */
  async start(socket: Socket | null): Promise<void> {
    this.socket = socket;
    socket?.on('connect', this.handleConnect);
    window.addEventListener('online', this.handleConnect, { passive: true });
    try {
      for (const entry of await listPendingEvents(this.attemptId))
        if (!this.pending.has(entry.id)) {
          const event = stripEntry(entry);
          this.pending.set(event.id, event);
          this.known.set(event.id, { durationMs: event.durationMs, evidenceId: event.evidenceId });
        }
    } catch {
      // No journal (private mode): only this page's events are sent.
    }
    this.sendSoon();
  }

  stop(): void {
    this.isStopped = true;
    clearTimeout(this.gatherTimer);
    clearTimeout(this.retryTimer);
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.socket?.off('connect', this.handleConnect);
    window.removeEventListener('online', this.handleConnect);
  }

  /**
   * Journals an event version, then sends it. With `awaitsEvidence`, the first send waits (at most a
   * few seconds) for `attachEvidence`, so the server gets the event with its snapshot.
   */
  async record(event: ClientEvent, awaitsEvidence = false): Promise<void> {
    const known = this.known.get(event.id);
    const evidenceId = event.evidenceId ?? known?.evidenceId;
    const merged: ClientEvent = {
      ...event,
      durationMs: Math.max(event.durationMs, known?.durationMs ?? 0),
      ...(evidenceId ? { evidenceId } : {}),
    };
    this.known.set(event.id, { durationMs: merged.durationMs, evidenceId });
    this.pending.set(event.id, merged);
    if (awaitsEvidence && !merged.evidenceId && !this.waiting.has(event.id))
      this.waiting.set(
        event.id,
        setTimeout(() => this.stopWaiting(event.id), EVIDENCE_WAIT_MS),
      );
    try {
      await writeEvent({ ...merged, attemptId: this.attemptId, isPending: true });
    } catch {
      // IndexedDB refused (quota, private mode): the event still goes out from memory.
    }
    this.sendSoon();
  }

  /** The snapshot taken for an event has its evidence id: the event is (re)sent with it. */
  async attachEvidence(eventId: string, evidenceId: string, event: ClientEvent): Promise<void> {
    const current = this.pending.get(eventId) ?? event;
    const record = this.record({ ...current, evidenceId });
    this.stopWaiting(eventId);
    await record;
  }

  /** The event's snapshot will not come (no picture, or its upload was refused): send it without. */
  release(eventId: string): void {
    this.stopWaiting(eventId);
  }

  /** Sends what is pending now; resolves when this round is acknowledged or has failed. */
  async flush(): Promise<void> {
    if (this.isSending) {
      this.hasMoreToSend = true;
      return;
    }
    const batch = [...this.pending.values()]
      .filter((event) => !this.waiting.has(event.id))
      .slice(0, this.batchSize);
    if (batch.length === 0 || this.isStopped || !navigator.onLine) return;
    this.isSending = true;
    let isRetrying: boolean;
    try {
      const { ack, isOverHttp } = await this.send(batch);
      // An ack that settles nothing of what was sent would only be answered the same way at once.
      isRetrying = (await this.settle(batch, ack)) === 0;
      if (!isRetrying) this.retryMs = 1_000;
      this.handlers.onAck(ack, isOverHttp);
    } catch (error) {
      isRetrying = this.handleFailure(batch, error);
    } finally {
      this.isSending = false;
    }
    if (isRetrying) return this.scheduleRetry();
    const hasReady = [...this.pending.keys()].some((id) => !this.waiting.has(id));
    if (this.hasMoreToSend || hasReady) {
      this.hasMoreToSend = false;
      await this.flush();
    }
  }

  private async send(events: ClientEvent[]): Promise<{ ack: EventsAck; isOverHttp: boolean }> {
    const socket = this.socket;
    if (socket?.connected) {
      let reply: EventsAck | { error: { code: string; message: string } } | undefined;
      try {
        reply = (await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('proctor:events', { attemptId: this.attemptId, events })) as typeof reply;
      } catch {
        // No ack in time: the same events go over HTTP; the id makes the duplicate harmless.
      }
      if (reply && 'results' in reply) return { ack: reply, isOverHttp: false };
      if (reply && 'error' in reply) throw new CallRefused(reply.error.code);
    }
    return { ack: await postProctorEvents(this.attemptId, events), isOverHttp: true };
  }

  /** Settles the acknowledged versions; returns how many events of the batch were answered. */
  private async settle(sent: ClientEvent[], ack: EventsAck): Promise<number> {
    const byId = new Map(sent.map((event) => [event.id, event]));
    let answered = 0;
    for (const result of ack.results) {
      const version = byId.get(result.id);
      if (!version) continue;
      answered += 1;
      const current = this.pending.get(result.id);
      // A longer version recorded while this one was on its way is still to be sent.
      if (current && sameVersion(current, version)) this.pending.delete(result.id);
      await settleEvent(this.attemptId, version).catch(() => undefined);
    }
    this.batchSize = MAX_BATCH;
    return answered;
  }

  /** Returns whether the batch should be tried again later; drops what can never be accepted. */
  private handleFailure(batch: ClientEvent[], error: unknown): boolean {
    const code = error instanceof CallRefused ? error.code : isApiError(error) ? error.code : '';
    if (!FINAL_CALL_ERRORS.has(code)) return true; // offline, rate-limited, server trouble: later
    if (code === 'VALIDATION_FAILED' && batch.length > 1) {
      // One malformed event must not hold back the others: send one at a time to find it.
      this.batchSize = 1;
      return false;
    }
    for (const event of batch) {
      this.pending.delete(event.id);
      void settleEvent(this.attemptId, event).catch(() => undefined); // best effort: it is dropped anyway
    }
    return false;
  }

  private stopWaiting(eventId: string): void {
    clearTimeout(this.waiting.get(eventId));
    if (this.waiting.delete(eventId)) this.sendSoon();
  }

  private sendSoon(): void {
    if (this.gatherTimer !== undefined || this.isStopped) return;
    this.gatherTimer = setTimeout(() => {
      this.gatherTimer = undefined;
      // Fire-and-forget by design: failures are caught inside flush and retried with backoff.
      void this.flush();
    }, GATHER_MS);
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.sendSoon(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private readonly handleConnect = () => {
    this.retryMs = 1_000;
    this.sendSoon();
  };
}

/** A `proctor:events` call the server refused as a whole (`{ error }` ack). */
class CallRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function stripEntry(entry: ClientEvent & { attemptId: string; isPending: boolean }): ClientEvent {
  const { attemptId: _attemptId, isPending: _isPending, ...event } = entry;
  return event;
}
