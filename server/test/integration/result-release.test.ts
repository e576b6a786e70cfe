import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { findDemoBatchId, openExamNow, putDraft, readSchedule } from '../support/exam-fixtures.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';
import { pngBytes } from './question-samples.js';

/**
 * Integrity rule 1 for scheduled exams: results (and keys) only after the window has closed for
 * everyone; keys and solutions only when the exam allows; the candidate's images only those of a
 * paper they sit or a result released to them; bank questions of unreleased exams kept out of practice.
 */

let env: TestEnv;
let app: App;
let teacher: TestClient;
let topic: { subjectId: string; chapterId: string; topicId: string };
let batchId: string;
let stemImage: string;
let solutionImage: string;
let imageQuestionId: string;
let plainQuestionIds: string[];

type Reservation = {
  until: string | null;
  exams: { id: string; title: string; releasesAt: string | null }[];
};

async function uploadImage(bytes: Buffer, name: string): Promise<string> {
  const res = await teacher.upload('/api/assets', name, bytes, 'image/png');
  expect(res.statusCode).toBe(201);
  return res.json<{ asset: { id: string } }>().asset.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  topic = findTopic(await loadSyllabus(teacher), 'Physics', 3);
  stemImage = await uploadImage(pngBytes, 'circuit.png');
  // Another file (a byte after IEND): the same bytes would be the same asset.
  solutionImage = await uploadImage(Buffer.concat([pngBytes, Buffer.from([0])]), 'worked.png');
  const created = await teacher.post('/api/questions', {
    topicId: topic.topicId,
    question: {
      type: 'mcq_single',
      difficulty: 'medium',
      tags: [],
      options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      key: { optionId: 'c' },
      images: [
        { id: stemImage, alt: 'the circuit' },
        { id: solutionImage, alt: 'worked solution' },
      ],
      content: {
        en: {
          stem: `Find the current in the circuit. ![the circuit](image:${stemImage})`,
          options: ['1 A', '2 A', '3 A', '4 A'].map((text, i) => ({ id: 'abcd'[i]!, text })),
          solution: `Kirchhoff: ![worked solution](image:${solutionImage}) gives 3 A.`,
        },
      },
    },
  });
  expect(created.statusCode).toBe(201);
  imageQuestionId = created.json<{ question: { id: string } }>().question.id;
  plainQuestionIds = [];
  for (let i = 0; i < 2; i++) plainQuestionIds.push(await createQuestion(teacher, topic.topicId));
  const admin = await signIn(app, demo.admin);
  batchId = await findDemoBatchId(admin);
}, 60_000);
afterAll(() => env.close());

const inHours = (h: number) => env.clock.isoIn(h * 3_600_000);

