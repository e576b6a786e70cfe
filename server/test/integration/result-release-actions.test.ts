import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { connectTo, findDemoBatchId, mcq, openExamNow, settleExamNow } from '../support/exam-fixtures.js';
import { listen } from '../support/http-client.js';
import { scheduleReleaseExam } from '../support/results-fixtures.js';
import { createInstituteFixture } from '../support/institute-fixture.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import type { TestClock } from '../support/test-clock.js';
import { RELEASE_JOB } from '../../src/modules/exams/result-release-service.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';

/**
 * Releasing results (issue 11): a teacher's button for `manual` exams once answers are final, the
 * job at the time of `scheduled` and `instant` ones (on one instance, once), and the candidates'
 * notices on their dashboard and sockets. The app's clock is the test's: the job runs when the
 * clock says so, through one tick of the runner.
 */

let env: TestEnv;
let app: App;
let baseUrl: string;
let teacher: TestClient;
let admin: TestClient;
let batchId: string;
let questionIds: string[];
let clock: TestClock;
const HOUR = 3_600_000;
const inHours = (h: number) => clock.isoIn(h * HOUR);

beforeAll(async () => {
  env = await createTestEnv({ env: { JOBS_POLL_INTERVAL_MS: String(HOUR) } });
  clock = env.clock;
  app = await env.start();
  baseUrl = await listen(app);
  teacher = await signIn(app, demo.teacher);
  admin = await signIn(app, demo.admin);
  batchId = await findDemoBatchId(admin);
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
  questionIds = [];
  for (let i = 0; i < 2; i++) questionIds.push(await createQuestion(teacher, topic.topicId));
}, 60_000);
afterAll(() => env.close());

type Release = {
  mode: string;
  releasesAt: string | null;
  isReleased: boolean;
  releasedAt: string | null;
  how: string | null;
  canReleaseNow: boolean;
  reason: string | null;
  possibleAt: string | null;
};

const publishAndSchedule = (
  title: string,
  resultRelease: { mode: 'instant' | 'manual' | 'scheduled'; at?: string },
) =>
  scheduleReleaseExam({
    clock,
    teacher,
    batchIds: [batchId],
    questionIds,
    title,
    resultRelease,
    // Answers are final 3 h 40 min from now: the window's close, the 10 minutes and the settling time.
    schedule: { windowEndsAt: inHours(3) },
  });

/** The clock inside the exam's window, a minute after it opened. */
const openWindow = (examId: string) => openExamNow(clock, teacher, examId);

/** The clock past everyone's last deadline and the answers' settling time: answers are final. */
async function closeWindow(examId: string): Promise<void> {
  await settleExamNow(clock, teacher, examId);
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await app.database.db.execute(query);
  return Number((result as { rows: { n: number | string }[] }).rows[0]!.n);
}
const noticesOf = (examId: string) =>
  count(sql`select count(*) as n from notifications where payload->>'examId' = ${examId}`);
const releaseState = async (client: TestClient, examId: string) =>
  (await client.get(`/api/exams/${examId}/results/release`)).json<{ release: Release }>().release;

const nextNotification = (socket: Socket) =>
  new Promise<{ kind: string; payload: { examId: string; title: string } }>((resolve) =>
    socket.once('notification', resolve),
  );

