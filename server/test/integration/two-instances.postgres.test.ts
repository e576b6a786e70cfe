import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createTestEnv, demo, type TestEnv } from '../support/test-app.js';
import { HttpSession, listen } from '../support/http-client.js';

// Two stateless instances on one PostgreSQL and one Redis, as behind nginx: whichever instance a
// request lands on, the session, the rate limit and real-time messages are the same.
let env: TestEnv;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  env = await createTestEnv({ mode: 'postgres', env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '4' } });
  urlA = await listen(await env.start());
  urlB = await listen(await env.start());
});
afterAll(() => env.close());

describe('two app instances', () => {
  it('a session created on one instance is valid on the other, for reads and writes, until logout anywhere', async () => {
    const session = new HttpSession();
    expect(await session.login(urlA, demo.admin.email, demo.admin.password)).toBe(200);
    expect((await session.send(urlB, 'GET', '/api/auth/me')).status).toBe(200);
    const created = await session.send(urlB, 'POST', '/api/batches', { name: 'Made on B', code: 'ON-B' });
    expect(created.status).toBe(201);
    const listOnA = (await session.send(urlA, 'GET', '/api/batches')).json as { items: { code: string }[] };
    expect(listOnA.items.map((b) => b.code)).toContain('ON-B');

    expect((await session.send(urlB, 'POST', '/api/auth/logout')).status).toBe(204);
    const stale = new HttpSession();
    stale.cookie = session.cookie || 'et_sid=gone';
    expect((await stale.send(urlA, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('the login rate limit is shared: attempts on both instances count together', async () => {
    const email = 'student2@demo.examtech.in';
    expect(await new HttpSession().login(urlA, email, 'wrong-one-1')).toBe(401);
    expect(await new HttpSession().login(urlB, email, 'wrong-two-2')).toBe(401);
    expect(await new HttpSession().login(urlA, email, 'wrong-three-3')).toBe(401);
    expect(await new HttpSession().login(urlB, email, 'wrong-four-4')).toBe(401);
    expect(await new HttpSession().login(urlA, email, 'Student@12345')).toBe(429);
    expect(await new HttpSession().login(urlB, email, 'Student@12345')).toBe(429);
  });

  it('real-time messages cross instances: deactivating a student on A disconnects their socket on B', async () => {
    const student = new HttpSession();
    expect(await student.login(urlB, 'student4@demo.examtech.in', 'Student@12345')).toBe(200);
    const socket: Socket = connectSocket(urlB, {
      transports: ['websocket'],
      extraHeaders: { cookie: student.cookie },
    });
    const me = await new Promise<{ userId: string }>((resolve, reject) => {
      socket.on('connect_error', reject);
      socket.on('connect', () => socket.emit('session:whoami', resolve));
    });
    const revoked = new Promise<void>((resolve) => socket.on('session:revoked', () => resolve()));
    const disconnected = new Promise<string>((resolve) =>
      socket.on('disconnect', (reason) => resolve(reason)),
    );

    const admin = new HttpSession();
    await admin.login(urlA, demo.admin.email, demo.admin.password);
    expect((await admin.send(urlA, 'PATCH', `/api/users/${me.userId}`, { active: false })).status).toBe(200);

    await revoked;
    expect(await disconnected).toBe('io server disconnect');
    socket.close();
  });

  it('refuses a socket without a valid session', async () => {
    const socket = connectSocket(urlA, {
      transports: ['websocket'],
      extraHeaders: { cookie: 'et_sid=forged' },
    });
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(error.message).toBe('AUTH_REQUIRED');
    socket.close();
  });
});
