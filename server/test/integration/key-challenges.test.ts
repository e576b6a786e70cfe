/**
 * The provisional answer key and its challenges (issue 11, as NTA runs them): no key reaches a
 * candidate before the teacher publishes it, and then no solution; candidates who sat challenge a
 * question's key inside the window, with a reason; a teacher accepts (the key is revised, every
 * attempt rescored, ranks move) or rejects, and the challengers hear of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_SETTLE_MS } from '../../src/modules/exams/result-release.js';
import { readSchedule } from '../support/exam-fixtures.js';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import { readResults, scheduleResultsExam, sitExam } from '../support/results-fixtures.js';
import { signIn, useTestApp, type TestClient } from '../support/test-app.js';

const ctx = useTestApp();
let school: InstituteFixture;
let examId: string;
let q: string[];
let s1: TestClient;
let s2: TestClient;
let s3: TestClient;
/** A candidate of the exam who never started it. */
let absent: TestClient;
const attempt: Record<string, string> = {};
const hour = 3_600_000;

type KeyQuestion = {
  number: number;
  questionId: string;
  question: Record<string, unknown>;
  response: unknown;
  keys: unknown[];
  dropped: string | null;
  isRevised: boolean;
  challenge: { id: string; status: string; reason: string; decisionReason: string | null } | null;
};
type CandidateKey = {
  published: boolean;
  challengesCloseAt: string | null;
  isWindowOpen: boolean;
  hasSat: boolean;
  questions: KeyQuestion[];
};
type Group = {
  questionId: string;
  questionNumber: number;
  pending: number;
  accepted: number;
  rejected: number;
  total: number;
  keys: unknown[];
  challenges: { id: string; reason: string; claimedAnswer: unknown; status: string }[];
};

const code = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;
async function readKey(client: TestClient): Promise<CandidateKey> {
  const res = await client.get(`/api/exams/${examId}/provisional-key`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ provisionalKey: CandidateKey }>().provisionalKey;
}
const challenge = (client: TestClient, body: Record<string, unknown>) =>
  client.post(`/api/exams/${examId}/challenges`, body);
const decide = (client: TestClient, questionId: string, body: Record<string, unknown>) =>
  client.post(`/api/exams/${examId}/challenges/questions/${questionId}/decision`, body);
async function groups(): Promise<Group[]> {
  const res = await school.teacher.get(`/api/exams/${examId}/challenges`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ questions: Group[] }>().questions;
}
async function standings() {
  const page = await readResults(school.teacher, examId);
  return Object.fromEntries(page.items.map((i) => [i.name, [i.total, i.rank]]));
}
async function notices(client: TestClient) {
  const res = await client.get('/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { kind: string; payload: Record<string, unknown> }[] }>().items;
}

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 4 });
  ({ examId, questionIds: q } = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id], 4));
  const [a, b, c, d] = school.students;
  // The key is 'b' for every question, +3/−1.
  attempt.s1 = await sitExam(ctx.app, a!, examId, { [q[0]!]: 'b', [q[1]!]: 'b' }); // 6
  attempt.s2 = await sitExam(ctx.app, b!, examId, { [q[0]!]: 'a', [q[1]!]: 'b', [q[2]!]: 'b' }); // 5
  attempt.s3 = await sitExam(ctx.app, c!, examId, { [q[0]!]: 'a' }); // −1
  const clients = await Promise.all([a, b, c, d].map((who) => signIn(ctx.app, who!)));
  [s1, s2, s3, absent] = clients as [TestClient, TestClient, TestClient, TestClient];
}, 120_000);

