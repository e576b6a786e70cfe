import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestEnv, demo, signIn, type TestEnv } from '../support/test-app.js';

// Guessing is throttled, but a stranger's wrong passwords cannot keep the owner out.
let env: TestEnv;
let app: App;

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
});
afterAll(() => env.close());

const login = (target: App, email: string, password: string, ip: string) =>
  target.http.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ email, password }),
  });
const studentId = async (target: App, email: string) => {
  const admin = await signIn(target, demo.admin);
  const list = await admin.get(`/api/users?q=${encodeURIComponent(email)}`);
  return list.json<{ items: { id: string }[] }>().items[0]!.id;
};

describe('sign-in limits', () => {
  it('the default figures: 10 tries per account from one client, then 429 for that client alone, for at most 15 minutes', async () => {
    const email = 'student1@demo.examtech.in';
    for (let i = 0; i < 10; i++)
      expect((await login(app, email, `guess-${i}-wrong`, '198.51.100.66')).statusCode).toBe(401);
    const blocked = await login(app, email, demo.student.password, '198.51.100.66');
    expect(blocked.statusCode).toBe(429);
    const body = blocked.json<{ error: { code: string }; retryAfterSeconds: number }>();
    expect(body.error.code).toBe('AUTH_RATE_LIMITED');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // The owner, elsewhere, signs in as usual.
    expect((await login(app, email, demo.student.password, '203.0.113.5')).statusCode).toBe(200);
  });

  it('a guess spread over many clients stops at the account’s total, and a proctor or admin lifts it', async () => {
    const spread = await env.start({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_ALL_CLIENTS: '6' });
    const email = 'student2@demo.examtech.in';
    for (let i = 0; i < 6; i++)
      expect((await login(spread, email, `guess-${i}-wrong`, `192.0.2.${10 + i}`)).statusCode).toBe(401);
    expect((await login(spread, email, 'Student@12345', '192.0.2.99')).statusCode).toBe(429);
    const id = await studentId(spread, email);

    const teacher = await signIn(spread, demo.teacher);
    expect((await teacher.post(`/api/users/${id}/unlock-sign-in`)).statusCode).toBe(403);
    const student = await signIn(spread, { email: 'student3@demo.examtech.in', password: 'Student@12345' });
    expect((await student.post(`/api/users/${id}/unlock-sign-in`)).statusCode).toBe(403);
    expect((await login(spread, email, 'Student@12345', '192.0.2.99')).statusCode).toBe(429);

    const admin = await signIn(spread, demo.admin);
    expect((await admin.post(`/api/users/${id}/unlock-sign-in`)).statusCode).toBe(204);
    expect((await login(spread, email, 'Student@12345', '192.0.2.99')).statusCode).toBe(200);
  });

  it('the proctor unlocks a student of their batch, including every client’s own counter', async () => {
    const email = 'student4@demo.examtech.in';
    for (let i = 0; i < 10; i++) await login(app, email, `guess-${i}-wrong`, '198.51.100.77');
    expect((await login(app, email, 'Student@12345', '198.51.100.77')).statusCode).toBe(429);
    const proctor = await signIn(app, demo.proctor);
    const id = await studentId(app, email);
    const unlocked = await proctor.post(`/api/users/${id}/unlock-sign-in`);
    // The demo proctor is assigned to the demo batches; a student outside them would be 404.
    expect(unlocked.statusCode).toBe(204);
    expect((await login(app, email, 'Student@12345', '198.51.100.77')).statusCode).toBe(200);
  });

  it('an unknown user id is 404 (another institute’s: see the tenancy test)', async () => {
    const admin = await signIn(app, demo.admin);
    const res = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/unlock-sign-in');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
