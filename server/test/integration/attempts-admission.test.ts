import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import {
  findDemoBatchId,
  openExamNow,
  publishExam,
  putDraft,
  scheduleBody,
  type State,
} from '../support/exam-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';

// Who sits which paper: prepared attempts follow the exam's current published paper, registration
// and seats are enforced at the door, and a schedule that cannot be sat is refused as documented.

let env: TestEnv;
let app: App;
let teacher: TestClient;
let batchId: string;
let questionIds: string[];

const student = demoStudent;
const onePaper = (title: string, ids: string[]) => ({
  title,
  durationMinutes: 30,
  lockedSections: false,
  sections: [{ id: 'section-a', questionIds: ids }],
});

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
  questionIds = [];
  for (let i = 0; i < 4; i++) questionIds.push(await createQuestion(teacher, topic.topicId));
  const admin = await signIn(app, demo.admin);
  batchId = await findDemoBatchId(admin);
}, 60_000);
afterAll(() => env.close());

const preparedSnapshots = async (examId: string) =>
  (
    (await app.database.db.execute(
      sql`select distinct a.snapshot_id = e.published_snapshot_id as is_current from attempts a
          join exams e on e.id = a.exam_id where a.exam_id = ${examId} and a.status = 'prepared'`,
    )) as { rows: { is_current: boolean }[] }
  ).rows.map((r) => r.is_current);

async function paperOf(client: TestClient, examId: string): Promise<string[]> {
  const started = await client.post(`/api/exams/${examId}/start`, {
    deviceId: `device-${examId.slice(0, 8)}`,
  });
  expect(started.statusCode).toBe(200);
  const paper = await client.get(`/api/attempts/${started.json<State>().attempt.id}/paper`);
  return paper
    .json<{ paper: { sections: { questions: { id: string }[] }[] } }>()
    .paper.sections.flatMap((s) => s.questions.map((q) => q.id))
    .sort();
}

async function republish(examId: string, ids: string[]) {
  expect((await teacher.post(`/api/exams/${examId}/unpublish`)).statusCode).toBe(200);
  const draft = (await teacher.get(`/api/exams/${examId}`)).json<{
    exam: { draft: { instructions: unknown } };
  }>().exam.draft;
  await putDraft(teacher, examId, draft.instructions, onePaper('Republished', ids));
  expect((await teacher.post(`/api/exams/${examId}/publish`)).statusCode).toBe(200);
}

describe('a republished paper replaces the withdrawn one', () => {
  it('prepared attempts follow the new snapshot when the schedule is saved again, and candidates get the new paper', async () => {
    const examId = await publishExam(teacher, onePaper('Withdrawn paper', questionIds.slice(0, 2)));
    expect(
      (await teacher.put(`/api/exams/${examId}/schedule`, scheduleBody(env.clock, [batchId]))).statusCode,
    ).toBe(200);
    await expect.poll(() => preparedSnapshots(examId)).toEqual([true]);

    await republish(examId, questionIds.slice(2, 4));
    expect(
      (await teacher.put(`/api/exams/${examId}/schedule`, scheduleBody(env.clock, [batchId]))).statusCode,
    ).toBe(200);
    await expect.poll(() => preparedSnapshots(examId)).toEqual([true]);
    await openExamNow(env.clock, teacher, examId);
    expect(await paperOf(await signIn(app, student(1)), examId)).toEqual(questionIds.slice(2, 4).sort());
  });

  it('a candidate starting after a republish without a new schedule save still gets the new paper', async () => {
    const examId = await publishExam(teacher, onePaper('Withdrawn again', questionIds.slice(0, 2)));
    expect(
      (await teacher.put(`/api/exams/${examId}/schedule`, scheduleBody(env.clock, [batchId]))).statusCode,
    ).toBe(200);
    await expect.poll(() => preparedSnapshots(examId)).toEqual([true]);
    await republish(examId, questionIds.slice(1, 3));
    await openExamNow(env.clock, teacher, examId);
    expect(await paperOf(await signIn(app, student(2)), examId)).toEqual(questionIds.slice(1, 3).sort());
  });
});

