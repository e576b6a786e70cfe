import { scoreAttempt, type Answer, type Paper, type PaletteState } from '@examtech/core';
import { sql } from 'drizzle-orm';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';

type SaveResult = { questionId: string; seq: number; status: string; code?: string };
type State = {
  attempt: { id: string; examId: string; status: string; deadlineAt: string; submitReason: string | null };
  answers: { questionId: string; answer: Answer | null; state: string; seq: number }[];
};
type PaperResponse = {
  paper: {
    sections: { id: string; questions: { id: string; type: string; options?: { id: string }[] }[] }[];
  };
  order: { sections: { questionIds: string[] }[] };
};

let env: TestEnv;
let app: App;
let baseUrl: string;
let teacher: TestClient;
let chapterId: string;

beforeAll(async () => {
  env = await createTestEnv({ env: { SWEEPER_INTERVAL_MS: '200' } });
  app = await env.start();
  baseUrl = await listen(app);
  teacher = await signIn(app, demo.teacher);
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
  chapterId = topic.chapterId;
  for (let i = 0; i < 6; i++) await createQuestion(teacher, topic.topicId);
}, 60_000);
afterAll(() => env.close());

/** A student's practice test on the fixture chapter, started on `deviceId`. */
async function startPractice(
  student: TestClient,
  deviceId = 'device-aaaa-1',
): Promise<{ state: State; paper: PaperResponse }> {
  const created = await student.post('/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [chapterId],
    questionCount: 5,
    difficulty: 'mixed',
  });
  expect(created.statusCode).toBe(201);
  const examId = created.json<{ practiceTest: { id: string } }>().practiceTest.id;
  const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
  expect(started.statusCode).toBe(200);
  const state = started.json<State>();
  const paper = await student.get(`/api/attempts/${state.attempt.id}/paper`);
  return { state, paper: paper.json<PaperResponse>() };
}

const save = (
  questionId: string,
  optionId: string | null,
  seq: number,
  state: PaletteState = 'answered',
) => ({
  questionId,
  answer: optionId ? { type: 'mcq_single', optionIds: [optionId] } : null,
  state,
  seq,
});

