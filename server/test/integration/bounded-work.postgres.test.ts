/**
 * Long work is bounded: an institute runs at most two question exports at once, work stops when
 * the client goes away, and a statement that waits too long is cancelled with a 503 instead of
 * holding a connection. These need a second connection to the same database (to hold a lock
 * while the app's requests wait on it), so they run on PostgreSQL only.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { isDatabaseUnavailable } from '../../src/platform/db/errors.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
let app: App;
let baseUrl: string;
let teacher: TestClient;
let locker: pg.Client;

beforeAll(async () => {
  env = await createTestEnv({ env: { DATABASE_STATEMENT_TIMEOUT_MS: '3000' } });
  app = await env.start();
  baseUrl = await listen(app);
  teacher = await signIn(app, demo.teacher);
  const { topicId } = findTopic(await loadSyllabus(teacher), 'Physics');
  for (let i = 0; i < 5; i++) await createQuestion(teacher, topicId);
  locker = new pg.Client({ connectionString: env.env.DATABASE_URL });
  await locker.connect();
});
afterAll(async () => {
  await locker.end();
  await env.close();
});

const headers = () => ({
  cookie: teacher.cookie ?? '',
  'x-csrf-token': teacher.csrfToken ?? '',
  origin: baseUrl,
});

/** Holds an exclusive lock on `table` until the returned function is called. */
async function lockTable(table: string): Promise<() => Promise<void>> {
  await locker.query('begin');
  await locker.query(`lock table ${table} in access exclusive mode`);
  return async () => {
    await locker.query('commit');
  };
}

