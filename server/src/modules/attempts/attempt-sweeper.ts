import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.js';

export type Sweeper = {
  /**
   * One sweep: batches until one comes back smaller than the batch size, fails, or the sweeper is
   * stopped. Returns how many attempts it submitted. The timer calls it; tests call it instead of
   * waiting for the timer.
   */
  sweepOnce(): Promise<number>;
  /** Stops the timer and waits for a sweep under way to end after its current batch. */
  stop(): Promise<void>;
};

/**
 * Auto-submits attempts whose time is up, even when the candidate's browser is closed. Every
 * instance sweeps every `intervalMs`. A sweep drains the backlog: 2,000 attempts ending at once are
 * all submitted by the sweep that finds them, not `batchSize` per tick. Each batch is its own short
 * transaction whose rows are taken with SKIP LOCKED, so other instances' sweeps take other rows at
 * the same time and each attempt is submitted once. What is submitted and how is the attempts
 * service's `sweepExpired`; this file is only the loop.
 */
export function startSweeper(deps: {
  log: FastifyBaseLogger;
  /** Submits up to `limit` expired attempts in one transaction; returns how many. */
  sweepBatch: (limit: number) => Promise<number>;
  intervalMs: number;
  batchSize: number;
  /** Times each sweep, for its log line. */
  clock: Clock;
}): Sweeper {
  const { log, batchSize, clock } = deps;
  let isStopped = false;
  const running = new Set<Promise<number>>();

  async function drain(): Promise<number> {
    const startedAt = clock.now();
    let count = 0;
    let batches = 0;
    let isFailed = false;
    while (!isStopped) {
      let taken: number;
      try {
        taken = await deps.sweepBatch(batchSize);
      } catch (err) {
        // The batch rolled back: its attempts are still running and the next sweep (here or on
        // another instance) takes them again. Retrying now would most likely fail the same way.
        log.error({ err, submittedBefore: count }, 'deadline sweep: a batch failed');
        isFailed = true;
        break;
      }
      count += taken;
      batches += 1;
      if (taken < batchSize) break;
      // Saves and requests queued on this instance meanwhile go before the next batch.
      await yieldToEventLoop();
    }
    const summary = { count, batches, ms: clock.now() - startedAt };
    // An idle sweep every second would drown the log at info.
    if (count > 0 || isFailed) log.info(summary, 'deadline sweep: attempts auto-submitted');
    else log.debug(summary, 'deadline sweep: none due');
    return count;
  }

  function sweepOnce(): Promise<number> {
    const sweep = drain().finally(() => running.delete(sweep));
    running.add(sweep);
    return sweep;
  }

  const timer = setInterval(() => {
    // A sweep still draining has the backlog; a second one on this instance would only compete.
    if (running.size > 0) return;
    sweepOnce().catch((err: unknown) => log.error({ err }, 'deadline sweep failed'));
  }, deps.intervalMs);
  timer.unref();

  return {
    sweepOnce,
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await Promise.all(running);
    },
  };
}
