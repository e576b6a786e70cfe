// Sends journalled saves to the server: over Socket.IO when connected (ack = committed), over HTTP
// when not, retrying with backoff while offline. Which saves stay pending is PendingSaves' rule
// (save-queue.ts). The same socket carries the proctor's word on the attempt (paused, resumed, time
// changed, terminated): each makes the room fetch the attempt's state again; the proctoring events
// share the socket through `connection`.
import { io, type Socket } from 'socket.io-client';
import { fetchState, postSaves } from './api';
import { listJournal, settleJournal, writeJournal, type JournalEntry } from './journal';
import { PendingSaves, RETRYABLE_REJECTIONS, toSave } from './save-queue';
import type { AttemptState, SavedAnswer, SaveResult } from './types';

export interface SyncSnapshot {
  pendingIds: ReadonlySet<string>;
  isOnline: boolean;
  isDeviceReplaced: boolean;
  /** Question id -> rejection code of its last refused save. */
  rejections: Readonly<Record<string, string>>;
}

/** A new state, or a change of the one the room holds (React's state setter takes both). */
export type ServerStateUpdate = AttemptState | ((current: AttemptState) => AttemptState);

const MAX_BATCH = 500;
const ACK_TIMEOUT_MS = 8_000;
const MAX_RETRY_MS = 15_000;
/** Held saves are tried again this often even without word of a resume (a missed socket event). */
const HELD_RETRY_MS = 30_000;
const STATE_RETRIES = 5;

