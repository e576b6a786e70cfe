/** A browser-like HTTP client: one cookie jar and CSRF token per simulated user. */
export class Client {
  cookie = '';
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: T; text: string }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('et_sid='));
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json: json as T, text };
  }

  async expect<T>(method: string, path: string, status: number, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    return res.json;
  }

  /** Signs in; says whether the account still has to choose its own password (a fresh import). */
  async login(email: string, password: string): Promise<{ mustChangePassword: boolean }> {
    const res = await this.expect<{ csrfToken: string; user: { mustChangePassword?: boolean } }>(
      'POST',
      '/api/auth/login',
      200,
      { email, password },
    );
    this.csrfToken = res.csrfToken;
    return { mustChangePassword: res.user.mustChangePassword === true };
  }

  /** A fresh import's first sign-in: the candidate sets their own password; this session stays signed in. */
  async chooseOwnPassword(currentPassword: string): Promise<void> {
    await this.expect('POST', '/api/auth/change-password', 204, {
      currentPassword,
      newPassword: `${currentPassword}-own`,
    });
  }
}
