import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import * as repo from './proctoring-repo.js';

const JOB_KIND = 'proctoring.retention';
const BATCH = 500;
const EVERY_MS = 60 * 60_000;

/**
 * Evidence is deleted `retentionDays` after it was taken: files first (idempotent), then rows, in
 * batches, by whichever instance claims the hourly job. The view log stays (who looked, when).
 */
export function createEvidenceRetention(deps: {
  database: Database;
  storage: FileStorage;
  clock: Clock;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  retentionDays: number;
  log: FastifyBaseLogger;
}) {
  async function deleteExpired(): Promise<number> {
    const before = new Date(deps.clock.now() - deps.retentionDays * 86_400_000);
    let deleted = 0;
    for (;;) {
      const batch = await repo.listExpiredEvidence(deps.database.db, before, BATCH);
      for (const row of batch) await deps.storage.delete(row.storageKey);
      await repo.deleteEvidence(
        deps.database.db,
        batch.map((row) => row.id),
      );
      deleted += batch.length;
      if (batch.length < BATCH) return deleted;
    }
  }

  deps.jobs.register(JOB_KIND, async () => {
    const deleted = await deleteExpired();
    if (deleted > 0) deps.log.info({ deleted }, 'proctoring evidence past retention deleted');
    return { rerunAt: new Date(deps.clock.now() + EVERY_MS) };
  });

  return {
    deleteExpired,
    /** Plans the first run (again at every start: scheduling moves the one pending job). */
    plan: () =>
      deps.jobs.schedule(deps.database.db, {
        kind: JOB_KIND,
        key: 'all',
        payload: {},
        runAt: new Date(deps.clock.now() + 60_000),
      }),
  };
}
