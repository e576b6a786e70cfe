import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  SOCKET_SAVE_LIMIT,
  USER_SAVE_LIMIT,
  type BucketLimit,
} from '../../src/modules/attempts/save-rate-limit.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import {
  connectTo,
  emitWithAck,
  mcq,
  startPracticeOn,
  type SaveResult,
  type State,
} from '../support/exam-fixtures.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

// What a candidate's client may send: answers are stored as the core normalises them, payloads are
// bounded, and a flood of saves is refused before it costs the database anything.

let env: TestEnv;
let app: App;
let baseUrl: string;
let admin: TestClient;
let chapterId: string;

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  baseUrl = await listen(app);
  const teacher = await signIn(app, demo.teacher);
  admin = await signIn(app, demo.admin);
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
  chapterId = topic.chapterId;
  for (let i = 0; i < 5; i++) await createQuestion(teacher, topic.topicId);
}, 60_000);
afterAll(() => env.close());

let studentCount = 0;
/** A fresh student of its own (rate limits are per user). */
async function newStudent(): Promise<TestClient> {
  studentCount += 1;
  const email = `input-${studentCount}@example.com`;
  const created = await admin.post('/api/users', {
    name: `Input Student ${studentCount}`,
    email,
    role: 'student',
    password: 'Input-Student-1',
  });
  expect(created.statusCode).toBe(201);
  return signIn(app, { email, password: 'Input-Student-1' });
}

const startPractice = (client: TestClient, deviceId: string) => startPracticeOn(client, chapterId, deviceId);

describe('answers are stored as the core normalises them', () => {
  it('drops extra properties at every level, over HTTP and the socket', async () => {
    const client = await newStudent();
    const deviceId = 'device-junk-1';
    const { attemptId, questions } = await startPractice(client, deviceId);
    const junk = 'x'.repeat(100_000);
    const overHttp = await client.post(`/api/attempts/${attemptId}/answers`, {
      deviceId,
      saves: [
        {
          questionId: questions[0],
          answer: { type: 'mcq_single', optionIds: ['b'], junk, nested: { junk } },
          state: 'answered',
          seq: 1,
        },
      ],
    });
    expect(overHttp.json<{ results: SaveResult[] }>().results[0]!.status).toBe('saved');
    const socket = await connectTo(baseUrl, client.cookie!);
    const overSocket = await emitWithAck<{ results: SaveResult[] }>(socket, 'answer:save', {
      attemptId,
      deviceId,
      saves: [{ ...mcq(questions[1]!, 'c', 2), answer: { type: 'mcq_single', optionIds: ['c'], junk } }],
    });
    socket.close();
    expect(overSocket.results[0]!.status).toBe('saved');

    const state = await client.get(`/api/attempts/${attemptId}/state`);
    expect(state.body).not.toContain('xxxxxxxx');
    const answers = new Map(state.json<State>().answers.map((a) => [a.questionId, a.answer]));
    expect(answers.get(questions[0]!)).toStrictEqual({ type: 'mcq_single', optionIds: ['b'] });
    expect(answers.get(questions[1]!)).toStrictEqual({ type: 'mcq_single', optionIds: ['c'] });
  });

  it('refuses oversized answers and batches with VALIDATION_FAILED, storing nothing', async () => {
    const client = await newStudent();
    const deviceId = 'device-big-1';
    const { attemptId, questions } = await startPractice(client, deviceId);
    const send = (saves: unknown[]) => client.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves });
    const tooMany = Array.from({ length: 27 }, (_, i) => `o${i}`);
    const cases = [
      [{ ...mcq(questions[0]!, 'b', 1), answer: { type: 'mcq_multi', optionIds: tooMany } }],
      [{ ...mcq(questions[0]!, 'b', 1), answer: { type: 'numerical', value: '1'.repeat(65) } }],
      [{ ...mcq(questions[0]!, 'b', 1), answer: { type: 'mcq_single', optionIds: 'b' } }],
      [{ ...mcq(questions[0]!, 'b', 1), answer: { type: 'no_such_type' } }],
      Array.from({ length: 501 }, (_, i) => mcq(questions[0]!, 'b', i + 1)),
    ];
    for (const saves of cases) {
      const res = await send(saves);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await client.get(`/api/attempts/${attemptId}/state`)).json<State>().answers).toEqual([]);
  });
});

