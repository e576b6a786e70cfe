import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestClock } from '../support/test-clock.js';
import { useTestApp, DEMO_STUDENT_PASSWORD, demoStudent, demo, signIn } from '../support/test-app.js';

// Guessing is throttled, but a stranger's wrong passwords cannot keep the owner out.
// The clock stands still: the backoff's 1 s and 2 s pass when the test says, not when the machine is slow.
const ctx = useTestApp({ clock: createTestClock(Date.now(), { frozen: true }) });

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
  it('the default figures: 5 tries at once, then 1 s, 2 s… between tries, for that client alone', async () => {
    const email = 'student1@demo.examtech.in';
    const fromStranger = (password: string) => login(ctx.app, email, password, '198.51.100.66');
    for (let i = 0; i < 5; i++) expect((await fromStranger(`guess-${i}-wrong`)).statusCode).toBe(401);
    const early = await fromStranger(demo.student.password);
    expect(early.statusCode).toBe(429);
    expect(early.json()).toMatchObject({ error: { code: 'AUTH_RATE_LIMITED' }, retryAfterSeconds: 1 });
    // Hammering while refused costs nothing but is not counted against the account either.
    for (let i = 0; i < 120; i++) expect((await fromStranger(`hammer-${i}`)).statusCode).toBe(429);
    // The owner, elsewhere, signs in as usual: the stranger's guesses stopped only the stranger.
    expect((await login(ctx.app, email, demo.student.password, '203.0.113.5')).statusCode).toBe(200);
    // After the wait, the stranger may try once more; then the wait doubles.
    ctx.clock.advance(999);
    expect((await fromStranger('guess-6-early')).statusCode).toBe(429);
    ctx.clock.advance(1);
    expect((await fromStranger('guess-6-wrong')).statusCode).toBe(401);
    expect((await fromStranger('guess-7-wrong')).json()).toMatchObject({ retryAfterSeconds: 2 });
  });

  it('an exam centre behind one NAT: its candidates’ sign-ins do not use up the address’s limit, its failures do', async () => {
    // The per-IP limit at 3 stands for the 1,000 of a centre whose 2,000 candidates sign in at once.
    const centre = await ctx.env.start({ LOGIN_MAX_ATTEMPTS_PER_IP: '3' });
    const nat = '198.51.100.200';
    const candidates = [demoStudent(3), demoStudent(5), demo.teacher, demo.proctor, demo.admin];
    for (const who of candidates)
      expect((await login(centre, who.email, who.password, nat)).statusCode).toBe(200);
    // Three failures from the address, on three accounts (the per-account limits stay out of it).
    for (let i = 0; i < 3; i++)
      expect((await login(centre, `nobody${i}@demo.examtech.in`, 'wrong-guess', nat)).statusCode).toBe(401);
    const spent = await login(centre, demoStudent(5).email, demoStudent(5).password, nat);
    expect(spent.statusCode).toBe(429);
    expect(spent.json()).toMatchObject({ error: { code: 'AUTH_RATE_LIMITED' } });
    // Another address is not affected.
    expect(
      (await login(centre, demoStudent(5).email, demoStudent(5).password, '198.51.100.201')).statusCode,
    ).toBe(200);
  });

  it('a guess spread over many clients stops at the account’s total, and a proctor or admin lifts it', async () => {
    const spread = await ctx.env.start({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_ALL_CLIENTS: '6' });
    const email = 'student2@demo.examtech.in';
    for (let i = 0; i < 6; i++)
      expect((await login(spread, email, `guess-${i}-wrong`, `192.0.2.${10 + i}`)).statusCode).toBe(401);
    expect((await login(spread, email, DEMO_STUDENT_PASSWORD, '192.0.2.99')).statusCode).toBe(429);
    const id = await studentId(spread, email);

    const teacher = await signIn(spread, demo.teacher);
    expect((await teacher.post(`/api/users/${id}/unlock-sign-in`)).statusCode).toBe(403);
    const student = await signIn(spread, demoStudent(3));
    expect((await student.post(`/api/users/${id}/unlock-sign-in`)).statusCode).toBe(403);
    expect((await login(spread, email, DEMO_STUDENT_PASSWORD, '192.0.2.99')).statusCode).toBe(429);

    const admin = await signIn(spread, demo.admin);
    expect((await admin.post(`/api/users/${id}/unlock-sign-in`)).statusCode).toBe(204);
    expect((await login(spread, email, DEMO_STUDENT_PASSWORD, '192.0.2.99')).statusCode).toBe(200);
  });

  it('the proctor unlocks a student of their batch, including every client’s own counter', async () => {
    const email = 'student4@demo.examtech.in';
    for (let i = 0; i < 10; i++) await login(ctx.app, email, `guess-${i}-wrong`, '198.51.100.77');
    expect((await login(ctx.app, email, DEMO_STUDENT_PASSWORD, '198.51.100.77')).statusCode).toBe(429);
    const proctor = await signIn(ctx.app, demo.proctor);
    const id = await studentId(ctx.app, email);
    const unlocked = await proctor.post(`/api/users/${id}/unlock-sign-in`);
    // The demo proctor is assigned to the demo batches; a student outside them would be 404.
    expect(unlocked.statusCode).toBe(204);
    expect((await login(ctx.app, email, DEMO_STUDENT_PASSWORD, '198.51.100.77')).statusCode).toBe(200);
  });

  it('an unknown user id is 404 (another institute’s: see the tenancy test)', async () => {
    const admin = await signIn(ctx.app, demo.admin);
    const res = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/unlock-sign-in');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
