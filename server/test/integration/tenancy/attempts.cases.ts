import { expect } from 'vitest';
import { createQuestion, findTopic, loadSyllabus } from '../../support/bank-fixtures.js';
import { mcq, openExamNow, publishExam, scheduleBody, type State } from '../../support/exam-fixtures.js';
import { demo, signIn, type TestClient } from '../../support/test-app.js';
import type { TenancyCase, TenancyContext } from './cases.js';

type Method = 'GET' | 'POST';
type Target = { examId: string; attemptId: string; questionId: string };

/**
 * Attempts belong to the student who sits them. Staff of any institute get 403 (they do not take
 * exams); a student of another institute, and a second student of the same institute, get 404 for
 * A's exam and attempt, exactly as for ids that do not exist, and the attempt stays as it was.
 */
export function attemptTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let setup: Promise<{ target: Target; owner: TestClient; strangers: TestClient[] }> | null = null;
  const ensureAttemptA = () =>
    (setup ??= (async () => {
      const tree = await loadSyllabus(context.adminA);
      const questionId = await createQuestion(context.adminA, findTopic(tree, 'Physics').topicId);
      const examId = await publishExam(context.adminA, {
        title: 'Institute A attempt',
        durationMinutes: 30,
        lockedSections: false,
        sections: [{ id: 'a', questionIds: [questionId] }],
      });
      const owner = await signIn(context.app, demo.student);
      const ownerId = (await owner.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
      const scheduled = await context.adminA.request(
        'PUT',
        `/api/exams/${examId}/schedule`,
        scheduleBody(context.clock, [], { studentIds: [ownerId] }),
      );
      expect(scheduled.statusCode).toBe(200);
      await openExamNow(context.clock, context.adminA, examId);
      const started = await owner.post(`/api/exams/${examId}/start`, { deviceId: 'device-owner-a' });
      expect(started.statusCode).toBe(200);
      const attemptId = started.json<State>().attempt.id;
      const strangers = [
        await createStudent(context.adminA, 'second.student@a.example'),
        await createStudent(context.adminB, 'student@b.example'),
      ];
      return { target: { examId, attemptId, questionId }, owner, strangers };
    })());

  /** 403 for staff; 404 for another institute's student and a second student of A; nothing changes. */
  const ownAttemptOnly =
    (method: Method, path: (t: Target) => string, body?: (t: Target) => unknown): TenancyCase =>
    async (client) => {
      const { target, owner, strangers } = await ensureAttemptA();
      const staff = await client.request(method, path(target), body?.(target));
      expect(staff.statusCode).toBe(403);
      for (const student of strangers) {
        const res = await student.request(method, path(target), body?.(target));
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(target.questionId);
      }
      // The owner's attempt is still running, on the owner's device, with no answer from anyone else.
      const state = (await owner.get(`/api/attempts/${target.attemptId}/state`)).json<State>();
      expect(state.attempt.status).toBe('in_progress');
      expect(state.answers).toEqual([]);
    };

  const save = (t: Target) => ({
    deviceId: 'device-stranger',
    saves: [mcq(t.questionId, 'b', 1)],
  });
  return {
    'GET /api/exams/:id/candidate-info': ownAttemptOnly(
      'GET',
      (t) => `/api/exams/${t.examId}/candidate-info`,
    ),
    'POST /api/exams/:id/start': ownAttemptOnly(
      'POST',
      (t) => `/api/exams/${t.examId}/start`,
      () => ({ deviceId: 'device-stranger' }),
    ),
    'GET /api/attempts/:id/paper': ownAttemptOnly('GET', (t) => `/api/attempts/${t.attemptId}/paper`),
    'GET /api/attempts/:id/state': ownAttemptOnly('GET', (t) => `/api/attempts/${t.attemptId}/state`),
    'POST /api/attempts/:id/answers': ownAttemptOnly(
      'POST',
      (t) => `/api/attempts/${t.attemptId}/answers`,
      save,
    ),
    'POST /api/attempts/:id/submit': ownAttemptOnly(
      'POST',
      (t) => `/api/attempts/${t.attemptId}/submit`,
      () => ({}),
    ),
    'GET /api/attempts/:id/result': ownAttemptOnly('GET', (t) => `/api/attempts/${t.attemptId}/result`),
    'GET /api/attempts/:id/analysis': ownAttemptOnly('GET', (t) => `/api/attempts/${t.attemptId}/analysis`),
    // Staff of another institute: A's exam (and so its attempts' analyses) does not exist for them.
    'GET /api/exams/:id/attempts/:attemptId/analysis': async (client) => {
      const { target } = await ensureAttemptA();
      const res = await client.get(`/api/exams/${target.examId}/attempts/${target.attemptId}/analysis`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(target.questionId);
    },
  };
}

async function createStudent(admin: TestClient, email: string): Promise<TestClient> {
  const password = 'Tenancy-Student-1';
  const created = await admin.post('/api/users', { name: email, email, role: 'student', password });
  expect(created.statusCode).toBe(201);
  return signIn(admin.app, { email, password });
}