/** A published 10-minute exam of the fixture questions, scheduled as a window for the demo JEE batch. */
async function publishAndSchedule(
  title: string,
  settings: { mode: 'instant' | 'manual'; showAnswerKeyAfterRelease: boolean },
  ids = [imageQuestionId, ...plainQuestionIds],
): Promise<string> {
  const exam = (await teacher.post('/api/exams', { title })).json<{
    exam: { id: string; draft: { instructions: object }; settings: Record<string, unknown> };
  }>().exam;
  await putDraft(teacher, exam.id, exam.draft.instructions, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    sections: [{ id: 'section-a', name: 'Section A', scheme: { correct: 4, wrong: -1 }, questionIds: ids }],
  });
  const saved = await teacher.put(`/api/exams/${exam.id}/settings`, {
    ...exam.settings,
    resultRelease: { mode: settings.mode },
    showAnswerKeyAfterRelease: settings.showAnswerKeyAfterRelease,
  });
  expect(saved.statusCode).toBe(200);
  expect((await teacher.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(200);
  const scheduled = await teacher.put(`/api/exams/${exam.id}/schedule`, {
    mode: 'window',
    startsAt: inHours(1),
    windowEndsAt: inHours(3),
    batchIds: [batchId],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  expect(scheduled.statusCode).toBe(200);
  return exam.id;
}

/**
 * Moves the clock to `minutes` after the exam's window closed (the schedule API only takes future
 * starts, so exams are scheduled ahead and time moves). The exam ends 10 minutes after the close.
 */
async function movePastClose(examId: string, minutes: number): Promise<void> {
  const { windowEndsAt } = await readSchedule(teacher, examId);
  env.clock.set(Date.parse(windowEndsAt!) + minutes * 60_000);
}

async function sitAndSubmit(student: TestClient, examId: string, deviceId: string): Promise<string> {
  const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
  expect(started.statusCode).toBe(200);
  const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
  const saved = await student.post(`/api/attempts/${attemptId}/answers`, {
    deviceId,
    saves: [
      {
        questionId: imageQuestionId,
        answer: { type: 'mcq_single', optionIds: ['c'] },
        state: 'answered',
        seq: 1,
      },
    ],
  });
  expect(saved.json<{ results: { status: string }[] }>().results[0]!.status).toBe('saved');
  expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
  return attemptId;
}

describe('results of a scheduled exam', () => {
  it('instant release waits until the window has closed for everyone; then the key, solution and its image go out', async () => {
    const examId = await publishAndSchedule('Instant mock', {
      mode: 'instant',
      showAnswerKeyAfterRelease: true,
    });
    await openExamNow(env.clock, teacher, examId);
    const early = await signIn(app, demo.student);
    const started = await early.post(`/api/exams/${examId}/start`, { deviceId: 'early-device-1' });
    const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;

    // Sitting: the stem's image is theirs, the solution's is not (nor is it in the paper).
    const paper = (await early.get(`/api/attempts/${attemptId}/paper`)).body;
    expect(paper).toContain(stemImage);
    expect(paper).not.toContain(solutionImage);
    expect((await early.get(`/api/assets/${stemImage}`)).statusCode).toBe(200);
    expect((await early.get(`/api/assets/${solutionImage}`)).statusCode).toBe(404);

    expect((await early.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    // Others can still start for an hour: no result, no key, and no image of the paper any more.
    const refused = await early.get(`/api/attempts/${attemptId}/result`);
    expect(refused.statusCode).toBe(403);
    const body = refused.json<{ error: { code: string }; releasesAt: string }>();
    expect(body.error.code).toBe('RESULT_NOT_RELEASED');
    expect(Date.parse(body.releasesAt)).toBeGreaterThan(env.clock.now() + 60 * 60_000);
    expect(refused.body).not.toMatch(/"key"|solution/);
    expect((await early.get(`/api/assets/${stemImage}`)).statusCode).toBe(404);

    // The window closed (last start + duration) but offline journals may still arrive: still withheld.
    await movePastClose(examId, 20);
    expect((await early.get(`/api/attempts/${attemptId}/result`)).statusCode).toBe(403);

    await movePastClose(examId, 60);
    const released = await early.get(`/api/attempts/${attemptId}/result`);
    expect(released.statusCode).toBe(200);
    const result = released.json<{
      answerKeyShown: boolean;
      questions: { question: { id: string; key?: unknown; content: { en: { solution?: string } } } }[];
    }>();
    expect(result.answerKeyShown).toBe(true);
    const withImage = result.questions.find((q) => q.question.id === imageQuestionId)!;
    expect(withImage.question.key).toEqual({ optionId: 'c' });
    expect(withImage.question.content.en.solution).toContain(solutionImage);
    expect((await early.get(`/api/assets/${solutionImage}`)).statusCode).toBe(200);
    // Another student of the institute, who did not sit it, reads neither image.
    const other = await signIn(app, demoStudent(5));
    expect((await other.get(`/api/assets/${stemImage}`)).statusCode).toBe(404);
    expect((await other.get(`/api/assets/${solutionImage}`)).statusCode).toBe(404);
  });

  it('showAnswerKeyAfterRelease false: the score is shown, keys, solutions, outcomes and solution images are not', async () => {
    const examId = await publishAndSchedule('Keyless mock', {
      mode: 'instant',
      showAnswerKeyAfterRelease: false,
    });
    await openExamNow(env.clock, teacher, examId);
    const student = await signIn(app, demoStudent(3));
    const attemptId = await sitAndSubmit(student, examId, 'keyless-device-1');
    await movePastClose(examId, 60);
    const res = await student.get(`/api/attempts/${attemptId}/result`);
    expect(res.statusCode).toBe(200);
    const result = res.json<{
      answerKeyShown: boolean;
      totalMarks: string;
      score: { total: { marks: number; correct: number }; questions: unknown[] };
      questions: { question: { id: string; images?: { id: string }[] }; answer: unknown }[];
    }>();
    expect(result).toMatchObject({ answerKeyShown: false, totalMarks: '4.00' });
    expect(result.score.total).toMatchObject({ marks: 4, correct: 1 });
    expect(result.score.questions).toEqual([]);
    expect(res.body).not.toMatch(/"key"|"solution"|optionId"|Kirchhoff/);
    expect(res.body).not.toContain(solutionImage);
    const withImage = result.questions.find((q) => q.question.id === imageQuestionId)!;
    expect(withImage.answer).toEqual({ type: 'mcq_single', optionIds: ['c'] });
    expect(withImage.question.images).toEqual([{ id: stemImage, alt: 'the circuit' }]);
    expect((await student.get(`/api/assets/${stemImage}`)).statusCode).toBe(200);
    expect((await student.get(`/api/assets/${solutionImage}`)).statusCode).toBe(404);
  });

  it('manual release stays withheld after the window, with no release time', async () => {
    const examId = await publishAndSchedule('Manual mock', {
      mode: 'manual',
      showAnswerKeyAfterRelease: true,
    });
    await openExamNow(env.clock, teacher, examId);
    const student = await signIn(app, demoStudent(4));
    const attemptId = await sitAndSubmit(student, examId, 'manual-device-1');
    await movePastClose(examId, 60);
    const res = await student.get(`/api/attempts/${attemptId}/result`);
    expect(res.json()).toMatchObject({ error: { code: 'RESULT_NOT_RELEASED' }, releasesAt: null });
  });
});

describe('the bank reserves questions of unreleased exams', () => {
  it('keeps them out of practice tests and tells teachers which exam holds them and until when', async () => {
    const chapter = findTopic(await loadSyllabus(teacher), 'Physics', 4);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await createQuestion(teacher, chapter.topicId));
    const [held1, held2, free1, free2] = ids as [string, string, string, string];
    const manualId = await publishAndSchedule(
      'Tomorrow mock',
      { mode: 'manual', showAnswerKeyAfterRelease: true },
      [held1],
    );
    const instantId = await publishAndSchedule(
      'Weekly mock',
      { mode: 'instant', showAnswerKeyAfterRelease: true },
      [held2],
    );
    const reservationOf = async (questionId: string) =>
      (await teacher.get(`/api/questions/${questionId}`)).json<{
        question: { reservation: Reservation | null };
      }>().question.reservation;
    const listed = (await teacher.get(`/api/questions?chapterId=${chapter.chapterId}`)).json<{
      items: { id: string; reservation: Reservation | null }[];
    }>().items;
    expect(listed.find((q) => q.id === held1)!.reservation).toEqual({
      until: null,
      exams: [{ id: manualId, title: 'Tomorrow mock', releasesAt: null }],
    });
    const weekly = listed.find((q) => q.id === held2)!.reservation!;
    expect(weekly.exams).toMatchObject([{ id: instantId, title: 'Weekly mock' }]);
    // The window's close (3 h + 10 min) plus what the server still takes after it.
    expect(Date.parse(weekly.until!)).toBeGreaterThan(env.clock.now() + 3 * 3_600_000);
    expect(listed.find((q) => q.id === free1)!.reservation).toBeNull();
    expect(await reservationOf(held1)).toMatchObject({ until: null });

    const student = await signIn(app, demoStudent(5));
    const practiseChapter = async () => {
      const res = await student.post('/api/practice-tests', {
        scope: 'chapter',
        chapterIds: [chapter.chapterId],
        questionCount: 5,
        difficulty: 'mixed',
      });
      expect(res.statusCode).toBe(201);
      const examId = res.json<{ practiceTest: { id: string } }>().practiceTest.id;
      const started = await student.post(`/api/exams/${examId}/start`, { deviceId: `practice-${examId}` });
      const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
      const paper = (await student.get(`/api/attempts/${attemptId}/paper`)).json<{
        paper: { sections: { questions: { id: string }[] }[] };
      }>().paper;
      await student.post(`/api/attempts/${attemptId}/submit`);
      return paper.sections.flatMap((section) => section.questions.map((q) => q.id)).sort();
    };
    const before = await practiseChapter();
    expect(before).toEqual(expect.arrayContaining([free1, free2]));
    expect(before).not.toContain(held1);
    expect(before).not.toContain(held2);

    // The weekly mock's window closed for everyone long enough ago: its results are out, its question free.
    await movePastClose(instantId, 60);
    expect(await reservationOf(held2)).toBeNull();
    expect(await reservationOf(held1)).not.toBeNull();
    const after = await practiseChapter();
    expect(after).toContain(held2);
    expect(after).not.toContain(held1);
  });
});
