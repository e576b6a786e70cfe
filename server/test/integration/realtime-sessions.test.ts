import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { testRedisUrl } from '../support/databases.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, TestClient, type TestEnv } from '../support/test-app.js';
import { DEMO_STUDENT_PASSWORD, demoStudent } from '../../src/seed/demo-accounts.js';

// Sockets live as long as the session that opened them, no longer, and only from this site.
let env: TestEnv;
let app: App;
let baseUrl: string;
let chapterId: string;

beforeAll(async () => {
  env = await createTestEnv({ env: { SOCKETS_PER_SESSION: '3', SOCKETS_PER_USER: '4' } });
  app = await env.start();
  baseUrl = await listen(app);
  const teacher = await signIn(app, demo.teacher);
  const topic = findTopic(await loadSyllabus(teacher), 'Physics', 1);
  chapterId = topic.chapterId;
  for (let i = 0; i < 5; i++) await createQuestion(teacher, topic.topicId);
}, 60_000);
afterAll(() => env.close());

const open: Socket[] = [];
const connect = (cookie: string, headers: Record<string, string> = {}): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie, ...headers },
    });
    open.push(socket);
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
const refusal = (cookie: string, headers: Record<string, string> = {}) =>
  connect(cookie, headers).then(
    () => 'connected',
    (err: Error) => err.message,
  );
const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
const emit = <T>(socket: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve) => socket.emit(event, payload, resolve));
const closeAll = () => open.splice(0).forEach((s) => s.close());

type SaveAck = { results: { status: string }[] };
type State = { attempt: { id: string }; answers: { questionId: string; seq: number; answer: unknown }[] };

async function startPractice(student: TestClient) {
  const created = await student.post('/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [chapterId],
    questionCount: 5,
    difficulty: 'mixed',
  });
  const examId = created.json<{ practiceTest: { id: string } }>().practiceTest.id;
  const state = (
    await student.post(`/api/exams/${examId}/start`, { deviceId: 'device-rt-0001' })
  ).json<State>();
  const paper = await student.get(`/api/attempts/${state.attempt.id}/paper`);
  const questionId = paper.json<{ paper: { sections: { questions: { id: string }[] }[] } }>().paper
    .sections[0]!.questions[0]!.id;
  return { attemptId: state.attempt.id, questionId };
}
const saveOf = (attemptId: string, questionId: string, optionId: string, seq: number) => ({
  attemptId,
  deviceId: 'device-rt-0001',
  saves: [{ questionId, answer: { type: 'mcq_single', optionIds: [optionId] }, state: 'answered', seq }],
});

/** Ends a session behind the app's back, as expiry does: no revocation message is sent. */
async function expireSessionQuietly(cookie: string, target: App = app) {
  const hash = createHash('sha256')
    .update(cookie.replace(/^et_sid=/, ''))
    .digest('hex');
  // The session's row (embedded) or key (Redis) goes, as when its own expiry passes; moving the
  // clock instead would end every session of the file at once.
  if (env.mode === 'embedded') {
    await target.database.db.execute(sql`delete from sessions where id_hash = ${hash}`);
    return;
  }
  const redis = new Redis(testRedisUrl());
  expect(await redis.del(`${env.env.REDIS_KEY_PREFIX}sess:${hash}`)).toBe(1);
  await redis.quit();
}

describe('sockets end with their session', () => {
  it('logout disconnects that session’s socket, and a save sent on it is not processed', async () => {
    const student = await signIn(app, demo.student);
    const otherDevice = await signIn(app, demo.student);
    const { attemptId, questionId } = await startPractice(student);
    const socket = await connect(student.cookie!);
    const kept = await connect(otherDevice.cookie!);
    await emit(socket, 'attempt:join', { attemptId });
    const ack = await emit<SaveAck>(socket, 'answer:save', saveOf(attemptId, questionId, 'a', 1));
    expect(ack.results[0]!.status).toBe('saved');

    const gone = disconnected(socket);
    const cookie = student.cookie!;
    expect((await student.post('/api/auth/logout')).statusCode).toBe(204);
    socket.emit('answer:save', saveOf(attemptId, questionId, 'c', 2));
    expect(await gone).toBe('io server disconnect');
    // The session's cookie opens no new socket either.
    expect(await refusal(cookie)).toBe('AUTH_REQUIRED');

    // Only that session ended: the same student's other device keeps its socket.
    expect(kept.connected).toBe(true);
    const state = (await otherDevice.get(`/api/attempts/${attemptId}/state`)).json<State>();
    expect(state.answers.find((a) => a.questionId === questionId)).toMatchObject({
      seq: 1,
      answer: { type: 'mcq_single', optionIds: ['a'] },
    });
    closeAll();
  });

  it('a session that expired processes no further packet on its socket', async () => {
    const student = await signIn(app, demoStudent(2));
    const { attemptId, questionId } = await startPractice(student);
    const cookie = student.cookie!;
    const socket = await connect(cookie);
    await emit(socket, 'attempt:join', { attemptId });
    const gone = disconnected(socket);
    const revoked = new Promise<void>((resolve) => socket.on('session:revoked', () => resolve()));
    await expireSessionQuietly(cookie);

    socket.emit('answer:save', saveOf(attemptId, questionId, 'd', 1), () => {
      throw new Error('a save on an expired session was acknowledged');
    });
    await revoked;
    expect(await gone).toBe('io server disconnect');
    const fresh = await signIn(app, demoStudent(2));
    const state = (await fresh.get(`/api/attempts/${attemptId}/state`)).json<State>();
    expect(state.answers.find((a) => a.questionId === questionId)).toBeUndefined();
    closeAll();
  });

  it('a socket that only listens is closed once its session has lapsed', async () => {
    const listener = await env.start({ SOCKET_SESSION_RECHECK_SECONDS: '1' });
    const listenerUrl = await listen(listener);
    const student = await signIn(listener, demoStudent(2));
    const socket = connectSocket(listenerUrl, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: student.cookie! },
    });
    open.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const gone = disconnected(socket);
    await expireSessionQuietly(student.cookie!, listener);
    expect(await gone).toBe('io server disconnect');
    closeAll();
  });

  it('a password change closes the sockets of the user’s other sessions and keeps this one’s', async () => {
    const here = await signIn(app, demoStudent(3));
    const elsewhere = await signIn(app, demoStudent(3));
    const mine = await connect(here.cookie!);
    const theirs = await connect(elsewhere.cookie!);
    const theirsGone = disconnected(theirs);
    const res = await here.post('/api/auth/change-password', {
      currentPassword: DEMO_STUDENT_PASSWORD,
      newPassword: 'Student3-new-pass',
    });
    expect(res.statusCode).toBe(204);
    expect(await theirsGone).toBe('io server disconnect');
    const whoami = await new Promise<{ role: string }>((resolve) => mine.emit('session:whoami', resolve));
    expect(whoami.role).toBe('student');
    closeAll();
  });
});

