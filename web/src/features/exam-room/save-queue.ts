// The saves the server has not acknowledged yet, and what its answers do to them. A save leaves the
// set only when the server acknowledged that seq (saved/superseded) or refused it for good; a
// refusal that only means "not now" (the proctor paused the attempt) keeps it, and holds the queue
// until the attempt runs again, when the same saves go out once more.
import { settleJournal, type JournalEntry } from './journal';
import type { SavedAnswer, SaveResult } from './types';

/** Refusals after which the save is sent again later rather than dropped. */
export const RETRYABLE_REJECTIONS: ReadonlySet<string> = new Set(['ATTEMPT_PAUSED']);

export type ApplyOutcome = 'done' | 'held' | 'replaced';

export class PendingSaves {
  private readonly entries = new Map<string, JournalEntry>();
  private readonly refused: Record<string, string> = {};
  private isOnHold = false;

  constructor(private readonly attemptId: string) {}

  get size(): number {
    return this.entries.size;
  }

  /** True while the server refuses saves for now: nothing is sent until `release`. */
  get isHeld(): boolean {
    return this.isOnHold;
  }

  ids(): Set<string> {
    return new Set(this.entries.keys());
  }

  /** Question id -> rejection code of its last refused save. */
  rejections(): Record<string, string> {
    return { ...this.refused };
  }

  add(entry: JournalEntry): void {
    this.entries.set(entry.questionId, entry);
  }

  /** The next saves to send; none while held. */
  nextBatch(max: number): SavedAnswer[] {
    if (this.isOnHold) return [];
    return [...this.entries.values()].slice(0, max).map(toSave);
  }

  /** Lets the held saves go out again (the attempt was resumed). Returns whether anything was held. */
  release(): boolean {
    const wasHeld = this.isOnHold;
    this.isOnHold = false;
    return wasHeld;
  }

  async apply(results: SaveResult[]): Promise<ApplyOutcome> {
    let outcome: ApplyOutcome = 'done';
    for (const result of results) {
      if (result.status === 'rejected' && result.code === 'DEVICE_REPLACED') return 'replaced';
      if (result.status === 'rejected' && RETRYABLE_REJECTIONS.has(result.code ?? '')) {
        // Stays pending here and in the journal, and is not shown as refused: it is only waiting.
        this.isOnHold = true;
        outcome = 'held';
        continue;
      }
      const entry = this.entries.get(result.questionId);
      if (result.status === 'rejected') this.refused[result.questionId] = result.code ?? 'REJECTED';
      else delete this.refused[result.questionId];
      if (entry?.seq === result.seq) this.entries.delete(result.questionId);
      await settleJournal(this.attemptId, result.questionId, result.seq);
    }
    return outcome;
  }
}

export function toSave(entry: JournalEntry): SavedAnswer {
  const { questionId, answer, state, seq, visits, timeSpentMs, answeredAt } = entry;
  return { questionId, answer, state, seq, visits, timeSpentMs, answeredAt };
}
