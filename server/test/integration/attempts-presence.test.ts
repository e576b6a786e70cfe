import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import {
  connectTo,
  findDemoBatchId,
  emitWithAck,
  mcq,
  openExamNow,
  publishExam,
  readAttemptRow,
  scheduleBody,
  type SaveResult,
  type State,
  startPracticeOn,
} from '../support/exam-fixtures.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';

// Integrity rules 2 and 4 where they meet: answers typed during an outage count, but presence is the
// attempt's (any socket, any request), so the offline journal cannot be turned into extra time.

const MINUTE = 60_000;
let env: TestEnv;
let app: App;
let baseUrl: string;
let teacher: TestClient;
let chapterId: string;
let questionIds: string[];
let catExamId: string;

const student = demoStudent;

beforeAll(async () => {
  env = await createTestEnv({ env: { SWEEPER_INTERVAL_MS: '200' } });
  app = await env.start();
  baseUrl = await listen(app);
  teacher = await signIn(app, demo.teacher);
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
  questionIds = [];
  for (let i = 0; i < 4; i++) questionIds.push(await createQuestion(teacher, topic.topicId));
  // Practice draws from its own chapter: the locked-section exam's questions are reserved until its
  // results are out, so practice never sees them.
  const practiceTopic = findTopic(await loadSyllabus(teacher), 'Chemistry', 3);
  chapterId = practiceTopic.chapterId;
  for (let i = 0; i < 5; i++) await createQuestion(teacher, practiceTopic.topicId);
  // A CAT-like paper: two locked sections of 30 minutes.
  catExamId = await publishExam(teacher, {
    title: 'Locked sections',
    durationMinutes: 60,
    lockedSections: true,
    sections: [
      { id: 'varc', durationMinutes: 30, questionIds: questionIds.slice(0, 2) },
      { id: 'qa', durationMinutes: 30, questionIds: questionIds.slice(2, 4) },
    ],
  });
  const admin = await signIn(app, demo.admin);
  const batchId = await findDemoBatchId(admin);
  // A window long enough for every test below to start its attempt after the clock moved on.
  const scheduled = await teacher.put(
    `/api/exams/${catExamId}/schedule`,
    scheduleBody(env.clock, [batchId], { windowEndsAt: env.clock.isoIn(24 * 3_600_000) }),
  );
  expect(scheduled.statusCode).toBe(200);
  await openExamNow(env.clock, teacher, catExamId);
}, 60_000);
afterAll(() => env.close());

const startPractice = (client: TestClient, deviceId: string) => startPracticeOn(client, chapterId, deviceId);

async function startCat(client: TestClient, deviceId: string): Promise<string> {
  const started = await client.post(`/api/exams/${catExamId}/start`, { deviceId });
  expect(started.statusCode).toBe(200);
  return started.json<State>().attempt.id;
}

const saveOverHttp = async (client: TestClient, attemptId: string, deviceId: string, saves: unknown[]) =>
  (await client.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves })).json<{
    results: SaveResult[];
  }>().results;

const waitForOutage = (attemptId: string) =>
  expect.poll(async () => (await readAttemptRow(app, attemptId)).offline_since).not.toBeNull();

/** Moves the clock 20 s past the attempt's deadline (past the in-flight grace) and waits for the sweeper to submit it. */
async function endAndSweep(attemptId: string): Promise<number> {
  const { deadline_at } = await readAttemptRow(app, attemptId);
  env.clock.set(Date.parse(deadline_at) + 20_000);
  await expect.poll(async () => (await readAttemptRow(app, attemptId)).status).toBe('submitted');
  return Date.parse((await readAttemptRow(app, attemptId)).deadline_at);
}

const storedQuestionIds = async (client: TestClient, attemptId: string) =>
  (await client.get(`/api/attempts/${attemptId}/state`))
    .json<State>()
    .answers.map((a) => a.questionId)
    .sort();

