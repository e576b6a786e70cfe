import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { PRACTICE_LIMITS } from '../../src/modules/exams/practice-service.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { putDraft } from '../support/exam-fixtures.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';

/** Who may see and manage which exam (batch scope), the JEE Main integer rule, and practice-test caps. */

let env: TestEnv;
let app: App;
let admin: TestClient;
let teacher: TestClient;
let jeeBatchId: string;
let neetBatchId: string;
let physics: { subjectId: string; chapterId: string; topicId: string };

async function createTeacher(email: string, batchIds: string[]): Promise<TestClient> {
  const res = await admin.post('/api/users', {
    name: email.split('@')[0],
    email,
    role: 'teacher',
    password: 'Teacher-Pass-123',
    batchIds,
  });
  expect(res.statusCode).toBe(201);
  return signIn(app, { email, password: 'Teacher-Pass-123' });
}

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  admin = await signIn(app, demo.admin);
  teacher = await signIn(app, demo.teacher);
  const batches = (await admin.get('/api/batches')).json<{ items: { id: string; code: string }[] }>().items;
  jeeBatchId = batches.find((b) => b.code === 'JEE-2027-A')!.id;
  neetBatchId = batches.find((b) => b.code === 'NEET-2027-E')!.id;
  physics = findTopic(await loadSyllabus(teacher), 'Physics', 2);
  for (let i = 0; i < 3; i++) await createQuestion(teacher, physics.topicId);
}, 60_000);
afterAll(() => env.close());

type ExamDetail = {
  id: string;
  draft: { instructions: object; sections: { id: string; items: { questionId: string }[] }[] };
  check: { issues: { code: string; path: string }[] };
};
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const scheduleBody = (batchIds: string[]) => ({
  mode: 'fixed',
  startsAt: inHours(48),
  batchIds,
  studentIds: [],
  registration: { required: false },
  accommodations: [],
});

