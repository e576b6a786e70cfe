import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  createQuestion as createFixtureQuestion,
  findTopic,
  loadSyllabus,
} from '../support/bank-fixtures.js';
import { listen } from '../support/http-client.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { findDemoBatchId, openExamNow, readSchedule } from '../support/exam-fixtures.js';
import { ANSWERS_SETTLE_MS } from '../../src/modules/exams/result-release.js';
import {
  emitWithAck,
  LeakScanner,
  openSocket,
  walkRoutes,
  type Marker,
} from './candidate-leaks/leak-scanner.js';
import { pngBytes } from './question-samples.js';

/**
 * Integrity rule 1 over HTTP and Socket.IO: a student walks every route the app registers and the
 * socket events of a scheduled exam and of a practice test, and no payload carries a key, a
 * solution or an image used only in a solution before the result is released to them. The
 * questions carry distinctive markers so that a leak is found wherever it appears.
 */
let env: TestEnv;
let app: App;
let baseUrl: string;
let teacher: TestClient;
let student: TestClient;

type Bank = {
  examQuestionIds: string[];
  practiceQuestionIds: string[];
  assets: { stem: string; examSolution: string; practiceSolution: string };
  examChapterId: string;
  practiceChapterId: string;
};
let bank: Bank;
/** Two mocks of the same questions, instant results: keys withheld, and keys shown once released. */
const examIds = { keysWithheld: '', keysAfterRelease: '' };
/** The student's submitted attempt of each mock. */
const attemptIds = { keysWithheld: '', keysAfterRelease: '' };

// Markers: a scheduled exam's secrets, and a practice question's (released once that test is submitted).
const EXAM_NUMERICAL_KEY = '918273';
const EXAM_TITA_KEY = 'zyxquokkaexam';
const PRACTICE_NUMERICAL_KEY = '827364';
const imageWithMarker = (marker: string) => Buffer.concat([pngBytes, Buffer.from(marker)]);

async function upload(marker: string): Promise<string> {
  const res = await teacher.upload('/api/assets', `${marker}.png`, imageWithMarker(marker), 'image/png');
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json<{ asset: { id: string } }>().asset.id;
}

async function createQuestion(question: unknown, topicId: string): Promise<string> {
  const res = await teacher.post('/api/questions', { question, topicId });
  if (res.statusCode !== 201) throw new Error(`question: ${res.statusCode} ${res.body}`);
  return res.json<{ question: { id: string } }>().question.id;
}

