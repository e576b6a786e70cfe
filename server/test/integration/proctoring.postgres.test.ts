import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import {
  connectTo,
  emitWithAck,
  findDemoBatchId,
  mcq,
  openExamNow,
  putDraft,
  readAttemptRow,
  scheduleBody,
  type SaveResult,
  type State,
} from '../support/exam-fixtures.js';
import { listen } from '../support/http-client.js';
import {
  createTestEnv,
  demo,
  demoStudent,
  signIn,
  type TestClient,
  type TestEnv,
} from '../support/test-app.js';

// Proctoring through the real interfaces on two instances (one PostgreSQL, one Redis): a candidate's
// signals are acknowledged once stored and reach a proctor connected to the other instance; the
// thresholds, pauses, extensions and terminations are the server's; nobody outside the candidate's
// batches sees anything.

let env: TestEnv;
let appA: App;
let appB: App;
let urlA: string;
let urlB: string;
let teacher: TestClient;
let admin: TestClient;
let examId: string;
let questionIds: string[];
const sockets: Socket[] = [];
let storedEvidenceId = '';

type Ack = {
  results: { id: string; status: string; code?: string }[];
  violations: { count: number; warnAfter: number; submitAfter: number };
  warning: boolean;
  submitted: boolean;
  error?: { code: string };
};

const event = (kind: string, durationMs = 0, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind,
  startedAt: env.clock.now() - durationMs,
  durationMs,
  ...extra,
});

/** The next `name` event on `socket`, or a rejection after `ms`. */
const next = <T>(socket: Socket, name: string, ms = 3000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms);
    socket.once(name, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

async function connect(url: string, client: TestClient) {
  const socket = await connectTo(url, client.cookie!);
  sockets.push(socket);
  return socket;
}

let demoBatchId: string;
const PASSWORD = 'Proctored-Cand-12';

/** Demo students 1–5, then new members of the demo batch (the exam's candidates). */
async function candidate(n: number): Promise<{ email: string; password: string }> {
  if (n <= 5) return demoStudent(n);
  const email = `proctored-${n}@example.com`;
  const created = await admin.post('/api/users', {
    name: `Candidate ${n}`,
    email,
    role: 'student',
    password: PASSWORD,
    batchIds: [demoBatchId],
  });
  expect(created.statusCode, created.body).toBe(201);
  return { email, password: PASSWORD };
}

async function start(n: number) {
  const client = await signIn(appA, await candidate(n));
  const deviceId = `proctored-device-${n}`;
  const refused = await client.post(`/api/exams/${examId}/start`, { deviceId });
  expect(refused.statusCode).toBe(422);
  expect(refused.json<{ error: { code: string } }>().error.code).toBe('PROCTORING_CONSENT_REQUIRED');
  const started = await client.post(`/api/exams/${examId}/start`, { deviceId, proctoringConsent: true });
  expect(started.statusCode).toBe(200);
  const attemptId = started.json<State>().attempt.id;
  const socket = await connect(urlA, client);
  await emitWithAck(socket, 'attempt:join', { attemptId });
  return { client, deviceId, attemptId, socket };
}

beforeAll(async () => {
  env = await createTestEnv({ mode: 'postgres' });
  appA = await env.start();
  urlA = await listen(appA);
  appB = await env.start();
  urlB = await listen(appB);
  teacher = await signIn(appA, demo.teacher);
  admin = await signIn(appA, demo.admin);
  const topic = findTopic(await loadSyllabus(teacher), 'Physics', 2);
  questionIds = [];
  for (let i = 0; i < 3; i++) questionIds.push(await createQuestion(teacher, topic.topicId));
  const created = await teacher.post('/api/exams', { title: 'Proctored mock' });
  const exam = created.json<{
    exam: { id: string; draft: { instructions: unknown }; settings: Record<string, unknown> };
  }>().exam;
  examId = exam.id;
  await putDraft(teacher, examId, exam.draft.instructions, {
    title: 'Proctored mock',
    durationMinutes: 60,
    lockedSections: false,
    sections: [{ id: 'phy', questionIds }],
  });
  const settings = await teacher.put(`/api/exams/${examId}/settings`, {
    ...exam.settings,
    proctoring: {
      webcamSnapshots: true,
      snapshotIntervalSeconds: 30,
      screenRecording: false,
      tabSwitchDetection: true,
      fullScreenRequired: true,
      warnAfterViolations: 2,
      submitAfterViolations: 4,
    },
  });
  expect(settings.statusCode).toBe(200);
  expect((await teacher.post(`/api/exams/${examId}/publish`)).statusCode).toBe(200);
  demoBatchId = await findDemoBatchId(admin);
  const scheduled = await teacher.put(
    `/api/exams/${examId}/schedule`,
    scheduleBody(env.clock, [demoBatchId], { windowEndsAt: env.clock.isoIn(24 * 3_600_000) }),
  );
  expect(scheduled.statusCode).toBe(200);
  await openExamNow(env.clock, teacher, examId);
}, 90_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await env.close();
});

