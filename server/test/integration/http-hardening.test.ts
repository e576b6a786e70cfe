import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { useTestApp } from '../support/test-app.js';

const ctx = useTestApp();

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('security headers', () => {
  it.each(['/students/some-client-route', '/api/auth/me', '/api/nope', '/health'])(
    'sends a strict CSP, no framing, nosniff, no referrer and a permissions policy on %s',
    async (url) => {
      const res = await ctx.app.http.inject(url);
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      // WebAssembly (the face check's model runtime), never JavaScript eval.
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('worker-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:80', 'wss://localhost:80']);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toMatch(/(^|, )camera=\(self\)/);
      expect(res.headers['permissions-policy']).toMatch(/(^|, )microphone=\(\)/);
      expect(res.headers['permissions-policy']).toMatch(/(^|, )geolocation=\(\)/);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('sends HSTS only when the request came over TLS (through a trusted proxy)', async () => {
    const behindProxy = await ctx.env.start({ TRUST_PROXY: '127.0.0.1' });
    const https = await behindProxy.http.inject({
      url: '/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
    const http = await behindProxy.http.inject({ url: '/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    // The same header from a client that is not a trusted proxy is not believed.
    const forged = await ctx.app.http.inject({ url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('client addresses behind a proxy', () => {
  const wrongLogin = (target: App, forwardedFor: string, remoteAddress: string) =>
    target.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({
        email: `nobody-${forwardedFor}@nowhere.example`,
        password: 'wrong-password',
      }),
    });

  it('ignores X-Forwarded-For from an address that is not a configured proxy', async () => {
    const direct = await ctx.env.start({ TRUST_PROXY: '10.9.9.9', LOGIN_MAX_ATTEMPTS_PER_IP: '3' });
    // A client reaching the instance directly cannot spread its attempts over invented addresses.
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3'])
      expect((await wrongLogin(direct, forged, '192.0.2.7')).statusCode).toBe(401);
    expect((await wrongLogin(direct, '4.4.4.4', '192.0.2.7')).statusCode).toBe(429);
    // The configured proxy's header is believed: each client behind it has its own count.
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'])
      expect((await wrongLogin(direct, client, '10.9.9.9')).statusCode).toBe(401);
  });
});

describe('/metrics', () => {
  const token = 'metrics-token-for-tests-0123456789';

  it('answers 401 without the token, or with a wrong one, and the metrics with it', async () => {
    const guarded = await ctx.env.start({ METRICS_TOKEN: token });
    const none = await guarded.http.inject('/metrics');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'METRICS_TOKEN_INVALID' } });
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(none.body).not.toContain('examtech_');
    const wrong = await guarded.http.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await guarded.http.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('examtech_socketio_connected_sockets');
  });

  it('without a token, answers only a client on this machine that no proxy forwarded', async () => {
    expect((await ctx.app.http.inject('/metrics')).statusCode).toBe(200);
    const remote = await ctx.app.http.inject({ url: '/metrics', remoteAddress: '192.0.2.10' });
    expect(remote.statusCode).toBe(401);
    const forwarded = await ctx.app.http.inject({
      url: '/metrics',
      headers: { 'x-forwarded-for': '192.0.2.10' },
    });
    expect(forwarded.statusCode).toBe(401);
    const behindProxy = await ctx.env.start({ TRUST_PROXY: '127.0.0.1' });
    expect((await behindProxy.http.inject('/metrics')).statusCode).toBe(401);
  });
});
