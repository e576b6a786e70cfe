import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import type { TestClient } from '../support/test-app.js';
import { createTestEnv, demo, signIn, type TestEnv } from '../support/test-app.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';

type Issue = { code: string; path: string; message: string };
type ExamDetail = {
  id: string;
  status: string;
  questionCount: number;
  totalMarks: number;
  draft: {
    durationMinutes: number;
    lockedSections: boolean;
    instructions: { en: string; hi: string };
    sections: {
      id: string;
      questionCount: number;
      items: { questionId: string; question: { stemPreview: string; version: number } | null }[];
    }[];
  };
  check: { fits: boolean; issues: Issue[] };
};

let env: TestEnv;
let app: App;
let teacher: TestClient;
let physics: { subjectId: string; chapterId: string; topicId: string };
let chemistry: { subjectId: string; chapterId: string; topicId: string };
let maths: { subjectId: string; chapterId: string; topicId: string };

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  const tree = await loadSyllabus(teacher);
  physics = findTopic(tree, 'Physics', 1);
  chemistry = findTopic(tree, 'Chemistry', 1);
  maths = findTopic(tree, 'Mathematics', 1);
  // Enough for one JEE Main paper: 20 MCQ + 5 numerical per subject, all in one chapter each.
  for (const subject of [physics, chemistry, maths]) {
    for (let i = 0; i < 20; i++)
      await createQuestion(teacher, subject.topicId, { difficulty: i < 3 ? 'hard' : 'medium' });
    for (let i = 0; i < 5; i++) await createQuestion(teacher, subject.topicId, { type: 'numerical' });
  }
}, 120_000);
afterAll(() => env.close());

const examOf = (res: { json<T>(): T }) => res.json<{ exam: ExamDetail }>().exam;

/** The body of PUT /draft for an exam with the given sections (items reduced to their ids). */
function draftBody(title: string, exam: ExamDetail, sections: { items: { questionId: string }[] }[]) {
  const { durationMinutes, lockedSections, instructions } = exam.draft;
  return {
    title,
    durationMinutes,
    lockedSections,
    instructions,
    sections: sections.map((s) => ({ ...s, items: s.items.map(({ questionId }) => ({ questionId })) })),
  };
}

async function createJeeMain(title = 'JEE Main Mock 1'): Promise<ExamDetail> {
  const res = await teacher.post('/api/exams', { title, templateId: 'jee_main_paper1' });
  expect(res.statusCode).toBe(201);
  return examOf(res);
}

async function fillJeeMain(exam: ExamDetail): Promise<ExamDetail> {
  const sections = [physics, chemistry, maths].flatMap((s, i) => {
    const name = ['physics', 'chemistry', 'mathematics'][i];
    return [
      { sectionId: `${name}_a`, rules: [{ subjectId: s.subjectId, count: 20 }] },
      { sectionId: `${name}_b`, rules: [{ subjectId: s.subjectId, count: 5 }] },
    ];
  });
  const res = await teacher.post(`/api/exams/${exam.id}/autofill`, { sections });
  expect(res.statusCode).toBe(200);
  expect(res.json<{ shortfalls: unknown[] }>().shortfalls).toEqual([]);
  return examOf(res);
}