describe('the handshake', () => {
  it('refuses a foreign Origin, as HTTP writes do, and accepts this site’s', async () => {
    const student = await signIn(app, demoStudent(4));
    expect(await refusal(student.cookie!, { origin: 'https://evil.example' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(await refusal(student.cookie!, { origin: 'null' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(await refusal(student.cookie!, { origin: baseUrl })).toBe('connected');
    closeAll();
  });

  it('behind a trusted proxy, checks the Origin against the host the browser addressed (X-Forwarded-Host)', async () => {
    const proxied = await env.start({ TRUST_PROXY: '127.0.0.1' });
    const proxiedUrl = await listen(proxied);
    const student = await signIn(proxied, demoStudent(4));
    const attempt = (url: string, headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = connectSocket(url, {
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: { cookie: student.cookie!, ...headers },
        });
        open.push(socket);
        socket.on('connect', () => resolve('connected'));
        socket.on('connect_error', (err) => resolve(err.message));
      });
    const viaProxy = { origin: 'https://exams.example', 'x-forwarded-host': 'exams.example' };
    expect(await attempt(proxiedUrl, viaProxy)).toBe('connected');
    expect(await attempt(proxiedUrl, { ...viaProxy, origin: 'https://evil.example' })).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
    // Without the proxy in TRUST_PROXY, the header is anyone's to send and is not believed.
    expect(await attempt(baseUrl, viaProxy)).toBe('ORIGIN_NOT_ALLOWED');
    closeAll();
  });

  it('caps the sockets of one session and of one user, and frees a place when one closes', async () => {
    const first = await signIn(app, demoStudent(5));
    const sockets = await Promise.all([1, 2, 3].map(() => connect(first.cookie!)));
    expect(await refusal(first.cookie!)).toBe('SOCKET_LIMIT_REACHED');
    const closed = sockets[0]!;
    closed.close();
    await expect.poll(() => refusal(first.cookie!)).toBe('connected');

    // A second session of the same user gets the user's last place, then no more.
    const second = await signIn(app, demoStudent(5));
    expect(await refusal(second.cookie!)).toBe('connected');
    expect(await refusal(second.cookie!)).toBe('SOCKET_LIMIT_REACHED');
    closeAll();
  });
});

describe('a temporary password', () => {
  it('opens only who-am-I, the password change and sign-out, over HTTP and Socket.IO, until it is changed', async () => {
    const admin = await signIn(app, demo.admin);
    const created = await admin.post('/api/users', {
      name: 'Temporary Tara',
      email: 'tara.temp@demo.examtech.in',
      role: 'student',
    });
    const { temporaryPassword } = created.json<{ temporaryPassword: string }>();
    const tara = new TestClient(app);
    expect((await tara.login('tara.temp@demo.examtech.in', temporaryPassword)).statusCode).toBe(200);

    const me = await tara.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/batches'],
      ['GET', '/api/my/exams'],
      ['GET', '/api/practice-tests'],
      ['POST', '/api/practice-tests'],
    ] as const) {
      const res = await tara.request(method, url, method === 'POST' ? {} : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    }
    // The web app itself still loads, so it can show the change-password screen.
    expect((await tara.get('/')).statusCode).not.toBe(403);
    expect(await refusal(tara.cookie!)).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await tara.post('/api/auth/change-password', {
      currentPassword: temporaryPassword,
      newPassword: 'Tara-own-password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await tara.get('/api/batches')).statusCode).toBe(200);
    expect(await refusal(tara.cookie!)).toBe('connected');
    expect((await tara.post('/api/auth/logout')).statusCode).toBe(204);
    closeAll();
  });
});