export class AttemptSync {
  private readonly pending: PendingSaves;
  private socket: Socket | null = null;
  private isSending = false;
  private hasMoreToSend = false;
  private hasHttpFailed = false;
  private isReplaced = false;
  private retryMs = 1_000;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  private stateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly attemptId: string,
    private readonly deviceId: string,
    private readonly onChange: (snapshot: SyncSnapshot) => void,
    private readonly onServerState: (update: ServerStateUpdate) => void,
  ) {
    this.pending = new PendingSaves(attemptId);
  }

  /** The socket, for the proctoring events that travel on the same connection; null once stopped. */
  get connection(): Socket | null {
    return this.socket;
  }

  start(unsent: JournalEntry[]): void {
    for (const entry of unsent) this.pending.add(entry);
    const socket = io({
      transports: ['websocket', 'polling'],
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      socket.emit(
        'attempt:join',
        { attemptId: this.attemptId },
        (reply: AttemptState | { error: string }) => {
          if (!('attempt' in reply)) return;
          // Back after the deadline with answers typed offline: the server still hears them (it
          // takes those answered in time) before the room closes and shows the final state.
          if (reply.attempt.status === 'submitted' && this.pending.size > 0)
            void this.flush().then(() =>
              fetchState(this.attemptId).then(this.receiveState, () => this.receiveState(reply)),
            );
          else this.receiveState(reply);
        },
      );
      this.retryMs = 1_000;
      this.flushSoon();
    });
    socket.on('disconnect', () => this.emitChange());
    socket.on('attempt:device-replaced', (event: { deviceId: string }) => {
      if (event.deviceId !== this.deviceId) this.markReplaced();
    });
    // The overlay goes up at once; the state fetched after it is the word that counts.
    socket.on('attempt:paused', (event: { since: string; reason: string }) => {
      this.onServerState((current) => ({ ...current, attempt: { ...current.attempt, paused: event } }));
      this.refreshState();
    });
    socket.on('attempt:resumed', () => {
      this.releaseHeld();
      this.refreshState();
    });
    socket.on('attempt:time-changed', () => this.refreshState());
    socket.on('attempt:terminated', () => this.refreshState());
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    this.emitChange();
    this.flushSoon();
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.heldTimer);
    clearTimeout(this.stateTimer);
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    this.socket?.close();
    this.socket = null;
  }

  /** Journals a save first (it survives a crash from here on), then sends it. */
  async record(save: SavedAnswer): Promise<void> {
    if (this.isReplaced) return;
    const entry: JournalEntry = { ...save, attemptId: this.attemptId, isPending: true };
    this.pending.add(entry);
    this.emitChange();
    try {
      await writeJournal(entry);
    } catch {
      // IndexedDB refused (private mode, quota): the save still goes out from memory.
    }
    this.flushSoon();
  }

  /** Sends whatever is pending now; resolves when this round is acknowledged or has failed. */
  async flush(): Promise<void> {
    if (this.isSending) {
      this.hasMoreToSend = true;
      return;
    }
    if (this.pending.size === 0 || this.pending.isHeld || this.isReplaced || !navigator.onLine) return;
    this.isSending = true;
    try {
      const saves = this.pending.nextBatch(MAX_BATCH);
      await this.applyResults(await this.send(saves));
      this.hasHttpFailed = false;
      this.retryMs = 1_000;
    } catch {
      this.hasHttpFailed = true;
      this.scheduleRetry();
    } finally {
      this.isSending = false;
      this.emitChange();
    }
    if (!this.pending.isHeld && (this.hasMoreToSend || (this.pending.size > 0 && !this.hasHttpFailed))) {
      this.hasMoreToSend = false;
      await this.flush();
    }
  }

  snapshot(): SyncSnapshot {
    const isOnline = navigator.onLine && (this.socket?.connected === true || !this.hasHttpFailed);
    return {
      pendingIds: this.pending.ids(),
      isOnline,
      isDeviceReplaced: this.isReplaced,
      rejections: this.pending.rejections(),
    };
  }

  private async send(saves: SavedAnswer[]): Promise<SaveResult[]> {
    const socket = this.socket;
    if (socket?.connected) {
      try {
        const reply = (await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('answer:save', { attemptId: this.attemptId, deviceId: this.deviceId, saves })) as {
          results?: SaveResult[];
          error?: string;
        };
        if (reply.results) return reply.results;
      } catch {
        // No ack in time: the same saves go over HTTP; seq makes the duplicate harmless.
      }
    }
    return (await postSaves(this.attemptId, this.deviceId, saves)).results;
  }

  private async applyResults(results: SaveResult[]): Promise<void> {
    const outcome = await this.pending.apply(results);
    if (outcome === 'replaced') this.markReplaced();
    if (outcome !== 'held') return;
    clearTimeout(this.heldTimer);
    this.heldTimer = setTimeout(() => this.releaseHeld(), HELD_RETRY_MS);
  }

  /** The attempt runs again (or may): the saves it refused while paused go out now. */
  private releaseHeld(): void {
    clearTimeout(this.heldTimer);
    if (this.pending.release()) this.flushSoon();
  }

  /** Fetches the attempt's state again (the proctor changed it), trying again a few times. */
  refreshState(attempt = 0): void {
    clearTimeout(this.stateTimer);
    fetchState(this.attemptId).then(this.receiveState, () => {
      if (attempt < STATE_RETRIES)
        this.stateTimer = setTimeout(() => this.refreshState(attempt + 1), 2_000 * (attempt + 1));
    });
  }

  private readonly receiveState = (state: AttemptState) => {
    if (!state.attempt.paused) this.releaseHeld();
    this.onServerState(state);
  };

  private markReplaced(): void {
    this.isReplaced = true;
    this.stop();
    this.emitChange();
  }

  private flushSoon(): void {
    // Fire-and-forget by design: failures are caught inside flush and retried with backoff.
    void this.flush();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.flushSoon(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private readonly handleOnline = () => {
    this.retryMs = 1_000;
    this.socket?.connect();
    this.flushSoon();
  };

  private readonly handleOffline = () => {
    // A dead network can leave the socket looking connected for a while; drop it so saves wait in the journal.
    this.socket?.disconnect();
    this.emitChange();
  };

  private emitChange(): void {
    this.onChange(this.snapshot());
  }
}

/**
 * Sends what the journal still holds for an attempt that closed while this device was away (the
 * page was reopened after the deadline). Resolves true when the server heard something new.
 */
export async function sendJournalLeftovers(attemptId: string, deviceId: string): Promise<boolean> {
  const leftovers = (await listJournal(attemptId)).filter((entry) => entry.isPending);
  if (leftovers.length === 0) return false;
  const { results } = await postSaves(attemptId, deviceId, leftovers.map(toSave));
  for (const result of results)
    if (!(result.status === 'rejected' && RETRYABLE_REJECTIONS.has(result.code ?? '')))
      await settleJournal(attemptId, result.questionId, result.seq);
  return results.some((result) => result.status === 'saved');
}