describe('building an exam from a template', () => {
  it('lists the built-in patterns', async () => {
    const items = (await teacher.get('/api/exam-templates')).json<{
      items: { id: string; totalMarks: number }[];
    }>().items;
    expect(items.map((t) => t.id)).toEqual(
      expect.arrayContaining(['jee_main_paper1', 'neet_ug', 'cat', 'upsc_prelims_gs1']),
    );
  });

  it('starts from the JEE Main pattern with NTA instructions in both languages and says what is missing', async () => {
    const exam = await createJeeMain();
    expect(exam.status).toBe('draft');
    expect(exam.draft.durationMinutes).toBe(180);
    expect(exam.draft.sections.map((s) => `${s.id}:${s.questionCount}`)).toEqual([
      'physics_a:20',
      'physics_b:5',
      'chemistry_a:20',
      'chemistry_b:5',
      'mathematics_a:20',
      'mathematics_b:5',
    ]);
    expect(exam.draft.instructions.en).toContain('Answered and Marked for Review');
    expect(exam.draft.instructions.hi).toContain('उत्तर दिया गया और पुनर्विचार के लिए चिह्नित');
    // The pre-exam screen titles them; a heading of their own would say "General instructions" twice.
    expect(exam.draft.instructions.en).not.toContain('General instructions');
    expect(exam.draft.instructions.hi).not.toContain('सामान्य निर्देश');
    expect(exam.check.fits).toBe(false);
    expect(exam.check.issues.map((i) => i.message)).toContain(
      'Physics Section A: 20 questions needed, 0 added',
    );
  });

  it('fills the paper from a blueprint so that it fits the template: 75 questions, 300 marks', async () => {
    const exam = await fillJeeMain(await createJeeMain('Blueprint mock'));
    expect(exam.questionCount).toBe(75);
    expect(exam.totalMarks).toBe(300);
    expect(exam.check).toEqual({ fits: true, issues: [] });
    const ids = exam.draft.sections.flatMap((s) => s.items.map((i) => i.questionId));
    expect(new Set(ids).size).toBe(75);
  });

  it('explains a shortfall by subject, chapter and difficulty', async () => {
    const exam = await createJeeMain('Shortfall mock');
    const res = await teacher.post(`/api/exams/${exam.id}/autofill`, {
      sections: [
        {
          sectionId: 'physics_a',
          rules: [
            { subjectId: physics.subjectId, chapterId: physics.chapterId, difficulty: 'hard', count: 5 },
          ],
        },
      ],
    });
    const { shortfalls } = res.json<{
      shortfalls: { kind: string; message: string; needed: number; available: number }[];
    }>();
    expect(shortfalls.map((s) => s.kind)).toEqual(['rule', 'section']);
    expect(shortfalls[0]).toMatchObject({ needed: 5, available: 3 });
    expect(shortfalls[0]!.message).toMatch(
      /^Physics \/ .+: 5 hard questions needed, 3 placed: the bank has only 3 matching$/,
    );
    expect(shortfalls[1]!.message).toBe(
      'Physics Section A holds 3 of 20 questions: its rules fell short (above)',
    );
  });

  it('refuses to publish a paper that does not fit, naming the problems', async () => {
    const exam = await createJeeMain('Unfinished');
    const res = await teacher.post(`/api/exams/${exam.id}/publish`);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { code: string; fields: { message: string }[] } }>().error.code).toBe(
      'EXAM_DOES_NOT_FIT',
    );
  });

  it('reorders and removes questions through the draft and reports a wrong type in a section', async () => {
    const exam = await fillJeeMain(await createJeeMain('Edited mock'));
    const sections = exam.draft.sections.map((s) => ({
      ...s,
      items: s.items.map(({ questionId }) => ({ questionId })),
    }));
    const [first, second] = sections[0]!.items;
    sections[0]!.items.splice(0, 2, second!, first!);
    // A numerical question dragged into the MCQ section does not fit there.
    const numerical = sections[1]!.items.pop()!;
    sections[0]!.items.push(numerical);
    const res = await teacher.request(
      'PUT',
      `/api/exams/${exam.id}/draft`,
      draftBody('Edited mock', exam, sections),
    );
    expect(res.statusCode).toBe(200);
    const saved = examOf(res);
    expect(saved.draft.sections[0]!.items[0]!.questionId).toBe(second!.questionId);
    expect(saved.check.fits).toBe(false);
    expect(saved.check.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['SECTION_TYPE_NOT_ALLOWED', 'SECTION_COUNT']),
    );
  });
});