/** Sessions of the app waiting for a lock the test's own connection holds (not autovacuum). */
async function countBlockedByLocker(): Promise<number> {
  const { rows } = await locker.query<{ n: string }>(
    `select count(*) as n from pg_stat_activity
      where backend_type = 'client backend' and pg_backend_pid() = any(pg_blocking_pids(pid))`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Sends a request on a connection of its own; `leave()` closes it and resolves once the server has
 * seen its end of the connection close (so the test knows the app was told the client left).
 */
async function sendAndLeave(method: string, path: string, body?: string) {
  const serverSocket = new Promise<Socket>((resolve) => app.http.server.once('connection', resolve));
  const request = http.request(`${baseUrl}${path}`, {
    method,
    agent: false,
    headers: { ...headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  });
  request.on('error', () => undefined);
  request.end(body);
  const socket = await serverSocket;
  return {
    async leave() {
      const closed = once(socket, 'close');
      request.destroy();
      await closed;
      // Let the response's own 'close' listeners run before the lock is released.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function startExport() {
  return fetch(`${baseUrl}/api/questions/export.xlsx`, { headers: headers() });
}

describe('question exports', () => {
  it('runs at most two per institute at once; the third gets 429 EXPORT_BUSY', async () => {
    const unlock = await lockTable('questions');
    const first = startExport();
    const second = startExport();
    await expect.poll(countBlockedByLocker, { timeout: 10_000 }).toBe(2);
    const third = await startExport();
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ error: { code: 'EXPORT_BUSY' } });
    await unlock();
    for (const res of await Promise.all([first, second])) {
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const after = await startExport();
    expect(after.status).toBe(200);
    await after.arrayBuffer();
  });

  it('gives the slot back when the client leaves before the export is written', async () => {
    const unlock = await lockTable('questions');
    const leaving = await sendAndLeave('GET', '/api/questions/export.xlsx');
    const staying = startExport();
    await expect.poll(countBlockedByLocker, { timeout: 10_000 }).toBe(2);
    await leaving.leave();
    await unlock();
    const stayed = await staying;
    expect(stayed.status).toBe(200);
    expect((await stayed.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // Both slots are free again: two exports wait side by side, none is refused.
    const again = await lockTable('questions');
    const pair = [startExport(), startExport()];
    await expect.poll(countBlockedByLocker, { timeout: 10_000 }).toBe(2);
    await again();
    const answers = await Promise.all(pair);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    await Promise.all(answers.map((res) => res.arrayBuffer()));
  });
});

describe('auto-select', () => {
  it('stops and writes nothing when the client leaves while it waits', async () => {
    const exam = (await teacher.post('/api/exams', { title: 'Abandoned autofill' })).json<{
      exam: { id: string; draft: { sections: { id: string }[] } };
    }>().exam;
    const sectionId = exam.draft.sections[0]!.id;
    // Hold the exam's row lock, so the auto-select waits inside its transaction.
    await locker.query('begin');
    await locker.query('select id from exams where id = $1 for update', [exam.id]);
    const leaving = await sendAndLeave(
      'POST',
      `/api/exams/${exam.id}/autofill`,
      JSON.stringify({ sections: [{ sectionId, rules: [{ count: 3 }] }] }),
    );
    await expect.poll(countBlockedByLocker, { timeout: 10_000 }).toBe(1);
    await leaving.leave();
    await locker.query('commit');
    // Saving the settings takes the same lock, so it runs after the abandoned auto-select ended.
    const detail = (await teacher.get(`/api/exams/${exam.id}`)).json<{ exam: { settings: unknown } }>().exam;
    const saved = await teacher.put(`/api/exams/${exam.id}/settings`, detail.settings);
    expect(saved.statusCode).toBe(200);
    const after = saved.json<{ exam: { draft: { sections: { items: unknown[] }[] } } }>().exam;
    expect(after.draft.sections[0]!.items).toEqual([]);
  });
});

describe('statement timeouts', () => {
  it('cancels a statement that waits past DATABASE_STATEMENT_TIMEOUT_MS with 503 STATEMENT_TIMEOUT', async () => {
    expect((await teacher.post('/api/exams', { title: 'Timeout' })).statusCode).toBe(201);
    const unlock = await lockTable('exams');
    try {
      const list = await fetch(`${baseUrl}/api/exams`, { headers: headers() });
      expect(list.status).toBe(503);
      expect(await list.json()).toMatchObject({ error: { code: 'STATEMENT_TIMEOUT' } });
    } finally {
      await unlock();
    }
    expect((await fetch(`${baseUrl}/api/exams`, { headers: headers() })).status).toBe(200);
  });
});

describe('the database going away', () => {
  it('answers 503 DATABASE_UNAVAILABLE when the connection dies mid-statement, and serves again after', async () => {
    const unlock = await lockTable('exams');
    try {
      const list = fetch(`${baseUrl}/api/exams`, { headers: headers() });
      await expect.poll(countBlockedByLocker, { timeout: 10_000 }).toBe(1);
      // As a restart does to every session: PostgreSQL ends the app's waiting connection (57P01).
      await locker.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where backend_type = 'client backend' and pg_backend_pid() = any(pg_blocking_pids(pid))`,
      );
      const res = await list;
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    } finally {
      await unlock();
    }
    expect((await fetch(`${baseUrl}/api/exams`, { headers: headers() })).status).toBe(200);
  });
});

describe('a connection lost inside a transaction', () => {
  it('fails that transaction with DATABASE_UNAVAILABLE and leaves the process and the pool working', async () => {
    const lost = app.database.db.transaction(async (tx) => {
      const result = await tx.execute(sql`select pg_backend_pid() as pid`);
      const pid = (result as { rows: { pid: number }[] }).rows[0]!.pid;
      // Between two statements the client is checked out and idle: the server ends it (a restart).
      await locker.query('select pg_terminate_backend($1)', [pid]);
      await expect
        .poll(
          async () => (await locker.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount,
        )
        .toBe(0);
      await tx.execute(sql`select 1`);
    });
    await expect(lost).rejects.toSatisfy((err: unknown) => isDatabaseUnavailable(err));
    const again = await app.database.db.execute(sql`select 1 as one`);
    expect((again as { rows: { one: number }[] }).rows[0]!.one).toBe(1);
  });
});