async function buildBank(): Promise<Bank> {
  const tree = await loadSyllabus(teacher);
  const examTopic = findTopic(tree, 'Mathematics', 3);
  const practiceTopic = findTopic(tree, 'Mathematics', 4);
  const assets = {
    stem: await upload('STEMIMAGEBYTES'),
    examSolution: await upload('EXAMSOLUTIONIMAGEBYTES'),
    practiceSolution: await upload('PRACTICESOLUTIONIMAGEBYTES'),
  };
  const examQuestionIds = [
    await createQuestion(
      {
        type: 'numerical',
        difficulty: 'medium',
        tags: [],
        format: { integerOnly: true },
        key: { kind: 'exact', value: Number(EXAM_NUMERICAL_KEY) },
        images: [
          { id: assets.stem, alt: 'stem figure' },
          { id: assets.examSolution, alt: 'EXAMSOLUTIONALT' },
        ],
        content: {
          en: {
            stem: 'Exam numerical: read the figure ![figure](image:' + assets.stem + ')',
            solution: `EXAMSOLUTIONTEXT1 as drawn ![worked](image:${assets.examSolution})`,
          },
        },
      },
      examTopic.topicId,
    ),
    await createQuestion(
      {
        type: 'tita',
        difficulty: 'medium',
        tags: [],
        key: { accepted: [EXAM_TITA_KEY], compare: 'text' },
        content: { en: { stem: 'Exam TITA: type the word', solution: 'EXAMSOLUTIONTEXT2' } },
      },
      examTopic.topicId,
    ),
    await createQuestion(
      {
        type: 'mcq_single',
        difficulty: 'medium',
        tags: [],
        options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
        key: { optionId: 'c' },
        content: {
          en: {
            stem: 'Exam MCQ: choose',
            options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}` })),
            solution: 'EXAMSOLUTIONTEXT3',
          },
        },
      },
      examTopic.topicId,
    ),
  ];
  const practiceQuestionIds = [
    await createQuestion(
      {
        type: 'numerical',
        difficulty: 'medium',
        tags: [],
        format: { integerOnly: true },
        key: { kind: 'exact', value: Number(PRACTICE_NUMERICAL_KEY) },
        images: [{ id: assets.practiceSolution, alt: 'PRACTICESOLUTIONALT' }],
        content: {
          en: {
            stem: 'Practice numerical',
            solution: `PRACTICESOLUTIONTEXT ![worked](image:${assets.practiceSolution})`,
          },
        },
      },
      practiceTopic.topicId,
    ),
  ];
  for (let i = 0; i < 5; i++)
    practiceQuestionIds.push(await createFixtureQuestion(teacher, practiceTopic.topicId));
  return {
    examQuestionIds,
    practiceQuestionIds,
    assets,
    examChapterId: examTopic.chapterId,
    practiceChapterId: practiceTopic.chapterId,
  };
}

const examMarkers = (): Marker[] => [
  { what: "the scheduled exam's numerical key", text: EXAM_NUMERICAL_KEY },
  { what: "the scheduled exam's TITA key", text: EXAM_TITA_KEY },
  { what: "a scheduled exam's solution", text: 'EXAMSOLUTIONTEXT' },
  { what: "the scheduled exam's solution-only image id", text: bank.assets.examSolution },
  { what: "the scheduled exam's solution-only image alt text", text: 'EXAMSOLUTIONALT' },
  { what: "the scheduled exam's solution-only image bytes", text: 'EXAMSOLUTIONIMAGEBYTES' },
];
const practiceMarkers = (): Marker[] => [
  { what: "the practice question's key", text: PRACTICE_NUMERICAL_KEY },
  { what: "the practice question's solution", text: 'PRACTICESOLUTIONTEXT' },
  { what: "the practice question's solution-only image id", text: bank.assets.practiceSolution },
  { what: "the practice question's solution-only image alt text", text: 'PRACTICESOLUTIONALT' },
  { what: "the practice question's solution-only image bytes", text: 'PRACTICESOLUTIONIMAGEBYTES' },
];

/** A published scratch exam of the three marked questions, instant results, open in a window for hours. */
async function scheduleExam(showAnswerKeyAfterRelease: boolean, opensInHours: number): Promise<string> {
  const exam = (await teacher.post('/api/exams', { title: 'Leak probe mock' })).json<{
    exam: { id: string; draft: { instructions: unknown; sections: Record<string, unknown>[] } };
  }>().exam;
  const draft = await teacher.put(`/api/exams/${exam.id}/draft`, {
    title: 'Leak probe mock',
    durationMinutes: 30,
    lockedSections: false,
    instructions: exam.draft.instructions,
    sections: [
      {
        ...exam.draft.sections[0],
        questionCount: 3,
        items: bank.examQuestionIds.map((questionId) => ({ questionId })),
      },
    ],
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const settings = await teacher.put(`/api/exams/${exam.id}/settings`, {
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
    // Instant results, but the window is open for others: the keys are not released yet either way.
    resultRelease: { mode: 'instant' },
    showAnswerKeyAfterRelease,
  });
  expect(settings.statusCode, settings.body).toBe(200);
  expect((await teacher.post(`/api/exams/${exam.id}/publish`)).statusCode).toBe(200);
  const admin = await signIn(app, demo.admin);
  const batchId = await findDemoBatchId(admin);
  const scheduled = await teacher.put(`/api/exams/${exam.id}/schedule`, {
    mode: 'window',
    startsAt: env.clock.isoIn(opensInHours * 3_600_000),
    windowEndsAt: env.clock.isoIn((opensInHours + 3) * 3_600_000),
    batchIds: [batchId],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  return exam.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  baseUrl = await listen(app);
  teacher = await signIn(app, demo.teacher);
  student = await signIn(app, demo.student);
  bank = await buildBank();
  // The second opens an hour after the first, so each is walked before its own start.
  examIds.keysWithheld = await scheduleExam(false, 1);
  examIds.keysAfterRelease = await scheduleExam(true, 2);
}, 120_000);
afterAll(() => env.close());

type Started = { attempt: { id: string } };
type PaperView = { paper: { sections: { questions: { id: string; type: string }[] }[] } };

/** Everything a candidate does in one sitting, each payload scanned; returns the attempt id. */
async function sit(
  scanner: LeakScanner,
  phase: string,
  sittingExamId: string,
  markers: readonly Marker[],
  ids: Record<string, string>,
): Promise<string> {
  const scan = (where: string, res: LightMyRequestResponse) => scanner.scanResponse(where, res, markers);
  await walkRoutes(app, student, `${phase}, before start`, { exam: sittingExamId, ...ids }, scan, {
    withWrites: false,
  });
  let started: LightMyRequestResponse | undefined;
  const start = async () =>
    (started = await student.post(`/api/exams/${sittingExamId}/start`, { deviceId: 'leak-device-1' }))
      .statusCode;
  // Before its start, Start is refused; then the clock moves to a minute after the scheduled start.
  if (phase === 'scheduled exam') {
    expect(await start()).toBe(409);
    await openExamNow(env.clock, teacher, sittingExamId);
  }
  expect(await start()).toBe(200);
  scan(`POST /api/exams/:id/start (${phase})`, started!);
  const attemptId = started!.json<Started>().attempt.id;
  const paperRes = await student.get(`/api/attempts/${attemptId}/paper`);
  scan(`GET /api/attempts/:id/paper (${phase})`, paperRes);
  const questions = paperRes.json<PaperView>().paper.sections.flatMap((s) => s.questions);

  const socket = await openSocket(baseUrl, student.cookie!, (event, payload) =>
    scanner.scan(`socket event ${event} (${phase})`, payload, markers),
  );
  try {
    const joined = await emitWithAck(socket, 'attempt:join', { attemptId });
    // Scanning an error ack would prove nothing: the join must have answered with the attempt.
    expect(JSON.parse(joined)).toHaveProperty('attempt.id', attemptId);
    scanner.scan(`socket attempt:join ack (${phase})`, joined, markers);
    const saves = questions.map((q, index) => ({
      questionId: q.id,
      answer:
        q.type === 'mcq_single'
          ? { type: 'mcq_single', optionIds: ['a'] }
          : q.type === 'numerical'
            ? { type: 'numerical', value: '1' }
            : q.type === 'tita'
              ? { type: 'tita', text: 'guess' }
              : null,
      state: 'answered',
      seq: index + 1,
    }));
    const ack = await emitWithAck(socket, 'answer:save', { attemptId, deviceId: 'leak-device-1', saves });
    expect(ack).toContain('"status":"saved"');
    scanner.scan(`socket answer:save ack (${phase})`, ack, markers);
    const httpSave = await student.post(`/api/attempts/${attemptId}/answers`, {
      deviceId: 'leak-device-1',
      saves: saves.map((s) => ({ ...s, seq: s.seq + 100 })),
    });
    scan(`POST /api/attempts/:id/answers (${phase})`, httpSave);
    await walkRoutes(
      app,
      student,
      `${phase}, during`,
      { exam: sittingExamId, attempt: attemptId, ...ids },
      scan,
      {
        withWrites: false,
      },
    );
    scan(`POST /api/attempts/:id/submit (${phase})`, await student.post(`/api/attempts/${attemptId}/submit`));
  } finally {
    socket.close();
  }
  return attemptId;
}

const bankIds = () => ({
  ...Object.fromEntries(bank.examQuestionIds.map((id, i) => [`exam question ${i + 1}`, id])),
  ...Object.fromEntries(bank.practiceQuestionIds.slice(0, 1).map((id) => ['practice question', id])),
  'stem image': bank.assets.stem,
  'exam solution image': bank.assets.examSolution,
  'practice solution image': bank.assets.practiceSolution,
});

describe('no key, solution or withheld image reaches a candidate before release', () => {
  it.each([
    ['keys withheld', 'keysWithheld'],
    ['keys shown after release, others still sitting', 'keysAfterRelease'],
  ] as const)(
    'in a scheduled exam with instant results (%s): paper, saves, socket, result, every route',
    async (_, which) => {
      const examId = examIds[which];
      const scanner = new LeakScanner();
      const markers = [...examMarkers(), ...practiceMarkers()];
      const attemptId = await sit(scanner, 'scheduled exam', examId, markers, bankIds());
      attemptIds[which] = attemptId;
      // After Submit: the window is still open for others, so a result may show a score, never a key.
      const result = await student.get(`/api/attempts/${attemptId}/result`);
      scanner.scanResponse('GET /api/attempts/:id/result (scheduled exam, after submit)', result, markers);
      const scan = (where: string, res: LightMyRequestResponse) => scanner.scanResponse(where, res, markers);
      await walkRoutes(
        app,
        student,
        'scheduled exam, after submit',
        { exam: examId, attempt: attemptId, ...bankIds() },
        scan,
        {
          withWrites: true,
        },
      );
      for (const where of [
        'GET /api/attempts/:id/paper',
        'socket attempt:join ack',
        'socket answer:save ack',
      ])
        expect(scanner.seen).toContain(where);
      // Either a score without keys, or (once results wait for the window to close) not released yet.
      expect([200, 403]).toContain(result.statusCode);
      expect(scanner.describe()).toEqual([]);
    },
  );

  it('in a practice test: never a scheduled exam’s question, and its own keys only after Submit', async () => {
    const scanner = new LeakScanner();
    const created = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [bank.examChapterId, bank.practiceChapterId],
      questionCount: 9,
      difficulty: 'mixed',
    });
    scanner.scanResponse('POST /api/practice-tests', created, [...examMarkers(), ...practiceMarkers()]);
    expect(created.statusCode, created.body).toBe(201);
    const practiceId = created.json<{ practiceTest: { id: string } }>().practiceTest.id;
    // Item 1: a question of a published paper whose results are not out is reserved, not practice.
    const reserved = bank.examQuestionIds.map((id, i) => ({
      what: `scheduled exam question ${i + 1} in the practice test`,
      text: id,
    }));
    const attemptId = await sit(
      scanner,
      'practice',
      practiceId,
      [...examMarkers(), ...practiceMarkers(), ...reserved],
      bankIds(),
    );
    // A practice result is released at Submit: its own keys may show now, a scheduled exam's never.
    const scan = (where: string, res: LightMyRequestResponse) =>
      scanner.scanResponse(where, res, [...examMarkers(), ...reserved], false);
    scan(
      'GET /api/attempts/:id/result (practice, after submit)',
      await student.get(`/api/attempts/${attemptId}/result`),
    );
    await walkRoutes(
      app,
      student,
      'practice, after submit',
      { exam: practiceId, attempt: attemptId, ...bankIds() },
      scan,
      {
        withWrites: true,
      },
    );
    expect(scanner.describe()).toEqual([]);
  });

  it('a provisional key: nothing once answers are final until it is published, then keys but no solution', async () => {
    const examId = examIds.keysWithheld;
    const ids = { exam: examId, attempt: attemptIds.keysWithheld, ...bankIds() };
    // The practice test's own keys are the student's since its Submit (the test before).
    const markers = examMarkers();
    // Answers of the first mock are final (its results are out, keys withheld); the second still runs.
    const { endsAt } = await readSchedule(teacher, examId);
    env.clock.set(Date.parse(endsAt) + ANSWERS_SETTLE_MS + 60_000);
    const before = new LeakScanner();
    await walkRoutes(
      app,
      student,
      'answers final, key not published',
      ids,
      (where, res) => before.scanResponse(where, res, markers, false),
      { withWrites: false },
    );
    expect(before.seen).toContain('GET /api/exams/:id/provisional-key');
    expect(before.describe()).toEqual([]);

    const published = await teacher.post(`/api/exams/${examId}/provisional-key`, {});
    expect(published.statusCode, published.body).toBe(200);
    const after = new LeakScanner();
    const solutionMarkers = examMarkers().filter((m) => !m.what.includes('key'));
    await walkRoutes(
      app,
      student,
      'provisional key published',
      ids,
      (where, res) => after.scanResponse(where, res, solutionMarkers, false),
      { withWrites: false },
    );
    expect(after.describe()).toEqual([]);
    // The key itself is now the candidate's to read (the scan above would have seen it).
    const key = await student.get(`/api/exams/${examId}/provisional-key`);
    expect(key.body).toContain(EXAM_NUMERICAL_KEY);
    expect(key.body).toContain(EXAM_TITA_KEY);
  });
});