describe('publishing freezes a snapshot', () => {
  it('keeps the published questions when the bank changes, and a preview carries no keys', async () => {
    const exam = await fillJeeMain(await createJeeMain('Frozen mock'));
    const published = examOf(await teacher.post(`/api/exams/${exam.id}/publish`));
    expect(published.status).toBe('published');

    const firstId = published.draft.sections[0]!.items[0]!.questionId;
    const original = published.draft.sections[0]!.items[0]!.question!.stemPreview;
    const current = (await teacher.get(`/api/questions/${firstId}`)).json<{
      question: { body: Record<string, unknown>; topic: { id: string } };
    }>().question;
    const edited = {
      ...current.body,
      content: { en: { ...(current.body.content as { en: object }).en, stem: 'Edited after publishing' } },
    };
    const { id: _qid, classification: _c, ...body } = edited as Record<string, unknown>;
    expect(
      (
        await teacher.request('PUT', `/api/questions/${firstId}`, {
          question: body,
          topicId: physics.topicId,
        })
      ).statusCode,
    ).toBe(200);

    const again = examOf(await teacher.get(`/api/exams/${exam.id}`));
    expect(again.draft.sections[0]!.items[0]!.question!.stemPreview).toBe(original);
    expect(again.draft.sections[0]!.items[0]!.question!.version).toBe(1);

    const preview = await teacher.get(`/api/exams/${exam.id}/preview?seed=candidate-7`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).not.toMatch(/"key"|"solution"|optionId/);
    type Preview = {
      paper: { sections: { questions: { id: string; content: { en: { stem: string } } }[] }[] };
    };
    const shown = preview
      .json<Preview>()
      .paper.sections.flatMap((s) => s.questions)
      .find((q) => q.id === firstId);
    expect(shown?.content.en.stem).not.toContain('Edited after publishing');
    const versions = (await teacher.get(`/api/questions/${firstId}/versions`)).json<{
      items: { version: number; body: { content: { en: { stem: string } } } }[];
    }>().items;
    expect(shown?.content.en.stem).toBe(versions.find((v) => v.version === 1)?.body.content.en.stem);
    const otherSeed = await teacher.get(`/api/exams/${exam.id}/preview?seed=candidate-8`);
    const order = (body: string) =>
      (
        JSON.parse(body) as { paper: { sections: { questions: { id: string }[] }[] } }
      ).paper.sections[0]!.questions.map((q) => q.id);
    expect(order(preview.body)).not.toEqual(order(otherSeed.body));
    expect([...order(preview.body)].sort()).toEqual([...order(otherSeed.body)].sort());

    const edit = await teacher.request(
      'PUT',
      `/api/exams/${exam.id}/draft`,
      draftBody('Renamed', again, again.draft.sections),
    );
    expect(edit.json()).toMatchObject({ error: { code: 'EXAM_NOT_DRAFT' } });
    const settings = await teacher.request('PUT', `/api/exams/${exam.id}/settings`, {
      languages: ['en'],
      calculator: true,
      proctoring: {
        webcamSnapshots: false,
        snapshotIntervalSeconds: 60,
        screenRecording: false,
        tabSwitchDetection: true,
        fullScreenRequired: false,
        warnAfterViolations: 3,
        submitAfterViolations: 0,
      },
      resultRelease: { mode: 'manual' },
      showAnswerKeyAfterRelease: true,
    });
    expect(settings.json()).toMatchObject({ error: { code: 'EXAM_NOT_DRAFT' } });
  });

  it('excludes questions used in the last exams from a new blueprint', async () => {
    // The mock published above used 20 Physics MCQs: with the exclusion, exactly those 20 are not offered.
    const exam = await createJeeMain('Fresh questions only');
    const available = async (excludeUsedInLastExams: number) => {
      const res = await teacher.post(`/api/exams/${exam.id}/autofill`, {
        sections: [{ sectionId: 'physics_a', rules: [{ subjectId: physics.subjectId, count: 500 }] }],
        excludeUsedInLastExams,
        replaceExisting: true,
      });
      return res.json<{ shortfalls: { available: number }[] }>().shortfalls[0]!.available;
    };
    const all = await available(0);
    expect(all).toBeGreaterThanOrEqual(20);
    expect(await available(1)).toBe(all - 20);
  });
});

