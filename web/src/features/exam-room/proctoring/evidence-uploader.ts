// Uploads webcam snapshots and screen-recording chunks by the contract's three steps (create, PUT
// the bytes, complete), in the background: one queue per kind so a 2 MB screen chunk never holds
// a snapshot back, retries with backoff while the network or server is in trouble, and nothing the
// candidate does ever waits for it. Evidence lives in memory only (a reload loses what is unsent).
// When the room closes, what is queued still goes (the recording's last chunk comes after the stop),
// with a few tries only.
import { isApiError } from '../../../lib/api';
import { completeEvidence, createEvidence, uploadEvidence, type EvidenceRequest } from './api';

export interface EvidenceItem {
  request: Omit<EvidenceRequest, 'bytes'>;
  blob: Blob;
  /** Told the evidence id as soon as the server made it (before the bytes are up). */
  onCreated?: (evidenceId: string) => void;
}

/** The contract's limits; bigger ones are refused (413), so they are not sent at all. */
export const MAX_BYTES = { snapshot: 300 * 1024, screen: 2 * 1024 * 1024 } as const;
/** Beyond this many waiting (a long outage) new items are dropped rather than filling the memory. */
const MAX_QUEUED = { snapshot: 120, screen: 30 } as const;
const MAX_RETRY_MS = 30_000;
/** Tries per step once the room has closed. */
const TRIES_AFTER_CLOSE = 3;
/** The recorder hands over its last chunk shortly after it is stopped. */
const LAST_CHUNK_GRACE_MS = 3_000;

const isWorthRetrying = (error: unknown) =>
  !isApiError(error) ||
  error.code === 'NETWORK_ERROR' ||
  error.code === 'PROCTOR_RATE_LIMITED' ||
  error.status === 429 ||
  error.status >= 500;

class UploadQueue {
  private readonly items: EvidenceItem[] = [];
  private isRunning = false;
  private isClosing = false;
  private closedAt = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly attemptId: string,
    private readonly kind: 'snapshot' | 'screen',
  ) {}

  add(item: EvidenceItem): boolean {
    if (this.isClosing && Date.now() - this.closedAt > LAST_CHUNK_GRACE_MS) return false;
    if (item.blob.size === 0 || item.blob.size > MAX_BYTES[this.kind]) return false;
    if (this.items.length >= MAX_QUEUED[this.kind]) return false;
    this.items.push(item);
    // Fire-and-forget by design: the loop catches and retries everything itself.
    if (!this.isRunning) void this.run();
    return true;
  }

  /** The network is back: a waiting retry goes now. */
  nudge(): void {
    this.wake?.();
  }

  /** No new items after a short grace; what is queued gets a few more tries. */
  close(): void {
    this.isClosing = true;
    this.closedAt = Date.now();
    this.wake?.();
  }

  private async run(): Promise<void> {
    this.isRunning = true;
    try {
      for (let item = this.items[0]; item; item = this.items[0]) {
        await this.upload(item);
        this.items.shift();
      }
    } finally {
      this.isRunning = false;
    }
  }

  /** All three steps; each is retried on its own, so a failed PUT does not make a second evidence. */
  private async upload(item: EvidenceItem): Promise<void> {
    const created = await this.step(() =>
      createEvidence(this.attemptId, { ...item.request, bytes: item.blob.size }),
    );
    if (!created) return;
    item.onCreated?.(created.value.evidenceId);
    if (!(await this.step(() => uploadEvidence(created.value, item.blob)))) return;
    await this.step(() => completeEvidence(created.value.evidenceId));
  }

  /** Runs one step until it succeeds or fails for good (null); waits between tries. */
  private async step<T>(run: () => Promise<T>): Promise<{ value: T } | null> {
    let delayMs = 1_000;
    for (let tries = 1; !this.isClosing || tries <= TRIES_AFTER_CLOSE; tries += 1) {
      try {
        return { value: await run() };
      } catch (error) {
        if (!isWorthRetrying(error)) return null; // refused (too large, kind disabled, gone): drop it
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
    }
    return null;
  }
}

export class EvidenceUploader {
  private readonly snapshots: UploadQueue;
  private readonly screen: UploadQueue;

  constructor(attemptId: string) {
    this.snapshots = new UploadQueue(attemptId, 'snapshot');
    this.screen = new UploadQueue(attemptId, 'screen');
    window.addEventListener('online', this.handleOnline, { passive: true });
  }

  /** Queues an item; false when it is refused here (too large, or too much already waiting). */
  add(item: EvidenceItem): boolean {
    return (item.request.kind === 'screen' ? this.screen : this.snapshots).add(item);
  }

  /** The room closed: the queues finish what they hold (and the recording's last chunk). */
  close(): void {
    window.removeEventListener('online', this.handleOnline);
    this.snapshots.close();
    this.screen.close();
  }

  private readonly handleOnline = () => {
    this.snapshots.nudge();
    this.screen.nudge();
  };
}