describe('the candidate’s signals', () => {
  it('shows what is recorded before Start, and a signal reaches a proctor on the other instance', async () => {
    const student = await signIn(appA, demoStudent(1));
    const info = (await student.get(`/api/exams/${examId}/candidate-info`)).json<{
      proctoring: { webcamSnapshots: boolean; retentionDays: number };
    }>();
    expect(info.proctoring).toMatchObject({ webcamSnapshots: true, retentionDays: 30 });

    const { attemptId, socket } = await start(1);
    const proctor = await signIn(appB, demo.proctor);
    const watcher = await connect(urlB, proctor);
    expect(await emitWithAck(watcher, 'proctor:watch', { examId })).toEqual({ ok: true });

    const alert = next<{ kind: string; attemptId: string; name: string }>(watcher, 'proctor:alert');
    const tab = event('tab_hidden', 12_000, { questionId: questionIds[0] });
    const ack = await emitWithAck<Ack>(socket, 'proctor:events', { attemptId, events: [tab] });
    expect(ack.results).toEqual([{ id: tab.id, status: 'stored' }]);
    expect(ack.violations).toEqual({ count: 1, warnAfter: 2, submitAfter: 4 });
    expect(await alert).toMatchObject({ kind: 'tab_hidden', attemptId });

    // The same event sent again, still lasting: one event, the longer duration kept.
    const again = await emitWithAck<Ack>(socket, 'proctor:events', {
      attemptId,
      events: [{ ...tab, durationMs: 20_000 }],
    });
    expect(again.results[0]!.status).toBe('duplicate');
    expect(again.violations.count).toBe(1);

    // A kind the exam does not record (no screen recording asked) is refused, never stored.
    const refused = await emitWithAck<Ack>(socket, 'proctor:events', {
      attemptId,
      events: [event('screen_share_stopped')],
    });
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'PROCTOR_KIND_DISABLED' });

    // The second violation reaches the warning threshold: the candidate's room is told.
    const warning = next<{ violations: { count: number } }>(socket, 'proctor:warning');
    const paste = await emitWithAck<Ack>(socket, 'proctor:events', { attemptId, events: [event('paste')] });
    expect(paste).toMatchObject({ warning: true, submitted: false });
    expect((await warning).violations.count).toBe(2);
    const state = (await (await signIn(appA, demoStudent(1))).get(`/api/attempts/${attemptId}/state`)).json<{
      attempt: { violations: { count: number } };
    }>();
    expect(state.attempt.violations.count).toBe(2);

    const grid = await proctor.get(`/api/proctoring/exams/${examId}/candidates`);
    expect(grid.statusCode).toBe(200);
    const row = grid
      .json<{
        candidates: {
          attemptId: string;
          status: string;
          violations: Record<string, number>;
          trustScore: number;
        }[];
      }>()
      .candidates.find((c) => c.attemptId === attemptId)!;
    expect(row).toMatchObject({ status: 'in_exam', violations: { tab_hidden: 1, paste: 1 } });
    // tab_hidden 3 × (1 + 20 s / 60) + paste 3 × 1 = 7.
    expect(row.trustScore).toBe(93);
  });

  it('refuses a malformed or flooding payload with a stable code and stores nothing', async () => {
    const { attemptId, socket } = await start(2);
    const bad = await emitWithAck<Ack>(socket, 'proctor:events', {
      attemptId,
      events: [{ kind: 'tab_hidden' }],
    });
    expect(bad.error?.code).toBe('VALIDATION_FAILED');
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      const ack = await emitWithAck<Ack>(socket, 'proctor:events', {
        attemptId,
        events: [event('window_blur')],
      });
      limited = ack.error?.code === 'PROCTOR_RATE_LIMITED';
    }
    expect(limited).toBe(true);
  });

  it('submits the attempt at the exam’s violation threshold, decided from the stored events', async () => {
    const { attemptId, socket } = await start(3);
    const terminated = next(socket, 'attempt:terminated');
    const ack = await emitWithAck<Ack>(socket, 'proctor:events', {
      attemptId,
      events: [event('copy'), event('paste'), event('cut'), event('context_menu')],
    });
    expect(ack).toMatchObject({ submitted: true, violations: { count: 4 } });
    await terminated;
    expect(await readAttemptRow(appA, attemptId)).toMatchObject({
      status: 'submitted',
      submit_reason: 'violations',
    });
  });
});

