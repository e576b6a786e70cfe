/**
 * Every error a client can provoke answers 4xx in the catalogue's envelope
 * ({ error: { code, message }, requestId }), including the ones Fastify answers before any route
 * runs (body too large, URL too long, malformed URL), and none of them is a 500.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
let app: App;
let baseUrl: string;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  baseUrl = await listen(app);
  admin = await signIn(app, demo.admin);
});
afterAll(() => env.close());

type Envelope = { error: { code: string; message: string }; requestId: string };

function expectEnvelope(status: number, body: unknown, expected: { status: number; code: string }) {
  expect({ status, code: (body as Envelope).error?.code }).toEqual(expected);
  expect(body).toEqual({
    error: { code: expected.code, message: expect.any(String) as string },
    requestId: expect.any(String) as string,
  });
}

async function fetchJson(path: string, init: RequestInit = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      cookie: admin.cookie ?? '',
      'x-csrf-token': admin.csrfToken ?? '',
      origin: baseUrl,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as unknown };
}

describe('errors Fastify answers itself', () => {
  it('answers a JSON body over the limit with 413 PAYLOAD_TOO_LARGE, with and without a length', async () => {
    const big = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) });
    const withLength = await fetchJson('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expectEnvelope(withLength.status, withLength.body, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const chunked = await fetchJson('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    });
    expectEnvelope(chunked.status, chunked.body, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a path parameter that is too long with 414 URI_TOO_LONG', async () => {
    const res = await admin.get(`/api/users/${'a'.repeat(5000)}`);
    expectEnvelope(res.statusCode, res.json(), { status: 414, code: 'URI_TOO_LONG' });
    const real = await fetchJson(`/api/exams/${'b'.repeat(3000)}/preview`);
    expectEnvelope(real.status, real.body, { status: 414, code: 'URI_TOO_LONG' });
  });

  it('answers a URL over the 16 KB header limit with 431 HEADERS_TOO_LARGE, and a request that does not parse with 400', async () => {
    const long = await fetchJson(`/api/questions?q=${'x'.repeat(20_000)}`);
    expectEnvelope(long.status, long.body, { status: 431, code: 'HEADERS_TOO_LARGE' });
    const raw = async (bytes: string) => {
      const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1');
      socket.end(bytes);
      const chunks: Buffer[] = [];
      for await (const chunk of socket) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    const answer = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 BAD_REQUEST');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;
    expectEnvelope(400, body, { status: 400, code: 'BAD_REQUEST' });
  });

  it('answers a malformed URL with 400 BAD_REQUEST', async () => {
    const res = await admin.get('/api/users/%E0%A4%A');
    expectEnvelope(res.statusCode, res.json(), { status: 400, code: 'BAD_REQUEST' });
  });
});

describe('multipart bodies that do not parse', () => {
  const routes = ['/api/assets', '/api/students/import', '/api/question-imports'];

  it('answers a body whose boundary does not match its header with 400, on every upload route', async () => {
    const body = [
      '--realboundary',
      'Content-Disposition: form-data; name="file"; filename="a.csv"',
      'Content-Type: text/csv',
      '',
      'name,email',
      '--realboundary--',
      '',
    ].join('\r\n');
    for (const route of routes) {
      const res = await fetchJson(route, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=otherboundary' },
        body,
      });
      expect(res.status, route).toBeLessThan(500);
      expectEnvelope(res.status, res.body, { status: 400, code: 'BAD_REQUEST' });
    }
  });

  it('answers a multipart body cut short with 400, and too many files with 413', async () => {
    const cut = ['--b', 'Content-Disposition: form-data; name="file"; filename="a.csv"', '', 'name,em'].join(
      '\r\n',
    );
    for (const route of routes) {
      const res = await fetchJson(route, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        body: cut,
      });
      expectEnvelope(res.status, res.body, { status: 400, code: 'BAD_REQUEST' });
    }
    const form = new FormData();
    for (let i = 0; i < 4; i++) form.append(`f${i}`, new Blob(['x']), `f${i}.png`);
    const many = await fetchJson('/api/question-imports', { method: 'POST', body: form });
    expectEnvelope(many.status, many.body, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('concurrent batch changes of one user', () => {
  it('never answers 500, and leaves the user in exactly one of the requested sets of batches', async () => {
    const batchIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await admin.post('/api/batches', { name: `Race batch ${i}`, code: `RACE-${i}` });
      expect(res.statusCode).toBe(201);
      batchIds.push(res.json<{ batch: { id: string } }>().batch.id);
    }
    const created = await admin.post('/api/users', {
      name: 'Race Student',
      email: 'race.student@example.com',
      role: 'student',
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json<{ user: { id: string } }>().user.id;
    const sets = [batchIds, batchIds.slice(0, 2), batchIds.slice(1), batchIds, [batchIds[0]!, batchIds[3]!]];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fetchJson(`/api/users/${userId}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ batchIds: sets[(i + round) % sets.length] }),
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    }
    const user = (await admin.get(`/api/users/${userId}`)).json<{ user: { batchIds: string[] } }>().user;
    expect(sets.map((s) => [...s].sort().join())).toContain([...user.batchIds].sort().join());
  });
});
