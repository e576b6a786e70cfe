import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { listen } from '../support/http-client.js';
import { isWebAssetRoute } from '../support/web-assets.js';
import { createTestEnv, type TestClient, type TestEnv } from '../support/test-app.js';
import { multipartVariants } from './bad-input/multipart.js';
import { connectAs, judgeSocketCase, socketCases } from './bad-input/socket.js';
import { buildFixtures, routeSamples, type Fixtures, type RouteSample } from './bad-input/routes.js';
import {
  BAD_PARAMS,
  BAD_QUERY_VALUES,
  badTextVariants,
  bodyVariants,
  fieldVariants,
  type RawBody,
} from './bad-input/variants.js';
import { waitForImport } from './question-import-support.js';

/**
 * Integrity rule 6 for every route the app registers: hostile input (text PostgreSQL cannot store,
 * wrong types, extreme numbers, huge values, broken JSON and multipart, bad ids) gets a 4xx in the
 * catalogue's envelope, never a 5xx. Routes are enumerated from the app, so a new route is covered
 * as soon as it has a valid sample in bad-input/routes.ts (the first test fails until it has one).
 */
let env: TestEnv;
let app: App;
let fixtures: Fixtures;

beforeAll(async () => {
  // Hundreds of hostile sign-ins come from one address; the limiter is not what is tested here.
  env = await createTestEnv({
    env: { LOGIN_MAX_ATTEMPTS_PER_IP: '1000000', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1000000' },
  });
  app = await env.start();
  fixtures = await buildFixtures(app);
}, 120_000);
afterAll(() => env.close());

const registeredRoutes = () =>
  app.routes.filter((route) => !isWebAssetRoute(route.url)).map((route) => `${route.method} ${route.url}`);

type Case = { label: string; path: string; body?: RawBody };
type Failure = { route: string; as: string; label: string; status: number; body: string };

const buildPath = (
  url: string,
  params: Record<string, string>,
  query: Record<string, string>,
  rawQuery = '',
) => {
  const path = url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
  const search = Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .concat(rawQuery ? [rawQuery] : [])
    .join('&');
  return search ? `${path}?${search}` : path;
};

async function casesFor(method: string, url: string, sample: RouteSample): Promise<Case[]> {
  const params = sample.params ?? {};
  const query = sample.query ?? {};
  const validPath = buildPath(url, params, query);
  const jsonBody = (value: unknown): RawBody => ({
    payload: JSON.stringify(value),
    contentType: 'application/json',
  });
  const validBody = sample.body === undefined ? undefined : jsonBody(sample.body);
  const cases: Case[] = [];
  const withQuery = (label: string, key: string, raw: string) => {
    const rest = Object.fromEntries(Object.entries(query).filter(([k]) => k !== key));
    cases.push({
      label,
      path: buildPath(url, params, rest, `${encodeURIComponent(key)}=${raw}`),
      body: validBody,
    });
  };
  for (const key of [...Object.keys(query), 'zz']) {
    for (const [what, raw] of BAD_QUERY_VALUES) withQuery(`query ${key} = ${what}`, key, raw);
    withQuery(`query ${key} repeated`, key, `a&${encodeURIComponent(key)}=b`);
    withQuery(`query ${key}[] array`, `${key}[]`, 'x');
    withQuery(`query ${key}[a] object`, `${key}[a]`, 'x');
  }
  for (const name of Object.keys(params)) {
    for (const [what, raw] of BAD_PARAMS)
      cases.push({
        label: `param ${name} = ${what}`,
        path: buildPath(url, { ...params, [name]: raw }, query),
        body: validBody,
      });
  }
  if (sample.multipart) {
    for (const variant of await multipartVariants(sample.multipart))
      cases.push({ label: variant.label, path: validPath, body: variant.body });
  } else if (method !== 'GET') {
    const variants = [...fieldVariants(sample.body ?? {}), ...bodyVariants(sample.body ?? {})];
    for (const variant of variants) cases.push({ label: variant.label, path: validPath, body: variant.body });
  }
  return cases;
}

async function send(client: TestClient, method: string, path: string, body?: RawBody) {
  return app.http.inject({
    method: method as 'GET',
    url: path,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken && method !== 'GET' ? { 'x-csrf-token': client.csrfToken } : {}),
      ...(body?.contentType ? { 'content-type': body.contentType } : {}),
    },
    ...(body && body.payload.length > 0 ? { payload: body.payload } : {}),
  });
}

