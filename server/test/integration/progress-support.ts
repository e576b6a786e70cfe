import { beforeAll, expect } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, loadSyllabus } from '../support/bank-fixtures.js';
import {
  findDemoBatchId,
  openExamNow,
  putDraft,
  scheduleBody,
  settleExamNow,
} from '../support/exam-fixtures.js';
import { demo, signIn, useTestApp, type TestClient } from '../support/test-app.js';
import type { TestClock } from '../support/test-clock.js';

export type WeakAreas = {
  subjects: {
    id: string;
    name: string;
    mastery: number | null;
    evidenceCount: number;
    chapters: {
      id: string;
      name: string;
      mastery: number | null;
      evidenceCount: number;
      topics: {
        id: string;
        name: string;
        mastery: number | null;
        evidenceCount: number;
        evidence: {
          questionId: string;
          examId: string;
          examTitle: string;
          outcome: string;
          source: string;
        }[];
      }[];
    }[];
  }[];
};
export type Recommendations = {
  items: {
    topic: { id: string; name: string };
    chapter: { id: string };
    reasons: string[];
    mastery: number;
  }[];
};

/** A chapter of its own under Physics with topics Alpha and Beta, and `perTopic` fixture MCQs (key `b`) in each. */
export async function buildProgressChapter(teacher: TestClient, name: string, perTopic: number) {
  const physics = (await loadSyllabus(teacher)).subjects.find((s) => s.name === 'Physics')!;
  const node = async (kind: 'chapter' | 'topic', parentId: string, nodeName: string) => {
    const res = await teacher.post('/api/syllabus/nodes', { kind, parentId, name: nodeName });
    expect(res.statusCode).toBe(201);
    return res.json<{ node: { id: string } }>().node.id;
  };
  const chapterId = await node('chapter', physics.id, name);
  const alpha = await node('topic', chapterId, `${name} Alpha`);
  const beta = await node('topic', chapterId, `${name} Beta`);
  const questions = { alpha: [] as string[], beta: [] as string[] };
  for (let i = 0; i < perTopic; i++) {
    questions.alpha.push(await createQuestion(teacher, alpha));
    questions.beta.push(await createQuestion(teacher, beta));
  }
  return { subjectId: physics.id, chapterId, topics: { alpha, beta }, questions };
}

let students = 0;
/** A fresh student in the given batches (their own history, their own practice limits). */
export async function newStudent(app: App, admin: TestClient, batchIds: string[]) {
  students += 1;
  const email = `progress-${students}-${Date.now()}@example.com`;
  const password = 'Progress-Student-1';
  const created = await admin.post('/api/users', {
    name: `Progress Student ${students}`,
    email,
    role: 'student',
    password,
    batchIds,
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<{ user: { id: string } }>().user.id;
  return { id, client: await signIn(app, { email, password }) };
}

let staffCount = 0;
/** A fresh teacher or proctor of the given batches, signed in. */
export async function newStaff(suite: ProgressSuite, role: 'teacher' | 'proctor', batchIds: string[]) {
  staffCount += 1;
  const email = `progress-${role}-${staffCount}-${Date.now()}@example.com`;
  const password = 'Progress-Staff-12';
  const created = await suite.admin.post('/api/users', {
    name: `${role} ${staffCount}`,
    email,
    role,
    password,
    batchIds,
  });
  expect(created.statusCode, created.body).toBe(201);
  return signIn(suite.app, { email, password });
}

/** Starts a practice test, answers every question (`b` is the fixtures' key) and submits; returns its question ids. */
export async function sitPractice(
  student: TestClient,
  body: Record<string, unknown>,
  answer: (questionId: string, index: number) => 'right' | 'wrong' | 'skip',
): Promise<{ examId: string; questionIds: string[]; shortfall?: string }> {
  const created = await student.post('/api/practice-tests', body);
  expect(created.statusCode, created.body).toBe(201);
  const practice = created.json<{ practiceTest: { id: string; shortfall?: string } }>().practiceTest;
  const deviceId = `progress-device-${practice.id.slice(0, 8)}`;
  const started = await student.post(`/api/exams/${practice.id}/start`, { deviceId });
  expect(started.statusCode).toBe(200);
  const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
  const paper = (await student.get(`/api/attempts/${attemptId}/paper`)).json<{
    paper: { sections: { questions: { id: string }[] }[] };
  }>();
  const questionIds = paper.paper.sections.flatMap((s) => s.questions.map((q) => q.id));
  const saves = questionIds.flatMap((questionId, i) => {
    const what = answer(questionId, i);
    if (what === 'skip') return [];
    const optionIds = [what === 'right' ? 'b' : 'a'];
    return [{ questionId, answer: { type: 'mcq_single', optionIds }, state: 'answered', seq: 1 }];
  });
  if (saves.length) {
    const saved = await student.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves });
    expect(saved.statusCode).toBe(200);
  }
  expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
  return {
    examId: practice.id,
    questionIds,
    ...(practice.shortfall ? { shortfall: practice.shortfall } : {}),
  };
}

