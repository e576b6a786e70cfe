import { describe, expect, it } from 'vitest';
import { useTestApp, createTestEnv, demo, signIn } from '../support/test-app.js';

const ctx = useTestApp();

describe('operations endpoints', () => {
  it('/health answers while the process lives; /ready checks the database (and Redis when configured)', async () => {
    expect((await ctx.app.http.inject('/health')).json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.http.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: ctx.env.mode === 'postgres' ? 'ok' : 'disabled' },
    });
  });

  it('/metrics exposes HTTP latency by route, event-loop lag, sockets and pool usage', async () => {
    const client = await signIn(ctx.app, demo.admin);
    await client.get('/api/batches');
    const body = (await ctx.app.http.inject('/metrics')).body;
    expect(body).toMatch(/examtech_http_request_duration_seconds_bucket\{[^}]*route="\/api\/batches"/);
    expect(body).toMatch(/nodejs_eventloop_lag_p99_seconds/);
    expect(body).toMatch(/examtech_socketio_connected_sockets 0/);
    expect(body).toMatch(/examtech_db_pool_connections\{state="total"\}/);
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await ctx.app.http.inject({ url: '/health', headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers['x-request-id']).toBe('lb-1234.abc');
    const replaced = await ctx.app.http.inject({
      url: '/health',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with the JSON 404 and serves the web app for client routes', async () => {
    const api = await ctx.app.http.inject('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const page = await ctx.app.http.inject('/students/some-client-route');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
    // Uptime checks probe with HEAD: the page's headers, no body.
    const probe = await ctx.app.http.inject({ method: 'HEAD', url: '/' });
    expect(probe.statusCode).toBe(200);
    expect(probe.headers['content-type']).toContain('text/html');
    expect(probe.body).toBe('');
  });
});

describe('readiness when a dependency is down', () => {
  it('reports 503 and names the failing check when Redis is unreachable', async () => {
    if (ctx.env.mode !== 'postgres') {
      // Embedded mode has no Redis: closing the database is the dependency failure to show.
      const other = await createTestEnv({ mode: 'embedded' });
      const broken = await other.start();
      await broken.database.close();
      const res = await broken.http.inject('/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', checks: { database: 'failed' } });
      await other.close().catch(() => undefined);
      return;
    }
    const broken = await createTestEnv({ mode: 'postgres', env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    const instance = await broken.start();
    const res = await instance.http.inject('/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', checks: { database: 'ok', redis: 'failed' } });
    await broken.close();
  });
});