describe('save rate limits', () => {
  const flood = async (socket: Socket, payloads: unknown[]) => {
    const acks = await Promise.all(
      payloads.map((payload) =>
        emitWithAck<{ results?: SaveResult[]; error?: { code: string } }>(socket, 'answer:save', payload),
      ),
    );
    return {
      processed: acks.filter((ack) => ack.results).length,
      limited: acks.filter((ack) => ack.error?.code === 'SAVE_RATE_LIMITED').length,
    };
  };

  it('lets a real candidate’s pace through: a batch at a time and a whole journal after an outage', async () => {
    const client = await newStudent();
    const deviceId = 'device-pace-1';
    const { attemptId, questions } = await startPractice(client, deviceId);
    const socket = await connectTo(baseUrl, client.cookie!);
    for (let seq = 1; seq <= 10; seq++) {
      const ack = await emitWithAck<{ results?: SaveResult[] }>(socket, 'answer:save', {
        attemptId,
        deviceId,
        saves: [mcq(questions[seq % 5]!, 'b', seq)],
      });
      expect(ack.results?.[0]?.status).toBe('saved');
    }
    const journal = Array.from({ length: 500 }, (_, i) => mcq(questions[i % 5]!, 'c', 11 + i));
    const synced = await emitWithAck<{ results?: SaveResult[] }>(socket, 'answer:save', {
      attemptId,
      deviceId,
      saves: journal,
    });
    socket.close();
    expect(synced.results).toHaveLength(500);
  });

  it('refuses 20,000 saves sent at once, per socket and per user, before processing them', async () => {
    const client = await newStudent();
    const deviceId = 'device-flood-1';
    const { attemptId, questions } = await startPractice(client, deviceId);
    const batch = (from: number, size: number) =>
      Array.from({ length: size }, (_, i) => mcq(questions[i % 5]!, 'b', from + i));
    // What a bucket can have let through since `since`: its burst and its refill, in packets of `size`.
    const allowance = (limit: BucketLimit, since: number, size: number) =>
      Math.floor((limit.burst + (limit.perSecond * (Date.now() - since)) / 1000) / size);
    const started = Date.now();

    // 40 batches of 500 saves on one socket.
    const socket = await connectTo(baseUrl, client.cookie!);
    const big = await flood(
      socket,
      Array.from({ length: 40 }, (_, k) => ({ attemptId, deviceId, saves: batch(1 + k * 500, 500) })),
    );
    expect(big.processed).toBeGreaterThan(0);
    expect(big.processed).toBeLessThanOrEqual(allowance(SOCKET_SAVE_LIMIT.saves, started, 500));
    expect(big.limited).toBe(40 - big.processed);

    // 20,000 one-save packets on another socket of the same user.
    const other = await connectTo(baseUrl, client.cookie!);
    const smallStarted = Date.now();
    const small = await flood(
      other,
      Array.from({ length: 20_000 }, (_, k) => ({ attemptId, deviceId, saves: batch(30_000 + k, 1) })),
    );
    socket.close();
    other.close();
    expect(small.processed).toBeLessThanOrEqual(allowance(SOCKET_SAVE_LIMIT.packets, smallStarted, 1));
    expect(small.limited).toBe(20_000 - small.processed);

    // The user's budget is shared with HTTP: a hundred batches at once, refused with the same code, as a 429.
    const overHttp = await Promise.all(
      Array.from({ length: 100 }, (_, k) =>
        client.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves: batch(60_000 + k * 500, 500) }),
      ),
    );
    const accepted = overHttp.filter((res) => res.statusCode === 200).length;
    expect(accepted).toBeLessThanOrEqual(allowance(USER_SAVE_LIMIT.saves, started, 500));
    const refused = overHttp.filter((res) => res.statusCode === 429);
    expect(refused).toHaveLength(100 - accepted);
    expect(refused[0]!.json()).toMatchObject({ error: { code: 'SAVE_RATE_LIMITED' } });
  }, 60_000);
});
