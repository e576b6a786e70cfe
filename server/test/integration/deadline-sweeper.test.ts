import { expect, it } from 'vitest';
import { expireAttempts, readSweptRows } from '../support/deadline-fixtures.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The deadline sweeper ("Exam day at 10,000": 2,000 attempts expired at once, the last submitted a
 * minute late at 200 a tick): one sweep submits every attempt whose time is up, however many, a
 * batch (one short transaction) at a time. Batches of 3 here, so that ten attempts take four.
 * The timers never fire by themselves: the test runs the sweep.
 */
const BATCH_SIZE = 3;
const ctx = useTestApp({
  env: {
    SWEEPER_BATCH_SIZE: String(BATCH_SIZE),
    SWEEPER_INTERVAL_MS: String(3_600_000),
    JOBS_POLL_INTERVAL_MS: String(3_600_000),
  },
});

it(
  'one sweep submits every expired attempt, several batches of them, each scored and marked as the deadline’s',
  { timeout: 90_000 },
  async () => {
    const { examId, attemptIds } = await expireAttempts(ctx.app, ctx.clock, 10);
    expect(attemptIds.length).toBeGreaterThan(3 * BATCH_SIZE);
    expect((await readSweptRows(ctx.app, examId)).map((r) => r.status)).toEqual(
      attemptIds.map(() => 'in_progress'),
    );

    expect(await ctx.app.sweeper.sweepOnce()).toBe(attemptIds.length);
    expect(await readSweptRows(ctx.app, examId)).toEqual(
      attemptIds
        .toSorted()
        .map((id) => ({ id, status: 'submitted', submit_reason: 'deadline', total_marks: '3.00' })),
    );
    // Nothing was left for the next sweep.
    expect(await ctx.app.sweeper.sweepOnce()).toBe(0);
  },
);
