import { expect } from 'vitest';
import { openExamNow } from '../../support/exam-fixtures.js';
import { readResults, sitExam } from '../../support/results-fixtures.js';
import { demo, signIn } from '../../support/test-app.js';
import type { TenancyCase, TenancyContext } from './cases.js';
import { scheduleExamOfA } from './exam-of-a.js';

/** Results: institute B neither reads institute A's results nor withholds one; A's stay as they were. */
export function resultsTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let setup: Promise<{ examId: string; attemptId: string; questionId: string }> | null = null;
  const ensureResultA = () =>
    (setup ??= (async () => {
      const { examId, questionId } = await scheduleExamOfA(context, 'Institute A results');
      await openExamNow(context.clock, context.adminA, examId);
      const attemptId = await sitExam(context.app, demo.student, examId, { [questionId]: 'b' });
      return { examId, attemptId, questionId };
    })());
  const unchanged = async (examId: string) => {
    const page = await readResults(context.adminA, examId);
    expect(page.items.map((i) => [i.rank, i.resultStatus])).toEqual([[1, 'ranked']]);
  };
  return {
    'GET /api/exams/:id/results': async (client) => {
      const { examId } = await ensureResultA();
      const res = await client.get(`/api/exams/${examId}/results`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(demo.student.email);
      await unchanged(examId);
    },
    // A student's own summary only: staff of another institute get 403 and nothing of A.
    'GET /api/me/results': async (client) => {
      const { examId } = await ensureResultA();
      const res = await client.get('/api/me/results');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(examId);
      const own = await (await signIn(context.app, demo.student)).get('/api/me/results');
      expect(own.statusCode).toBe(200);
      expect(own.json<{ items: { examId: string }[] }>().items.map((i) => i.examId)).toContain(examId);
    },
    // Students' own only: B's staff are refused and read nothing of A's candidate (the students'
    // own tenancy is in result-changes.test.ts).
    'GET /api/exams/:id/my-result-changes': async (client) => {
      const { examId } = await ensureResultA();
      const res = await client.get(`/api/exams/${examId}/my-result-changes`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('total');
    },
    'GET /api/exams/:id/key-revisions': async (client) => {
      const { examId } = await ensureResultA();
      expect((await client.get(`/api/exams/${examId}/key-revisions`)).statusCode).toBe(404);
    },
    'POST /api/exams/:id/key-revisions': async (client) => {
      const { examId, questionId } = await ensureResultA();
      const res = await client.post(`/api/exams/${examId}/key-revisions`, {
        kind: 'drop',
        questionId,
        award: 'everyone',
        reason: 'From another institute',
      });
      expect(res.statusCode).toBe(404);
      expect((await context.adminA.get(`/api/exams/${examId}/key-revisions`)).json()).toEqual({
        revisions: [],
      });
      await unchanged(examId);
    },
    'POST /api/exams/:id/results/:attemptId/status': async (client) => {
      const { examId, attemptId } = await ensureResultA();
      const res = await client.post(`/api/exams/${examId}/results/${attemptId}/status`, {
        status: 'disqualified',
        reason: 'From another institute',
      });
      expect(res.statusCode).toBe(404);
      await unchanged(examId);
    },
  };
}
