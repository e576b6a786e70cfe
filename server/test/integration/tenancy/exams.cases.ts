import { expect } from 'vitest';
import type { TenancyCase, TenancyContext } from './cases.js';

/** Exams and practice: institute B never reaches institute A's exams. */
export function examTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let examA: Promise<{ id: string; subjectId: string }> | null = null;
  const ensureExamA = () =>
    (examA ??= (async () => {
      const created = await context.adminA.post('/api/exams', {
        title: 'Institute A mock',
        templateId: 'jee_main_paper1',
      });
      const tree = (await context.adminA.get('/api/syllabus')).json<{ subjects: { id: string }[] }>();
      return { id: created.json<{ exam: { id: string } }>().exam.id, subjectId: tree.subjects[0]!.id };
    })());
  const notFound =
    (method: 'GET' | 'POST' | 'PUT', path: (id: string) => string, body?: unknown): TenancyCase =>
    async (client) => {
      const { id } = await ensureExamA();
      const res = await client.request(method, path(id), body);
      expect([403, 404]).toContain(res.statusCode);
      // Institute A's exam is still an untouched draft.
      const mine = (await context.adminA.get(`/api/exams/${id}`)).json<{
        exam: { status: string; title: string };
      }>().exam;
      expect(mine).toMatchObject({ status: 'draft', title: 'Institute A mock' });
    };
  const scheduleBody = {
    mode: 'fixed',
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    batchIds: [],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  };
  return {
    'GET /api/exam-templates': async (client) =>
      expect((await client.get('/api/exam-templates')).statusCode).toBe(200),
    'GET /api/exams': async (client) => {
      const { id } = await ensureExamA();
      expect((await client.get('/api/exams')).body).not.toContain(id);
    },
    'POST /api/exams': async (client) => {
      await ensureExamA();
      const before = (await context.adminA.get('/api/exams')).json<{ items: unknown[] }>().items.length;
      expect((await client.post('/api/exams', { title: 'B exam' })).statusCode).toBe(201);
      expect((await context.adminA.get('/api/exams')).json<{ items: unknown[] }>().items).toHaveLength(
        before,
      );
    },
    'GET /api/exams/:id': notFound('GET', (id) => `/api/exams/${id}`),
    'PUT /api/exams/:id/draft': notFound('PUT', (id) => `/api/exams/${id}/draft`, {
      title: 'Hijacked',
      durationMinutes: 10,
      lockedSections: false,
      instructions: { en: '', hi: '' },
      sections: [
        {
          id: 's',
          name: 'S',
          scheme: { correct: 1, wrong: 0 },
          allowedTypes: ['mcq_single'],
          questionCount: 0,
          shuffleQuestions: false,
          shuffleOptions: false,
          items: [],
        },
      ],
    }),
    'PUT /api/exams/:id/settings': notFound('PUT', (id) => `/api/exams/${id}/settings`, {
      languages: ['en'],
      calculator: false,
      proctoring: {
        webcamSnapshots: false,
        snapshotIntervalSeconds: 60,
        screenRecording: false,
        tabSwitchDetection: false,
        fullScreenRequired: false,
        warnAfterViolations: 0,
        submitAfterViolations: 0,
      },
      resultRelease: { mode: 'instant' },
      showAnswerKeyAfterRelease: false,
    }),
    'POST /api/exams/:id/autofill': notFound('POST', (id) => `/api/exams/${id}/autofill`, {
      sections: [{ sectionId: 'physics_a', rules: [{ count: 1 }] }],
    }),
    'GET /api/exams/:id/similar': notFound('GET', (id) => `/api/exams/${id}/similar?questionId=${id}`),
    'GET /api/exams/:id/preview': notFound('GET', (id) => `/api/exams/${id}/preview`),
    'POST /api/exams/:id/publish': notFound('POST', (id) => `/api/exams/${id}/publish`, {}),
    'POST /api/exams/:id/unpublish': notFound('POST', (id) => `/api/exams/${id}/unpublish`, {}),
    'GET /api/exams/:id/results/release': notFound('GET', (id) => `/api/exams/${id}/results/release`),
    'POST /api/exams/:id/results/release': notFound('POST', (id) => `/api/exams/${id}/results/release`, {}),
    'PUT /api/exams/:id/schedule': notFound('PUT', (id) => `/api/exams/${id}/schedule`, scheduleBody),
    'GET /api/my/exams': async (client) => expect((await client.get('/api/my/exams')).statusCode).toBe(403),
    'POST /api/exams/:id/register': notFound('POST', (id) => `/api/exams/${id}/register`, {}),
    'GET /api/practice-settings': async (client) => {
      const { subjectId } = await ensureExamA();
      expect((await client.get('/api/practice-settings')).body).not.toContain(subjectId);
    },
    'PUT /api/practice-settings': async (client) => {
      const { subjectId } = await ensureExamA();
      const res = await client.request('PUT', '/api/practice-settings', {
        disabledSubjectIds: [subjectId],
        releasedOnly: true,
      });
      // Both roles may change practice settings, but only for subjects of their own institute.
      expect(res.statusCode).toBe(400);
      expect((await context.adminA.get('/api/practice-settings')).json()).toEqual({
        disabledSubjectIds: [],
        releasedOnly: false,
      });
    },
    'GET /api/practice-tests': async (client) =>
      expect((await client.get('/api/practice-tests')).statusCode).toBe(403),
    'POST /api/practice-tests': async (client) => {
      const { subjectId } = await ensureExamA();
      const res = await client.post('/api/practice-tests', {
        scope: 'subject',
        subjectIds: [subjectId],
        questionCount: 5,
        difficulty: 'mixed',
      });
      expect(res.statusCode).toBe(403);
    },
  };
}