export async function readWeakAreas(client: TestClient, path = '/api/me/progress/weak-areas') {
  const res = await client.get(path);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, tree: res.json<WeakAreas>() };
}

export const topicIn = (tree: WeakAreas, topicId: string) =>
  tree.subjects.flatMap((s) => s.chapters.flatMap((c) => c.topics)).find((t) => t.id === topicId);

export type ProgressSuite = {
  readonly app: App;
  readonly clock: TestClock;
  readonly admin: TestClient;
  readonly teacher: TestClient;
  readonly batchId: string;
  readonly chapter: Awaited<ReturnType<typeof buildProgressChapter>>;
};

/** A test app of the file's own, the demo admin and teacher signed in, and a chapter of `perTopic` questions per topic. */
export function useProgressSuite(chapterName: string, perTopic: number): ProgressSuite {
  const t = useTestApp();
  let ready: Omit<ProgressSuite, 'app' | 'clock'> | undefined;
  beforeAll(async () => {
    const admin = await signIn(t.app, demo.admin);
    const teacher = await signIn(t.app, demo.teacher);
    const batchId = await findDemoBatchId(admin);
    ready = { admin, teacher, batchId, chapter: await buildProgressChapter(teacher, chapterName, perTopic) };
  }, 60_000);
  const get = () => {
    if (!ready) throw new Error('useProgressSuite: read it inside hooks and tests');
    return ready;
  };
  return {
    get app() {
      return t.app;
    },
    get clock() {
      return t.clock;
    },
    get admin() {
      return get().admin;
    },
    get teacher() {
      return get().teacher;
    },
    get batchId() {
      return get().batchId;
    },
    get chapter() {
      return get().chapter;
    },
  };
}

/** A mock of `questionIds` for the demo batch, the clock moved inside its window. */
export async function openMock(
  suite: ProgressSuite,
  title: string,
  questionIds: string[],
  release: 'instant' | 'manual',
  showKey: boolean,
) {
  const exam = (await suite.teacher.post('/api/exams', { title })).json<{
    exam: { id: string; draft: { instructions: object }; settings: Record<string, unknown> };
  }>().exam;
  await putDraft(suite.teacher, exam.id, exam.draft.instructions, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    sections: [{ id: 'a', questionIds }],
  });
  const settings = { ...exam.settings, resultRelease: { mode: release }, showAnswerKeyAfterRelease: showKey };
  expect((await suite.teacher.put(`/api/exams/${exam.id}/settings`, settings)).statusCode).toBe(200);
  expect((await suite.teacher.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(200);
  const schedule = scheduleBody(suite.clock, [suite.batchId]);
  expect((await suite.teacher.put(`/api/exams/${exam.id}/schedule`, schedule)).statusCode).toBe(200);
  await openExamNow(suite.clock, suite.teacher, exam.id);
  return exam.id;
}

/** The clock past the mock's window and its answers' settling time: an instant result is out. */
export const closeMock = (suite: ProgressSuite, examId: string) =>
  settleExamNow(suite.clock, suite.teacher, examId);

/** The student sits the mock answering each question `a` (wrong, the default) or `b` (right), and submits. */
export async function sitMock(
  student: TestClient,
  examId: string,
  questionIds: string[],
  answer: (index: number) => 'a' | 'b' = () => 'a',
) {
  const deviceId = `mock-device-${examId.slice(0, 8)}`;
  const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
  expect(started.statusCode, started.body).toBe(200);
  const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
  const saves = questionIds.map((questionId, i) => ({
    questionId,
    answer: { type: 'mcq_single', optionIds: [answer(i)] },
    state: 'answered',
    seq: i + 1,
  }));
  expect((await student.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves })).statusCode).toBe(
    200,
  );
  expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
}