describe('registration and seats at the door', () => {
  it('with registration required and one seat, only the registered candidate starts', async () => {
    const examId = await publishExam(teacher, onePaper('Seats', questionIds.slice(0, 2)));
    const body = scheduleBody(env.clock, [batchId], { registration: { required: true, capacity: 1 } });
    expect((await teacher.put(`/api/exams/${examId}/schedule`, body)).statusCode).toBe(200);
    const registered = await signIn(app, student(3));
    expect((await registered.post(`/api/exams/${examId}/register`)).json()).toEqual({ registered: true });
    const unregistered = await signIn(app, student(4));
    expect((await unregistered.post(`/api/exams/${examId}/register`)).json()).toMatchObject({
      error: { code: 'REGISTRATION_FULL' },
    });
    await openExamNow(env.clock, teacher, examId);

    // The unregistered candidate sees the exam but cannot start it, and gets no attempt.
    const info = await unregistered.get(`/api/exams/${examId}/candidate-info`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ attempt: null });
    const refused = await unregistered.post(`/api/exams/${examId}/start`, {
      deviceId: 'device-unregistered',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'REGISTRATION_REQUIRED' } });

    expect(await paperOf(registered, examId)).toEqual(questionIds.slice(0, 2).sort());
    const attempts = (await app.database.db.execute(
      sql`select u.email from attempts a join users u on u.id = a.user_id where a.exam_id = ${examId}`,
    )) as { rows: { email: string }[] };
    expect(attempts.rows.map((r) => r.email)).toEqual([student(3).email]);
  });
});

describe('schedule validation', () => {
  it('refuses a window shorter than the exam and a registration deadline in the past or after the start', async () => {
    const examId = await publishExam(teacher, onePaper('Validated schedule', questionIds.slice(0, 2)));
    const inMinutes = (m: number) => env.clock.isoIn(m * 60_000);
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: inMinutes(60), windowEndsAt: inMinutes(60 + 29) }, 'windowEndsAt'],
      [{ registration: { required: true, deadline: inMinutes(-5) } }, 'registration.deadline'],
      [{ registration: { required: true, deadline: inMinutes(61) } }, 'registration.deadline'],
    ];
    for (const [overrides, path] of cases) {
      const res = await teacher.put(
        `/api/exams/${examId}/schedule`,
        scheduleBody(env.clock, [batchId], overrides),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'SCHEDULE_INVALID', fields: [{ path }] } });
    }
    // Nothing was scheduled.
    expect((await teacher.get(`/api/exams/${examId}`)).json()).toMatchObject({ exam: { schedule: null } });
    // A window exactly as long as the exam and a deadline before the start are fine.
    const fits = scheduleBody(env.clock, [batchId], {
      startsAt: inMinutes(60),
      windowEndsAt: inMinutes(90),
      registration: { required: true, deadline: inMinutes(59) },
    });
    expect((await teacher.put(`/api/exams/${examId}/schedule`, fits)).statusCode).toBe(200);
  });
});

describe('after the exam has ended', () => {
  type Info = { isOver: boolean; attempt: { id: string; status: string } | null };
  const infoOf = async (client: TestClient, examId: string) => {
    const res = await client.get(`/api/exams/${examId}/candidate-info`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Info>();
  };

  it('tells a candidate who sat it where their attempt is, and one who did not that it is over', async () => {
    const examId = await publishExam(teacher, onePaper('Ended window', questionIds.slice(0, 2)));
    const body = scheduleBody(env.clock, [batchId]);
    expect((await teacher.put(`/api/exams/${examId}/schedule`, body)).statusCode).toBe(200);
    await openExamNow(env.clock, teacher, examId);
    const sat = await signIn(app, student(1));
    const absent = await signIn(app, student(5));
    const started = await sat.post(`/api/exams/${examId}/start`, { deviceId: 'device-ended-window' });
    const attemptId = started.json<State>().attempt.id;
    expect((await sat.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    expect(await infoOf(absent, examId)).toMatchObject({ isOver: false, attempt: null });
    // Submitted early, inside the window: over for this candidate now, not only once the window ends.
    expect(await infoOf(sat, examId)).toMatchObject({
      isOver: true,
      attempt: { id: attemptId, status: 'submitted' },
    });

    env.clock.set(Date.parse(body.windowEndsAt) + 60_000);
    expect(await infoOf(sat, examId)).toMatchObject({
      isOver: true,
      attempt: { id: attemptId, status: 'submitted' },
    });
    expect(await infoOf(absent, examId)).toMatchObject({ isOver: true, attempt: null });
    const late = await absent.post(`/api/exams/${examId}/start`, { deviceId: 'device-too-late' });
    expect(late.json()).toMatchObject({ error: { code: 'EXAM_OVER' } });
  });
});