describe('scheduling', () => {
  let examId = '';
  let admin: TestClient;
  let batchId = '';

  beforeAll(async () => {
    admin = await signIn(app, demo.admin);
    const exam = await fillJeeMain(await createJeeMain('Scheduled mock'));
    examId = exam.id;
    await teacher.post(`/api/exams/${examId}/publish`);
    batchId = (await admin.get('/api/batches'))
      .json<{ items: { id: string; code: string }[] }>()
      .items.find((b) => b.code === 'JEE-2027-A')!.id;
  });

  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  it('refuses a start in the past and a window that ends before it starts', async () => {
    const past = await teacher.request('PUT', `/api/exams/${examId}/schedule`, {
      mode: 'fixed',
      startsAt: inHours(-1),
      batchIds: [batchId],
      studentIds: [],
      registration: { required: false },
      accommodations: [],
    });
    expect(past.json()).toMatchObject({
      error: { code: 'SCHEDULE_INVALID', fields: [{ path: 'startsAt' }] },
    });
    const window = await teacher.request('PUT', `/api/exams/${examId}/schedule`, {
      mode: 'window',
      startsAt: inHours(5),
      windowEndsAt: inHours(4),
      batchIds: [batchId],
      studentIds: [],
      registration: { required: false },
      accommodations: [],
    });
    expect(window.json()).toMatchObject({
      error: { code: 'SCHEDULE_INVALID', fields: [{ path: 'windowEndsAt' }] },
    });
  });

  it('schedules for a batch with compensatory time; students of the batch see it, others do not; seats run out', async () => {
    const students = (await admin.get(`/api/users?role=student&batchId=${batchId}`)).json<{
      items: { id: string; email: string }[];
    }>().items;
    const pwbd = students.find((s) => s.email === 'student2@demo.examtech.in')!;
    const res = await teacher.request('PUT', `/api/exams/${examId}/schedule`, {
      mode: 'fixed',
      startsAt: inHours(24),
      batchIds: [batchId],
      studentIds: [],
      registration: { required: true, capacity: 1 },
      accommodations: [{ userId: pwbd.id, compensatoryMinutesPerHour: 20 }],
    });
    expect(res.statusCode).toBe(200);
    expect(examOf(res).status).toBe('scheduled');

    const student1 = await signIn(app, demo.student);
    const mine = (await student1.get('/api/my/exams')).json<{
      upcoming: { id: string; compensatoryMinutes: number; registration: { seatsLeft: number } }[];
    }>();
    expect(mine.upcoming.map((e) => e.id)).toContain(examId);
    expect(mine.upcoming.find((e) => e.id === examId)!.registration.seatsLeft).toBe(1);

    const student2 = await signIn(app, demoStudent(2));
    const theirs = (await student2.get('/api/my/exams')).json<{
      upcoming: { id: string; compensatoryMinutes: number }[];
    }>();
    expect(theirs.upcoming.find((e) => e.id === examId)!.compensatoryMinutes).toBe(60);

    expect((await student1.post(`/api/exams/${examId}/register`)).json()).toEqual({ registered: true });
    expect((await student2.post(`/api/exams/${examId}/register`)).json()).toMatchObject({
      error: { code: 'REGISTRATION_FULL' },
    });

    const outsider = (
      await admin.post('/api/users', {
        name: 'Not In Batch',
        email: 'nib@example.com',
        role: 'student',
        password: 'Outsider-123',
      })
    ).json<{ user: { id: string } }>();
    expect(outsider.user.id).toBeTruthy();
    const stranger = await signIn(app, { email: 'nib@example.com', password: 'Outsider-123' });
    expect((await stranger.get('/api/my/exams')).json<{ upcoming: unknown[] }>().upcoming).toEqual([]);
    expect((await stranger.post(`/api/exams/${examId}/register`)).statusCode).toBe(404);

    // Put in the batch, they see the mock on their next look (the exam list is cached, membership is not).
    expect(
      (await admin.request('PATCH', `/api/users/${outsider.user.id}`, { batchIds: [batchId] })).statusCode,
    ).toBe(200);
    const joined = (await stranger.get('/api/my/exams')).json<{ upcoming: { id: string }[] }>();
    expect(joined.upcoming.map((e) => e.id)).toContain(examId);
  });

  it('counts recently used questions per batch when asked: another batch may still get them', async () => {
    const batches = (await admin.get('/api/batches')).json<{ items: { id: string; code: string }[] }>().items;
    const otherBatchId = batches.find((b) => b.code === 'NEET-2027-E')!.id;
    const exam = await createJeeMain('Per-batch freshness');
    const available = async (batchIds: string[]) => {
      const res = await teacher.post(`/api/exams/${exam.id}/autofill`, {
        sections: [{ sectionId: 'physics_a', rules: [{ subjectId: physics.subjectId, count: 500 }] }],
        excludeUsedInLastExams: 1,
        excludeUsedForBatchIds: batchIds,
        replaceExisting: true,
      });
      return res.json<{ shortfalls: { available: number }[] }>().shortfalls[0]!.available;
    };
    const all = await available([otherBatchId]);
    // The mock scheduled above for JEE-2027-A used 20 Physics MCQs; the NEET batch has had no exam.
    expect(await available([batchId])).toBe(all - 20);
  });

  it('can be unpublished and published again before it starts, keeping its schedule', async () => {
    const student = await signIn(app, demo.student);
    const listed = async () =>
      (await student.get('/api/my/exams')).json<{ upcoming: { id: string; startsAt: string }[] }>().upcoming;
    expect((await listed()).map((e) => e.id)).toContain(examId);
    expect(examOf(await teacher.post(`/api/exams/${examId}/unpublish`)).status).toBe('draft');
    // Gone from the student's list at once, not when a cached list expires.
    expect((await listed()).map((e) => e.id)).not.toContain(examId);
    const again = examOf(await teacher.post(`/api/exams/${examId}/publish`));
    expect(again.status).toBe('scheduled');
    expect((await listed()).map((e) => e.id)).toContain(examId);

    // A new time shows at once too.
    const before = (await listed()).find((e) => e.id === examId)!.startsAt;
    const moved = await teacher.request('PUT', `/api/exams/${examId}/schedule`, {
      mode: 'fixed',
      startsAt: inHours(30),
      batchIds: [batchId],
      studentIds: [],
      registration: { required: false },
      accommodations: [],
    });
    expect(moved.statusCode).toBe(200);
    const after = (await listed()).find((e) => e.id === examId)!.startsAt;
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThan(5 * 3_600_000);
  });

  it('keeps students out of the builder', async () => {
    const student = await signIn(app, demo.student);
    expect((await student.get('/api/exams')).statusCode).toBe(403);
    expect((await student.get(`/api/exams/${examId}`)).statusCode).toBe(403);
    expect((await student.get(`/api/exams/${examId}/preview`)).statusCode).toBe(403);
  });
});

