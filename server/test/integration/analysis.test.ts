import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { demoStudent } from '../../src/seed/demo-accounts.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { openExamNow, putDraft, scheduleBody, settleExamNow } from '../support/exam-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

/**
 * A student's analysis of one exam (issue 11): the numbers for a small known mock of three
 * candidates, nothing before release, keys only when the exam shows them, own attempt only, and
 * staff through their exam.
 */

let env: TestEnv;
let app: App;
let teacher: TestClient;
let students: TestClient[];
let studentIds: string[];
let questionIds: string[];

type Analysis = {
  answerKeyShown: boolean;
  total: Record<string, number | null>;
  sections: { name: string; correct: number; incorrect: number; unattempted: number; marks: number }[];
  byDifficulty: { difficulty: string; questions: number; attempted: number; correct: number }[];
  time: { totalMs: number; slowCorrect: number[]; careless: number[]; unansweredWithTime: number[] };
  navigation: number[];
  questions: {
    number: number;
    questionId: string;
    sectionName: string;
    difficulty: string;
    question: { key?: unknown; content: { en: { solution?: string } } };
    answer: unknown;
    outcome: string | null;
    marks: number | null;
    timeSpentMs: number;
    classAverageMs: number | null;
    classCorrectShare: number | null;
    timeFlag: string | null;
  }[];
  standing: { status: string; institute: { rank: number; percentile: string; count: number } } | null;
  comparison: { overall: { count: number } } | null;
};

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  const topic = findTopic(await loadSyllabus(teacher), 'Physics', 2);
  questionIds = [
    await createQuestion(teacher, topic.topicId, { difficulty: 'easy' }),
    await createQuestion(teacher, topic.topicId, { difficulty: 'hard' }),
    await createQuestion(teacher, topic.topicId, { difficulty: 'hard' }),
  ];
  students = [];
  studentIds = [];
  for (const n of [1, 2, 3]) {
    const client = await signIn(app, demoStudent(n));
    students.push(client);
    studentIds.push((await client.get('/api/auth/me')).json<{ user: { id: string } }>().user.id);
  }
}, 60_000);
afterAll(() => env.close());

async function scheduleMock(title: string, showAnswerKeyAfterRelease: boolean): Promise<string> {
  const exam = (await teacher.post('/api/exams', { title })).json<{
    exam: { id: string; draft: { instructions: object }; settings: Record<string, unknown> };
  }>().exam;
  const examId = exam.id;
  await putDraft(teacher, examId, exam.draft.instructions, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    sections: [{ id: 'mech', name: 'Mechanics', scheme: { correct: 4, wrong: -1 }, questionIds }],
  });
  const saved = await teacher.put(`/api/exams/${examId}/settings`, {
    ...exam.settings,
    resultRelease: { mode: 'instant' },
    showAnswerKeyAfterRelease,
  });
  expect(saved.statusCode).toBe(200);
  expect((await teacher.post(`/api/exams/${examId}/publish`)).statusCode).toBe(200);
  const scheduled = await teacher.put(
    `/api/exams/${examId}/schedule`,
    scheduleBody(env.clock, [], { studentIds }),
  );
  expect(scheduled.statusCode).toBe(200);
  await openExamNow(env.clock, teacher, examId);
  return examId;
}

/** Everyone's window closed long ago: an instant result is out. */
async function closeWindow(examId: string): Promise<void> {
  await settleExamNow(env.clock, teacher, examId);
}

type Save = { q: number; option: string | null; timeSpentMs: number };