describe('presence is per attempt, not per socket', () => {
  it('a candidate who closes the socket and keeps answering over HTTP cannot date answers into that "outage"', async () => {
    const client = await signIn(app, student(1));
    const deviceId = 'device-http-1';
    const { attemptId, questions } = await startPractice(client, deviceId);
    const [q0, q1, q2, q3] = questions;
    const socket = await connectTo(baseUrl, client.cookie!);
    await emitWithAck(socket, 'attempt:join', { attemptId });
    socket.close();
    await waitForOutage(attemptId);
    // The candidate is anything but offline: the HTTP save is heard, and ends the recorded outage.
    expect(
      await saveOverHttp(client, attemptId, deviceId, [mcq(q0!, 'a', 1), mcq(q1!, 'a', 2)]),
    ).toMatchObject([{ status: 'saved' }, { status: 'saved' }]);
    const { offline_since, online_again_at } = await readAttemptRow(app, attemptId);
    expect(online_again_at).not.toBeNull();

    const deadline = await endAndSweep(attemptId);
    const forged = await saveOverHttp(client, attemptId, deviceId, [
      // Dated just before the deadline, long after the server heard the candidate again.
      mcq(q2!, 'b', 3, deadline - 1_000),
      // Dated inside the short outage, but numbered at the live saves' seq.
      mcq(q3!, 'b', 2, Date.parse(offline_since!) + 100),
    ]);
    expect(forged).toEqual([
      { questionId: q2, seq: 3, status: 'rejected', code: 'EXAM_ENDED' },
      { questionId: q3, seq: 2, status: 'rejected', code: 'EXAM_ENDED' },
    ]);
    expect(await storedQuestionIds(client, attemptId)).toEqual([q0, q1].sort());
    expect(await readAttemptRow(app, attemptId)).toMatchObject({ late_saves: 0 });
  });

  it('dropping one socket while another of the attempt stays connected is no outage', async () => {
    const client = await signIn(app, student(2));
    const deviceId = 'device-two-sockets';
    const { attemptId, questions } = await startPractice(client, deviceId);
    const [q0, q1, q2] = questions;
    const first = await connectTo(baseUrl, client.cookie!);
    const second = await connectTo(baseUrl, client.cookie!);
    await emitWithAck(first, 'attempt:join', { attemptId });
    await emitWithAck(second, 'attempt:join', { attemptId });
    first.close();
    await expect.poll(async () => (await app.io.in(`attempt:${attemptId}`).fetchSockets()).length).toBe(1);
    const live = await emitWithAck<{ results: SaveResult[] }>(second, 'answer:save', {
      attemptId,
      deviceId,
      saves: [mcq(q0!, 'a', 1), mcq(q1!, 'a', 2)],
    });
    expect(live.results.map((r) => r.status)).toEqual(['saved', 'saved']);

    const deadline = await endAndSweep(attemptId);
    expect((await readAttemptRow(app, attemptId)).offline_since).toBeNull();
    const late = await emitWithAck<{ results: SaveResult[] }>(second, 'answer:save', {
      attemptId,
      deviceId,
      saves: [mcq(q2!, 'b', 3, deadline - 1_000)],
    });
    second.close();
    expect(late.results).toEqual([{ questionId: q2, seq: 3, status: 'rejected', code: 'EXAM_ENDED' }]);
    expect(await storedQuestionIds(client, attemptId)).toEqual([q0, q1].sort());
  });

  it('a locked section never reopens through the journal once a live save for a later section arrived', async () => {
    const client = await signIn(app, student(3));
    const deviceId = 'device-cat-attack';
    const attemptId = await startCat(client, deviceId);
    const [varc1, varc2, qa1] = questionIds;
    const socket = await connectTo(baseUrl, client.cookie!);
    await emitWithAck(socket, 'attempt:join', { attemptId });
    socket.close();
    await waitForOutage(attemptId);
    // 31 minutes on: VARC closed a minute ago, QA is open, and the recorded outage began in VARC.
    env.clock.advance(31 * MINUTE);
    const { offline_since } = await readAttemptRow(app, attemptId);
    expect(await saveOverHttp(client, attemptId, deviceId, [mcq(qa1!, 'b', 1)])).toMatchObject([
      { status: 'saved' },
    ]);
    const reopened = await saveOverHttp(client, attemptId, deviceId, [
      mcq(varc1!, 'b', 2, Date.parse(offline_since!) + 1_000),
      mcq(varc2!, 'b', 3, Date.parse(offline_since!) + 2_000),
    ]);
    expect(reopened.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'SECTION_CLOSED'],
      ['rejected', 'SECTION_CLOSED'],
    ]);
    expect(await storedQuestionIds(client, attemptId)).toEqual([qa1]);
  });
});

