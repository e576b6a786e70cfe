import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Database, Db, Tx } from '../db/database.js';
import { jobs } from '../db/schema.js';

/**
 * A small table-backed job queue. Every instance polls; a due job is claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease (locked_until), so each runs on one instance at a time and,
 * once it succeeds, never again. A failure is retried with an exponential backoff up to
 * MAX_ATTEMPTS; then the job is closed with its last error. Handlers are registered by kind and
 * should be idempotent: a lease that lapses (an instance died mid-job) runs the job again.
 */

/** What a handler may answer: nothing (done) or a later time to run again (the work is not due yet). */
export type JobOutcome = void | { rerunAt: Date };
export type JobHandler = (payload: Record<string, unknown>) => Promise<JobOutcome>;

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;
const BATCH = 10;

export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

export function createJobQueue(deps: { database: Database; clock: Clock; log: FastifyBaseLogger }) {
  const { db } = deps.database;
  const handlers = new Map<string, JobHandler>();
  const instanceId = randomUUID();
  const now = () => new Date(deps.clock.now());

  async function claimDue(): Promise<(typeof jobs.$inferSelect)[]> {
    const at = now();
    const leaseEnds = new Date(at.getTime() + LEASE_MS);
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return [];
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            isNull(jobs.doneAt),
            lte(jobs.runAt, at),
            or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, at)),
            inArray(jobs.kind, kinds),
          ),
        )
        .orderBy(asc(jobs.runAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const ids = due.map((r) => r.id);
      if (ids.length === 0) return [];
      return tx
        .update(jobs)
        .set({ lockedBy: instanceId, lockedUntil: leaseEnds, attempts: sql`${jobs.attempts} + 1` })
        .where(inArray(jobs.id, ids))
        .returning();
    });
    return claimed;
  }

  async function finish(id: string, values: Partial<typeof jobs.$inferInsert>): Promise<void> {
    await db
      .update(jobs)
      .set({ lockedBy: null, lockedUntil: null, ...values })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, instanceId)));
  }

  async function runOne(job: typeof jobs.$inferSelect): Promise<void> {
    const handler = handlers.get(job.kind);
    if (!handler) return;
    try {
      const outcome = await handler(job.payload);
      if (outcome && 'rerunAt' in outcome)
        await finish(job.id, { runAt: outcome.rerunAt, attempts: 0, lastError: null });
      else await finish(job.id, { doneAt: now(), lastError: null });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.log.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
      if (job.attempts >= MAX_ATTEMPTS) await finish(job.id, { doneAt: now(), lastError: message });
      else
        await finish(job.id, {
          runAt: new Date(deps.clock.now() + retryDelayMs(job.attempts)),
          lastError: message,
        });
    }
  }

  let running: Promise<number> | null = null;

  function tick(): Promise<number> {
    running ??= (async () => {
      try {
        const claimed = await claimDue();
        for (const job of claimed) await runOne(job);
        return claimed.length;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    register(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    /**
     * Schedules `kind` for `key` at `runAt`; a pending job of the same kind and key is moved
     * (its payload replaced, its attempts reset). Runs in the caller's transaction when given one.
     */
    async schedule(
      conn: Db | Tx,
      job: { kind: string; key: string; runAt: Date; payload: Record<string, unknown> },
    ): Promise<void> {
      await conn
        .insert(jobs)
        .values(job)
        .onConflictDoUpdate({
          target: [jobs.kind, jobs.key],
          targetWhere: sql`done_at is null`,
          set: { runAt: job.runAt, payload: job.payload, attempts: 0, lastError: null },
        });
    },

    /** Drops the pending job of `kind` and `key`, if any (not one an instance is running). */
    async cancel(conn: Db | Tx, kind: string, key: string): Promise<void> {
      await conn
        .delete(jobs)
        .where(
          and(
            eq(jobs.kind, kind),
            eq(jobs.key, key),
            isNull(jobs.doneAt),
            or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now())),
          ),
        );
    },

    /** Claims and runs the due jobs once; the count run. One tick at a time per instance. */
    tick,

    /** Polls every `intervalMs` (unref'd: it never keeps the process alive); returns the stop. */
    start(intervalMs: number): () => Promise<void> {
      const timer = setInterval(() => {
        tick().catch((err: unknown) => deps.log.error({ err }, 'job runner tick failed'));
      }, intervalMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await running?.catch(() => undefined);
      };
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
