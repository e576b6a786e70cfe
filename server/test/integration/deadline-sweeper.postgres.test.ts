import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { expireAttempts, readSweptRows } from '../support/deadline-fixtures.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * The deadline sweeper with two instances on one database (PostgreSQL only: embedded PGlite is one
 * process): their sweeps share the backlog through SKIP LOCKED and each attempt is submitted once.
 * Batches of 3; the timers never fire by themselves: the test runs the sweeps.
 */
const BATCH_SIZE = 3;
let env: TestEnv;
let first: App;
let second: App;

beforeAll(async () => {
  env = await createTestEnv({
    env: {
      SWEEPER_BATCH_SIZE: String(BATCH_SIZE),
      SWEEPER_INTERVAL_MS: String(3_600_000),
      JOBS_POLL_INTERVAL_MS: String(3_600_000),
    },
  });
  first = await env.start();
  second = await env.start();
}, 60_000);
afterAll(() => env.close());

const submittedOnce = (attemptIds: string[]) =>
  attemptIds
    .toSorted()
    .map((id) => ({ id, status: 'submitted', submit_reason: 'deadline', total_marks: '3.00' }));

it(
  'two instances sweeping at the same moment submit every attempt exactly once between them',
  { timeout: 90_000 },
  async () => {
    const { examId, attemptIds } = await expireAttempts(first, env.clock, 10);

    const counts = await Promise.all([first.sweeper.sweepOnce(), second.sweeper.sweepOnce()]);
    // Each sweep counts what it submitted: an attempt submitted by both would be counted twice.
    expect(counts[0] + counts[1]).toBe(attemptIds.length);
    expect(await readSweptRows(first, examId)).toEqual(submittedOnce(attemptIds));
    expect(await Promise.all([first.sweeper.sweepOnce(), second.sweeper.sweepOnce()])).toEqual([0, 0]);
  },
);

it(
  'a sweep goes past the attempts another instance’s batch holds, without waiting for it',
  { timeout: 90_000 },
  async () => {
    const { examId, attemptIds } = await expireAttempts(first, env.clock, 10);
    // Another instance's batch, mid-transaction: three of the expired rows locked as its sweep locks them.
    const other = new pg.Client({ connectionString: env.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('begin');
      const held = await other.query<{ id: string }>(
        `select id from attempts where exam_id = $1 and status = 'in_progress' order by deadline_at limit 3 for update`,
        [examId],
      );
      expect(await first.sweeper.sweepOnce()).toBe(attemptIds.length - held.rows.length);
      const heldIds = new Set(held.rows.map((r) => r.id));
      expect(
        (await readSweptRows(first, examId)).filter((r) => r.status === 'in_progress').map((r) => r.id),
      ).toEqual([...heldIds].toSorted());
      await other.query('rollback');
    } finally {
      await other.end();
    }
    // The other instance's batch ended without them: the next sweep takes them.
    expect(await second.sweeper.sweepOnce()).toBe(3);
    expect(await readSweptRows(first, examId)).toEqual(submittedOnce(attemptIds));
  },
);
