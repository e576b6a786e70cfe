import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { mcq, openExamNow, putDraft, scheduleBody, settleExamNow } from '../support/exam-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

/**
 * The analysis carries the results module's standing (issue 11): rank and NTA percentile in the
 * institute and each batch, with N, and the class comparison; nothing before release; a withheld
 * result shows its status and no rank. Results are computed on their own when answers are final
 * (the job at answersFinalAt), so the teachers' page is ready before anyone opens it.
 */

let env: TestEnv;
let app: App;
let teacher: TestClient;
let students: TestClient[];
let questionIds: string[];
let examId: string;
const attempts: string[] = [];

type Standing = {
  status: string;
  institute: { rank: number | null; percentile: string | null; count: number } | null;
  batches: { batchId: string; rank: number; percentile: string; count: number }[];
};
type Figures = { count: number; average: number | null; topper: number | null; p90: number | null };
type Analysis = {
  standing: Standing | null;
  comparison: { overall: Figures; subjects: ({ subject: string } & Figures)[] } | null;
};

beforeAll(async () => {
  env = await createTestEnv({ env: { JOBS_POLL_INTERVAL_MS: String(3_600_000) } });
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  const topic = findTopic(await loadSyllabus(teacher), 'Physics', 2);
  questionIds = [];
  for (let i = 0; i < 3; i++) questionIds.push(await createQuestion(teacher, topic.topicId));
  students = [];
  const studentIds: string[] = [];
  for (const n of [1, 2, 3]) {
    const client = await signIn(app, demoStudent(n));
    students.push(client);
    studentIds.push((await client.get('/api/auth/me')).json<{ user: { id: string } }>().user.id);
  }
  const exam = (await teacher.post('/api/exams', { title: 'Standing mock' })).json<{
    exam: { id: string; draft: { instructions: object }; settings: Record<string, unknown> };
  }>().exam;
  examId = exam.id;
  await putDraft(teacher, examId, exam.draft.instructions, {
    title: 'Standing mock',
    durationMinutes: 10,
    lockedSections: false,
    sections: [{ id: 'mech', name: 'Mechanics', scheme: { correct: 4, wrong: -1 }, questionIds }],
  });
  const saved = await teacher.put(`/api/exams/${examId}/settings`, {
    ...exam.settings,
    resultRelease: { mode: 'manual' },
  });
  expect(saved.statusCode).toBe(200);
  expect((await teacher.post(`/api/exams/${examId}/publish`)).statusCode).toBe(200);
  const scheduled = await teacher.put(
    `/api/exams/${examId}/schedule`,
    scheduleBody(env.clock, [], { studentIds }),
  );
  expect(scheduled.statusCode).toBe(200);
  await openExamNow(env.clock, teacher, examId);
  // Three right, two right, one right (the key is 'b'): ranks 1, 2, 3.
  for (const [i, student] of students.entries()) {
    const deviceId = `standing-device-${i}`;
    const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
    const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
    const saves = questionIds.slice(0, 3 - i).map((id, seq) => mcq(id, 'b', seq + 1));
    expect((await student.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves })).statusCode).toBe(
      200,
    );
    expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    attempts.push(attemptId);
  }
}, 60_000);
afterAll(() => env.close());

const analysisOf = (i: number) => students[i]!.get(`/api/attempts/${attempts[i]}/analysis`);

describe('standing and comparison in the analysis', () => {
  it('results are computed by the job when answers are final, before anyone reads them', async () => {
    await settleExamNow(env.clock, teacher, examId);
    expect(await app.jobs.tick()).toBeGreaterThanOrEqual(1);
    const run = await app.database.db.execute(
      // The results module's run record: written by the job, not by a page read.
      sql`select ranked_count from exam_result_runs where exam_id = ${examId}`,
    );
    expect((run as { rows: { ranked_count: number }[] }).rows).toEqual([{ ranked_count: 3 }]);
  });

  it('before release the analysis is refused (RESULT_NOT_RELEASED) and carries nothing', async () => {
    const res = await analysisOf(0);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'RESULT_NOT_RELEASED' } });
    expect(res.body).not.toMatch(/percentile|standing/);
  });

  it('after release: rank and NTA percentile with N, in the institute and the batch, and the class comparison', async () => {
    expect((await teacher.post(`/api/exams/${examId}/results/release`, {})).statusCode).toBe(200);
    const res = await analysisOf(1);
    expect(res.statusCode).toBe(200);
    const analysis = res.json<Analysis>();
    // Two of three at or below 8 marks: 66.6666667.
    expect(analysis.standing).toMatchObject({
      status: 'ranked',
      institute: { rank: 2, percentile: '66.6666667', count: 3 },
    });
    expect(analysis.standing!.batches.length).toBeGreaterThanOrEqual(1);
    expect(analysis.standing!.batches[0]).toMatchObject({ rank: 2, percentile: '66.6666667', count: 3 });
    expect(analysis.comparison!.overall).toMatchObject({ count: 3, average: 8, topper: 12 });
    expect(analysis.comparison!.overall.p90).not.toBeNull();
    expect(analysis.comparison!.subjects).toEqual([
      expect.objectContaining({ subject: 'Physics', count: 3, average: 8, topper: 12 }),
    ]);
    const top = (await analysisOf(0)).json<Analysis>();
    expect(top.standing!.institute).toMatchObject({ rank: 1, percentile: '100.0000000' });
  });

  it('a withheld result shows its status and no rank; the others move up', async () => {
    const withheld = await teacher.post(`/api/exams/${examId}/results/${attempts[0]}/status`, {
      status: 'withheld',
      reason: 'Under review',
    });
    expect(withheld.statusCode, withheld.body).toBe(200);
    const mine = (await analysisOf(0)).json<Analysis>();
    expect(mine.standing).toEqual({ status: 'withheld', institute: null, batches: [] });
    const next = (await analysisOf(1)).json<Analysis>();
    expect(next.standing!.institute).toMatchObject({ rank: 1, percentile: '100.0000000', count: 2 });
    expect(next.comparison!.overall).toMatchObject({ count: 2, topper: 8 });
  });
});