async function sit(student: TestClient, examId: string, saves: Save[]): Promise<string> {
  const deviceId = `analysis-device-${Math.random().toString(36).slice(2, 10)}`;
  const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
  expect(started.statusCode).toBe(200);
  const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
  const res = await student.post(`/api/attempts/${attemptId}/answers`, {
    deviceId,
    saves: saves.map((s, i) => ({
      questionId: questionIds[s.q]!,
      answer: s.option === null ? null : { type: 'mcq_single', optionIds: [s.option] },
      state: s.option === null ? 'not_answered' : 'answered',
      seq: i + 1,
      visits: 1,
      timeSpentMs: s.timeSpentMs,
    })),
  });
  expect(res.json<{ results: { status: string }[] }>().results.every((r) => r.status === 'saved')).toBe(true);
  // Back to the first question at the end (a later request): its first visit stays first in the trail.
  const first = saves[0]!;
  const again = await student.post(`/api/attempts/${attemptId}/answers`, {
    deviceId,
    saves: [
      {
        questionId: questionIds[first.q]!,
        answer: first.option === null ? null : { type: 'mcq_single', optionIds: [first.option] },
        state: first.option === null ? 'not_answered' : 'answered',
        seq: saves.length + 1,
        visits: 2,
        timeSpentMs: first.timeSpentMs,
      },
    ],
  });
  expect(again.json<{ results: { status: string }[] }>().results[0]!.status).toBe('saved');
  expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
  return attemptId;
}

/** Candidate 1: Q1 right (slowly), Q2 wrong (quickly), Q3 opened and left; then 2 and 3 for the class. */
async function sitClass(examId: string): Promise<string[]> {
  return [
    await sit(students[0]!, examId, [
      { q: 0, option: 'b', timeSpentMs: 70_000 },
      { q: 1, option: 'a', timeSpentMs: 8_000 },
      { q: 2, option: null, timeSpentMs: 5_000 },
    ]),
    await sit(students[1]!, examId, [
      { q: 0, option: 'b', timeSpentMs: 40_000 },
      { q: 1, option: 'b', timeSpentMs: 30_000 },
    ]),
    await sit(students[2]!, examId, [{ q: 0, option: 'c', timeSpentMs: 20_000 }]),
  ];
}

