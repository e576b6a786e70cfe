/**
 * A student's results summary (GET /api/me/results, the dashboard's history): before release
 * nothing of the score or the rank; after release the marks, rank, NTA percentile and N; only
 * the student's own attempts; practice tests with their score at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { settleExamNow, startPracticeOn } from '../support/exam-fixtures.js';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import { scheduleResultsExam, sitExam } from '../support/results-fixtures.js';
import { signIn, useTestApp } from '../support/test-app.js';

type MyResult = {
  attemptId: string;
  examId: string;
  title: string;
  kind: 'scheduled' | 'practice';
  submittedAt: string | null;
  released: boolean;
  releasesAt: string | null;
  total: string | null;
  maxTotal: string | null;
  resultStatus: string | null;
  rank: number | null;
  percentile: string | null;
  rankedCount: number | null;
};

const ctx = useTestApp();
let school: InstituteFixture;
let examId: string;
const attempt: Record<string, string> = {};

async function myResults(who: { email: string; password: string }): Promise<MyResult[]> {
  const res = await (await signIn(ctx.app, who)).get('/api/me/results');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: MyResult[] }>().items;
}

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 3 });
  let q: string[];
  ({ examId, questionIds: q } = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id], 4));
  const [s1, s2] = school.students;
  attempt.s1 = await sitExam(ctx.app, s1!, examId, { [q[0]!]: 'b', [q[1]!]: 'b' }); // 6
  attempt.s2 = await sitExam(ctx.app, s2!, examId, { [q[0]!]: 'b', [q[1]!]: 'a' }); // 2
}, 60_000);

describe('GET /api/me/results', () => {
  it('shows a submitted mock as awaiting release, with no score, rank or percentile', async () => {
    const items = await myResults(school.students[0]!);
    const mine = items.find((i) => i.examId === examId);
    expect(mine).toMatchObject({
      attemptId: attempt.s1,
      kind: 'scheduled',
      title: 'Results mock',
      released: false,
      releasesAt: null,
      total: null,
      maxTotal: null,
      rank: null,
      percentile: null,
      rankedCount: null,
    });
    expect(mine!.submittedAt).not.toBeNull();
  });

  it('gives the rank, percentile and N once the results are released', async () => {
    await settleExamNow(ctx.clock, school.admin, examId);
    const released = await school.admin.post(`/api/exams/${examId}/results/release`, {});
    expect(released.statusCode, released.body).toBe(200);

    const first = (await myResults(school.students[0]!)).find((i) => i.examId === examId);
    expect(first).toMatchObject({
      released: true,
      total: '6',
      maxTotal: '12',
      resultStatus: 'ranked',
      rank: 1,
      percentile: '100.0000000',
      rankedCount: 2,
    });
    const second = (await myResults(school.students[1]!)).find((i) => i.examId === examId);
    expect(second).toMatchObject({ attemptId: attempt.s2, total: '2', rank: 2, percentile: '50.0000000' });
  });

  it('lists only the student’s own attempts: a candidate who did not sit sees none', async () => {
    const items = await myResults(school.students[2]!);
    expect(items.map((i) => i.examId)).not.toContain(examId);
    const first = await myResults(school.students[0]!);
    expect(first.map((i) => i.attemptId)).not.toContain(attempt.s2);
  });

  it('refuses staff (a student reads only their own)', async () => {
    for (const client of [school.admin, school.teacher]) {
      const res = await client.get('/api/me/results');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(examId);
    }
  });

  it('lists a submitted practice test with its score at once', async () => {
    const topic = findTopic(await loadSyllabus(school.teacher), 'Chemistry', 2);
    for (let i = 0; i < 5; i++) await createQuestion(school.teacher, topic.topicId);
    const student = await signIn(ctx.app, school.students[2]!);
    const { attemptId } = await startPracticeOn(student, topic.chapterId, 'practice-device');
    expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    const item = (await myResults(school.students[2]!)).find((i) => i.attemptId === attemptId);
    expect(item).toMatchObject({ kind: 'practice', released: true, total: '0', rank: null });
    expect(item!.maxTotal).not.toBeNull();
  });
});
