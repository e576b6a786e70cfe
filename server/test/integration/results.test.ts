/**
 * An exam's results for its teachers: ranks and NTA percentiles in the institute and per batch,
 * the tie-break by wrong/right ratio, candidates who did not submit, withholding, scoping.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import { readResults, scheduleResultsExam, sitExam, type ResultItem } from '../support/results-fixtures.js';
import { signIn, useTestApp, type TestClient } from '../support/test-app.js';

const ctx = useTestApp();
let school: InstituteFixture;
let examId: string;
let q: string[];
let batchB: string;
let teacherB: TestClient;
let teacherC: TestClient;
const attempt: Record<string, string> = {};

async function addBatchWithTeacher(tag: string) {
  const batch = await school.admin.post('/api/batches', { name: `Batch ${tag}`, code: `RES-${tag}` });
  const batchId = batch.json<{ batch: { id: string } }>().batch.id;
  const email = `teacher.${tag.toLowerCase()}@${school.slug}.example`;
  const created = await school.admin.post('/api/users', {
    name: `Teacher ${tag}`,
    email,
    role: 'teacher',
    batchIds: [batchId],
  });
  const password = created.json<{ temporaryPassword: string }>().temporaryPassword;
  return { batchId, teacher: await signIn(ctx.app, { email, password }) };
}

const byName = (items: ResultItem[]) => Object.fromEntries(items.map((i) => [i.name, i]));

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 6 });
  const b = await addBatchWithTeacher('B');
  batchB = b.batchId;
  teacherB = b.teacher;
  teacherC = (await addBatchWithTeacher('C')).teacher;
  const created = await school.admin.post('/api/users', {
    name: 'Batch B Student',
    email: `bstudent@${school.slug}.example`,
    role: 'student',
    batchIds: [batchB],
  });
  const bStudent = {
    email: `bstudent@${school.slug}.example`,
    password: created.json<{ temporaryPassword: string }>().temporaryPassword,
  };
  ({ examId, questionIds: q } = await scheduleResultsExam(
    ctx.clock,
    school.admin,
    [school.batch.id, batchB],
    8,
  ));
  const right = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'b']));
  const wrong = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'a']));
  const [s1, s2, s3, , s5] = school.students;
  attempt.s1 = await sitExam(ctx.app, s1!, examId, right(q[0]!, q[1]!, q[2]!)); // 9, no wrong
  attempt.s2 = await sitExam(ctx.app, s2!, examId, {
    ...right(q[0]!, q[1]!, q[2]!, q[3]!),
    ...wrong(q[4]!, q[5]!, q[6]!),
  }); // 9, 3 wrong
  attempt.s3 = await sitExam(ctx.app, s3!, examId, right(q[4]!, q[5]!, q[6]!)); // 9, no wrong
  attempt.s5 = await sitExam(ctx.app, s5!, examId, right(q[0]!), false); // in progress
  attempt.b = await sitExam(ctx.app, bStudent, examId, { ...right(q[0]!, q[1]!), ...wrong(q[2]!) }); // 5
}, 120_000);

describe('the results page', () => {
  it('ranks by total then wrong/right ratio, shares ranks on full ties, NTA percentiles to 7 decimals', async () => {
    const page = await readResults(school.teacher, examId);
    expect(page.sections.map((s) => s.name)).toEqual(['Part A (objective)', 'Part B']);
    const rows = byName(page.items);
    expect(rows['Fixture Student 1']).toMatchObject({
      total: '9',
      rank: 1,
      percentile: '100.0000000',
      resultStatus: 'ranked',
    });
    expect(rows['Fixture Student 3']).toMatchObject({ total: '9', rank: 1, percentile: '100.0000000' });
    expect(rows['Fixture Student 2']).toMatchObject({ total: '9', rank: 3, percentile: '100.0000000' });
    expect(rows['Batch B Student']).toMatchObject({ total: '5', rank: 4, percentile: '25.0000000' });
    expect(rows['Fixture Student 1']!.sections.map((s) => [s.name, s.marks])).toEqual([
      ['Part A (objective)', '9'],
      ['Part B', '0'],
    ]);
    expect(rows['Fixture Student 1']!.submitReason).toBe('candidate');
    // Who did not submit is listed, without a rank.
    expect(rows['Fixture Student 5']).toMatchObject({
      attemptStatus: 'in_progress',
      rank: null,
      resultStatus: null,
    });
    expect(rows['Fixture Student 4']).toMatchObject({
      attemptStatus: 'not_started',
      rank: null,
      total: null,
    });
    expect(page.rankedCount).toBe(4);
    expect(page.items.slice(0, 4).map((i) => i.rank)).toEqual([1, 1, 3, 4]);
  });

  it('computes again when another attempt is submitted since', async () => {
    attempt.s4 = await sitExam(ctx.app, school.students[3]!, examId, { [q[0]!]: 'b' }); // 3
    const page = await readResults(school.teacher, examId);
    expect(byName(page.items)['Fixture Student 4']).toMatchObject({
      total: '3',
      rank: 5,
      percentile: '20.0000000',
    });
    expect(page.rankedCount).toBe(5);
  });

  it('ranks within a batch when filtered by it, and searches, sorts and pages', async () => {
    const inB = await readResults(teacherB, examId, `?batchId=${batchB}`);
    expect(inB.items.map((i) => [i.name, i.rank, i.batchRank, i.batchPercentile])).toEqual([
      ['Batch B Student', 4, 1, '100.0000000'],
    ]);
    const searched = await readResults(school.teacher, examId, '?search=student%202');
    expect(searched.items.map((i) => i.name)).toEqual(['Fixture Student 2']);
    const byEmail = await readResults(school.teacher, examId, `?search=${encodeURIComponent('bstudent@')}`);
    expect(byEmail.items.map((i) => i.name)).toEqual(['Batch B Student']);
    const named = await readResults(school.teacher, examId, '?sort=name&pageSize=3&page=2');
    expect(named.total).toBe(7);
    expect(named.items.map((i) => i.name)).toEqual([
      'Fixture Student 3',
      'Fixture Student 4',
      'Fixture Student 5',
    ]);
    const scored = await readResults(school.teacher, examId, '?sort=score&order=asc&pageSize=2');
    expect(scored.items.map((i) => i.total)).toEqual(['3', '5']);
    expect((await readResults(school.teacher, examId, '?search=%25')).items).toEqual([]);
  });

  it('withholding takes a result out of ranks and N; restoring puts it back', async () => {
    const withheld = await school.teacher.post(`/api/exams/${examId}/results/${attempt.s1}/status`, {
      status: 'withheld',
      reason: 'Under review: two devices',
    });
    expect(withheld.statusCode, withheld.body).toBe(200);
    expect(withheld.json<{ result: ResultItem }>().result).toMatchObject({
      resultStatus: 'withheld',
      rank: null,
    });
    const rows = byName((await readResults(school.teacher, examId)).items);
    expect(rows['Fixture Student 3']).toMatchObject({ rank: 1, percentile: '100.0000000' });
    expect(rows['Fixture Student 2']).toMatchObject({ rank: 2 });
    expect(rows['Batch B Student']).toMatchObject({ rank: 3, percentile: '50.0000000' });
    expect(rows['Fixture Student 1']).toMatchObject({
      rank: null,
      percentile: null,
      resultStatus: 'withheld',
    });
    const standing = await ctx.app.results.getStanding(examId, rows['Fixture Student 2']!.userId);
    expect(standing).toMatchObject({ status: 'ranked', institute: { rank: 2, count: 4 } });
    expect(standing?.batches).toEqual([
      { batchId: school.batch.id, rank: 2, percentile: '100.0000000', count: 3 },
    ]);
    // A recomputation (a job, a key revision) keeps the teacher's decision.
    await ctx.app.results.computeExamResults(examId);
    expect(byName((await readResults(school.teacher, examId)).items)['Fixture Student 1']!.resultStatus).toBe(
      'withheld',
    );
    const restored = await school.teacher.post(`/api/exams/${examId}/results/${attempt.s1}/status`, {
      status: 'ranked',
      reason: 'Cleared',
    });
    expect(restored.json<{ result: ResultItem }>().result).toMatchObject({ resultStatus: 'ranked', rank: 1 });
  });

  it('recomputing gives the same ranks and percentiles', async () => {
    const before = (await readResults(school.teacher, examId)).items;
    await ctx.app.results.computeExamResults(examId);
    await ctx.app.results.computeExamResults(examId);
    expect((await readResults(school.teacher, examId)).items).toEqual(before);
  });

  it('gives statistics per subject and overall from the ranked results', async () => {
    const stats = await ctx.app.results.getExamStatistics(examId);
    // Ranked totals 9, 9, 9, 5, 3: p90 interpolates between the 4th and 5th values in order.
    expect(stats.overall).toEqual({ count: 5, average: 7, topper: 9, p90: 9 });
    expect(stats.subjects).toEqual([{ subject: 'Physics', count: 5, average: 7, topper: 9, p90: 9 }]);
  });
});

describe('who may read and change results', () => {
  it('a teacher of a batch the exam is not for gets 404; a student 403', async () => {
    expect((await teacherC.get(`/api/exams/${examId}/results`)).statusCode).toBe(404);
    const status = await teacherC.post(`/api/exams/${examId}/results/${attempt.s2}/status`, {
      status: 'disqualified',
      reason: 'x',
    });
    expect(status.statusCode).toBe(404);
    const student = await signIn(ctx.app, school.students[0]!);
    expect((await student.get(`/api/exams/${examId}/results`)).statusCode).toBe(403);
    const own = await student.post(`/api/exams/${examId}/results/${attempt.s1}/status`, {
      status: 'withheld',
      reason: 'x',
    });
    expect(own.statusCode).toBe(403);
    expect(byName((await readResults(school.teacher, examId)).items)['Fixture Student 2']!.resultStatus).toBe(
      'ranked',
    );
  });

  it('refuses bad input with stable codes and changes nothing', async () => {
    const url = `/api/exams/${examId}/results`;
    for (const query of [
      '?sort=grade',
      '?page=0',
      '?pageSize=1000',
      '?batchId=nope',
      `?search=${'x'.repeat(101)}`,
    ])
      expect((await school.teacher.get(url + query)).json<{ error: { code: string } }>().error.code).toBe(
        'VALIDATION_FAILED',
      );
    const post = (attemptId: string, body: unknown) =>
      school.teacher.post(`${url}/${attemptId}/status`, body);
    expect((await post(attempt.s2!, { status: 'gone', reason: 'x' })).statusCode).toBe(400);
    expect((await post(attempt.s2!, { status: 'withheld', reason: '   ' })).statusCode).toBe(400);
    expect(
      (await post(attempt.s5!, { status: 'withheld', reason: 'x' })).json<{ error: { code: string } }>().error
        .code,
    ).toBe('RESULT_NOT_SUBMITTED');
    expect(
      (await post('00000000-0000-4000-8000-000000000000', { status: 'withheld', reason: 'x' })).statusCode,
    ).toBe(404);
    const rows = byName((await readResults(school.teacher, examId)).items);
    expect(rows['Fixture Student 2']).toMatchObject({ resultStatus: 'ranked', rank: 3 });
  });
});