describe('the proctor’s actions', () => {
  it('pause stops the server’s clock, resume gives the time back, extend adds to it, and a message arrives', async () => {
    const { client, deviceId, attemptId, socket } = await start(4);
    const proctor = await signIn(appB, demo.proctor);
    const before = Date.parse((await readAttemptRow(appA, attemptId)).deadline_at);

    const paused = next<{ reason: string }>(socket, 'attempt:paused');
    const pause = await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
      kind: 'pause',
      reason: 'Phone seen on desk',
    });
    expect(pause.statusCode).toBe(200);
    expect(pause.json<{ candidate: { status: string } }>().candidate.status).toBe('paused');
    expect((await paused).reason).toBe('Phone seen on desk');
    const whilePaused = await client.post(`/api/attempts/${attemptId}/answers`, {
      deviceId,
      saves: [mcq(questionIds[0]!, 'a', 1)],
    });
    expect(whilePaused.json<{ results: SaveResult[] }>().results[0]).toMatchObject({
      status: 'rejected',
      code: 'ATTEMPT_PAUSED',
    });
    const again = await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
      kind: 'pause',
      reason: 'twice',
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('ATTEMPT_ALREADY_PAUSED');

    env.clock.advance(5 * 60_000);
    const resumed = next<{ addedMs: number }>(socket, 'attempt:resumed');
    expect(
      (
        await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
          kind: 'resume',
          reason: 'Phone put away',
        })
      ).statusCode,
    ).toBe(200);
    // The test clock runs on between the pause and the jump: the pause lasted at least the jump.
    const { addedMs } = await resumed;
    expect(addedMs).toBeGreaterThanOrEqual(5 * 60_000);
    expect(addedMs).toBeLessThan(5 * 60_000 + 10_000);
    expect(Date.parse((await readAttemptRow(appA, attemptId)).deadline_at)).toBe(before + addedMs);
    const afterResume = await client.post(`/api/attempts/${attemptId}/answers`, {
      deviceId,
      saves: [mcq(questionIds[0]!, 'a', 1)],
    });
    expect(afterResume.json<{ results: SaveResult[] }>().results[0]!.status).toBe('saved');

    const extend = await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
      kind: 'extend',
      reason: 'Power cut',
      minutes: 10,
    });
    expect(extend.statusCode).toBe(200);
    expect(Date.parse((await readAttemptRow(appA, attemptId)).deadline_at)).toBe(
      before + addedMs + 10 * 60_000,
    );

    const message = next<{ text: string; from: string }>(socket, 'proctor:message');
    await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
      kind: 'message',
      reason: 'Check in',
      text: 'Look at the camera, please.',
    });
    expect(await message).toMatchObject({ text: 'Look at the camera, please.', from: 'Meera Pillai' });

    const ended = next(socket, 'attempt:terminated');
    expect(
      (
        await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
          kind: 'terminate',
          reason: 'Second person',
        })
      ).statusCode,
    ).toBe(200);
    await ended;
    expect(await readAttemptRow(appA, attemptId)).toMatchObject({
      status: 'submitted',
      submit_reason: 'proctor',
    });

    const review = (await proctor.get(`/api/proctoring/attempts/${attemptId}/review`)).json<{
      actions: { kind: string; reason: string; by: { name: string } }[];
    }>();
    expect(review.actions.map((a) => a.kind)).toEqual(['pause', 'resume', 'extend', 'message', 'terminate']);
    expect(review.actions[0]).toMatchObject({ reason: 'Phone seen on desk', by: { name: 'Meera Pillai' } });
  });

  it('an action without a reason is refused and changes nothing', async () => {
    const { attemptId } = await start(5);
    const proctor = await signIn(appB, demo.proctor);
    const res = await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
      kind: 'pause',
      reason: '',
    });
    expect(res.statusCode).toBe(400);
    expect((await readAttemptRow(appA, attemptId)).status).toBe('in_progress');
  });
});

