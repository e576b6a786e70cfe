/**
 * What an answer-key revision did to each candidate (issue 11): their total and rank before and
 * after, their own only, nothing before release, a notice after it only to those it changed, and
 * after any sequence of revisions the stored "after" is the current result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_SETTLE_MS } from '../../src/modules/exams/result-release.js';
import { readSchedule } from '../support/exam-fixtures.js';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import {
  createSeededRandom,
  readResults,
  scheduleResultsExam,
  sitExam,
} from '../support/results-fixtures.js';
import { signIn, useTestApp, type TestClient } from '../support/test-app.js';

const ctx = useTestApp();
let school: InstituteFixture;
let examId: string;
let q: string[];
let students: TestClient[];
let absentee: TestClient;

type Change = {
  revisionId: string;
  seq: number;
  totalBefore: string | null;
  totalAfter: string;
  rankBefore: number | null;
  rankAfter: number | null;
};
type Notice = { kind: string; payload: { examId?: string; revisionSeq?: number } };

const revise = async (body: Record<string, unknown>) => {
  const res = await school.teacher.post(`/api/exams/${examId}/key-revisions`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ revision: { id: string; seq: number } }>().revision;
};
const changesOf = async (client: TestClient) => {
  const res = await client.get(`/api/exams/${examId}/my-result-changes`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ changes: Change[] }>().changes;
};
const revisedNotices = async (client: TestClient) =>
  (await client.get('/api/notifications'))
    .json<{ items: Notice[] }>()
    .items.filter((n) => n.kind === 'results.revised' && n.payload.examId === examId);
/** Each sitting candidate's current total and rank, by user id, as the teachers' page shows them. */
async function currentResults() {
  const page = await readResults(school.teacher, examId);
  return new Map(
    page.items.filter((i) => i.attemptStatus === 'submitted').map((i) => [i.userId, [i.total, i.rank]]),
  );
}
const userIdOf = async (client: TestClient) =>
  (await client.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 4 });
  ({ examId, questionIds: q } = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id], 4));
  const [s1, s2, s3, s4] = school.students;
  // The key is 'b', +3/−1.
  await sitExam(ctx.app, s1!, examId, { [q[0]!]: 'b', [q[1]!]: 'b' }); // 6, rank 1
  await sitExam(ctx.app, s2!, examId, { [q[0]!]: 'a', [q[1]!]: 'b', [q[2]!]: 'b' }); // 5, rank 2
  await sitExam(ctx.app, s3!, examId, { [q[0]!]: 'a' }); // −1, rank 3
  students = await Promise.all([s1!, s2!, s3!].map((s) => signIn(ctx.app, s)));
  absentee = await signIn(ctx.app, s4!);
  const { endsAt } = await readSchedule(school.teacher, examId);
  ctx.clock.set(Date.parse(endsAt) + ANSWERS_SETTLE_MS + 60_000);
}, 120_000);

