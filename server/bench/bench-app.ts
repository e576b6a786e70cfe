// The frame the server's benchmarks run in: a throwaway PostgreSQL database on BENCH_DATABASE_URL's
// server, migrated, with the demo data, and the app built on it. Dropped again however the run ends.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgresDatabase } from '../src/platform/db/database.js';
import { runMigrations } from '../src/platform/db/migrate.js';

export const BENCH_SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs `body` with the app and its database URL, then drops the database and the files folder.
 * `env`: settings of the app beyond the frame's (a benchmark's own limits or timers).
 */
export async function withBenchApp(
  name: string,
  body: (app: App, databaseUrl: string) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  const dbName = `bench_${name}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${dbName}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  let app: App | null = null;
  try {
    const database = openPostgresDatabase({ url: url.toString(), replicaUrls: [], poolMax: 10 });
    await runMigrations(database);
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      RUN_MIGRATIONS: 'false',
      ...env,
    });
    app = await buildApp(config, { database });
    await body(app, url.toString());
  } finally {
    await app?.http.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
