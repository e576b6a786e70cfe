import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { openExamNow, readAttemptRow } from '../../support/exam-fixtures.js';
import { sitExam } from '../../support/results-fixtures.js';
import { demo } from '../../support/test-app.js';
import type { TenancyCase, TenancyContext } from './cases.js';
import { scheduleExamOfA } from './exam-of-a.js';

/**
 * Proctoring: institute B's staff neither watch nor act on institute A's candidates, nor read their
 * review or evidence, nor set A's weights or decisions (404); the candidate's own routes are a
 * student's (403 for staff). A's attempt stays as it was.
 */
export function proctoringTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let setup: Promise<{ examId: string; attemptId: string }> | null = null;
  const ensureAttemptA = () =>
    (setup ??= (async () => {
      const { examId, questionId } = await scheduleExamOfA(context, 'Institute A proctored');
      await openExamNow(context.clock, context.adminA, examId);
      const attemptId = await sitExam(context.app, demo.student, examId, { [questionId]: 'b' }, false);
      return { examId, attemptId };
    })());
  const stillRunning = async (attemptId: string) =>
    expect(await readAttemptRow(context.app, attemptId)).toMatchObject({ status: 'in_progress' });
  const refusedAsStaff = (status: number) => expect([403, 404]).toContain(status);
  return {
    'GET /api/proctoring/exams': async (client) => {
      const { examId } = await ensureAttemptA();
      const res = await client.get('/api/proctoring/exams');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(examId);
    },
    'GET /api/proctoring/exams/:id/candidates': async (client) => {
      const { examId } = await ensureAttemptA();
      const res = await client.get(`/api/proctoring/exams/${examId}/candidates`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(demo.student.email);
    },
    'POST /api/proctoring/attempts/:id/actions': async (client) => {
      const { attemptId } = await ensureAttemptA();
      const res = await client.post(`/api/proctoring/attempts/${attemptId}/actions`, {
        kind: 'pause',
        reason: 'B',
      });
      expect(res.statusCode).toBe(404);
      await stillRunning(attemptId);
    },
    'GET /api/proctoring/attempts/:id/review': async (client) => {
      const { attemptId } = await ensureAttemptA();
      expect((await client.get(`/api/proctoring/attempts/${attemptId}/review`)).statusCode).toBe(404);
    },
    'GET /api/proctoring/evidence/:id/content': async (client) => {
      expect((await client.get(`/api/proctoring/evidence/${randomUUID()}/content`)).statusCode).toBe(404);
    },
    'PUT /api/proctoring/exams/:id/weights': async (client) => {
      const { examId } = await ensureAttemptA();
      const res = await client.put(`/api/proctoring/exams/${examId}/weights`, { weights: { tab_hidden: 0 } });
      expect(res.statusCode).toBe(404);
    },
    'PUT /api/proctoring/attempts/:id/decision': async (client) => {
      const { attemptId } = await ensureAttemptA();
      const res = await client.put(`/api/proctoring/attempts/${attemptId}/decision`, {
        decision: 'disqualified',
        reason: 'B',
      });
      expect(res.statusCode).toBe(404);
    },
    'POST /api/attempts/:id/proctoring/events': async (client) => {
      const { attemptId } = await ensureAttemptA();
      const res = await client.post(`/api/attempts/${attemptId}/proctoring/events`, {
        events: [{ id: randomUUID(), kind: 'tab_hidden', startedAt: Date.now(), durationMs: 0 }],
      });
      refusedAsStaff(res.statusCode);
    },
    'POST /api/attempts/:id/proctoring/evidence': async (client) => {
      const { attemptId } = await ensureAttemptA();
      const res = await client.post(`/api/attempts/${attemptId}/proctoring/evidence`, {
        kind: 'snapshot',
        contentType: 'image/jpeg',
        bytes: 100,
        takenAt: Date.now(),
      });
      refusedAsStaff(res.statusCode);
    },
    'PUT /api/proctoring/evidence/:id/content': async (client) => {
      const res = await client.request('PUT', `/api/proctoring/evidence/${randomUUID()}/content`, undefined, {
        'content-type': 'image/jpeg',
      });
      refusedAsStaff(res.statusCode);
    },
    'POST /api/proctoring/evidence/:id/complete': async (client) => {
      refusedAsStaff((await client.post(`/api/proctoring/evidence/${randomUUID()}/complete`)).statusCode);
    },
  };
}
