import { expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openEmbeddedDatabase } from '../../src/platform/db/database.js';
import { expireAttempts, readSweptRows } from '../support/deadline-fixtures.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The embedded server restarted while an exam ran out: the new process has no paper cached, and
 * PGlite is one connection, so a paper read inside the sweep's transaction would wait for that
 * transaction forever (and every request behind it). Its first sweep submits them all.
 */
const ctx = useTestApp({
  mode: 'embedded',
  env: {
    SWEEPER_BATCH_SIZE: '3',
    SWEEPER_INTERVAL_MS: String(3_600_000),
    JOBS_POLL_INTERVAL_MS: String(3_600_000),
  },
});

it('a server started on the data of one whose candidates ran out of time submits them, its caches cold', async () => {
  const { examId, attemptIds } = await expireAttempts(ctx.app, ctx.clock, 4);
  // The data as the stopped process left it, opened by a new one.
  const client = (ctx.app.database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } })
    .$client;
  const database = await openEmbeddedDatabase({
    dataDir: null,
    loadDataDir: await client.dumpDataDir('gzip'),
  });
  const restarted = await buildApp(loadConfig(ctx.env.env), { database, clock: ctx.clock });
  try {
    expect(await restarted.sweeper.sweepOnce()).toBe(attemptIds.length);
    expect(await readSweptRows(restarted, examId)).toEqual(
      attemptIds
        .toSorted()
        .map((id) => ({ id, status: 'submitted', submit_reason: 'deadline', total_marks: '3.00' })),
    );
  } finally {
    await restarted.http.close();
  }
});
