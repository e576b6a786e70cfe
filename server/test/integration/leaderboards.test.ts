/**
 * Leaderboards (issue 11) as students and staff read them: per exam in rank order, per batch and
 * for the institute by average NTA percentile over a period; only released results; the caller's
 * own row even outside the top N; names masked for students under the institute's setting; a
 * batch or exam the caller may not see is a 404. The same file runs on PostgreSQL + Redis (the
 * sorted-set store) and on PGlite (the SQL store): both must answer alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_SETTLE_MS } from '../../src/modules/exams/result-release.js';
import { readSchedule } from '../support/exam-fixtures.js';
import {
  createInstituteFixture,
  type FixtureUser,
  type InstituteFixture,
} from '../support/institute-fixture.js';
import { scheduleResultsExam, sitExam } from '../support/results-fixtures.js';
import { signIn, useTestApp, type TestClient } from '../support/test-app.js';

type Row = { position: number; name: string | null; isMe: boolean; percentile: string; exams: number };
type Board = { names: string; count: number; top: Row[]; me: Row | null; board: Record<string, unknown> };

const ctx = useTestApp();
let school: InstituteFixture;
let other: InstituteFixture;
let batchB: string;
let zoya: FixtureUser;
let zaid: FixtureUser;
const exam: Record<'one' | 'two' | 'unreleased', string> = { one: '', two: '', unreleased: '' };
const as: Record<string, TestClient> = {};

/** Reads a board twice: the second read is the kept board when a store keeps one; both must agree. */
async function readBoard(client: TestClient, path: string): Promise<Board> {
  const first = await client.get(path);
  expect(first.statusCode, first.body).toBe(200);
  const again = await client.get(path);
  expect(again.json()).toEqual(first.json());
  return first.json<Board>();
}

const rowsOf = (board: Board) => board.top.map((r) => [r.position, r.name, r.percentile, r.exams]);

async function release(examId: string) {
  const { endsAt } = await readSchedule(school.admin, examId);
  ctx.clock.set(Math.max(ctx.clock.now(), Date.parse(endsAt) + ANSWERS_SETTLE_MS + 60_000));
  // Answers are final: the results job computes them (the release computes again in the background).
  await ctx.app.jobs.tick();
  const res = await school.admin.post(`/api/exams/${examId}/results/release`, {});
  expect(res.statusCode, res.body).toBe(200);
}

async function addStudent(name: string, email: string, batchIds: string[]): Promise<FixtureUser> {
  const res = await school.admin.post('/api/users', { name, email, role: 'student', batchIds });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ user: { id: string }; temporaryPassword: string }>();
  return { id: body.user.id, email, password: body.temporaryPassword };
}

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 4 });
  other = await createInstituteFixture(ctx.app, { students: 1 });
  const created = await school.admin.post('/api/batches', { name: 'Batch B', code: `LB-${school.slug}` });
  batchB = created.json<{ batch: { id: string } }>().batch.id;
  zoya = await addStudent('Zoya Khan', `zoya@${school.slug}.example`, [batchB]);
  zaid = await addStudent('Zaid Ali', `zaid@${school.slug}.example`, [batchB]);
  const [s1, s2, s3, s4] = school.students;
  const right = (q: string[], n: number) => Object.fromEntries(q.slice(0, n).map((id) => [id, 'b']));

  // Exam one (both batches, +3 each): 12, 9, 6, 3 and Zoya 9; Zaid does not sit.
  const one = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id, batchB], 4);
  exam.one = one.examId;
  for (const [who, n] of [
    [s1!, 4],
    [s2!, 3],
    [s3!, 2],
    [s4!, 1],
    [zoya, 3],
  ] as const)
    await sitExam(ctx.app, who, exam.one, right(one.questionIds, n));
  await release(exam.one);

  // Exam two (batch A): s2 12, s3 6, s1 3; s4 does not sit.
  const two = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id], 4);
  exam.two = two.examId;
  for (const [who, n] of [
    [s2!, 4],
    [s3!, 2],
    [s1!, 1],
  ] as const)
    await sitExam(ctx.app, who, exam.two, right(two.questionIds, n));
  await release(exam.two);

  // An exam whose results are not out: s4 tops it, and nothing of it may show.
  const hidden = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id], 4);
  exam.unreleased = hidden.examId;
  await sitExam(ctx.app, s4!, exam.unreleased, right(hidden.questionIds, 4));
  await sitExam(ctx.app, s1!, exam.unreleased, {});
  await ctx.app.results.computeExamResults(exam.unreleased);

  for (const [key, who] of [
    ['s1', s1!],
    ['s2', s2!],
    ['s4', s4!],
    ['zoya', zoya],
    ['zaid', zaid],
    ['otherStudent', other.students[0]!],
  ] as const)
    as[key] = await signIn(ctx.app, who);
}, 180_000);