describe('GET /api/attempts/:id/analysis', () => {
  let examId: string;
  let attempts: string[];
  beforeAll(async () => {
    examId = await scheduleMock('Analysis mock', true);
    attempts = await sitClass(examId);
  }, 60_000);

  it('refuses before release exactly as the result page does, with nothing of the key', async () => {
    const res = await students[0]!.get(`/api/attempts/${attempts[0]}/analysis`);
    expect(res.statusCode).toBe(403);
    const body = res.json<{ error: { code: string }; releasesAt: string | null }>();
    expect(body.error.code).toBe('RESULT_NOT_RELEASED');
    expect(body.releasesAt).toBe(
      (await students[0]!.get(`/api/attempts/${attempts[0]}/result`)).json<{ releasesAt: string }>()
        .releasesAt,
    );
    expect(res.body).not.toMatch(/"key"|solution|classAverage/);
  });

  it('after release: counts, time against the class, share right, difficulty and the trail', async () => {
    await closeWindow(examId);
    const res = await students[0]!.get(`/api/attempts/${attempts[0]}/analysis`);
    expect(res.statusCode).toBe(200);
    const analysis = res.json<Analysis>();
    expect(analysis.answerKeyShown).toBe(true);
    expect(analysis.total).toMatchObject({
      marks: 3,
      maxMarks: 12,
      correct: 1,
      incorrect: 1,
      unattempted: 1,
      attempted: 2,
      accuracy: 0.5,
    });
    expect(analysis.sections).toMatchObject([{ name: 'Mechanics', correct: 1, incorrect: 1, marks: 3 }]);
    const [q1, q2, q3] = analysis.questions;
    expect(q1).toMatchObject({ number: 1, questionId: questionIds[0], sectionName: 'Mechanics' });
    expect(q1).toMatchObject({ difficulty: 'easy', outcome: 'correct', marks: 4, timeSpentMs: 70_000 });
    // (70 + 40 + 20) / 3 s; two of three right; 70 s > 1.5 × 43.3 s.
    expect(q1).toMatchObject({ classAverageMs: 43_333, timeFlag: 'slow_correct' });
    expect(q1!.classCorrectShare).toBeCloseTo(2 / 3);
    expect(q1!.question.key).toEqual({ optionId: 'b' });
    // (8 + 30) / 2 s among those who spent time; one of three right; 8 s < 0.5 × 19 s.
    expect(q2).toMatchObject({ outcome: 'wrong', marks: -1, classAverageMs: 19_000, timeFlag: 'careless' });
    expect(q2!.classCorrectShare).toBeCloseTo(1 / 3);
    expect(q3).toMatchObject({ outcome: 'unanswered', classCorrectShare: 0, timeFlag: 'unanswered_time' });
    expect(analysis.time).toMatchObject({
      totalMs: 83_000,
      slowCorrect: [1],
      careless: [2],
      unansweredWithTime: [3],
    });
    expect(analysis.byDifficulty).toEqual([
      { difficulty: 'easy', questions: 1, attempted: 1, correct: 1, accuracy: 1 },
      { difficulty: 'hard', questions: 2, attempted: 1, correct: 0, accuracy: 0 },
    ]);
    expect(analysis.navigation).toEqual([1, 2, 3]);
    // The results' standing (analysis-standing.test.ts covers it): second of three here.
    expect(analysis.standing).toMatchObject({
      status: 'ranked',
      institute: { rank: 2, percentile: '66.6666667', count: 3 },
    });
    expect(analysis.comparison?.overall).toMatchObject({ count: 3 });
  });

  it('a student cannot read another’s analysis (404), nor can staff use the student route (403)', async () => {
    const res = await students[1]!.get(`/api/attempts/${attempts[0]}/analysis`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(questionIds[0]);
    expect((await teacher.get(`/api/attempts/${attempts[0]}/analysis`)).statusCode).toBe(403);
  });

  it('staff read any submitted attempt of their exam, and only through that exam', async () => {
    const res = await teacher.get(`/api/exams/${examId}/attempts/${attempts[2]}/analysis`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Analysis>().total).toMatchObject({ correct: 0, incorrect: 1, unattempted: 2 });
    const otherExam = await scheduleMock('Another mock', true);
    const wrongExam = await teacher.get(`/api/exams/${otherExam}/attempts/${attempts[2]}/analysis`);
    expect(wrongExam.statusCode).toBe(404);
    expect((await students[2]!.get(`/api/exams/${examId}/attempts/${attempts[2]}/analysis`)).statusCode).toBe(
      403,
    );
    const running = await students[0]!.post(`/api/exams/${otherExam}/start`, { deviceId: 'analysis-run-1' });
    const runningId = running.json<{ attempt: { id: string } }>().attempt.id;
    const notSubmitted = await teacher.get(`/api/exams/${otherExam}/attempts/${runningId}/analysis`);
    expect(notSubmitted.statusCode).toBe(409);
    expect(notSubmitted.json<{ error: { code: string } }>().error.code).toBe('ATTEMPT_NOT_SUBMITTED');
  });

  it('refuses bad ids with 400 and unknown ones with 404', async () => {
    expect((await students[0]!.get('/api/attempts/not-a-uuid/analysis')).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await students[0]!.get(`/api/attempts/${unknown}/analysis`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/exams/${examId}/attempts/${unknown}/analysis`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/exams/${examId}/attempts/x/analysis`)).statusCode).toBe(400);
  });
});

describe('an exam that withholds its key', () => {
  it('shows counts and times but no key, solution, per-question outcome or right/wrong lists', async () => {
    const examId = await scheduleMock('Keyless analysis mock', false);
    const [attemptId] = await sitClass(examId);
    await closeWindow(examId);
    const res = await students[0]!.get(`/api/attempts/${attemptId}/analysis`);
    expect(res.statusCode).toBe(200);
    const analysis = res.json<Analysis>();
    expect(analysis.answerKeyShown).toBe(false);
    expect(analysis.total).toMatchObject({ correct: 1, incorrect: 1 });
    expect(res.body).not.toMatch(/"key"|"solution"/);
    for (const q of analysis.questions) {
      expect(q.outcome).toBeNull();
      expect(q.marks).toBeNull();
      expect(q.timeFlag === null || q.timeFlag === 'unanswered_time').toBe(true);
    }
    expect(analysis.time.slowCorrect).toEqual([]);
    expect(analysis.time.careless).toEqual([]);
    expect(analysis.questions[0]!.timeSpentMs).toBe(70_000);
  });
});
