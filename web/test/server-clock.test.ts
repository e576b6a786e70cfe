// The server-clock offset (integrity rule 2): countdowns run on the server's time, also after an
// offline reload where the service worker replays an old serverNow.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { estimateClockOffset, settleClockOffset } from '../src/features/exam-room/server-clock';

/** The browser's localStorage, in memory (Node has none without a file). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  return () => vi.unstubAllGlobals();
});

describe('estimateClockOffset', () => {
  it('takes serverNow as stamped halfway through the round trip', () => {
    const sentAt = Date.parse('2026-03-01T09:00:00.000Z');
    // The request took 400 ms; the server's clock is 5 s ahead: it stamped 09:00:05.200.
    expect(estimateClockOffset('2026-03-01T09:00:05.200Z', sentAt, sentAt + 400)).toBe(5_000);
  });

  it('is negative when this device runs fast', () => {
    const at = Date.parse('2026-03-01T09:00:30.000Z');
    expect(estimateClockOffset('2026-03-01T09:00:00.000Z', at, at)).toBe(-30_000);
  });
});

describe('settleClockOffset', () => {
  it('uses a fresh measurement and remembers it', () => {
    expect(settleClockOffset('2026-03-01T09:00:00.000Z', 1_500)).toBe(1_500);
    expect(settleClockOffset('2026-03-01T09:01:00.000Z', -200)).toBe(-200);
  });

  it('keeps the last offset when serverNow is no newer (a replayed cached answer measures nothing)', () => {
    settleClockOffset('2026-03-01T09:05:00.000Z', 1_500);
    // Replayed offline ten minutes later: the stale serverNow would imply a 10-minute offset.
    expect(settleClockOffset('2026-03-01T09:05:00.000Z', -600_000)).toBe(1_500);
    expect(settleClockOffset('2026-03-01T09:04:00.000Z', -660_000)).toBe(1_500);
    // The next real response measures again.
    expect(settleClockOffset('2026-03-01T09:16:00.000Z', 1_400)).toBe(1_400);
  });
});