describe('answers during an attempt', () => {
  it('tells the candidate the exam’s instructions and timing before Start, then serves the paper without keys, in their order', async () => {
    const student = await signIn(app, demo.student);
    const created = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [chapterId],
      questionCount: 5,
      difficulty: 'mixed',
    });
    const info = (
      await student.get(
        `/api/exams/${created.json<{ practiceTest: { id: string } }>().practiceTest.id}/candidate-info`,
      )
    ).json<{
      durationMinutes: number;
      instructions: { en: string; hi: string };
      sections: { name: string; questionCount: number }[];
      attempt: unknown;
      serverNow: string;
    }>();
    expect(info).toMatchObject({
      durationMinutes: 12,
      sections: [{ name: 'Practice', questionCount: 5 }],
      attempt: null,
    });
    expect(info.instructions.en).toContain('The total duration of the examination is 12 minutes');
    expect(Math.abs(Date.parse(info.serverNow) - env.clock.now())).toBeLessThan(5000);
    const { state, paper } = await startPractice(student);
    const raw = (await student.get(`/api/attempts/${state.attempt.id}/paper`)).body;
    expect(raw).not.toMatch(/"key"|"solution"|"optionId"/);
    const ids = paper.paper.sections[0]!.questions.map((q) => q.id).sort();
    expect([...paper.order.sections[0]!.questionIds].sort()).toEqual(ids);
    expect(JSON.stringify(state)).not.toMatch(/"key"|"solution"/);
  });

  it('a practice test in progress can be resumed; once submitted it opens on its result, not on Start', async () => {
    const student = await signIn(app, demoStudent(5));
    const { state } = await startPractice(student, 'device-practice-over');
    const examId = state.attempt.examId;
    type Info = { isOver: boolean; attempt: { id: string; status: string } | null };
    const infoOf = async () => (await student.get(`/api/exams/${examId}/candidate-info`)).json<Info>();
    expect(await infoOf()).toMatchObject({ isOver: false, attempt: { id: state.attempt.id } });
    expect((await student.post(`/api/attempts/${state.attempt.id}/submit`)).statusCode).toBe(200);
    expect(await infoOf()).toEqual(
      expect.objectContaining({ isOver: true, attempt: { id: state.attempt.id, status: 'submitted' } }),
    );
  });

  it('acknowledges saves only once stored; duplicates and older saves never overwrite a newer answer', async () => {
    const student = await signIn(app, demoStudent(2));
    const { state, paper } = await startPractice(student, 'device-bbbb-1');
    const [q1, q2] = paper.paper.sections[0]!.questions;
    const url = `/api/attempts/${state.attempt.id}/answers`;
    const send = async (saves: unknown[]) =>
      (await student.post(url, { deviceId: 'device-bbbb-1', saves })).json<{ results: SaveResult[] }>()
        .results;

    expect(await send([save(q1!.id, 'a', 1)])).toEqual([{ questionId: q1!.id, seq: 1, status: 'saved' }]);
    expect((await send([save(q1!.id, 'c', 3)]))[0]!.status).toBe('saved');
    // A retry of seq 3 and a late seq 2 arrive after seq 3 was stored.
    expect((await send([save(q1!.id, 'c', 3)]))[0]!.status).toBe('superseded');
    expect((await send([save(q1!.id, 'b', 2)]))[0]!.status).toBe('superseded');
    // Unknown option and a question of another paper are errors, not wrong answers.
    expect((await send([save(q2!.id, 'z', 4)]))[0]).toMatchObject({
      status: 'rejected',
      code: 'INVALID_ANSWER',
    });
    expect((await send([save('00000000-0000-4000-8000-000000000009', 'a', 5)]))[0]).toMatchObject({
      status: 'rejected',
      code: 'QUESTION_NOT_IN_PAPER',
    });

    const stored = (await student.get(`/api/attempts/${state.attempt.id}/state`)).json<State>().answers;
    expect(stored).toEqual([
      expect.objectContaining({
        questionId: q1!.id,
        seq: 3,
        answer: { type: 'mcq_single', optionIds: ['c'] },
      }),
    ]);
  });

  it('scores the submitted attempt exactly as the core scores the final answers, then shows keys', async () => {
    const student = await signIn(app, demoStudent(3));
    const { state, paper } = await startPractice(student, 'device-cccc-1');
    const questions = paper.paper.sections[0]!.questions;
    const saves = [
      save(questions[0]!.id, 'b', 1),
      save(questions[1]!.id, 'a', 2),
      save(questions[2]!.id, 'b', 3, 'answered_marked_for_review'),
      save(questions[3]!.id, 'b', 4, 'marked_for_review'),
    ];
    const results = (
      await student.post(`/api/attempts/${state.attempt.id}/answers`, { deviceId: 'device-cccc-1', saves })
    ).json<{ results: SaveResult[] }>().results;
    expect(results.every((r) => r.status === 'saved')).toBe(true);

    const submitted = (await student.post(`/api/attempts/${state.attempt.id}/submit`)).json<State>();
    expect(submitted.attempt).toMatchObject({ status: 'submitted', submitReason: 'candidate' });
    const late = await student.post(`/api/attempts/${state.attempt.id}/answers`, {
      deviceId: 'device-cccc-1',
      saves: [save(questions[4]!.id, 'b', 9)],
    });
    expect(late.json<{ results: SaveResult[] }>().results[0]).toMatchObject({
      status: 'rejected',
      code: 'ATTEMPT_CLOSED',
    });

    const result = (await student.get(`/api/attempts/${state.attempt.id}/result`)).json<{
      totalMarks: string;
      questions: { question: { key: unknown } }[];
    }>();
    const snapshot = await app.database.db.execute(
      sql`select s.paper from exam_snapshots s join attempts a on a.snapshot_id = s.id where a.id = ${state.attempt.id}`,
    );
    const corePaper = (snapshot as { rows: { paper: Paper }[] }).rows[0]!.paper;
    const expected = scoreAttempt(
      corePaper,
      Object.fromEntries(saves.map((s) => [s.questionId, { answer: s.answer as Answer, state: s.state }])),
    );
    // Fixture keys are option b: two correct (one answered-and-marked), one wrong, one only marked (not evaluated).
    expect(Number(result.totalMarks)).toBe(expected.total.marks);
    expect(expected.total.marks).toBe(4 + 4 - 1);
    expect(result.questions[0]!.question.key).toBeDefined();
  });
});

const connect = (cookie: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, { transports: ['websocket'], extraHeaders: { cookie } });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
const emit = <T>(socket: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve) => socket.emit(event, payload, resolve));

