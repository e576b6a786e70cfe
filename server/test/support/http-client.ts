import type { App } from '../../src/app.js';

/** Starts an app on a real loopback port and returns its base URL. */
export async function listen(app: App): Promise<string> {
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A browser-like client over real HTTP (fetch): one cookie jar and CSRF token, any base URL. */
export class HttpSession {
  cookie = '';
  csrfToken = '';

  async send(
    baseUrl: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('et_sid='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  async login(baseUrl: string, email: string, password: string): Promise<number> {
    const res = await this.send(baseUrl, 'POST', '/api/auth/login', { email, password });
    if (res.status === 200) this.csrfToken = (res.json as { csrfToken: string }).csrfToken;
    return res.status;
  }
}