describe('what a key revision changed for each candidate', () => {
  it('is kept before release but neither shown nor notified', async () => {
    const revision = await revise({
      kind: 'change_key',
      questionId: q[0],
      key: { optionId: 'a' },
      reason: 'Typo in the key',
    });
    expect(revision.seq).toBe(1);
    for (const student of students) {
      const early = await student.get(`/api/exams/${examId}/my-result-changes`);
      expect(early.statusCode).toBe(403);
      expect(early.json()).toMatchObject({ error: { code: 'RESULT_NOT_RELEASED' } });
      expect(early.body).not.toMatch(/total|rank/i);
      expect(await revisedNotices(student)).toEqual([]);
    }
  });

  it('after release shows each candidate their own before → after, and nobody else’s', async () => {
    const released = await school.teacher.post(`/api/exams/${examId}/results/release`, {});
    expect(released.statusCode, released.body).toBe(200);
    const [s1, s2, s3] = students;
    // Key a for q0: s1 6 → 2 (rank 1 → 3), s2 5 → 9 (2 → 1), s3 −1 → 3 (3 → 2).
    expect(await changesOf(s1!)).toMatchObject([
      { seq: 1, totalBefore: '6', totalAfter: '2', rankBefore: 1, rankAfter: 3 },
    ]);
    expect(await changesOf(s2!)).toMatchObject([
      { seq: 1, totalBefore: '5', totalAfter: '9', rankBefore: 2, rankAfter: 1 },
    ]);
    expect(await changesOf(s3!)).toMatchObject([
      { seq: 1, totalBefore: '-1', totalAfter: '3', rankBefore: 3, rankAfter: 2 },
    ]);
    // A revision made before release is not announced afterwards (the release notice covers it).
    expect(await revisedNotices(s1!)).toEqual([]);

    const notSat = await absentee.get(`/api/exams/${examId}/my-result-changes`);
    expect(notSat.statusCode).toBe(404);
    const elsewhere = await createInstituteFixture(ctx.app, { students: 1 });
    const stranger = await signIn(ctx.app, elsewhere.students[0]!);
    const foreign = await stranger.get(`/api/exams/${examId}/my-result-changes`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('total');
    expect((await school.teacher.get(`/api/exams/${examId}/my-result-changes`)).statusCode).toBe(403);
  });

  it('after release notifies only the candidates a revision changed', async () => {
    // Accepting 'a' too for q2: only s2 answered it, with 'b': nobody changes, nobody hears.
    await revise({
      kind: 'accept_keys',
      questionId: q[2],
      keys: [{ optionId: 'b' }, { optionId: 'a' }],
      reason: 'Both are right',
    });
    for (const student of students) {
      expect((await changesOf(student)).map((c) => c.seq)).toEqual([1]);
      expect(await revisedNotices(student)).toEqual([]);
    }
    expect(await revisedNotices(absentee)).toEqual([]);

    // Dropping q3 for everyone: +3 each, ranks stay; everyone who sat hears of it, the absentee does not.
    const dropped = await revise({ kind: 'drop', questionId: q[3], award: 'everyone', reason: 'Misprint' });
    const [s1] = students;
    expect((await changesOf(s1!)).at(-1)).toMatchObject({
      seq: dropped.seq,
      totalBefore: '2',
      totalAfter: '5',
      rankBefore: 3,
      rankAfter: 3,
    });
    // The notices are stored after the answer (the event's listener), so they are waited for.
    for (const student of students)
      await expect
        .poll(async () => (await revisedNotices(student)).map((n) => n.payload.revisionSeq))
        .toEqual([dropped.seq]);
    expect(await revisedNotices(absentee)).toEqual([]);
  });

  it('after any sequence of revisions, each candidate’s changes chain and end at the current result', async () => {
    const random = createSeededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
    const options = ['a', 'b', 'c', 'd'];
    const twoOptions = () => {
      const first = random(4);
      return [options[first], options[(first + 1 + random(3)) % 4]].map((optionId) => ({ optionId }));
    };
    const ids = await Promise.all(students.map(userIdOf));
    for (let round = 0; round < 6; round++) {
      const questionId = pick(q.slice(0, 3));
      const kind = pick(['change_key', 'accept_keys', 'drop'] as const);
      const body =
        kind === 'change_key'
          ? { kind, questionId, key: { optionId: pick(options) } }
          : kind === 'accept_keys'
            ? { kind, questionId, keys: twoOptions() }
            : { kind, questionId, award: pick(['everyone', 'attempted']) };
      await revise({ ...body, reason: `Round ${round}` });
      const current = await currentResults();
      for (const [i, student] of students.entries()) {
        const changes = await changesOf(student);
        for (let k = 1; k < changes.length; k++)
          expect([changes[k]!.totalBefore, changes[k]!.rankBefore]).toEqual([
            changes[k - 1]!.totalAfter,
            changes[k - 1]!.rankAfter,
          ]);
        const last = changes.at(-1)!;
        expect([last.totalAfter, last.rankAfter]).toEqual(current.get(ids[i]!));
      }
    }
  });

  it('shows a withheld result no marks', async () => {
    const page = await readResults(school.teacher, examId);
    const s3Id = await userIdOf(students[2]!);
    const row = page.items.find((i) => i.userId === s3Id)!;
    const withheld = await school.teacher.post(`/api/exams/${examId}/results/${row.attemptId}/status`, {
      status: 'withheld',
      reason: 'Under review',
    });
    expect(withheld.statusCode, withheld.body).toBe(200);
    const res = await students[2]!.get(`/api/exams/${examId}/my-result-changes`);
    expect(res.json()).toEqual({ changes: null });
  });
});