describe('the boards', () => {
  it('an exam board lists its ranked results in rank order, ties sharing a position and ordered by name', async () => {
    const board = await readBoard(school.teacher, `/api/leaderboards/exams/${exam.one}`);
    expect(board.board).toMatchObject({ kind: 'exam', examId: exam.one, title: 'Results mock' });
    expect(board.count).toBe(5);
    expect(rowsOf(board)).toEqual([
      [1, 'Fixture Student 1', '100.0000000', 1],
      [2, 'Fixture Student 2', '80.0000000', 1],
      [2, 'Zoya Khan', '80.0000000', 1],
      [4, 'Fixture Student 3', '40.0000000', 1],
      [5, 'Fixture Student 4', '20.0000000', 1],
    ]);
    expect(board.me).toBeNull();
  });

  it('the institute board averages the released percentiles of the period, the unreleased exam not at all', async () => {
    const board = await readBoard(as.s2!, '/api/leaderboards/institute?period=30d');
    expect(board.board).toEqual({ kind: 'institute', period: '30d' });
    expect(rowsOf(board)).toEqual([
      [1, 'Fixture Student 2', '90.0000000', 2],
      [2, 'Zoya Khan', '80.0000000', 1],
      [3, 'Fixture Student 1', '66.6666667', 2],
      [4, 'Fixture Student 3', '53.3333334', 2],
      [5, 'Fixture Student 4', '20.0000000', 1],
    ]);
    expect(board.top[0]!.isMe).toBe(true);
    expect(board.me).toEqual(board.top[0]);
  });

  it('gives the caller’s own position below the top N', async () => {
    const board = await readBoard(as.s4!, '/api/leaderboards/institute?period=all&top=2');
    expect(board.count).toBe(5);
    expect(board.top.map((r) => r.name)).toEqual(['Fixture Student 2', 'Zoya Khan']);
    expect(board.me).toEqual({
      position: 5,
      name: 'Fixture Student 4',
      isMe: true,
      percentile: '20.0000000',
      exams: 1,
    });
    const withinTop = await readBoard(as.s2!, '/api/leaderboards/institute?period=all&top=2');
    expect(withinTop.me).toMatchObject({ position: 1, isMe: true });
  });

  it('a batch board ranks the batch’s results; a member who sat nothing is not on it', async () => {
    const board = await readBoard(as.zaid!, `/api/leaderboards/batches/${batchB}?period=90d`);
    expect(board.board).toMatchObject({ kind: 'batch', batchId: batchB, title: 'Batch B' });
    expect(rowsOf(board)).toEqual([[1, 'Zoya Khan', '80.0000000', 1]]);
    expect(board.me).toBeNull();
    const a = await readBoard(school.admin, `/api/leaderboards/batches/${school.batch.id}?period=all`);
    expect(a.top.map((r) => r.name)).toEqual([
      'Fixture Student 2',
      'Fixture Student 1',
      'Fixture Student 3',
      'Fixture Student 4',
    ]);
  });

  it('an unreleased exam has no board and is not listed; released ones are, for their candidates', async () => {
    const refused = await school.teacher.get(`/api/leaderboards/exams/${exam.unreleased}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('RESULT_NOT_RELEASED');
    expect(refused.body).not.toContain('Fixture Student');
    expect((await as.s4!.get(`/api/leaderboards/exams/${exam.unreleased}`)).statusCode).toBe(403);
    const listed = await as.s4!.get('/api/leaderboards/exams');
    expect(listed.json<{ items: { examId: string }[] }>().items.map((i) => i.examId)).toEqual([
      exam.two,
      exam.one,
    ]);
    const zoyaList = await as.zoya!.get('/api/leaderboards/exams');
    expect(zoyaList.json<{ items: { examId: string }[] }>().items.map((i) => i.examId)).toEqual([exam.one]);
    const staffList = await school.admin.get('/api/leaderboards/exams');
    expect(staffList.json<{ items: { examId: string }[] }>().items.map((i) => i.examId)).toEqual([
      exam.two,
      exam.one,
    ]);
    // A candidate who did not sit sees the board without a row of their own.
    const zaidBoard = await readBoard(as.zaid!, `/api/leaderboards/exams/${exam.one}`);
    expect(zaidBoard.count).toBe(5);
    expect(zaidBoard.me).toBeNull();
  });

  it('a withheld result leaves every board at once; restored, it is back', async () => {
    const results = await school.teacher.get(`/api/exams/${exam.two}/results?sort=name`);
    const s2Attempt = results
      .json<{ items: { attemptId: string; name: string }[] }>()
      .items.find((i) => i.name === 'Fixture Student 2')!.attemptId;
    const withheld = await school.teacher.post(`/api/exams/${exam.two}/results/${s2Attempt}/status`, {
      status: 'withheld',
      reason: 'Under review',
    });
    expect(withheld.statusCode, withheld.body).toBe(200);
    const board = await readBoard(as.s1!, '/api/leaderboards/institute?period=all');
    expect(rowsOf(board)).toEqual([
      [1, 'Fixture Student 2', '80.0000000', 1],
      [1, 'Zoya Khan', '80.0000000', 1],
      [3, 'Fixture Student 1', '75.0000000', 2],
      [4, 'Fixture Student 3', '70.0000000', 2],
      [5, 'Fixture Student 4', '20.0000000', 1],
    ]);
    const examBoard = await readBoard(as.s1!, `/api/leaderboards/exams/${exam.two}`);
    expect(examBoard.top.map((r) => r.name)).toEqual(['Fixture Student 3', 'Fixture Student 1']);
    await school.teacher.post(`/api/exams/${exam.two}/results/${s2Attempt}/status`, {
      status: 'ranked',
      reason: 'Cleared',
    });
    const restored = await readBoard(as.s1!, '/api/leaderboards/institute?period=all');
    expect(restored.top[0]).toMatchObject({ name: 'Fixture Student 2', percentile: '90.0000000' });
  });
});

describe('leaderboards respect privacy', () => {
  it('full names by default; initials or hidden for students, their own row always named, staff always names', async () => {
    const full = await readBoard(as.s4!, '/api/leaderboards/institute?period=all');
    expect(full.names).toBe('full');
    expect(full.top.map((r) => r.name)).toContain('Zoya Khan');

    const initials = await school.admin.patch('/api/institute/settings', { leaderboardNames: 'initials' });
    expect(initials.statusCode, initials.body).toBe(200);
    expect(initials.json()).toMatchObject({ institute: { settings: { leaderboardNames: 'initials' } } });
    const masked = await readBoard(as.s4!, '/api/leaderboards/institute?period=all');
    expect(masked.names).toBe('initials');
    expect(masked.top.map((r) => r.name)).toEqual([
      'F. S. 2.',
      'Z. K.',
      'F. S. 1.',
      'F. S. 3.',
      'Fixture Student 4',
    ]);
    expect(masked.me).toMatchObject({ name: 'Fixture Student 4', isMe: true });

    expect(
      (await school.admin.patch('/api/institute/settings', { leaderboardNames: 'hidden' })).statusCode,
    ).toBe(200);
    const hidden = await readBoard(as.zoya!, `/api/leaderboards/exams/${exam.one}`);
    expect(hidden.top.map((r) => r.name)).toEqual([null, null, 'Zoya Khan', null, null]);
    const body = JSON.stringify(hidden);
    for (const name of ['Fixture Student', school.students[0]!.id, school.students[1]!.id])
      expect(body).not.toContain(name);

    for (const staff of [school.admin, school.teacher]) {
      const seen = await readBoard(staff, `/api/leaderboards/exams/${exam.one}`);
      expect(seen.names).toBe('full');
      expect(seen.top.map((r) => r.name)).toContain('Fixture Student 1');
    }
    expect((await school.admin.get('/api/institute')).json()).toMatchObject({
      institute: { settings: { leaderboardNames: 'hidden' } },
    });
  });

  it('only the admin changes the setting, and only to a known value', async () => {
    expect(
      (await school.teacher.patch('/api/institute/settings', { leaderboardNames: 'full' })).statusCode,
    ).toBe(403);
    expect((await as.s1!.patch('/api/institute/settings', { leaderboardNames: 'full' })).statusCode).toBe(
      403,
    );
    const bad = await school.admin.patch('/api/institute/settings', { leaderboardNames: 'nicknames' });
    expect(bad.statusCode).toBe(400);
    expect((await school.admin.get('/api/institute')).json()).toMatchObject({
      institute: { settings: { leaderboardNames: 'hidden' } },
    });
    // Another institute's setting is its own.
    expect((await other.admin.get('/api/institute')).json()).toMatchObject({
      institute: { settings: { leaderboardNames: 'full' } },
    });
    await school.admin.patch('/api/institute/settings', { leaderboardNames: 'full' });
  });
});

describe('who sees which board', () => {
  it('another institute’s exam and batch are 404, and its own board holds none of ours', async () => {
    for (const client of [other.admin, other.teacher, as.otherStudent!]) {
      for (const path of [
        `/api/leaderboards/exams/${exam.one}`,
        `/api/leaderboards/batches/${batchB}`,
        `/api/leaderboards/batches/${school.batch.id}?period=all`,
      ]) {
        const res = await client.get(path);
        expect(res.statusCode, path).toBe(404);
        expect(res.body).not.toContain('Fixture Student');
      }
      const own = await readBoard(client, '/api/leaderboards/institute?period=all');
      expect(own.count).toBe(0);
      const list = await client.get('/api/leaderboards/exams');
      expect(list.json()).toEqual({ items: [] });
    }
  });

  it('a student sees batch boards of their own batches only and exam boards only of exams they were a candidate of', async () => {
    expect((await as.s1!.get(`/api/leaderboards/batches/${batchB}`)).statusCode).toBe(404);
    expect((await as.zoya!.get(`/api/leaderboards/batches/${school.batch.id}`)).statusCode).toBe(404);
    expect((await as.zoya!.get(`/api/leaderboards/exams/${exam.two}`)).statusCode).toBe(404);
    expect((await as.zoya!.get(`/api/leaderboards/batches/${batchB}`)).statusCode).toBe(200);
  });

  it('refuses bad input with 400 and no board', async () => {
    for (const path of [
      '/api/leaderboards/institute?period=7d',
      '/api/leaderboards/institute?top=0',
      '/api/leaderboards/institute?top=101',
      '/api/leaderboards/institute?top=ten',
      '/api/leaderboards/batches/not-a-uuid',
      `/api/leaderboards/exams/${exam.one}?top=-1`,
    ]) {
      const res = await as.s1!.get(path);
      expect(res.statusCode, path).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('periods', () => {
  it('a mock leaves the 30-day board thirty days after it was sat and stays on the all-time board', async () => {
    ctx.clock.advance(31 * 86_400_000);
    // A month on, the session has lapsed: sign in again.
    as.s2 = await signIn(ctx.app, school.students[1]!);
    const month = await readBoard(as.s2, '/api/leaderboards/institute?period=30d');
    expect(month).toMatchObject({ count: 0, top: [], me: null });
    const quarter = await readBoard(as.s2, '/api/leaderboards/institute?period=90d');
    expect(quarter.count).toBe(5);
    expect((await readBoard(as.s2, '/api/leaderboards/institute?period=all')).me).toMatchObject({
      position: 1,
    });
  });
});
