import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { createTestEnv, demo, signIn, type TestEnv } from '../support/test-app.js';
import { DEMO_STUDENT_PASSWORD } from '../../src/seed/demo-accounts.js';
import { HttpSession, listen } from '../support/http-client.js';

// Two stateless instances on one PostgreSQL and one Redis, as behind nginx: whichever instance a
// request lands on, the session, the rate limit and real-time messages are the same.
let env: TestEnv;
let urlA: string;
let urlB: string;
let appA: App;
let appB: App;

beforeAll(async () => {
  env = await createTestEnv({ mode: 'postgres', env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '4' } });
  appA = await env.start();
  urlA = await listen(appA);
  appB = await env.start();
  urlB = await listen(appB);
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
    expect(await new HttpSession().login(urlA, email, DEMO_STUDENT_PASSWORD)).toBe(429);
    expect(await new HttpSession().login(urlB, email, DEMO_STUDENT_PASSWORD)).toBe(429);
  });

  it('real-time messages cross instances: deactivating a student on A disconnects their socket on B', async () => {
    const student = new HttpSession();
    expect(await student.login(urlB, 'student4@demo.examtech.in', DEMO_STUDENT_PASSWORD)).toBe(200);
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

  it('after a device switch on one instance, the first device’s saves on the other are refused DEVICE_REPLACED at once', async () => {
    const student = new HttpSession();
    expect(await student.login(urlA, 'student3@demo.examtech.in', DEMO_STUDENT_PASSWORD)).toBe(200);
    const teacher = await signIn(appA, demo.teacher);
    const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 3);
    for (let i = 0; i < 3; i++) await createQuestion(teacher, topic.topicId);
    const practice = (
      await student.send(urlA, 'POST', '/api/practice-tests', {
        scope: 'chapter',
        chapterIds: [topic.chapterId],
        questionCount: 5,
        difficulty: 'mixed',
      })
    ).json as { practiceTest: { id: string } };
    const examId = practice.practiceTest.id;
    const started = (
      await student.send(urlA, 'POST', `/api/exams/${examId}/start`, { deviceId: 'laptop-two-1' })
    ).json as { attempt: { id: string } };
    const attemptId = started.attempt.id;
    const paper = (await student.send(urlA, 'GET', `/api/attempts/${attemptId}/paper`)).json as {
      paper: { sections: { questions: { id: string }[] }[] };
    };
    const questionId = paper.paper.sections[0]!.questions[0]!.id;
    const saveOnB = async (deviceId: string, seq: number) =>
      (
        (
          await student.send(urlB, 'POST', `/api/attempts/${attemptId}/answers`, {
            deviceId,
            saves: [{ questionId, answer: { type: 'mcq_single', optionIds: ['b'] }, state: 'answered', seq }],
          })
        ).json as { results: { status: string; code?: string }[] }
      ).results[0];

    // The laptop saves through instance B, which now has the attempt in its cache ...
    expect(await saveOnB('laptop-two-1', 1)).toMatchObject({ status: 'saved' });
    // ... the tablet takes over through instance A, which tells B to drop its cached attempt ...
    const forgotten = new Promise((resolve) => appB.io.on('attempt:forget', resolve));
    const takeover = await student.send(urlA, 'POST', `/api/exams/${examId}/start`, {
      deviceId: 'tablet-two-1',
    });
    expect(takeover.status).toBe(200);
    // ... whose first save on B lands (B's cache still named the laptop a moment ago) ...
    expect(await saveOnB('tablet-two-1', 2)).toMatchObject({ status: 'saved' });
    // ... and the laptop's next save on B is told the truth, not that the exam was submitted.
    expect(await saveOnB('laptop-two-1', 3)).toMatchObject({ status: 'rejected', code: 'DEVICE_REPLACED' });
    expect(await forgotten).toBe(attemptId);
  });
});
