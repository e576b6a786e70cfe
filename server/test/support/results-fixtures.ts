// Scheduled exams with submitted attempts, for the results tests: through the real API (publish,
// schedule, start, save, submit), and for the ranking at scale a bulk SQL generator.
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from './bank-fixtures.js';
import { mcq, openExamNow, publishExam, putDraft, scheduleBody, type State } from './exam-fixtures.js';
import { signIn, type TestClient } from './test-app.js';
import type { TestClock } from './test-clock.js';

export type ResultItem = {
  attemptId: string;
  userId: string;
  name: string;
  email: string;
  attemptStatus: string;
  submitReason: string | null;
  total: string | null;
  sections: { id: string; name: string; marks: string | null }[];
  resultStatus: string | null;
  rank: number | null;
  percentile: string | null;
  batchRank: number | null;
  batchPercentile: string | null;
};
export type ResultPage = {
  items: ResultItem[];
  total: number;
  sections: { id: string; name: string }[];
  batches: { id: string; name: string }[];
  rankedCount: number;
};

/** A published two-section exam (Physics questions, +3/−1) scheduled now for `batchIds`. */
export async function scheduleResultsExam(
  clock: TestClock,
  author: TestClient,
  batchIds: string[],
  questionCount = 4,
): Promise<{ examId: string; questionIds: string[] }> {
  const topic = findTopic(await loadSyllabus(author), 'Physics');
  const questionIds: string[] = [];
  for (let i = 0; i < questionCount; i++) questionIds.push(await createQuestion(author, topic.topicId));
  const half = Math.ceil(questionCount / 2);
  const examId = await publishExam(author, {
    title: 'Results mock',
    durationMinutes: 60,
    lockedSections: false,
    sections: [
      { id: 'part_a', name: 'Part A (objective)', questionIds: questionIds.slice(0, half) },
      { id: 'part_b', name: 'Part B', questionIds: questionIds.slice(half) },
    ],
  });
  const scheduled = await author.put(`/api/exams/${examId}/schedule`, scheduleBody(clock, batchIds));
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  await openExamNow(clock, author, examId);
  return { examId, questionIds };
}

/**
 * A 10-minute exam of `questionIds` (+4/−1) with the given result release, published and scheduled
 * ahead of the clock for `batchIds` (the clock is not moved).
 */
export async function scheduleReleaseExam(input: {
  clock: TestClock;
  teacher: TestClient;
  batchIds: string[];
  questionIds: string[];
  title: string;
  resultRelease: { mode: 'instant' | 'manual' | 'scheduled'; at?: string };
  /** Overrides of `scheduleBody`'s window (opens in an hour, closes in four). */
  schedule?: Record<string, unknown>;
}): Promise<string> {
  const { teacher, title } = input;
  const exam = (await teacher.post('/api/exams', { title })).json<{
    exam: { id: string; draft: { instructions: object }; settings: Record<string, unknown> };
  }>().exam;
  await putDraft(teacher, exam.id, exam.draft.instructions, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    sections: [{ id: 'section-a', scheme: { correct: 4, wrong: -1 }, questionIds: input.questionIds }],
  });
  const settings = { ...exam.settings, resultRelease: input.resultRelease };
  const saved = await teacher.put(`/api/exams/${exam.id}/settings`, settings);
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await teacher.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(200);
  const scheduled = await teacher.put(
    `/api/exams/${exam.id}/schedule`,
    scheduleBody(input.clock, input.batchIds, input.schedule),
  );
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  return exam.id;
}

/**
 * The student starts and answers `answers` (question id -> option; the key is 'b'), then submits
 * unless `submit` is false.
 */
export async function sitExam(
  app: App,
  who: { email: string; password: string },
  examId: string,
  answers: Record<string, string>,
  submit = true,
): Promise<string> {
  const student = await signIn(app, who);
  const deviceId = `device-${who.email}`;
  const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
  expect(started.statusCode, started.body).toBe(200);
  const attemptId = started.json<State>().attempt.id;
  const saves = Object.entries(answers).map(([questionId, option], i) => mcq(questionId, option, i + 1));
  if (saves.length > 0) {
    const saved = await student.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  if (submit) expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
  return attemptId;
}

export async function readResults(client: TestClient, examId: string, query = ''): Promise<ResultPage> {
  const res = await client.get(`/api/exams/${examId}/results${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ResultPage>();
}

export {
  createSeededRandom,
  generateScore,
  insertGeneratedAttempts,
  type GeneratedAttempt,
  type GeneratedScore,
} from './generated-attempts.js';
