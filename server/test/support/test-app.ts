import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import {
  createPostgresTestDatabase,
  dropPostgresTestDatabase,
  openEmbeddedTestDatabase,
  testDbMode,
  testRedisUrl,
  tmpRoot,
} from './databases.js';
import { createTestClock, type TestClock } from './test-clock.js';

export type TestEnv = {
  mode: 'postgres' | 'embedded';
  /** Environment shared by every app instance of this test environment (same database and Redis prefix). */
  env: Record<string, string>;
  dataDir: string;
  /** The one clock of every app of this environment (they share a database, so they share time). */
  clock: TestClock;
  start(extraEnv?: Record<string, string>): Promise<App>;
  close(): Promise<void>;
};

/**
 * A throwaway environment: in postgres mode a fresh database copied from the migrated template and
 * its own Redis key prefix; in embedded mode one in-memory PGlite. Several app instances can be
 * started against it (postgres mode), as a scaled deployment would run them. `clock`: the time the
 * apps read (a fresh test clock at the real time unless given); move it to move time.
 */
export async function createTestEnv(
  options: { mode?: 'postgres' | 'embedded'; env?: Record<string, string>; clock?: TestClock } = {},
): Promise<TestEnv> {
  const mode = options.mode ?? testDbMode();
  const clock = options.clock ?? createTestClock();
  const dataDir = mkdtempSync(path.join(tmpRoot, 'app-'));
  const databaseUrl = mode === 'postgres' ? await createPostgresTestDatabase() : null;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
    ...(databaseUrl
      ? {
          DATABASE_URL: databaseUrl,
          REDIS_URL: testRedisUrl(),
          REDIS_KEY_PREFIX: `t${randomBytes(4).toString('hex')}:`,
        }
      : {}),
    ...options.env,
  };
  const apps: App[] = [];
  return {
    mode,
    env,
    dataDir,
    clock,
    async start(extraEnv = {}) {
      const config = loadConfig({ ...env, ...extraEnv });
      // PGlite is one connection in one process: each embedded app gets its own in-memory copy.
      const app = await buildApp(
        config,
        mode === 'embedded' ? { database: await openEmbeddedTestDatabase(), clock } : { clock },
      );
      apps.push(app);
      return app;
    },
    async close() {
      for (const app of apps.splice(0)) await app.http.close();
      if (databaseUrl) await dropPostgresTestDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = { readonly env: TestEnv; readonly app: App; readonly clock: TestClock };

/**
 * One app on a test environment of its own for the calling file: created in a `beforeAll` (so
 * before the file's own hooks, which may sign in) and closed in an `afterAll`. Read `env`, `app` and
 * `clock` (the app's time: `useTestApp({ clock })` or a fresh test clock) inside hooks and tests.
 */
export function useTestApp(options: Parameters<typeof createTestEnv>[0] = {}): TestApp {
  let env: TestEnv | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    env = await createTestEnv(options);
    app = await env.start();
  });
  afterAll(() => env?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestApp: read env and app inside hooks and tests');
    return value;
  };
  return {
    get env() {
      return ready(env);
    },
    get app() {
      return ready(app);
    },
    get clock() {
      return ready(env).clock;
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser-like client over `inject()`: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly app: App) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.http.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'et_sid');
    if (setCookie) this.cookie = setCookie.value ? `et_sid=${setCookie.value}` : null;
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.statusCode === 200) this.csrfToken = res.json<{ csrfToken: string }>().csrfToken;
    return res;
  }

  /** Uploads a file as multipart/form-data in the field `file`. */
  async upload(
    url: string,
    filename: string,
    content: Buffer | string,
    contentType = 'text/csv',
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    form.append('file', new Blob([content], { type: contentType }), filename);
    const encoded = new Response(form);
    const payload = Buffer.from(await encoded.arrayBuffer());
    return this.app.http.inject({
      method: 'POST',
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        'content-type': encoded.headers.get('content-type') ?? '',
      },
      payload,
    });
  }
}

export { demo, demoStudent, DEMO_STUDENT_PASSWORD } from '../../src/seed/demo-accounts.js';

/**
 * A signed-in client ready to use the app. An account still on the password an admin gave it may do
 * nothing but change it (PASSWORD_CHANGE_REQUIRED), so a first sign-in does what its user would:
 * changes the password, here to an interim one and back, so `who.password` keeps working for the test.
 * Tests of the temporary-password rule itself use `new TestClient(app).login()`.
 */
export async function signIn(app: App, who: { email: string; password: string }): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.login(who.email, who.password);
  if (res.statusCode !== 200) throw new Error(`login as ${who.email} failed: ${res.statusCode} ${res.body}`);
  if (res.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword) {
    const interim = `${who.password}-interim`;
    for (const [currentPassword, newPassword] of [
      [who.password, interim],
      [interim, who.password],
    ]) {
      const changed = await client.post('/api/auth/change-password', { currentPassword, newPassword });
      if (changed.statusCode !== 204)
        throw new Error(`password change for ${who.email} failed: ${changed.body}`);
    }
  }
  return client;
}
