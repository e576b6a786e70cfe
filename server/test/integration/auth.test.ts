import { describe, expect, it } from 'vitest';
import {
  useTestApp,
  DEMO_STUDENT_PASSWORD,
  demoStudent,
  demo,
  signIn,
  TestClient,
} from '../support/test-app.js';

const ctx = useTestApp({
  env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' },
});

describe('sign in and sessions', () => {
  it('signs in with the demo admin, sets an HttpOnly SameSite cookie and returns the user without secrets', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.login(demo.admin.email, demo.admin.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'et_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json<{ user: Record<string, unknown>; csrfToken: string }>();
    expect(body.user).toMatchObject({
      email: demo.admin.email,
      role: 'institute_admin',
      institute: { slug: 'demo' },
    });
    expect(JSON.stringify(body)).not.toMatch(/password_?hash|argon2/i);
    expect(body.csrfToken.length).toBeGreaterThan(20);

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { email: string } }>().user.email).toBe(demo.admin.email);
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.login('  ADMIN@Demo.ExamTech.in ', demo.admin.password);
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    const wrong = await new TestClient(ctx.app).login(demo.teacher.email, 'not-the-password');
    const unknown = await new TestClient(ctx.app).login('nobody@nowhere.example', 'whatever123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'AUTH_INVALID_CREDENTIALS' } });
    expect(unknown.json<{ error: unknown }>().error).toEqual(wrong.json<{ error: unknown }>().error);
  });

  it('names the invalid field in a validation error and never shows a stack trace', async () => {
    const res = await new TestClient(ctx.app).request('POST', '/api/auth/login', { email: 'x@y.z' });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; fields: { path: string }[] }; requestId: string }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f) => f.path)).toContain('password');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('answers AUTH_REQUIRED without a session and after logout', async () => {
    const anonymous = await new TestClient(ctx.app).get('/api/batches');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });

    const client = await signIn(ctx.app, demo.teacher);
    const stolenCookie = client.cookie;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    // The old cookie is dead on the server, not just cleared in the browser.
    const replay = new TestClient(ctx.app);
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and a cross-site Origin', async () => {
    const client = await signIn(ctx.app, demo.admin);
    const token = client.csrfToken;
    client.csrfToken = null;
    const noToken = await client.post('/api/batches', { name: 'CSRF batch', code: 'CSRF-1' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    client.csrfToken = token;
    const crossSite = await client.request(
      'POST',
      '/api/batches',
      { name: 'CSRF batch', code: 'CSRF-1' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
    const list = await client.get('/api/batches');
    expect(list.json<{ items: { code: string }[] }>().items.map((b) => b.code)).not.toContain('CSRF-1');
  });
});

describe('passwords', () => {
  it('changes the password, signs out other devices, keeps this one, and the new password works', async () => {
    const deviceA = await signIn(ctx.app, demo.proctor);
    const deviceB = await signIn(ctx.app, demo.proctor);
    const res = await deviceA.post('/api/auth/change-password', {
      currentPassword: demo.proctor.password,
      newPassword: 'New-Proctor-2027',
    });
    expect(res.statusCode).toBe(204);
    expect((await deviceA.get('/api/auth/me')).statusCode).toBe(200);
    expect((await deviceB.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(ctx.app).login(demo.proctor.email, demo.proctor.password)).statusCode).toBe(
      401,
    );
    expect((await new TestClient(ctx.app).login(demo.proctor.email, 'New-Proctor-2027')).statusCode).toBe(
      200,
    );
  });

  it('refuses a wrong current password and a too-short new one, changing nothing', async () => {
    const client = await signIn(ctx.app, demo.student);
    const wrong = await client.post('/api/auth/change-password', {
      currentPassword: 'nope-nope',
      newPassword: 'Another-123',
    });
    expect(wrong.json()).toMatchObject({
      error: { code: 'AUTH_WRONG_PASSWORD', fields: [{ path: 'currentPassword' }] },
    });
    const short = await client.post('/api/auth/change-password', {
      currentPassword: demo.student.password,
      newPassword: 'short',
    });
    expect(short.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'newPassword' }] },
    });
    expect((await new TestClient(ctx.app).login(demo.student.email, demo.student.password)).statusCode).toBe(
      200,
    );
  });

  it('an admin-driven reset revokes sessions and forces a change at next sign-in', async () => {
    const admin = await signIn(ctx.app, demo.admin);
    const student = await signIn(ctx.app, demoStudent(2));
    const me = (await student.get('/api/auth/me')).json<{ user: { id: string } }>();
    const reset = await admin.post(`/api/users/${me.user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect((await student.get('/api/auth/me')).statusCode).toBe(401);
    const again = new TestClient(ctx.app);
    const login = await again.login('student2@demo.examtech.in', temporaryPassword);
    expect(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    await again.post('/api/auth/change-password', {
      currentPassword: temporaryPassword,
      newPassword: 'Student2-own-pass',
    });
    expect(
      (await again.get('/api/auth/me')).json<{ user: { mustChangePassword: boolean } }>().user
        .mustChangePassword,
    ).toBe(false);
  });
});

describe('login rate limiting', () => {
  it('blocks an account after too many attempts, even with the right password, and says when to retry', async () => {
    const email = 'student3@demo.examtech.in';
    for (let i = 0; i < 3; i++) {
      expect((await new TestClient(ctx.app).login(email, `wrong-${i}-password`)).statusCode).toBe(401);
    }
    const blocked = await new TestClient(ctx.app).login(email, DEMO_STUDENT_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: { code: string }; retryAfterSeconds: number }>()).toMatchObject({
      error: { code: 'AUTH_RATE_LIMITED' },
    });
    expect(blocked.json<{ retryAfterSeconds: number }>().retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts from the same address are unaffected.
    expect(
      (await new TestClient(ctx.app).login('student4@demo.examtech.in', DEMO_STUDENT_PASSWORD)).statusCode,
    ).toBe(200);
  });
});

describe('deactivated accounts', () => {
  it('cannot sign in and lose their sessions', async () => {
    const admin = await signIn(ctx.app, demo.admin);
    const student = await signIn(ctx.app, demoStudent(5));
    const id = (await student.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await student.get('/api/auth/me')).statusCode).toBe(401);
    const again = await new TestClient(ctx.app).login('student5@demo.examtech.in', DEMO_STUDENT_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ error: { code: 'AUTH_ACCOUNT_DISABLED' } });
  });
});
