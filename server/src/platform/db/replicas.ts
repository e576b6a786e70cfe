import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from './database.js';

export type ReplicaStatus = {
  name: string;
  /** Seconds behind the primary at the last check; null when the replica did not answer. */
  lagSeconds: number | null;
  isUsable: boolean;
};

type Replica = { name: string; db: Db; pool: pg.Pool };

/**
 * Where reads that may lag go (DESIGN.md: lists, search, reports): a replica that answered its
 * last check and is no further behind than `maxLagMs`, chosen at random; the primary when none is.
 * Lag is measured against the primary's WAL position: a replica that has replayed everything the
 * primary wrote is 0 behind however long ago the last write was; one that has not is behind by the
 * time since its last replayed transaction. Until the first check, reads go to the primary.
 */
export function createReplicaRouter(options: {
  primary: Db;
  replicas: Replica[];
  maxLagMs: number;
  checkIntervalMs: number;
}) {
  const status = new Map<string, ReplicaStatus>(
    options.replicas.map((r) => [r.name, { name: r.name, lagSeconds: null, isUsable: false }]),
  );
  let usable: Db[] = [];

  async function checkOne(replica: Replica, primaryLsn: string | null): Promise<ReplicaStatus> {
    try {
      const result = await replica.db.execute(sql`
        select case
          when ${primaryLsn}::pg_lsn is null or pg_wal_lsn_diff(${primaryLsn}::pg_lsn, pg_last_wal_replay_lsn()) <= 0
            then 0
          else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)
        end as lag`);
      const lagSeconds = Number((result as { rows: { lag: string | number }[] }).rows[0]?.lag ?? 0);
      return { name: replica.name, lagSeconds, isUsable: lagSeconds * 1000 <= options.maxLagMs };
    } catch {
      return { name: replica.name, lagSeconds: null, isUsable: false };
    }
  }

  async function check(): Promise<void> {
    let primaryLsn: string | null = null;
    try {
      const result = await options.primary.execute(sql`select pg_current_wal_lsn()::text as lsn`);
      primaryLsn = (result as { rows: { lsn: string }[] }).rows[0]?.lsn ?? null;
    } catch {
      // The primary is down: judge the replicas by their own replay, reads still go to them.
    }
    const results = await Promise.all(options.replicas.map((r) => checkOne(r, primaryLsn)));
    for (const s of results) status.set(s.name, s);
    usable = options.replicas.filter((r) => status.get(r.name)?.isUsable).map((r) => r.db);
  }

  const pick = (): Db => usable[Math.floor(Math.random() * usable.length)] ?? options.primary;
  // Each use picks its target: `readDb.select()...` runs wholly on the one chosen at its start.
  const readDb = new Proxy({} as Db, {
    get(_target, property) {
      const target = pick() as unknown as Record<string | symbol, unknown>;
      const value = target[property];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  let running: Promise<void> = check();
  const timer = setInterval(() => {
    running = running.then(check);
  }, options.checkIntervalMs);
  timer.unref();

  return {
    readDb,
    status: (): ReplicaStatus[] => [...status.values()],
    /** Checks now (tests, and a readiness probe that wants a fresh answer). */
    checkNow: () => (running = running.then(check)),
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