describe('manual release', () => {
  it('is refused while anyone may answer, then released once by the teacher; the student is notified and sees the result', async () => {
    const examId = await publishAndSchedule('Manual release mock', { mode: 'manual' });
    const heldQuestion = async () =>
      (await teacher.get(`/api/questions/${questionIds[0]}`)).json<{
        question: { reservation: { exams: { id: string }[] } | null };
      }>().question.reservation;
    await openWindow(examId);
    const student = await signIn(app, demoStudent(2));
    const started = await student.post(`/api/exams/${examId}/start`, { deviceId: 'release-device-1' });
    const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
    await student.post(`/api/attempts/${attemptId}/answers`, {
      deviceId: 'release-device-1',
      saves: [mcq(questionIds[0]!, 'a', 1)],
    });
    expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);

    const before = await releaseState(teacher, examId);
    expect(before).toMatchObject({
      mode: 'manual',
      isReleased: false,
      canReleaseNow: false,
      reason: 'NOT_FINAL',
    });
    expect(Date.parse(before.possibleAt!)).toBeGreaterThan(clock.now() + 60 * 60_000);
    const early = await teacher.post(`/api/exams/${examId}/results/release`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      error: { code: 'RESULTS_NOT_FINAL' },
      possibleAt: before.possibleAt,
    });
    expect((await student.get(`/api/attempts/${attemptId}/result`)).statusCode).toBe(403);

    // The window closed long enough ago: still withheld until the teacher releases.
    await closeWindow(examId);
    const result = await student.get(`/api/attempts/${attemptId}/result`);
    expect(result.statusCode).toBe(403);
    expect(result.body).not.toMatch(/"key"|solution/);
    expect(await heldQuestion()).not.toBeNull();
    expect(await releaseState(teacher, examId)).toMatchObject({ canReleaseNow: true, reason: null });

    // A student cannot release, nor a teacher of another batch, nor another institute's admin.
    const refused = await student.post(`/api/exams/${examId}/results/release`, {});
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await student.get(`/api/exams/${examId}/results/release`)).statusCode).toBe(403);
    const other = await createInstituteFixture(app, { students: 0 });
    expect((await other.admin.post(`/api/exams/${examId}/results/release`, {})).statusCode).toBe(404);
    const batch = await admin.post('/api/batches', { name: 'Release other batch', code: 'REL-OTHER' });
    const otherBatchId = batch.json<{ batch: { id: string } }>().batch.id;
    const created = await admin.post('/api/users', {
      name: 'Other Teacher',
      email: 'other-teacher-release@demo.examtech.in',
      role: 'teacher',
      batchIds: [otherBatchId],
    });
    const otherTeacher = await signIn(app, {
      email: 'other-teacher-release@demo.examtech.in',
      password: created.json<{ temporaryPassword: string }>().temporaryPassword,
    });
    expect((await otherTeacher.post(`/api/exams/${examId}/results/release`, {})).statusCode).toBe(404);
    expect((await otherTeacher.get(`/api/exams/${examId}/results/release`)).statusCode).toBe(404);
    expect(await noticesOf(examId)).toBe(0);

    const socket = await connectTo(baseUrl, student.cookie!);
    try {
      const heard = nextNotification(socket);
      const released = await teacher.post(`/api/exams/${examId}/results/release`, {});
      expect(released.statusCode).toBe(200);
      const state = released.json<{ release: Release }>().release;
      expect(state).toMatchObject({
        isReleased: true,
        how: 'manual',
        canReleaseNow: false,
        reason: 'RELEASED',
      });
      expect(await heard).toEqual({
        kind: 'results.released',
        payload: { examId, title: 'Manual release mock' },
      });

      const shown = await student.get(`/api/attempts/${attemptId}/result`);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toMatchObject({ answerKeyShown: true });
      expect(await heldQuestion()).toBeNull();

      const candidates = await noticesOf(examId);
      expect(candidates).toBeGreaterThan(0);
      expect(
        await count(
          sql`select count(distinct user_id) as n from notifications where payload->>'examId' = ${examId}`,
        ),
      ).toBe(candidates);
      // A second release changes nothing: the same state, no second notice.
      const again = await teacher.post(`/api/exams/${examId}/results/release`, {});
      expect(again.statusCode).toBe(200);
      expect(again.json<{ release: Release }>().release.releasedAt).toBe(state.releasedAt);
      expect(await noticesOf(examId)).toBe(candidates);
    } finally {
      socket.disconnect();
    }

    const mine = (await student.get('/api/notifications')).json<{
      items: { id: string; kind: string; payload: { examId: string }; readAt: string | null }[];
      unread: number;
    }>();
    const notice = mine.items.find((n) => n.payload.examId === examId)!;
    expect(notice).toMatchObject({ kind: 'results.released', readAt: null });
    const read = await student.post(`/api/notifications/${notice.id}/read`, {});
    expect(read.json<{ unread: number }>().unread).toBe(mine.unread - 1);
    // Someone else's notice is not found for them.
    const classmate = await signIn(app, demoStudent(3));
    expect((await classmate.post(`/api/notifications/${notice.id}/read`, {})).statusCode).toBe(404);
    expect((await student.post('/api/notifications/read-all', {})).json()).toEqual({ unread: 0 });
    expect((await student.get('/api/notifications')).json<{ unread: number }>().unread).toBe(0);
  });

  it('an automatic release cannot be pressed', async () => {
    const examId = await publishAndSchedule('Instant, no button', { mode: 'instant' });
    await closeWindow(examId);
    const res = await teacher.post(`/api/exams/${examId}/results/release`, {});
    expect(res.json()).toMatchObject({ error: { code: 'RESULTS_RELEASE_AUTOMATIC' } });
    expect(await releaseState(teacher, examId)).toMatchObject({
      mode: 'instant',
      isReleased: true,
      reason: 'NOT_MANUAL',
    });
  });
});

describe('release by the job', () => {
  it('scheduled: the job runs at the release time, not before, records it once and notifies', async () => {
    const t0 = clock.now();
    const examId = await publishAndSchedule('Scheduled release mock', { mode: 'scheduled', at: inHours(5) });
    expect(
      await count(
        sql`select count(*) as n from jobs where kind = ${RELEASE_JOB} and key = ${examId} and done_at is null`,
      ),
    ).toBe(1);
    clock.set(t0 + 4 * HOUR);
    await app.jobs.tick();
    expect(await noticesOf(examId)).toBe(0);
    clock.set(t0 + 6 * HOUR);
    expect(await app.jobs.tick()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => noticesOf(examId)).toBeGreaterThan(0);
    expect(await releaseState(teacher, examId)).toMatchObject({ how: 'scheduled', isReleased: true });
    const notices = await noticesOf(examId);
    expect(await app.jobs.tick()).toBe(0);
    expect(await noticesOf(examId)).toBe(notices);
  });

  it('instant: the job runs once answers are final', async () => {
    const t0 = clock.now();
    const examId = await publishAndSchedule('Instant release mock', { mode: 'instant' });
    clock.set(t0 + 3 * HOUR);
    await app.jobs.tick();
    expect(await releaseState(teacher, examId)).toMatchObject({ how: null, isReleased: false });
    clock.set(t0 + 4 * HOUR);
    await app.jobs.tick();
    await expect.poll(() => noticesOf(examId)).toBeGreaterThan(0);
    expect((await releaseState(teacher, examId)).how).toBe('instant');
  });
});