describe('real-time saves and devices', () => {
  it('acknowledges a socket save after commit, and a second device takes over from the first', async () => {
    const student = await signIn(app, demoStudent(4));
    const { state, paper } = await startPractice(student, 'laptop-0001');
    const q = paper.paper.sections[0]!.questions[0]!;
    const laptop = await connect(student.cookie!);
    await emit(laptop, 'attempt:join', { attemptId: state.attempt.id });
    const ack = await emit<{ results: SaveResult[] }>(laptop, 'answer:save', {
      attemptId: state.attempt.id,
      deviceId: 'laptop-0001',
      saves: [save(q.id, 'd', 1)],
    });
    expect(ack.results[0]!.status).toBe('saved');
    expect(
      (await student.get(`/api/attempts/${state.attempt.id}/state`)).json<State>().answers[0]!.answer,
    ).toEqual({ type: 'mcq_single', optionIds: ['d'] });

    const replaced = new Promise<{ deviceId: string }>((resolve) =>
      laptop.on('attempt:device-replaced', resolve),
    );
    const resumed = await student.post(`/api/exams/${state.attempt.examId}/start`, {
      deviceId: 'tablet-0001',
    });
    expect(resumed.json<State>().answers).toHaveLength(1);
    expect((await replaced).deviceId).toBe('tablet-0001');
    const refused = await emit<{ results: SaveResult[] }>(laptop, 'answer:save', {
      attemptId: state.attempt.id,
      deviceId: 'laptop-0001',
      saves: [save(q.id, 'a', 2)],
    });
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'DEVICE_REPLACED' });
    laptop.close();
  });

  it('answers a malformed socket save with an error instead of dropping it', async () => {
    const student = await signIn(app, demo.student);
    const socket = await connect(student.cookie!);
    const ack = await emit<{ error: { code: string; message: string } }>(socket, 'answer:save', {
      attemptId: 'x',
      saves: 'nope',
    });
    expect(ack.error.code).toBe('VALIDATION_FAILED');
    expect(ack.error.message).toBe('Some fields are missing or invalid.');
    socket.close();
  });

  it('answers a non-UUID or unknown attempt id on the socket as HTTP would, never INTERNAL_ERROR', async () => {
    const student = await signIn(app, demo.student);
    const { state, paper } = await startPractice(student, 'device-bad-ids');
    const socket = await connect(student.cookie!);
    const valid = {
      deviceId: 'device-bad-ids',
      saves: [save(paper.paper.sections[0]!.questions[0]!.id, 'b', 1)],
    };
    expect(await emit(socket, 'attempt:join', { attemptId: 'not-a-uuid' })).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'attemptId' }] },
    });
    expect(await emit(socket, 'attempt:join', 'not even an object')).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await emit(socket, 'answer:save', { ...valid, attemptId: 'not-a-uuid' })).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'attemptId' }] },
    });
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect(await emit(socket, 'attempt:join', { attemptId: unknown })).toEqual({
      error: { code: 'NOT_FOUND', message: 'Attempt not found.' },
    });
    expect(await emit(socket, 'answer:save', { ...valid, attemptId: unknown })).toEqual({
      error: { code: 'NOT_FOUND', message: 'Attempt not found.' },
    });
    // The real attempt still works on the same socket.
    expect(await emit(socket, 'answer:save', { ...valid, attemptId: state.attempt.id })).toMatchObject({
      results: [{ status: 'saved' }],
    });
    socket.close();
  });
});

describe('the deadline', () => {
  it('refuses saves after time is up and submits the attempt on its own, browser or not', async () => {
    const student = await signIn(app, demoStudent(5));
    const { state, paper } = await startPractice(student, 'device-eeee-1');
    const q = paper.paper.sections[0]!.questions[0]!;
    await student.post(`/api/attempts/${state.attempt.id}/answers`, {
      deviceId: 'device-eeee-1',
      saves: [save(q.id, 'b', 1)],
    });
    // Time moves past the attempt's deadline and the in-flight grace.
    env.clock.set(Date.parse(state.attempt.deadlineAt) + 20_000);

    const late = await student.post(`/api/attempts/${state.attempt.id}/answers`, {
      deviceId: 'device-eeee-1',
      saves: [save(q.id, 'a', 2)],
    });
    expect(late.json<{ results: SaveResult[] }>().results[0]).toMatchObject({ status: 'rejected' });

    const readState = async () =>
      (await student.get(`/api/attempts/${state.attempt.id}/state`)).json<State>();
    await expect.poll(async () => (await readState()).attempt.status, { timeout: 5_000 }).toBe('submitted');
    const current = await readState();
    expect(current.attempt).toMatchObject({ status: 'submitted', submitReason: 'deadline' });
    expect(current.answers[0]!.answer).toEqual({ type: 'mcq_single', optionIds: ['b'] });
  });
});

