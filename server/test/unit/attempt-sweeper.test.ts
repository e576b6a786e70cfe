import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startSweeper } from '../../src/modules/attempts/attempt-sweeper.js';
import { systemClock } from '../../src/platform/clock.js';

// The sweeper's loop on its own, over a backlog in memory (the integration tests sweep real
// attempts in PostgreSQL and PGlite): what it does when a batch fails, what it lets run between
// batches, and its log line. The timer never fires: each test runs the sweep.

type LogLine = { level: number; msg: string; count?: number; batches?: number; ms?: number };

function captureLog() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

/** `backlog` expired attempts; `failOn`: the calls (1-based) that throw, as a lost connection would. */
function startOver(backlog: number, batchSize: number, failOn: number[] = []) {
  const { log, lines } = captureLog();
  const state = { left: backlog, calls: 0 };
  const sweeper = startSweeper({
    log,
    sweepBatch: (limit) => {
      state.calls += 1;
      if (failOn.includes(state.calls)) return Promise.reject(new Error('connection lost'));
      const taken = Math.min(limit, state.left);
      state.left -= taken;
      return Promise.resolve(taken);
    },
    intervalMs: 3_600_000,
    batchSize,
    clock: systemClock,
  });
  return { sweeper, lines, state };
}

describe('the deadline sweeper’s loop', () => {
  it('takes batches until one comes back short, and says so in one line with the count and the time', async () => {
    const { sweeper, lines, state } = startOver(10, 3);
    expect(await sweeper.sweepOnce()).toBe(10);
    expect(state.calls).toBe(4);
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, count: 10, batches: 4, ms: expect.any(Number) as number }),
    ]);
    await sweeper.stop();
  });

  it('a batch that fails is logged, ends that sweep, and the next sweep goes on with the backlog', async () => {
    const { sweeper, lines, state } = startOver(10, 3, [2]);
    expect(await sweeper.sweepOnce()).toBe(3);
    expect(lines.map((l) => [l.level, l.count])).toEqual([
      [50, undefined],
      [30, 3],
    ]);
    expect(await sweeper.sweepOnce()).toBe(7);
    expect(state.left).toBe(0);
    await sweeper.stop();
  });

  it('lets what waits on the event loop run between batches', async () => {
    const { sweeper, state } = startOver(10, 3);
    let callsWhenOthersRan = -1;
    setImmediate(() => (callsWhenOthersRan = state.calls));
    // The fake batches resolve at once: without a yield the whole backlog would go before it.
    await sweeper.sweepOnce();
    expect(callsWhenOthersRan).toBe(1);
    await sweeper.stop();
  });

  it('an idle sweep logs at debug only, and a stopped sweeper takes no further batch', async () => {
    const { sweeper, lines, state } = startOver(0, 3);
    expect(await sweeper.sweepOnce()).toBe(0);
    expect(lines.map((l) => l.level)).toEqual([20]);
    await sweeper.stop();
    state.left = 5;
    expect(await sweeper.sweepOnce()).toBe(0);
    expect(state.left).toBe(5);
  });
});
