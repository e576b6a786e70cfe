// Turns "this started / this ended" into the contract's events: one uuid per occurrence, started on
// the server's clock as estimated here, sent when it opens (duration 0), every 10 s while it lasts
// (same id, growing duration) and once more when it ends. Kinds the exam does not enable are ignored,
// so nothing is sent that the server would refuse.
import type { ClientEvent, ProctorEventKind } from './kinds';

export const RESEND_EVERY_MS = 10_000;
/** The same instant signal (a held Ctrl+V, a right-click spree) counts once per this window. */
export const INSTANT_REPEAT_MS = 1_000;

export interface RecorderOptions {
  enabled: ReadonlySet<ProctorEventKind>;
  /** Server time minus this device's time, in ms. */
  offsetMs: number;
  /** The question on screen now. */
  questionId: () => string | undefined;
  /** Each version of an event to deliver; `isFirst` for an occurrence's first one. */
  emit: (event: ClientEvent, isFirst: boolean) => void;
  now?: () => number;
  newId?: () => string;
}

interface OpenSignal {
  event: ClientEvent;
  /** On this device's clock, for the duration. */
  openedAt: number;
  timer: ReturnType<typeof setInterval>;
}

export class SignalRecorder {
  private readonly open = new Map<ProctorEventKind, OpenSignal>();
  private readonly lastInstant = new Map<ProctorEventKind, number>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  isEnabled(kind: ProctorEventKind): boolean {
    return this.options.enabled.has(kind);
  }

  isOpen(kind: ProctorEventKind): boolean {
    return this.open.has(kind);
  }

  /**
   * Starts a lasting signal (`since`: when it began on this device's clock, for one detected late,
   * e.g. a face missing for 5 s). Returns its event id, or null if disabled or already open.
   */
  start(kind: ProctorEventKind, since = this.now()): string | null {
    if (!this.isEnabled(kind) || this.open.has(kind)) return null;
    const event = this.newEvent(kind, since);
    const timer = setInterval(() => this.resend(kind), RESEND_EVERY_MS);
    this.open.set(kind, { event, openedAt: since, timer });
    this.options.emit({ ...event, durationMs: this.durationSince(since) }, true);
    return event.id;
  }

  /** Ends a lasting signal (`at`: when it ended on this device's clock). */
  end(kind: ProctorEventKind, at = this.now()): void {
    const signal = this.open.get(kind);
    if (!signal) return;
    clearInterval(signal.timer);
    this.open.delete(kind);
    this.options.emit({ ...signal.event, durationMs: Math.max(0, at - signal.openedAt) }, false);
  }

  /** A signal that has no duration (copy, paste, cut, context menu). Returns its id, or null. */
  instant(kind: ProctorEventKind): string | null {
    if (!this.isEnabled(kind)) return null;
    const now = this.now();
    const last = this.lastInstant.get(kind);
    if (last !== undefined && now - last < INSTANT_REPEAT_MS) return null;
    this.lastInstant.set(kind, now);
    const event = this.newEvent(kind, now);
    this.options.emit(event, true);
    return event.id;
  }

  /** A signal that began and ended before it was reported (both on this device's clock). */
  complete(kind: ProctorEventKind, since: number, at: number): string | null {
    if (!this.isEnabled(kind)) return null;
    const event = { ...this.newEvent(kind, since), durationMs: Math.max(0, at - since) };
    this.options.emit(event, true);
    return event.id;
  }

  /** The open event of a kind as it stands (for attaching evidence to it). */
  current(kind: ProctorEventKind): ClientEvent | null {
    const signal = this.open.get(kind);
    return signal ? { ...signal.event, durationMs: this.durationSince(signal.openedAt) } : null;
  }

  /** Ends everything still open (the exam room closes). */
  stop(): void {
    for (const kind of [...this.open.keys()]) this.end(kind);
  }

  private resend(kind: ProctorEventKind): void {
    const signal = this.open.get(kind);
    if (signal)
      this.options.emit({ ...signal.event, durationMs: this.durationSince(signal.openedAt) }, false);
  }

  private durationSince(since: number): number {
    return Math.max(0, this.now() - since);
  }

  private newEvent(kind: ProctorEventKind, since: number): ClientEvent {
    const questionId = this.options.questionId();
    return {
      id: this.newId(),
      kind,
      startedAt: Math.round(since + this.options.offsetMs),
      durationMs: 0,
      ...(questionId ? { questionId } : {}),
    };
  }
}
