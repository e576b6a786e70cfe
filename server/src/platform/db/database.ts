import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { AppConfig } from '../config.js';
import { timePool, type QueryObserver } from './query-timing.js';
import { createReplicaRouter, type ReplicaStatus } from './replicas.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The common shape of the PGlite and node-postgres Drizzle databases: services only see this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type PoolStats = { total: number; idle: number; waiting: number };

export type Database = {
  kind: 'embedded' | 'postgres';
  /** Reads and writes on the primary. */
  db: Db;
  /** Reads that may lag behind writes (lists, reports): a replica when configured, else the primary. */
  readDb: Db;
  ping(): Promise<void>;
  poolStats(): PoolStats;
  /** Each read replica's lag and whether reads go to it (none in the embedded mode). */
  replicaStatus(): ReplicaStatus[];
  /** Times every query and connection wait from now on (PostgreSQL; the embedded database has no pool). */
  observeQueries(observer: QueryObserver): void;
  close(): Promise<void>;
  /**
   * Runs `fn` holding a cluster-wide advisory lock, so only one instance migrates at a time. `fn`
   * gets a connection of its own without the statement timeout (a migration may take long).
   */
  withAdvisoryLock<T>(key: number, fn: (db: Db) => Promise<T>): Promise<T>;
};

export async function openEmbeddedDatabase(options: {
  dataDir: string | null;
  loadDataDir?: Blob;
}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    readDb: db,
    ping: async () => {
      await client.query('select 1');
    },
    // PGlite is one connection in this process; report it as a pool of one.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    replicaStatus: () => [],
    observeQueries: () => undefined,
    close: () => client.close(),
    // One process owns the data directory, so the process is the lock.
    withAdvisoryLock: (_key, fn) => fn(db),
  };
}

export function openPostgresDatabase(options: {
  url: string;
  replicaUrls: string[];
  poolMax: number;
  statementTimeoutMs?: number;
  /** A replica further behind than this is skipped. */
  replicaMaxLagMs?: number;
  replicaCheckIntervalMs?: number;
}): Database {
  // Every connection cancels a statement that runs (or waits for a lock) longer than this, so one
  // runaway request cannot hold a connection that saves need. PGlite has no such timer: there,
  // work is bounded by request limits and stops when the client leaves.
  const timeouts = options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {};
  const primaryPool = new pg.Pool({ connectionString: options.url, max: options.poolMax, ...timeouts });
  // A replica that does not answer must fail fast, so that reads move to the primary.
  const replicaPools = options.replicaUrls.map(
    (url) =>
      new pg.Pool({
        connectionString: url,
        max: options.poolMax,
        connectionTimeoutMillis: 2000,
        ...timeouts,
      }),
  );
  // A broken connection must not crash the process: an idle one errors on the pool, one checked out
  // (a transaction between its statements) on its client, which has no listener of its own. The
  // statement under way fails (DATABASE_UNAVAILABLE), the pool drops the client on release, and the
  // next query reconnects. Seen when the primary restarted mid-exam: an instance died of it.
  for (const pool of [primaryPool, ...replicaPools]) {
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
  }
  let observer: QueryObserver | null = null;
  timePool(primaryPool, 'primary', () => observer);
  for (const pool of replicaPools) timePool(pool, 'replica', () => observer);
  const primary = drizzlePg({ client: primaryPool, schema }) as unknown as Db;
  const router =
    replicaPools.length > 0
      ? createReplicaRouter({
          primary,
          replicas: replicaPools.map((pool, i) => ({
            name: `replica-${i + 1}`,
            pool,
            db: drizzlePg({ client: pool, schema }),
          })),
          maxLagMs: options.replicaMaxLagMs ?? 10_000,
          checkIntervalMs: options.replicaCheckIntervalMs ?? 2000,
        })
      : null;
  return {
    kind: 'postgres',
    db: primary,
    readDb: router?.readDb ?? primary,
    ping: async () => {
      await primary.execute(sql`select 1`);
    },
    poolStats: () => ({
      total: primaryPool.totalCount,
      idle: primaryPool.idleCount,
      waiting: primaryPool.waitingCount,
    }),
    replicaStatus: () => router?.status() ?? [],
    observeQueries: (next) => {
      observer = next;
    },
    close: async () => {
      await router?.close();
      await Promise.all([primaryPool.end(), ...replicaPools.map((p) => p.end())]);
    },
    withAdvisoryLock: async (key, fn) => {
      const client = await primaryPool.connect();
      try {
        await client.query('set statement_timeout = 0');
        await client.query('select pg_advisory_lock($1)', [key]);
        return await fn(drizzlePg({ client, schema }));
      } finally {
        await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
        // The connection goes back to the pool without its timeout: drop it instead.
        client.release(true);
      }
    },
  };
}

export async function openDatabase(config: AppConfig['database']): Promise<Database> {
  switch (config.kind) {
    case 'embedded':
      return openEmbeddedDatabase({ dataDir: config.dataDir });
    case 'postgres':
      return openPostgresDatabase(config);
  }
}
