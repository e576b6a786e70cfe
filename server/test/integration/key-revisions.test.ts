/**
 * Answer-key revisions after an exam (issue 11): only once answers are final, only by the exam's
 * staff; every submitted attempt is rescored and ranks move; the trail is appended to, never
 * overwritten; candidates see it after release only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { settleExamNow } from '../support/exam-fixtures.js';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import { readResults, scheduleResultsExam, sitExam } from '../support/results-fixtures.js';
import { signIn, useTestApp, type TestClient } from '../support/test-app.js';

const ctx = useTestApp();
let school: InstituteFixture;
let examId: string;
let q: string[];
let otherTeacher: TestClient;
let student: TestClient;
const attempt: Record<string, string> = {};

type Revision = {
  id: string;
  seq: number;
  questionId: string;
  questionNumber: number | null;
  kind: string;
  award: string | null;
  keys: unknown[] | null;
  reason: string;
};

const revise = (client: TestClient, body: Record<string, unknown>) =>
  client.post(`/api/exams/${examId}/key-revisions`, body);
const listRevisions = async (client: TestClient) => {
  const res = await client.get(`/api/exams/${examId}/key-revisions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ revisions: Revision[] }>().revisions;
};
async function standings() {
  const page = await readResults(school.teacher, examId);
  return Object.fromEntries(page.items.map((i) => [i.name, [i.total, i.rank]]));
}

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 4 });
  const batch = await school.admin.post('/api/batches', { name: 'Revision other', code: 'REV-OTHER' });
  const otherBatchId = batch.json<{ batch: { id: string } }>().batch.id;
  const email = `teacher.rev@${school.slug}.example`;
  const created = await school.admin.post('/api/users', {
    name: 'Other Teacher',
    email,
    role: 'teacher',
    batchIds: [otherBatchId],
  });
  otherTeacher = await signIn(ctx.app, {
    email,
    password: created.json<{ temporaryPassword: string }>().temporaryPassword,
  });
  ({ examId, questionIds: q } = await scheduleResultsExam(ctx.clock, school.admin, [school.batch.id], 4));
  const [s1, s2, s3] = school.students;
  // The key is 'b', +3/−1.
  attempt.s1 = await sitExam(ctx.app, s1!, examId, { [q[0]!]: 'b', [q[1]!]: 'b' }); // 6
  attempt.s2 = await sitExam(ctx.app, s2!, examId, { [q[0]!]: 'a', [q[1]!]: 'b', [q[2]!]: 'b' }); // 5
  attempt.s3 = await sitExam(ctx.app, s3!, examId, { [q[0]!]: 'a' }); // −1
  student = await signIn(ctx.app, s1!);
}, 120_000);

const changeKey = { kind: 'change_key', key: { optionId: 'a' }, reason: 'The published key was a typo' };

describe('answer-key revisions', () => {
  it('are refused while anyone may answer, to students, and outside the teacher’s scope', async () => {
    const early = await revise(school.teacher, { ...changeKey, questionId: q[0] });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'RESULTS_NOT_FINAL' } });
    expect(early.json<{ possibleAt: string }>().possibleAt).toBeTruthy();

    await settleExamNow(ctx.clock, school.teacher, examId);

    const byStudent = await revise(student, { ...changeKey, questionId: q[0] });
    expect(byStudent.statusCode).toBe(403);
    expect(byStudent.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await revise(otherTeacher, { ...changeKey, questionId: q[0] })).statusCode).toBe(404);
    expect((await otherTeacher.get(`/api/exams/${examId}/key-revisions`)).statusCode).toBe(404);
    const elsewhere = await createInstituteFixture(ctx.app, { students: 1 });
    expect((await revise(elsewhere.admin, { ...changeKey, questionId: q[0] })).statusCode).toBe(404);
    const stranger = await signIn(ctx.app, elsewhere.students[0]!);
    expect((await stranger.get(`/api/exams/${examId}/key-revisions`)).statusCode).toBe(404);
    expect(await listRevisions(school.teacher)).toEqual([]);
  });

  it('refuses bad input with a stable code and stores nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...changeKey, questionId: q[0], key: { optionId: 'z' } }, 422, 'REVISION_INVALID_KEY'],
      [{ ...changeKey, questionId: q[0], key: { optionIds: ['a'] } }, 422, 'REVISION_INVALID_KEY'],
      [{ ...changeKey, questionId: crypto.randomUUID() }, 422, 'REVISION_UNKNOWN_QUESTION'],
      [{ ...changeKey, questionId: q[0], reason: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'drop', questionId: q[0], award: 'nobody', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'accept_keys', questionId: q[0], keys: [], reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'rename', questionId: q[0], reason: 'x' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await revise(school.teacher, body);
      expect([res.statusCode, res.json<{ error: { code: string } }>().error.code], res.body).toEqual([
        status,
        code,
      ]);
    }
    expect(await listRevisions(school.teacher)).toEqual([]);
  });

  it('rescores every attempt and moves ranks; students see nothing before release', async () => {
    expect(await standings()).toMatchObject({
      'Fixture Student 1': ['6', 1],
      'Fixture Student 2': ['5', 2],
      'Fixture Student 3': ['-1', 3],
    });
    const changed = await revise(school.teacher, { ...changeKey, questionId: q[0] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ revision: Revision }>().revision).toMatchObject({
      seq: 1,
      questionId: q[0],
      questionNumber: 1,
      kind: 'change_key',
      keys: [{ optionId: 'a' }],
    });
    expect(await standings()).toMatchObject({
      'Fixture Student 2': ['9', 1],
      'Fixture Student 3': ['3', 2],
      'Fixture Student 1': ['2', 3],
    });
    const early = await student.get(`/api/exams/${examId}/key-revisions`);
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ error: { code: 'RESULT_NOT_RELEASED' } });
    expect(early.body).not.toContain('optionId');
  });

  it('keeps every revision of a question in order (an audit trail, not an overwrite)', async () => {
    const accepted = await revise(school.admin, {
      kind: 'accept_keys',
      questionId: q[0],
      keys: [{ optionId: 'a' }, { optionId: 'b' }],
      reason: 'Both readings of the stem are defensible',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const dropped = await revise(school.teacher, {
      kind: 'drop',
      questionId: q[1],
      award: 'everyone',
      reason: 'Out of syllabus',
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    const trail = await listRevisions(school.teacher);
    expect(trail.map((r) => [r.seq, r.questionNumber, r.kind, r.award])).toEqual([
      [1, 1, 'change_key', null],
      [2, 1, 'accept_keys', null],
      [3, 2, 'drop', 'everyone'],
    ]);
    expect(trail[0]!.reason).toBe('The published key was a typo');
    // q0 accepts a and b: +3 for everyone who answered it; q1 dropped: +3 for everyone.
    expect(await standings()).toMatchObject({
      'Fixture Student 2': ['9', 1],
      'Fixture Student 1': ['6', 2],
      'Fixture Student 3': ['6', 2],
    });
  });

  it('after release, shows the candidates what changed (with keys per the exam’s setting)', async () => {
    const released = await school.teacher.post(`/api/exams/${examId}/results/release`, {});
    expect(released.statusCode, released.body).toBe(200);
    const seen = await listRevisions(student);
    expect(seen.map((r) => [r.kind, r.questionNumber, r.reason])).toEqual([
      ['change_key', 1, 'The published key was a typo'],
      ['accept_keys', 1, 'Both readings of the stem are defensible'],
      ['drop', 2, 'Out of syllabus'],
    ]);
    expect(seen[0]!.keys).toEqual([{ optionId: 'a' }]);
    // The analysis shows the keys the marks were given against, not the published one.
    const analysis = await student.get(`/api/attempts/${attempt.s1}/analysis`);
    expect(analysis.statusCode, analysis.body).toBe(200);
    const shown = analysis.json<{ questions: { questionId: string; revisedKeys: unknown[] | null }[] }>();
    const revisedKeysOf = (id: string) => shown.questions.find((x) => x.questionId === id)?.revisedKeys;
    expect(revisedKeysOf(q[0]!)).toEqual([{ optionId: 'a' }, { optionId: 'b' }]);
    expect(revisedKeysOf(q[2]!)).toBeNull();
    const result = await student.get(`/api/attempts/${attempt.s1}/result`);
    expect(result.statusCode, result.body).toBe(200);
    expect(result.body).toContain('"6"');
  });
});