describe('the provisional answer key', () => {
  it('cannot be published while anyone may still answer, and shows candidates nothing', async () => {
    const early = await school.teacher.post(`/api/exams/${examId}/provisional-key`, {});
    expect([early.statusCode, code(early)]).toEqual([409, 'RESULTS_NOT_FINAL']);
    expect(early.json<{ possibleAt: string }>().possibleAt).toBeTruthy();
    const seen = await readKey(s1);
    expect(seen).toMatchObject({ published: false, isWindowOpen: false, questions: [] });
    const refused = await challenge(s1, { questionId: q[0], reason: 'The key is wrong' });
    expect([refused.statusCode, code(refused)]).toEqual([409, 'KEY_NOT_PROVISIONAL']);
  });

  it('before publication no candidate-facing route carries a key, even once answers are final', async () => {
    const { endsAt } = await readSchedule(school.teacher, examId);
    ctx.clock.set(Date.parse(endsAt) + ANSWERS_SETTLE_MS + 60_000);
    for (const path of [
      `/api/exams/${examId}/provisional-key`,
      `/api/exams/${examId}/challenges`,
      `/api/attempts/${attempt.s1}/analysis`,
      `/api/attempts/${attempt.s1}/result`,
      `/api/exams/${examId}/key-revisions`,
    ]) {
      const res = await s1.get(path);
      expect(res.statusCode, path).toBeLessThan(500);
      expect(res.body, path).not.toMatch(/"key"|"keys":\[\{|optionId"?:"b"|"solution"/);
    }
  });

  it('refuses a bad window, students and other institutes; publishes once', async () => {
    const cases: [TestClient, Record<string, unknown>, number, string][] = [
      [school.teacher, { challengesCloseAt: ctx.clock.isoIn(-hour) }, 400, 'CHALLENGE_WINDOW_INVALID'],
      [school.teacher, { challengesCloseAt: ctx.clock.isoIn(60_000) }, 400, 'CHALLENGE_WINDOW_INVALID'],
      [
        school.teacher,
        { challengesCloseAt: ctx.clock.isoIn(40 * 24 * hour) },
        400,
        'CHALLENGE_WINDOW_INVALID',
      ],
      [school.teacher, { challengesCloseAt: 'tomorrow' }, 400, 'VALIDATION_FAILED'],
      [school.teacher, { challengeWindowHours: 0 }, 400, 'VALIDATION_FAILED'],
      [
        school.teacher,
        { challengeWindowHours: 24, challengesCloseAt: ctx.clock.isoIn(hour) },
        400,
        'VALIDATION_FAILED',
      ],
      [s1, {}, 403, 'FORBIDDEN'],
    ];
    for (const [client, body, status, expected] of cases) {
      const res = await client.post(`/api/exams/${examId}/provisional-key`, body);
      expect([res.statusCode, code(res)], res.body).toEqual([status, expected]);
    }
    const elsewhere = await createInstituteFixture(ctx.app, { students: 1 });
    expect((await elsewhere.admin.post(`/api/exams/${examId}/provisional-key`, {})).statusCode).toBe(404);
    const stranger = await signIn(ctx.app, elsewhere.students[0]!);
    expect((await stranger.get(`/api/exams/${examId}/provisional-key`)).statusCode).toBe(404);
    expect((await readKey(s1)).published).toBe(false);
    const ready = await school.teacher.get(`/api/exams/${examId}/provisional-key`);
    expect(ready.json()).toMatchObject({ provisionalKey: { published: false, canPublish: true } });

    const closesAt = ctx.clock.isoIn(24 * hour);
    const published = await school.teacher.post(`/api/exams/${examId}/provisional-key`, {
      challengesCloseAt: closesAt,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      provisionalKey: { published: true, challengesCloseAt: closesAt, isWindowOpen: true },
    });
    const staff = await school.teacher.get(`/api/exams/${examId}/provisional-key`);
    expect(staff.json()).toMatchObject({ provisionalKey: { published: true, canPublish: false } });
    const again = await school.admin.post(`/api/exams/${examId}/provisional-key`, {
      challengeWindowHours: 48,
    });
    expect([again.statusCode, code(again)]).toEqual([409, 'PROVISIONAL_KEY_PUBLISHED']);
    // Notices are stored after the answer (an event listener): wait for them as a user would.
    await expect
      .poll(async () => (await notices(absent)).map((n) => n.kind))
      .toContain('key.provisionalPublished');
  });

  it('shows a candidate who sat their responses and the key, never a solution', async () => {
    const key = await readKey(s1);
    expect(key).toMatchObject({ published: true, isWindowOpen: true, hasSat: true });
    expect(key.questions).toHaveLength(4);
    const first = key.questions.find((x) => x.questionId === q[0])!;
    expect(first).toMatchObject({
      response: { type: 'mcq_single', optionIds: ['b'] },
      keys: [{ optionId: 'b' }],
      dropped: null,
      isRevised: false,
      challenge: null,
    });
    expect(first.question).not.toHaveProperty('key');
    expect(JSON.stringify(key)).not.toContain('solution');
    // A candidate who never sat sees that it is out, not the key.
    expect(await readKey(absent)).toMatchObject({ published: true, hasSat: false, questions: [] });
  });
});

describe('challenges', () => {
  it('need a reason, a question of the paper, a valid claimed answer and a submitted attempt', async () => {
    const cases: [TestClient, Record<string, unknown>, number, string][] = [
      [s2, { questionId: q[0], reason: '   ' }, 400, 'VALIDATION_FAILED'],
      [s2, { questionId: q[0], reason: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      [s2, { questionId: 'q1', reason: 'Wrong key' }, 400, 'VALIDATION_FAILED'],
      [s2, { questionId: q[0], reason: 'Wrong', claimedAnswer: { type: 'essay' } }, 400, 'VALIDATION_FAILED'],
      [s2, { questionId: crypto.randomUUID(), reason: 'Wrong key' }, 422, 'CHALLENGE_UNKNOWN_QUESTION'],
      [
        s2,
        { questionId: q[0], reason: 'Wrong', claimedAnswer: { type: 'mcq_single', optionIds: ['z'] } },
        422,
        'CHALLENGE_INVALID_ANSWER',
      ],
      [absent, { questionId: q[0], reason: 'Wrong key' }, 403, 'CHALLENGE_NOT_SAT'],
      [school.teacher, { questionId: q[0], reason: 'Wrong key' }, 403, 'FORBIDDEN'],
    ];
    for (const [client, body, status, expected] of cases) {
      const res = await challenge(client, body);
      expect([res.statusCode, code(res)], res.body).toEqual([status, expected]);
    }
    expect(await groups()).toEqual([]);
  });

  it('are taken in the window, one standing per candidate and question, and withdrawn by their owner only', async () => {
    const claimed = { type: 'mcq_single', optionIds: ['a'] };
    const made = await challenge(s2, {
      questionId: q[0],
      reason: 'Option (a) follows from the stem; see NCERT 5.3',
      claimedAnswer: claimed,
    });
    expect(made.statusCode, made.body).toBe(201);
    const mine = made.json<{ challenge: { id: string; status: string } }>().challenge;
    expect(mine.status).toBe('pending');
    const twice = await challenge(s2, { questionId: q[0], reason: 'Again' });
    expect([twice.statusCode, code(twice)]).toEqual([409, 'CHALLENGE_EXISTS']);

    // Another candidate neither sees nor withdraws it.
    const theirs = await s1.get(`/api/exams/${examId}/challenges`);
    expect(theirs.json()).toEqual({ challenges: [] });
    expect(theirs.body).not.toContain('NCERT');
    const stolen = await s1.post(`/api/exams/${examId}/challenges/${mine.id}/withdraw`, {});
    expect(stolen.statusCode).toBe(404);
    expect((await groups())[0]).toMatchObject({ questionId: q[0], pending: 1 });

    // The owner withdraws it and may challenge again.
    const withdrawn = await s2.post(`/api/exams/${examId}/challenges/${mine.id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ challenge: { status: 'withdrawn' } });
    const twiceWithdrawn = await s2.post(`/api/exams/${examId}/challenges/${mine.id}/withdraw`, {});
    expect([twiceWithdrawn.statusCode, code(twiceWithdrawn)]).toEqual([409, 'CHALLENGE_NOT_PENDING']);
    expect(await groups()).toEqual([]);

    for (const [client, questionId, reason] of [
      [s2, q[0], 'Option (a) follows from the stem; see NCERT 5.3'],
      [s3, q[0], 'The printed key contradicts the figure'],
      [s1, q[3], 'Two options are equally right'],
      [s3, q[3], 'The stem is ambiguous'],
    ] as const) {
      const res = await challenge(client, { questionId, reason, claimedAnswer: claimed });
      expect(res.statusCode, res.body).toBe(201);
    }
    const grouped = await groups();
    expect(grouped.map((g) => [g.questionNumber, g.pending, g.total])).toEqual([
      [1, 2, 2],
      [4, 2, 2],
    ]);
    expect(grouped[0]!.challenges.map((c) => c.reason)).toEqual([
      'Option (a) follows from the stem; see NCERT 5.3',
      'The printed key contradicts the figure',
    ]);
    expect(grouped[0]!.challenges[0]!.claimedAnswer).toEqual(claimed);
    const own = await readKey(s2);
    expect(own.questions.find((x) => x.questionId === q[0])!.challenge).toMatchObject({ status: 'pending' });
  });

  it('accepting changes the key for everyone: attempts rescored, ranks move, challengers told', async () => {
    expect(await standings()).toMatchObject({
      'Fixture Student 1': ['6', 1],
      'Fixture Student 2': ['5', 2],
      'Fixture Student 3': ['-1', 3],
    });
    const bad: [Record<string, unknown>, number, string][] = [
      [{ decision: 'accept', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ decision: 'maybe', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ decision: 'reject', reason: '' }, 400, 'VALIDATION_FAILED'],
      [
        { decision: 'accept', revision: { kind: 'change_key', key: { optionId: 'z' } }, reason: 'x' },
        422,
        'REVISION_INVALID_KEY',
      ],
    ];
    for (const [body, status, expected] of bad) {
      const res = await decide(school.teacher, q[0]!, body);
      expect([res.statusCode, code(res)], res.body).toEqual([status, expected]);
    }
    const byStudent = await decide(s2, q[0]!, { decision: 'reject', reason: 'No' });
    expect([byStudent.statusCode, code(byStudent)]).toEqual([403, 'FORBIDDEN']);
    const nothingPending = await decide(school.teacher, q[1]!, { decision: 'reject', reason: 'No' });
    expect([nothingPending.statusCode, code(nothingPending)]).toEqual([409, 'CHALLENGE_NONE_PENDING']);
    expect((await groups())[0]).toMatchObject({ pending: 2, keys: [{ optionId: 'b' }] });

    const accepted = await decide(school.teacher, q[0]!, {
      decision: 'accept',
      revision: { kind: 'change_key', key: { optionId: 'a' } },
      reason: 'The challenge is right: (a) follows from the stem',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      decision: 'accepted',
      decided: 2,
      revision: { kind: 'change_key' },
    });
    expect(await standings()).toMatchObject({
      'Fixture Student 2': ['9', 1],
      'Fixture Student 3': ['3', 2],
      'Fixture Student 1': ['2', 3],
    });
    const trail = (await school.teacher.get(`/api/exams/${examId}/key-revisions`)).json<{
      revisions: { reason: string }[];
    }>().revisions;
    expect(trail.map((r) => r.reason)).toEqual(['The challenge is right: (a) follows from the stem']);
    expect((await groups())[0]).toMatchObject({ pending: 0, accepted: 2, keys: [{ optionId: 'a' }] });
    const again = await decide(school.teacher, q[0]!, { decision: 'reject', reason: 'Changed my mind' });
    expect([again.statusCode, code(again)]).toEqual([409, 'CHALLENGE_NONE_PENDING']);

    const seen = (await readKey(s3)).questions.find((x) => x.questionId === q[0])!;
    expect(seen).toMatchObject({
      keys: [{ optionId: 'a' }],
      isRevised: true,
      challenge: { status: 'accepted', decisionReason: 'The challenge is right: (a) follows from the stem' },
    });
    for (const client of [s2, s3])
      await expect
        .poll(async () => (await notices(client)).find((n) => n.kind === 'key.challengeDecided')?.payload)
        .toMatchObject({ examId, decision: 'accepted' });
    expect((await notices(s1)).some((n) => n.kind === 'key.challengeDecided')).toBe(false);
  });

  it('rejecting changes nothing but the challenges, and the challengers are told', async () => {
    const before = await standings();
    const rejected = await decide(school.admin, q[3]!, {
      decision: 'reject',
      reason: 'The key is right: (b) is the only consistent option',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ decision: 'rejected', decided: 2, revision: null });
    expect(await standings()).toEqual(before);
    const trail = (await school.teacher.get(`/api/exams/${examId}/key-revisions`)).json<{
      revisions: unknown[];
    }>().revisions;
    expect(trail).toHaveLength(1);
    expect((await groups())[1]).toMatchObject({ rejected: 2, keys: [{ optionId: 'b' }] });
    expect((await readKey(s1)).questions.find((x) => x.questionId === q[3])!.challenge).toMatchObject({
      status: 'rejected',
      decisionReason: 'The key is right: (b) is the only consistent option',
    });
    await expect
      .poll(async () => (await notices(s1)).find((n) => n.kind === 'key.challengeDecided')?.payload)
      .toMatchObject({ decision: 'rejected' });
  });

  it('are refused once the window has closed, and cannot be withdrawn then', async () => {
    const made = await challenge(s1, { questionId: q[1], reason: 'Late thought' });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ challenge: { id: string } }>().challenge.id;
    ctx.clock.advance(24 * hour);
    expect((await readKey(s1)).isWindowOpen).toBe(false);
    const late = await challenge(s2, { questionId: q[2], reason: 'Too late' });
    expect([late.statusCode, code(late)]).toEqual([409, 'CHALLENGE_WINDOW_CLOSED']);
    const withdraw = await s1.post(`/api/exams/${examId}/challenges/${id}/withdraw`, {});
    expect([withdraw.statusCode, code(withdraw)]).toEqual([409, 'CHALLENGE_WINDOW_CLOSED']);
    // The teacher still decides what was made in time.
    const decided = await decide(school.teacher, q[1]!, {
      decision: 'accept',
      revision: { kind: 'drop', award: 'everyone' },
      reason: 'Out of syllabus',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await groups()).map((g) => g.questionNumber)).toEqual([1, 2, 4]);
  });
});
