import { sql } from 'drizzle-orm';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { App } from '../../src/app.js';
import { ANSWERS_SETTLE_MS } from '../../src/modules/exams/result-release.js';
import type { TestClient } from './test-app.js';
import type { TestClock } from './test-clock.js';

export type SaveResult = { questionId: string; seq: number; status: string; code?: string };
export type State = {
  attempt: { id: string; examId: string; status: string; deadlineAt: string; submitReason: string | null };
  answers: { questionId: string; answer: unknown; state: string; seq: number }[];
};
export type SectionPlan = {
  id: string;
  /** Defaults to the id in capitals. */
  name?: string;
  /** Defaults to +3 / −1. */
  scheme?: { correct: number; wrong: number };
  durationMinutes?: number;
  questionIds: string[];
};

/** A teacher's exam, published through the builder's HTTP API; returns its id. */
export async function publishExam(
  teacher: TestClient,
  plan: { title: string; durationMinutes: number; lockedSections: boolean; sections: SectionPlan[] },
): Promise<string> {
  const created = await teacher.post('/api/exams', { title: plan.title });
  const exam = created.json<{ exam: { id: string; draft: { instructions: unknown } } }>().exam;
  await putDraft(teacher, exam.id, exam.draft.instructions, plan);
  const published = await teacher.post(`/api/exams/${exam.id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  return exam.id;
}

export async function putDraft(
  teacher: TestClient,
  examId: string,
  instructions: unknown,
  plan: { title: string; durationMinutes: number; lockedSections: boolean; sections: SectionPlan[] },
): Promise<void> {
  const res = await teacher.put(`/api/exams/${examId}/draft`, {
    title: plan.title,
    durationMinutes: plan.durationMinutes,
    lockedSections: plan.lockedSections,
    instructions,
    sections: plan.sections.map((section) => ({
      id: section.id,
      name: section.name ?? section.id.toUpperCase(),
      scheme: section.scheme ?? { correct: 3, wrong: -1 },
      ...(section.durationMinutes ? { durationMinutes: section.durationMinutes } : {}),
      allowedTypes: ['mcq_single'],
      questionCount: section.questionIds.length,
      shuffleQuestions: false,
      shuffleOptions: false,
      items: section.questionIds.map((questionId) => ({ questionId })),
    })),
  });
  if (res.statusCode !== 200) throw new Error(`draft: ${res.statusCode} ${res.body}`);
}

/** A window-mode schedule an hour ahead of the app's clock for `batchIds`, with `overrides`. */
export function scheduleBody(clock: TestClock, batchIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    mode: 'window',
    startsAt: clock.isoIn(3_600_000),
    windowEndsAt: clock.isoIn(4 * 3_600_000),
    batchIds,
    studentIds: [],
    registration: { required: false },
    accommodations: [],
    ...overrides,
  };
}

/**
 * Moves the clock to a minute after the exam's scheduled start, as its manager reads it (the server
 * refuses a start in the past, rightly, so an exam is scheduled ahead and time moves to it).
 */
export async function openExamNow(clock: TestClock, manager: TestClient, examId: string): Promise<void> {
  const { startsAt } = await readSchedule(manager, examId);
  clock.set(Math.max(clock.now(), Date.parse(startsAt) + 60_000));
}

/**
 * Moves the clock past the exam's last deadline and the answers' settling time (saves in flight,
 * offline journals), as its manager reads the schedule: its answers are final, results may go out.
 */
export async function settleExamNow(clock: TestClock, manager: TestClient, examId: string): Promise<void> {
  const { endsAt } = await readSchedule(manager, examId);
  clock.set(Math.max(clock.now(), Date.parse(endsAt) + ANSWERS_SETTLE_MS + 60_000));
}

/** The exam's schedule as its manager reads it over HTTP. */
export async function readSchedule(
  manager: TestClient,
  examId: string,
): Promise<{ startsAt: string; windowEndsAt: string | null; endsAt: string }> {
  const res = await manager.get(`/api/exams/${examId}`);
  const schedule = res.json<{
    exam?: { schedule: { startsAt: string; windowEndsAt: string | null; endsAt: string } | null };
  }>().exam?.schedule;
  if (!schedule) throw new Error(`exam ${examId} is not scheduled (${res.statusCode})`);
  return schedule;
}

export type AttemptRow = {
  offline_since: string | null;
  online_again_at: string | null;
  started_at: string;
  deadline_at: string;
  late_saves: number;
  total_marks: string | null;
  status: string;
  submit_reason: string | null;
};

export async function readAttemptRow(app: App, attemptId: string): Promise<AttemptRow> {
  const result = await app.database.db.execute(
    sql`select offline_since, online_again_at, started_at, deadline_at, late_saves, total_marks, status, submit_reason
        from attempts where id = ${attemptId}`,
  );
  return (result as { rows: AttemptRow[] }).rows[0]!;
}

export const connectTo = (baseUrl: string, cookie: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
    });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });

export const emitWithAck = <T>(socket: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve) => socket.emit(event, payload, resolve));

export const mcq = (questionId: string, optionId: string, seq: number, answeredAt?: number) => ({
  questionId,
  answer: { type: 'mcq_single', optionIds: [optionId] },
  state: 'answered',
  seq,
  ...(answeredAt === undefined ? {} : { answeredAt }),
});

/** The id of the demo institute's JEE-2027-A batch, as its admin lists it. */
export async function findDemoBatchId(admin: TestClient): Promise<string> {
  return (await admin.get('/api/batches'))
    .json<{ items: { id: string; code: string }[] }>()
    .items.find((b) => b.code === 'JEE-2027-A')!.id;
}

/** A student's 5-question practice test on `chapterId`, started on `deviceId`: its attempt and questions in order. */
export async function startPracticeOn(client: TestClient, chapterId: string, deviceId: string) {
  const created = await client.post('/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [chapterId],
    questionCount: 5,
    difficulty: 'mixed',
  });
  const examId = created.json<{ practiceTest: { id: string } }>().practiceTest.id;
  const state = (await client.post(`/api/exams/${examId}/start`, { deviceId })).json<State>();
  const paper = (await client.get(`/api/attempts/${state.attempt.id}/paper`)).json<{
    paper: { sections: { questions: { id: string }[] }[] };
  }>();
  return { attemptId: state.attempt.id, questions: paper.paper.sections[0]!.questions.map((q) => q.id) };
}