describe('answers typed offline before the deadline', () => {
  const attemptRow = async (id: string) =>
    (
      (await app.database.db.execute(
        sql`select offline_since, deadline_at, late_saves, total_marks, status, submit_reason from attempts where id = ${id}`,
      )) as {
        rows: {
          offline_since: string | null;
          deadline_at: string;
          late_saves: number;
          total_marks: string | null;
          status: string;
          submit_reason: string | null;
        }[];
      }
    ).rows[0]!;
  const waitFor = async <T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> => {
    let value = await read();
    await expect
      .poll(
        async () => {
          value = await read();
          return isDone(value);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    return value;
  };
  /** Moves the clock to 20 s after the attempt's deadline. */
  const endTwentySecondsAgo = async (id: string) =>
    env.clock.set(Date.parse((await attemptRow(id)).deadline_at) + 20_000);
  const swept = (id: string) =>
    waitFor(
      () => attemptRow(id),
      (row) => row.status === 'submitted',
    );

  it('takes journalled answers from inside the outage the server saw, refuses the rest, and scores again', async () => {
    const student = await signIn(app, demoStudent(2));
    const { state, paper } = await startPractice(student, 'laptop-offline-1');
    const [q0, q1, q2] = paper.paper.sections[0]!.questions;
    const laptop = await connect(student.cookie!);
    await emit(laptop, 'attempt:join', { attemptId: state.attempt.id });
    const online = await emit<{ results: SaveResult[] }>(laptop, 'answer:save', {
      attemptId: state.attempt.id,
      deviceId: 'laptop-offline-1',
      saves: [save(q0!.id, 'a', 1)],
    });
    expect(online.results[0]!.status).toBe('saved');
    // The Wi-Fi drops: the server records when it last heard from the laptop.
    laptop.close();
    const dropped = await waitFor(
      () => attemptRow(state.attempt.id),
      (row) => row.offline_since !== null,
    );
    expect(dropped.offline_since).not.toBeNull();

    await endTwentySecondsAgo(state.attempt.id);
    const submitted = await swept(state.attempt.id);
    expect(submitted).toMatchObject({ submit_reason: 'deadline', total_marks: '-1.00' });

    // The laptop comes back after the deadline and syncs its journal.
    const { deadline_at, offline_since } = await attemptRow(state.attempt.id);
    const deadline = new Date(deadline_at).getTime();
    const back = await connect(student.cookie!);
    await emit(back, 'attempt:join', { attemptId: state.attempt.id });
    const synced = await emit<{ results: SaveResult[] }>(back, 'answer:save', {
      attemptId: state.attempt.id,
      deviceId: 'laptop-offline-1',
      saves: [
        { ...save(q0!.id, 'b', 2), answeredAt: deadline - 30_000 },
        { ...save(q1!.id, 'b', 3), answeredAt: deadline + 5_000 },
        { ...save(q2!.id, 'b', 4), answeredAt: new Date(offline_since!).getTime() - 5 * 60_000 },
      ],
    });
    back.close();
    expect(synced.results).toEqual([
      { questionId: q0!.id, seq: 2, status: 'saved' },
      { questionId: q1!.id, seq: 3, status: 'rejected', code: 'EXAM_ENDED' },
      { questionId: q2!.id, seq: 4, status: 'rejected', code: 'EXAM_ENDED' },
    ]);
    const after = (await student.get(`/api/attempts/${state.attempt.id}/state`)).json<State>();
    expect(after.answers.map((a) => [a.questionId, a.answer])).toEqual([
      [q0!.id, { type: 'mcq_single', optionIds: ['b'] }],
    ]);
    // The fixture key is b: the score the sweeper gave (-1) is replaced by the right one.
    expect(await attemptRow(state.attempt.id)).toMatchObject({ total_marks: '4.00', late_saves: 1 });
    const result = (await student.get(`/api/attempts/${state.attempt.id}/result`)).json<{
      totalMarks: string;
    }>();
    expect(result.totalMarks).toBe('4.00');
  });

  it('refuses late saves when the server never saw the connection drop, or the candidate submitted', async () => {
    const student = await signIn(app, demoStudent(2));
    const stayedOnline = await startPractice(student, 'laptop-online-1');
    const q = stayedOnline.paper.paper.sections[0]!.questions[0]!;
    await endTwentySecondsAgo(stayedOnline.state.attempt.id);
    const { deadline_at } = await swept(stayedOnline.state.attempt.id);
    const late = await student.post(`/api/attempts/${stayedOnline.state.attempt.id}/answers`, {
      deviceId: 'laptop-online-1',
      saves: [{ ...save(q.id, 'b', 1), answeredAt: new Date(deadline_at).getTime() - 1_000 }],
    });
    expect(late.json<{ results: SaveResult[] }>().results[0]).toMatchObject({
      status: 'rejected',
      code: 'EXAM_ENDED',
    });

    const finished = await startPractice(student, 'laptop-done-1');
    const p = finished.paper.paper.sections[0]!.questions[0]!;
    await student.post(`/api/attempts/${finished.state.attempt.id}/submit`);
    const afterSubmit = await student.post(`/api/attempts/${finished.state.attempt.id}/answers`, {
      deviceId: 'laptop-done-1',
      saves: [{ ...save(p.id, 'b', 1), answeredAt: env.clock.now() - 1_000 }],
    });
    expect(afterSubmit.json<{ results: SaveResult[] }>().results[0]).toMatchObject({
      status: 'rejected',
      code: 'ATTEMPT_CLOSED',
    });
    for (const id of [stayedOnline.state.attempt.id, finished.state.attempt.id])
      expect((await student.get(`/api/attempts/${id}/state`)).json<State>().answers).toEqual([]);
  });
});

describe('scheduled exams', () => {
  it('prepares attempts for the batch before T0 and refuses Start until then', async () => {
    const exam = (await teacher.post('/api/exams', { title: 'Scheduled sitting' })).json<{
      exam: { id: string; draft: { sections: { id: string }[] } };
    }>().exam;
    await teacher.post(`/api/exams/${exam.id}/autofill`, {
      sections: [{ sectionId: 'section-a', rules: [{ chapterId, count: 3 }] }],
    });
    const detail = (await teacher.get(`/api/exams/${exam.id}`)).json<{
      exam: { draft: { sections: { items: unknown[] }[] } } & Record<string, unknown>;
    }>().exam;
    const draft = detail.draft as unknown as {
      durationMinutes: number;
      lockedSections: boolean;
      instructions: unknown;
      sections: { questionCount: number; items: { questionId: string }[] }[];
    };
    const sections = draft.sections.map((s) => ({
      ...s,
      questionCount: s.items.length,
      items: s.items.map(({ questionId }) => ({ questionId })),
    }));
    await teacher.request('PUT', `/api/exams/${exam.id}/draft`, {
      title: 'Scheduled sitting',
      durationMinutes: 30,
      lockedSections: false,
      instructions: draft.instructions,
      sections,
    });
    expect((await teacher.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(200);

    const admin = await signIn(app, demo.admin);
    const batchId = (await admin.get('/api/batches'))
      .json<{ items: { id: string; code: string }[] }>()
      .items.find((b) => b.code === 'JEE-2027-A')!.id;
    const startsAt = env.clock.isoIn(60 * 60_000);
    const scheduled = await teacher.request('PUT', `/api/exams/${exam.id}/schedule`, {
      mode: 'fixed',
      startsAt,
      batchIds: [batchId],
      studentIds: [],
      registration: { required: false },
      accommodations: [],
    });
    expect(scheduled.statusCode).toBe(200);

    const countPrepared = async () => {
      const rows = await app.database.db.execute(
        sql`select count(*)::int as n from attempts where exam_id = ${exam.id} and status = 'prepared'`,
      );
      return (rows as { rows: { n: number }[] }).rows[0]!.n;
    };
    await expect.poll(countPrepared, { timeout: 3_000 }).toBe(5);

    const student = await signIn(app, demo.student);
    const early = await student.post(`/api/exams/${exam.id}/start`, { deviceId: 'device-ffff-1' });
    expect(early.json()).toMatchObject({ error: { code: 'EXAM_NOT_STARTED' } });

    // T0 on the server's clock: the fixed exam starts, its clock running from the scheduled start.
    env.clock.set(Date.parse(startsAt));
    const onTime = await student.post(`/api/exams/${exam.id}/start`, { deviceId: 'device-ffff-1' });
    expect(onTime.statusCode).toBe(200);
    expect(onTime.json<State>().attempt).toMatchObject({
      status: 'in_progress',
      deadlineAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    });
  });
});