describe('practice tests', () => {
  it('gives a student a chapter-wise test, new questions first, and honours a subject switched off', async () => {
    const student = await signIn(app, demoStudent(4));
    // Students pick chapters from the syllabus tree, but cannot change it.
    expect((await student.get('/api/syllabus')).statusCode).toBe(200);
    expect(
      (await student.post('/api/syllabus/nodes', { kind: 'subject', name: 'Not allowed' })).statusCode,
    ).toBe(403);
    // The Maths questions above are all in the published (manual-release) mock, so reserved:
    // practice draws from questions that no unreleased exam uses.
    for (let i = 0; i < 20; i++) await createQuestion(teacher, maths.topicId);
    const first = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [maths.chapterId],
      questionCount: 10,
      difficulty: 'mixed',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ practiceTest: { questionCount: 10, durationMinutes: 24 } });
    const second = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [maths.chapterId],
      questionCount: 10,
      difficulty: 'mixed',
    });
    const list = (await student.get('/api/practice-tests')).json<{ items: { id: string }[] }>().items;
    expect(list).toHaveLength(2);
    const snapshotIds = async (examId: string) => {
      const result = await app.database.db.execute(
        sql`select s.question_ids as ids from exam_snapshots s join exams e on e.published_snapshot_id = s.id where e.id = ${examId}`,
      );
      return (result as { rows: { ids: string[] }[] }).rows[0]!.ids;
    };
    const a = await snapshotIds(first.json<{ practiceTest: { id: string } }>().practiceTest.id);
    const b = await snapshotIds(second.json<{ practiceTest: { id: string } }>().practiceTest.id);
    expect(a.filter((id) => b.includes(id))).toEqual([]);

    const admin = await signIn(app, demo.admin);
    expect(
      (
        await admin.request('PUT', '/api/practice-settings', {
          disabledSubjectIds: [maths.subjectId],
          releasedOnly: false,
        })
      ).statusCode,
    ).toBe(200);
    const refused = await student.post('/api/practice-tests', {
      scope: 'subject',
      subjectIds: [maths.subjectId],
      questionCount: 5,
      difficulty: 'mixed',
    });
    expect(refused.json()).toMatchObject({ error: { code: 'PRACTICE_DISABLED' } });
    await admin.request('PUT', '/api/practice-settings', { disabledSubjectIds: [], releasedOnly: false });
  });

  it('says so when nothing matches and keeps teachers from making practice tests', async () => {
    const student = await signIn(app, demo.student);
    const biology = (await loadSyllabus(teacher)).subjects.find((s) => s.name === 'Biology')!;
    const created = await teacher.post('/api/syllabus/nodes', {
      kind: 'chapter',
      parentId: biology.id,
      name: 'A chapter with no questions yet',
    });
    const emptyChapterId = created.json<{ node: { id: string } }>().node.id;
    const res = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [emptyChapterId],
      questionCount: 5,
      difficulty: 'hard',
    });
    expect(res.json()).toMatchObject({ error: { code: 'PRACTICE_NO_QUESTIONS' } });
    expect(
      (
        await teacher.post('/api/practice-tests', {
          scope: 'chapter',
          chapterIds: [maths.chapterId],
          questionCount: 5,
          difficulty: 'mixed',
        })
      ).statusCode,
    ).toBe(403);
  });
});
