import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openEmbeddedDatabase, openPostgresDatabase, type Database } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const tmpRoot = path.join(repoRoot, '.tmp');
const pgliteTemplateFile = path.join(tmpRoot, 'pglite-template.tar.gz');
// One template per checkout, so that several checkouts (worktrees) can share one PostgreSQL server.
const PG_TEMPLATE_DB = `examtech_test_template_${createHash('sha1').update(repoRoot).digest('hex').slice(0, 8)}`;

export function testDbMode(): 'postgres' | 'embedded' {
  return process.env.TEST_DB_MODE === 'postgres' ? 'postgres' : 'embedded';
}

export function adminDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL and Redis.',
    );
  return url;
}

export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url)
    throw new Error(
      'TEST_REDIS_URL is not set: run the suite with `npm test`, which starts PostgreSQL and Redis.',
    );
  return url;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Run once per test run: a migrated template that every test file copies in milliseconds. */
export async function preparePostgresTemplate(): Promise<void> {
  await adminQuery(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
  await adminQuery(`create database ${PG_TEMPLATE_DB}`);
  const database = openPostgresDatabase({
    url: withDatabaseName(adminDatabaseUrl(), PG_TEMPLATE_DB),
    replicaUrls: [],
    poolMax: 2,
  });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
}

/** A migrated PGlite data directory dumped once; creating PGlite from scratch costs seconds. */
export async function preparePgliteTemplate(): Promise<void> {
  mkdirSync(tmpRoot, { recursive: true });
  const database = await openEmbeddedDatabase({ dataDir: null });
  try {
    await runMigrations(database);
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('gzip');
    writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** A fresh PostgreSQL database copied from the template; returns its URL. */
export async function createPostgresTestDatabase(): Promise<string> {
  const name = `examtech_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${PG_TEMPLATE_DB}`);
  return withDatabaseName(adminDatabaseUrl(), name);
}

export async function dropPostgresTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** A fresh in-memory PGlite loaded from the dumped template (or migrated on the spot without one). */
export async function openEmbeddedTestDatabase(): Promise<Database> {
  if (!existsSync(pgliteTemplateFile)) return openEmbeddedDatabase({ dataDir: null });
  const blob = new Blob([readFileSync(pgliteTemplateFile)]);
  return openEmbeddedDatabase({ dataDir: null, loadDataDir: blob });
}