describe('the honest outage', () => {
  it('keeps the answers typed in a locked section during an outage that outlasted it, sent on reconnect', async () => {
    const client = await signIn(app, student(4));
    const deviceId = 'device-cat-honest';
    const attemptId = await startCat(client, deviceId);
    const [varc1, varc2, qa1] = questionIds;
    const laptop = await connectTo(baseUrl, client.cookie!);
    await emitWithAck(laptop, 'attempt:join', { attemptId });
    const online = await emitWithAck<{ results: SaveResult[] }>(laptop, 'answer:save', {
      attemptId,
      deviceId,
      saves: [mcq(varc1!, 'a', 1)],
    });
    expect(online.results[0]!.status).toBe('saved');
    laptop.close();
    await waitForOutage(attemptId);
    env.clock.advance(31 * MINUTE);
    const { offline_since } = await readAttemptRow(app, attemptId);

    // Back in QA's time: the journal holds a VARC answer from before VARC closed and a QA answer.
    const back = await connectTo(baseUrl, client.cookie!);
    await emitWithAck(back, 'attempt:join', { attemptId });
    const synced = await emitWithAck<{ results: SaveResult[] }>(back, 'answer:save', {
      attemptId,
      deviceId,
      saves: [mcq(varc2!, 'c', 2, Date.parse(offline_since!) + 60_000), mcq(qa1!, 'd', 3, env.clock.now())],
    });
    back.close();
    expect(synced.results).toEqual([
      { questionId: varc2, seq: 2, status: 'saved' },
      { questionId: qa1, seq: 3, status: 'saved' },
    ]);
    // The journal's ack was lost and it is sent again: acknowledged, nothing changes.
    const again = await saveOverHttp(client, attemptId, deviceId, [
      mcq(varc2!, 'c', 2, Date.parse(offline_since!) + 60_000),
    ]);
    expect(again).toEqual([{ questionId: varc2, seq: 2, status: 'superseded' }]);
    expect(await storedQuestionIds(client, attemptId)).toEqual([varc1, varc2, qa1].sort());
  });
});

describe('the in-flight grace', () => {
  it('covers the exam’s end, not a locked section the candidate has already left', async () => {
    const client = await signIn(app, student(5));
    const deviceId = 'device-cat-grace';
    const attemptId = await startCat(client, deviceId);
    const [varc1, varc2, qa1] = questionIds;
    // VARC closed 5 s ago (well within the old 15 s grace) and QA is open.
    env.clock.advance(30 * MINUTE + 5_000);
    const late = await saveOverHttp(client, attemptId, deviceId, [
      mcq(varc1!, 'b', 1),
      mcq(varc2!, 'b', 2, env.clock.now() - 6_000),
      mcq(qa1!, 'b', 3),
    ]);
    expect(late.map((r) => [r.questionId, r.status, r.code])).toEqual([
      [varc1, 'rejected', 'SECTION_CLOSED'],
      [varc2, 'rejected', 'SECTION_CLOSED'],
      [qa1, 'saved', undefined],
    ]);
    expect(await storedQuestionIds(client, attemptId)).toEqual([qa1]);

    // The exam itself ended 5 s ago: a save in flight to the end still lands.
    const practice = await startPractice(client, 'device-grace-end');
    const { deadline_at } = await readAttemptRow(app, practice.attemptId);
    env.clock.set(Date.parse(deadline_at) + 5_000);
    expect(
      await saveOverHttp(client, practice.attemptId, 'device-grace-end', [
        mcq(practice.questions[0]!, 'b', 1),
      ]),
    ).toMatchObject([{ status: 'saved' }]);
  });
});