describe('evidence, review and decision', () => {
  it('a snapshot is uploaded and shown to the proctor, never to another candidate', async () => {
    const { client, attemptId } = await start(6);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const created = await client.post(`/api/attempts/${attemptId}/proctoring/evidence`, {
      kind: 'snapshot',
      contentType: 'image/jpeg',
      bytes: jpeg.length,
      takenAt: env.clock.now(),
    });
    expect(created.statusCode).toBe(201);
    const { evidenceId, upload } = created.json<{
      evidenceId: string;
      upload: { url: string; headers: Record<string, string> };
    }>();
    const notJpeg = await client.request('PUT', upload.url, undefined, { ...upload.headers });
    expect(notJpeg.statusCode).toBeGreaterThanOrEqual(400);
    const put = await appA.http.inject({
      method: 'PUT',
      url: upload.url,
      headers: { ...upload.headers, cookie: client.cookie! },
      payload: jpeg,
    });
    expect(put.statusCode).toBe(204);
    expect((await client.post(`/api/proctoring/evidence/${evidenceId}/complete`)).statusCode).toBe(200);

    const proctor = await signIn(appB, demo.proctor);
    const image = await proctor.get(`/api/proctoring/evidence/${evidenceId}/content`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.equals(jpeg)).toBe(true);
    // Another candidate never sees it.
    const other = await signIn(appA, demoStudent(5));
    expect((await other.get(`/api/proctoring/evidence/${evidenceId}/content`)).statusCode).toBe(403);

    const review = (await proctor.get(`/api/proctoring/attempts/${attemptId}/review`)).json<{
      evidence: { id: string }[];
    }>();
    expect(review.evidence.map((e) => e.id)).toEqual([evidenceId]);

    storedEvidenceId = evidenceId;
  });

  it('a teacher’s disqualification takes the result out of ranks; a proctor may not decide', async () => {
    const { attemptId, client } = await start(8);
    expect((await client.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    const proctor = await signIn(appB, demo.proctor);
    expect(
      (
        await proctor.put(`/api/proctoring/attempts/${attemptId}/decision`, {
          decision: 'disqualified',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const decided = await teacher.put(`/api/proctoring/attempts/${attemptId}/decision`, {
      decision: 'disqualified',
      reason: 'Second person in the room',
    });
    expect(decided.statusCode).toBe(200);
    const results = (await teacher.get(`/api/exams/${examId}/results`)).json<{
      items: { attemptId: string; resultStatus: string; rank: number | null }[];
    }>();
    expect(results.items.find((r) => r.attemptId === attemptId)).toMatchObject({
      resultStatus: 'disqualified',
      statusReason: 'Second person in the room',
      rank: null,
    });

    const weights = await teacher.put(`/api/proctoring/exams/${examId}/weights`, {
      weights: { tab_hidden: 0, paste: 0 },
    });
    expect(weights.statusCode).toBe(200);
  });
});

describe('scope', () => {
  it('a proctor of another batch sees nothing (404) and a candidate cannot write to another’s attempt', async () => {
    const batch = await admin.post('/api/batches', { name: 'Evening', code: 'EVE-P' });
    const batchId = batch.json<{ batch: { id: string } }>().batch.id;
    const email = 'proctor.evening@demo.examtech.in';
    const created = await admin.post('/api/users', {
      name: 'Evening Proctor',
      email,
      role: 'proctor',
      batchIds: [batchId],
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json<{ temporaryPassword: string }>();
    const other = await signIn(appA, { email, password: temporaryPassword });
    expect((await other.get(`/api/proctoring/exams/${examId}/candidates`)).statusCode).toBe(404);
    const { attemptId } = await start(9);
    expect((await other.get(`/api/proctoring/attempts/${attemptId}/review`)).statusCode).toBe(404);
    expect(
      (await other.post(`/api/proctoring/attempts/${attemptId}/actions`, { kind: 'pause', reason: 'no' }))
        .statusCode,
    ).toBe(404);

    const intruder = await signIn(appA, demoStudent(5));
    const forged = await intruder.post(`/api/attempts/${attemptId}/proctoring/events`, {
      events: [event('tab_hidden')],
    });
    expect(forged.statusCode).toBe(404);
  });
});

describe('what a candidate hears', () => {
  it('a candidate never receives another candidate’s alerts or warnings, and cannot watch the room', async () => {
    const watched = await start(11);
    const bystander = await start(12);
    const heard: string[] = [];
    for (const name of ['proctor:alert', 'proctor:updates', 'proctor:warning', 'proctor:message'])
      bystander.socket.on(name, () => heard.push(name));
    const refused = await emitWithAck<{ error?: { code: string } }>(bystander.socket, 'proctor:watch', {
      examId,
    });
    expect(refused.error?.code).toBe('FORBIDDEN');
    const warned = next(watched.socket, 'proctor:warning');
    await emitWithAck<Ack>(watched.socket, 'proctor:events', {
      attemptId: watched.attemptId,
      events: [event('tab_hidden'), event('window_blur')],
    });
    await warned;
    // Past the grid's one-second flush: anything meant for proctors would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heard).toEqual([]);
  });
});

// Near the end: it moves the clock past the exam's hour.
describe('a pause never lifted', () => {
  it('ends the attempt an hour after it began: the sweep submits it as it stands and the candidate is told', async () => {
    const { client, deviceId, attemptId, socket } = await start(13);
    const proctor = await signIn(appB, demo.proctor);
    await client.post(`/api/attempts/${attemptId}/answers`, {
      deviceId,
      saves: [mcq(questionIds[0]!, 'b', 1)],
    });
    await proctor.post(`/api/proctoring/attempts/${attemptId}/actions`, {
      kind: 'pause',
      reason: 'Left the room',
    });
    // Within the hour (and past the exam's own 60 minutes, which stand still while paused): still paused.
    env.clock.advance(59 * 60_000);
    await appA.sweeper.sweepOnce();
    expect(await readAttemptRow(appA, attemptId)).toMatchObject({ status: 'in_progress' });
    const ended = next<{ reason: string }>(socket, 'attempt:terminated');
    env.clock.advance(2 * 60_000);
    await Promise.all([appA.sweeper.sweepOnce(), appB.sweeper.sweepOnce()]);
    await ended;
    expect(await readAttemptRow(appA, attemptId)).toMatchObject({
      status: 'submitted',
      submit_reason: 'proctor',
    });
    const state = (await client.get(`/api/attempts/${attemptId}/state`)).json<State>();
    expect(state.attempt.status).toBe('submitted');
  });
});

// Last: it moves the clock a month on.
describe('retention', () => {
  it('evidence is deleted by the job after the retention period', async () => {
    const proctor = await signIn(appB, demo.proctor);
    expect((await proctor.get(`/api/proctoring/evidence/${storedEvidenceId}/content`)).statusCode).toBe(200);
    env.clock.advance(31 * 86_400_000);
    await appA.jobs.tick();
    expect((await proctor.get(`/api/proctoring/evidence/${storedEvidenceId}/content`)).statusCode).toBe(404);
  });
});