async function createPublishedExam(author: TestClient, title: string): Promise<ExamDetail> {
  const exam = (await author.post('/api/exams', { title })).json<{ exam: ExamDetail }>().exam;
  const ids = (await author.get(`/api/questions?chapterId=${physics.chapterId}`))
    .json<{ items: { id: string }[] }>()
    .items.slice(0, 2)
    .map((q) => q.id);
  await putDraft(author, exam.id, exam.draft.instructions, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    sections: [{ id: 'section-a', name: 'Section A', scheme: { correct: 4, wrong: -1 }, questionIds: ids }],
  });
  expect((await author.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(200);
  return exam;
}

describe('teachers and exams: batch-scoped', () => {
  it('a teacher with no batch sees and manages only the exams they created; others answer 404', async () => {
    const exam = await createPublishedExam(teacher, 'JEE batch mock');
    const loner = await createTeacher('loner@demo.examtech.in', []);

    const listed = (await loner.get('/api/exams')).json<{ items: { id: string }[] }>().items;
    expect(listed.map((e) => e.id)).not.toContain(exam.id);
    expect((await loner.get(`/api/exams/${exam.id}`)).statusCode).toBe(404);
    expect((await loner.get(`/api/exams/${exam.id}/preview`)).statusCode).toBe(404);
    expect((await loner.put(`/api/exams/${exam.id}/schedule`, scheduleBody([jeeBatchId]))).statusCode).toBe(
      404,
    );
    expect((await loner.post(`/api/exams/${exam.id}/unpublish`)).statusCode).toBe(404);
    // Still published and unscheduled: the refusals changed nothing.
    const unchanged = (await teacher.get(`/api/exams/${exam.id}`)).json<{
      exam: { status: string; schedule: unknown };
    }>().exam;
    expect(unchanged).toMatchObject({ status: 'published', schedule: null });
    expect((await teacher.post(`/api/exams/${exam.id}/unpublish`)).statusCode).toBe(200);
    const edit = await loner.put(`/api/exams/${exam.id}/draft`, {
      title: 'Taken over',
      durationMinutes: 10,
      lockedSections: false,
      instructions: exam.draft.instructions,
      sections: exam.draft.sections,
    });
    expect(edit.statusCode).toBe(404);
    expect((await loner.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/exams/${exam.id}`)).json<{ exam: { title: string } }>().exam.title).toBe(
      'JEE batch mock',
    );

    const own = await createPublishedExam(loner, 'Loner mock');
    expect(
      (await loner.get('/api/exams')).json<{ items: { id: string }[] }>().items.map((e) => e.id),
    ).toEqual([own.id]);
    expect((await loner.get(`/api/exams/${own.id}`)).statusCode).toBe(200);
  });

  it('a teacher of a batch sees the exams scheduled for it; the admin sees all', async () => {
    const exam = await createPublishedExam(teacher, 'Scheduled for JEE');
    const colleague = await createTeacher('colleague@demo.examtech.in', [jeeBatchId]);
    const neetTeacher = await createTeacher('neet.teacher@demo.examtech.in', [neetBatchId]);
    expect((await colleague.get(`/api/exams/${exam.id}`)).statusCode).toBe(404);

    expect((await teacher.put(`/api/exams/${exam.id}/schedule`, scheduleBody([jeeBatchId]))).statusCode).toBe(
      200,
    );
    expect((await colleague.get(`/api/exams/${exam.id}`)).statusCode).toBe(200);
    expect(
      (await colleague.get('/api/exams')).json<{ items: { id: string }[] }>().items.map((e) => e.id),
    ).toContain(exam.id);
    // A colleague of the batch may reschedule it; a teacher of another batch may not even see it.
    expect(
      (await colleague.put(`/api/exams/${exam.id}/schedule`, scheduleBody([jeeBatchId]))).statusCode,
    ).toBe(200);
    expect((await neetTeacher.get(`/api/exams/${exam.id}`)).statusCode).toBe(404);
    expect((await neetTeacher.post(`/api/exams/${exam.id}/unpublish`)).statusCode).toBe(404);
    expect(
      (await neetTeacher.put(`/api/exams/${exam.id}/schedule`, scheduleBody([neetBatchId]))).statusCode,
    ).toBe(404);
    expect(
      (await admin.get('/api/exams')).json<{ items: { id: string }[] }>().items.map((e) => e.id),
    ).toContain(exam.id);
    expect((await admin.get(`/api/exams/${exam.id}`)).statusCode).toBe(200);
  });
});

describe('JEE Main Section B takes integer answers', () => {
  it('autofill leaves decimal-answer questions out, and the check refuses one put there by hand', async () => {
    const integer = await createQuestion(teacher, physics.topicId, { type: 'numerical' });
    const decimal = await teacher.post('/api/questions', {
      topicId: physics.topicId,
      question: {
        type: 'numerical',
        difficulty: 'medium',
        tags: [],
        format: { decimals: 2 },
        key: { kind: 'tolerance', value: '2.25', tolerance: '0.01' },
        content: { en: { stem: 'The focal length in cm, to two decimals.', solution: '2.25' } },
      },
    });
    expect(decimal.statusCode).toBe(201);
    const decimalId = decimal.json<{ question: { id: string } }>().question.id;
    const exam = (
      await teacher.post('/api/exams', { title: 'JEE integers', templateId: 'jee_main_paper1' })
    ).json<{
      exam: ExamDetail;
    }>().exam;

    const filled = await teacher.post(`/api/exams/${exam.id}/autofill`, {
      sections: [{ sectionId: 'physics_b', rules: [{ chapterId: physics.chapterId, count: 2 }] }],
    });
    expect(filled.statusCode).toBe(200);
    const body = filled.json<{ exam: ExamDetail; shortfalls: { kind: string; available: number }[] }>();
    const sectionB = body.exam.draft.sections.find((s) => s.id === 'physics_b')!;
    expect(sectionB.items.map((i) => i.questionId)).toEqual([integer]);
    // The rule's shortfall, then the section's: it holds 1 of its 5.
    expect(body.shortfalls).toMatchObject([
      { kind: 'rule', available: 1 },
      { kind: 'section', available: 1 },
    ]);

    const byHand = await teacher.put(`/api/exams/${exam.id}/draft`, {
      title: 'JEE integers',
      ...(({ durationMinutes, lockedSections, instructions }) => ({
        durationMinutes,
        lockedSections,
        instructions,
      }))(
        body.exam.draft as unknown as {
          durationMinutes: number;
          lockedSections: boolean;
          instructions: object;
        },
      ),
      sections: body.exam.draft.sections.map((section) =>
        section.id === 'physics_b'
          ? { ...section, items: [{ questionId: integer }, { questionId: decimalId }] }
          : section,
      ),
    });
    expect(byHand.statusCode).toBe(200);
    const issues = byHand.json<{ exam: ExamDetail }>().exam.check.issues;
    expect(issues).toContainEqual(expect.objectContaining({ code: 'PAPER_ANSWER_NOT_INTEGER' }));
  });
});

describe('practice-test creation is capped per student', () => {
  it(`refuses more than ${PRACTICE_LIMITS.openTests} unfinished tests and ${PRACTICE_LIMITS.perHour} an hour, with PRACTICE_LIMIT_REACHED`, async () => {
    const student = await signIn(app, demoStudent(3));
    const create = () =>
      student.post('/api/practice-tests', {
        scope: 'chapter',
        chapterIds: [physics.chapterId],
        questionCount: 5,
        difficulty: 'mixed',
      });
    const count = async () =>
      (await student.get('/api/practice-tests')).json<{ items: { id: string }[] }>().items.length;
    const open: string[] = [];
    for (let i = 0; i < PRACTICE_LIMITS.openTests; i++) {
      const res = await create();
      expect(res.statusCode, res.body).toBe(201);
      open.push(res.json<{ practiceTest: { id: string } }>().practiceTest.id);
    }
    const refused = await create();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'PRACTICE_LIMIT_REACHED' }, limit: 'open' });
    expect(await count()).toBe(PRACTICE_LIMITS.openTests);

    const finish = async (examId: string) => {
      const started = await student.post(`/api/exams/${examId}/start`, { deviceId: `cap-${examId}` });
      const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
      expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    };
    for (const examId of open) await finish(examId);
    for (let made = open.length; made < PRACTICE_LIMITS.perHour; made++) {
      const res = await create();
      expect(res.statusCode, `${made}: ${res.body}`).toBe(201);
      await finish(res.json<{ practiceTest: { id: string } }>().practiceTest.id);
    }
    const hourly = await create();
    expect(hourly.json()).toMatchObject({ error: { code: 'PRACTICE_LIMIT_REACHED' }, limit: 'hour' });
    expect(await count()).toBe(PRACTICE_LIMITS.perHour);
  });

  it('creations at the same moment cannot pass the cap together', async () => {
    const student = await signIn(app, demoStudent(4));
    const create = () =>
      student.post('/api/practice-tests', {
        scope: 'chapter',
        chapterIds: [physics.chapterId],
        questionCount: 5,
        difficulty: 'mixed',
      });
    for (let i = 1; i < PRACTICE_LIMITS.openTests; i++) expect((await create()).statusCode).toBe(201);
    const racing = await Promise.all([create(), create(), create()]);
    expect(racing.map((res) => res.statusCode).sort()).toEqual([201, 429, 429]);
    const listed = (await student.get('/api/practice-tests')).json<{ items: unknown[] }>().items;
    expect(listed).toHaveLength(PRACTICE_LIMITS.openTests);
  });
});