/** Accepted imports validate and commit in the background: a crash there is a 5xx too. */
async function settleImport(client: TestClient, route: string, res: LightMyRequestResponse) {
  if (res.statusCode !== 202 || !route.includes('/api/question-imports')) return null;
  const id = res.json<{ import: { id: string } }>().import.id;
  let { view } = await waitForImport(client, id);
  // What validation let through must also commit: the rows reach the database only then.
  if (view.status === 'ready' && route === 'POST /api/question-imports') {
    const commit = await send(client, 'POST', `/api/question-imports/${id}/commit`, {
      payload: '{"duplicates":"import"}',
      contentType: 'application/json',
    });
    if (commit.statusCode >= 500) return `commit answered ${commit.statusCode}`;
    ({ view } = await waitForImport(client, id));
  }
  return view.status === 'failed' ? `background job failed: ${view.failure ?? ''}` : null;
}

function judge(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return 'server error';
  if (res.statusCode < 400) return null;
  try {
    const error = res.json<{ error?: { code?: unknown; message?: unknown } }>().error;
    return typeof error?.code === 'string' && typeof error.message === 'string'
      ? null
      : 'not the catalogue envelope';
  } catch {
    return 'not JSON';
  }
}

const describeFailure = (f: Failure) =>
  `${f.route} as ${f.as} [${f.label}] -> ${f.status} ${f.body.slice(0, 300)}`;

describe('bad input never reaches a 5xx', () => {
  it('has a valid sample request for every route the app registers', () => {
    const samples = routeSamples(fixtures);
    expect(registeredRoutes().filter((route) => !(route in samples))).toEqual([]);
  });

  it('answers every hostile request to every route with a 4xx in the catalogue envelope', async () => {
    const samples = routeSamples(fixtures);
    const failures: Failure[] = [];
    let sent = 0;
    const run = async (route: string, as: string, client: TestClient, c: Case) => {
      const method = route.slice(0, route.indexOf(' '));
      const res = await send(client, method, c.path, c.body);
      sent++;
      const problem = judge(res) ?? (await settleImport(client, route, res));
      if (problem)
        failures.push({ route, as, label: `${c.label}: ${problem}`, status: res.statusCode, body: res.body });
    };
    // Sign-in and sign-out last: a hostile variant must not end the sessions the other routes use.
    const ordered = registeredRoutes().sort(
      (a, b) => Number(a.includes('/api/auth/')) - Number(b.includes('/api/auth/')),
    );
    for (const route of ordered) {
      const sample = samples[route];
      if (!sample) continue;
      const [method, url] = route.split(' ') as [string, string];
      const client = fixtures.clients[sample.as];
      for (const c of await casesFor(method, url, sample)) await run(route, sample.as, client, c);
      // Signed out, the same text must be refused as well (the sign-in form included).
      if (method !== 'GET' && sample.body !== undefined && sample.as !== 'anonymous') {
        const path = buildPath(url, sample.params ?? {}, sample.query ?? {});
        for (const variant of badTextVariants(sample.body))
          await run(route, 'anonymous', fixtures.clients.anonymous, {
            label: variant.label,
            path,
            body: variant.body,
          });
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures.map(describeFailure)).toEqual([]);
  }, 600_000);

  it('acknowledges every hostile socket event (saves, signals, watching a room) with a catalogue error, never INTERNAL_ERROR', async () => {
    const socket = await connectAs(await listen(app), fixtures.clients.student.cookie!);
    const failures: string[] = [];
    try {
      for (const c of socketCases(fixtures.ids.attemptId, fixtures.ids.paperQuestionId)) {
        const problem = await judgeSocketCase(socket, c);
        if (problem) failures.push(`${c.event} [${c.label}]: ${problem}`);
      }
    } finally {
      socket.close();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
