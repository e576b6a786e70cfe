import type { App } from '../../../src/app.js';
import { createQuestion, findTopic, loadSyllabus } from '../../support/bank-fixtures.js';
import { demo, signIn, TestClient } from '../../support/test-app.js';
import { demoStudent } from '../../../src/seed/demo-accounts.js';
import { validateFile } from '../question-import-support.js';
import { pngBytes } from '../question-samples.js';
import { keyChallengeSamples } from './key-challenge-routes.js';

/**
 * One valid request per route, sent by the role that may use it. The bad-input harness mutates
 * these; a route the app registers without an entry here fails the harness, so a new route is
 * covered as soon as it exists.
 */
export type Role = 'anonymous' | 'operator' | 'admin' | 'teacher' | 'student';
export type MultipartSample = { field: string; fileName: string; contentType: string; content: Buffer };
export type RouteSample = {
  as: Role;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  multipart?: MultipartSample;
};
export type Fixtures = {
  clients: Record<Role, TestClient>;
  ids: {
    victimUserId: string;
    batchId: string;
    examId: string;
    questionId: string;
    topicId: string;
    chapterId: string;
    nodeId: string;
    assetId: string;
    importId: string;
    practiceExamId: string;
    attemptId: string;
    paperQuestionId: string;
    submitAttemptId: string;
  };
};

const QUESTION_CSV = Buffer.from(
  'type,subject,chapter,topic,stem_en,option_a_en,option_b_en,answer\r\nmcq_single,Physics,Kinematics,Projectile Motion,Fuzz import question,yes,no,A\r\n',
);

/** Institute data every sample refers to: built once, through the API as users would. */
export async function buildFixtures(app: App): Promise<Fixtures> {
  const [operator, admin, teacher, student] = await Promise.all([
    signIn(app, demo.operator),
    signIn(app, demo.admin),
    signIn(app, demo.teacher),
    signIn(app, demoStudent(3)),
  ]);
  const clients = { anonymous: new TestClient(app), operator, admin, teacher, student };
  const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 1);
  const questionIds: string[] = [];
  for (let i = 0; i < 5; i++) questionIds.push(await createQuestion(teacher, topic.topicId));
  const victim = await admin.post('/api/users', {
    name: 'Fuzz victim',
    email: 'fuzz-victim@demo.examtech.in',
    role: 'student',
  });
  const batch = await admin.post('/api/batches', { name: 'Fuzz batch', code: 'FUZZ-1' });
  const exam = await teacher.post('/api/exams', { title: 'Fuzz exam', templateId: 'jee_main_paper1' });
  const node = await teacher.post('/api/syllabus/nodes', {
    kind: 'topic',
    parentId: topic.chapterId,
    name: 'Fuzz topic',
  });
  const asset = await teacher.upload('/api/assets', 'fuzz.png', pngBytes, 'image/png');
  const imported = await validateFile(teacher, { name: 'fuzz.csv', body: QUESTION_CSV });
  const startPractice = async (deviceId: string) => {
    const created = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [topic.chapterId],
      questionCount: 5,
      difficulty: 'mixed',
    });
    const examId = created.json<{ practiceTest: { id: string } }>().practiceTest.id;
    const started = await student.post(`/api/exams/${examId}/start`, { deviceId });
    return { examId, attemptId: started.json<{ attempt: { id: string } }>().attempt.id };
  };
  const practice = await startPractice('device-fuzz-1');
  const toSubmit = await startPractice('device-fuzz-2');
  const paper = await student.get(`/api/attempts/${practice.attemptId}/paper`);
  const paperQuestionId = paper.json<{ paper: { sections: { questions: { id: string }[] }[] } }>().paper
    .sections[0]!.questions[0]!.id;
  return {
    clients,
    ids: {
      victimUserId: victim.json<{ user: { id: string } }>().user.id,
      batchId: batch.json<{ batch: { id: string } }>().batch.id,
      examId: exam.json<{ exam: { id: string } }>().exam.id,
      questionId: questionIds[0]!,
      topicId: topic.topicId,
      chapterId: topic.chapterId,
      nodeId: node.json<{ node: { id: string } }>().node.id,
      assetId: asset.json<{ asset: { id: string } }>().asset.id,
      importId: imported.view.id,
      practiceExamId: practice.examId,
      attemptId: practice.attemptId,
      paperQuestionId,
      submitAttemptId: toSubmit.attemptId,
    },
  };
}

const csv = (text: string) => Buffer.from(text);

/** The table: "METHOD url" -> a valid request. */
export function routeSamples(f: Fixtures): Record<string, RouteSample> {
  const { ids } = f;
  const question = {
    type: 'numerical',
    difficulty: 'medium',
    tags: ['fuzz'],
    source: 'Fuzz source',
    format: { integerOnly: true },
    key: { kind: 'exact', value: 42 },
    content: { en: { stem: 'Fuzz stem $x$', solution: 'Fuzz solution' } },
    images: [{ id: ids.assetId, alt: 'fuzz image' }],
  };
  const section = {
    id: 'physics_a',
    name: 'Physics A',
    subject: 'Physics',
    scheme: { correct: 4, wrong: { num: -1, den: 1 }, byType: { numerical: { correct: 4, wrong: 0 } } },
    durationMinutes: 60,
    allowedTypes: ['mcq_single', 'numerical'],
    questionCount: 1,
    shuffleQuestions: true,
    shuffleOptions: false,
    items: [{ questionId: ids.questionId, marking: { correct: 3 } }],
  };
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  return {
    ...keyChallengeSamples(f),
    'GET /health': { as: 'anonymous' },
    'GET /ready': { as: 'anonymous' },
    'GET /metrics': { as: 'anonymous' },
    'POST /api/auth/login': {
      as: 'anonymous',
      body: { email: 'nobody@demo.examtech.in', password: 'Wrong-password-1' },
    },
    'POST /api/auth/logout': { as: 'anonymous', body: {} },
    'GET /api/auth/me': { as: 'teacher' },
    'POST /api/auth/change-password': {
      as: 'teacher',
      body: { currentPassword: 'Not-the-password-1', newPassword: 'New-password-123' },
    },
    'PATCH /api/me/preferences': { as: 'student', body: { uiLanguage: 'hi' } },
    'GET /api/institute': { as: 'admin' },
    'GET /api/institutes': { as: 'operator' },
    'POST /api/institutes': {
      as: 'operator',
      body: {
        name: 'Fuzz institute',
        slug: 'fuzz-institute',
        admin: { name: 'Fuzz admin', email: 'admin@fuzz.example', password: 'Fuzz-admin-123' },
      },
    },
    'GET /api/batches': { as: 'admin', query: { includeArchived: 'true' } },
    'POST /api/batches': {
      as: 'admin',
      body: { name: 'Fuzz batch two', code: 'FUZZ-2', description: 'Made by the bad-input harness' },
    },
    'GET /api/batches/:id': { as: 'admin', params: { id: ids.batchId } },
    'PATCH /api/batches/:id': {
      as: 'admin',
      params: { id: ids.batchId },
      body: { name: 'Fuzz batch', description: 'Still the fuzz batch', archived: false },
    },
    'PUT /api/batches/:id/staff': { as: 'admin', params: { id: ids.batchId }, body: { userIds: [] } },
    'GET /api/users': {
      as: 'admin',
      query: {
        role: 'student',
        batchId: ids.batchId,
        q: 'fuzz',
        includeInactive: 'true',
        page: '1',
        pageSize: '25',
      },
    },
    'POST /api/users': {
      as: 'admin',
      body: {
        name: 'Fuzz new',
        email: 'fuzz-new@demo.examtech.in',
        role: 'student',
        phone: '+91 90000 00000',
        rollNumber: 'FZ-1',
        batchIds: [ids.batchId],
        password: 'Fuzz-new-12345',
      },
    },
    'GET /api/users/:id': { as: 'admin', params: { id: ids.victimUserId } },
    'PATCH /api/users/:id': {
      as: 'admin',
      params: { id: ids.victimUserId },
      body: { name: 'Fuzz victim', phone: null, rollNumber: 'FZ-V', batchIds: [ids.batchId], active: true },
    },
    'POST /api/users/:id/reset-password': { as: 'admin', params: { id: ids.victimUserId }, body: {} },
    'POST /api/users/:id/unlock-sign-in': { as: 'admin', params: { id: ids.victimUserId } },
    'GET /api/students/import/template.csv': { as: 'admin' },
    'POST /api/students/import': {
      as: 'admin',
      query: { dryRun: 'true' },
      multipart: {
        field: 'file',
        fileName: 'students.csv',
        contentType: 'text/csv',
        content: csv(
          'name,email,roll_number,phone,batch_codes,password\r\nFuzz Kid,fuzz-kid@demo.examtech.in,FZ-K,,FUZZ-1,\r\n',
        ),
      },
    },
    'GET /api/exam-templates': { as: 'teacher' },
    'GET /api/exams': { as: 'teacher', query: { status: 'draft' } },
    'POST /api/exams': {
      as: 'teacher',
      body: { title: 'Fuzz exam two', templateId: 'jee_main_paper1', templateVersion: 1 },
    },
    'GET /api/exams/:id': { as: 'teacher', params: { id: ids.examId } },
    'PUT /api/exams/:id/draft': {
      as: 'teacher',
      params: { id: ids.examId },
      body: {
        title: 'Fuzz exam',
        durationMinutes: 60,
        lockedSections: false,
        instructions: { en: 'Read carefully.', hi: 'ध्यान से पढ़ें।' },
        sections: [section],
      },
    },
    'PUT /api/exams/:id/settings': {
      as: 'teacher',
      params: { id: ids.examId },
      body: {
        languages: ['en'],
        calculator: false,
        proctoring: {
          webcamSnapshots: false,
          snapshotIntervalSeconds: 60,
          screenRecording: false,
          tabSwitchDetection: true,
          fullScreenRequired: false,
          warnAfterViolations: 3,
          submitAfterViolations: 5,
        },
        resultRelease: { mode: 'scheduled', at: inAnHour },
        showAnswerKeyAfterRelease: true,
      },
    },
    'POST /api/exams/:id/autofill': {
      as: 'teacher',
      params: { id: ids.examId },
      body: {
        sections: [
          { sectionId: 'physics_a', rules: [{ chapterId: ids.chapterId, difficulty: 'medium', count: 1 }] },
        ],
        excludeUsedInLastExams: 1,
        excludeUsedForBatchIds: [ids.batchId],
        replaceExisting: true,
      },
    },
    'GET /api/exams/:id/similar': {
      as: 'teacher',
      params: { id: ids.examId },
      query: { questionId: ids.questionId },
    },
    'GET /api/exams/:id/preview': { as: 'teacher', params: { id: ids.examId }, query: { seed: 'fuzz-seed' } },
    'POST /api/exams/:id/publish': { as: 'teacher', params: { id: ids.examId }, body: {} },
    'POST /api/exams/:id/unpublish': { as: 'teacher', params: { id: ids.examId }, body: {} },
    'GET /api/exams/:id/results/release': { as: 'teacher', params: { id: ids.examId } },
    'POST /api/exams/:id/results/release': { as: 'teacher', params: { id: ids.examId }, body: {} },
    'GET /api/exams/:id/key-revisions': { as: 'teacher', params: { id: ids.examId } },
    'POST /api/exams/:id/key-revisions': {
      as: 'teacher',
      params: { id: ids.examId },
      body: { kind: 'change_key', questionId: ids.paperQuestionId, key: { optionId: 'a' }, reason: 'Typo' },
    },
    'GET /api/exams/:id/my-result-changes': { as: 'student', params: { id: ids.examId } },
    'GET /api/notifications': { as: 'student' },
    'POST /api/notifications/read-all': { as: 'student', body: {} },
    'POST /api/notifications/:id/read': { as: 'student', params: { id: ids.examId }, body: {} },
    'PUT /api/exams/:id/schedule': {
      as: 'teacher',
      params: { id: ids.examId },
      body: {
        mode: 'window',
        startsAt: inAnHour,
        windowEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
        batchIds: [ids.batchId],
        studentIds: [ids.victimUserId],
        registration: { required: true, deadline: inAnHour, capacity: 10 },
        accommodations: [{ userId: ids.victimUserId, compensatoryMinutesPerHour: 20 }],
      },
    },
    'GET /api/my/exams': { as: 'student' },
    'POST /api/exams/:id/register': { as: 'student', params: { id: ids.examId }, body: {} },
    'GET /api/practice-settings': { as: 'teacher' },
    'PUT /api/practice-settings': { as: 'teacher', body: { disabledSubjectIds: [], releasedOnly: false } },
    'GET /api/me/results': { as: 'student' },
    'GET /api/leaderboards/institute': { as: 'student', query: { period: '90d', top: '20' } },
    'GET /api/leaderboards/batches/:batchId': {
      as: 'admin',
      params: { batchId: ids.batchId },
      query: { period: 'all', top: '5' },
    },
    'GET /api/leaderboards/exams': { as: 'student' },
    'PATCH /api/institute/settings': {
      as: 'admin',
      body: { leaderboardNames: 'full', timeZone: 'Asia/Kolkata' },
    },
    'GET /api/leaderboards/exams/:examId': {
      as: 'teacher',
      params: { examId: ids.examId },
      query: { top: '3' },
    },
    'GET /api/me/progress/weak-areas': { as: 'student' },
    'GET /api/me/progress/recommendations': { as: 'student' },
    'GET /api/students/:userId/progress/weak-areas': { as: 'admin', params: { userId: ids.victimUserId } },
    'GET /api/me/progress/trends': { as: 'student' },
    'GET /api/students/:userId/progress/trends': { as: 'admin', params: { userId: ids.victimUserId } },
    'GET /api/practice-tests': { as: 'student' },
    'POST /api/practice-tests': {
      as: 'student',
      body: {
        scope: 'chapter',
        chapterIds: [ids.chapterId],
        questionCount: 5,
        difficulty: 'mixed',
        durationMinutes: 10,
      },
    },
    'GET /api/exams/:id/candidate-info': { as: 'student', params: { id: ids.practiceExamId } },
    'POST /api/exams/:id/start': {
      as: 'student',
      params: { id: ids.practiceExamId },
      body: { deviceId: 'device-fuzz-1' },
    },
    'GET /api/attempts/:id/paper': { as: 'student', params: { id: ids.attemptId } },
    'GET /api/attempts/:id/state': { as: 'student', params: { id: ids.attemptId } },
    'POST /api/attempts/:id/answers': {
      as: 'student',
      params: { id: ids.attemptId },
      body: {
        deviceId: 'device-fuzz-1',
        saves: [
          {
            questionId: ids.paperQuestionId,
            answer: { type: 'mcq_single', optionIds: ['a'] },
            state: 'answered',
            seq: 1,
            visits: 1,
            timeSpentMs: 1000,
            answeredAt: Date.now(),
          },
        ],
      },
    },
    'POST /api/attempts/:id/submit': { as: 'student', params: { id: ids.submitAttemptId }, body: {} },
    'GET /api/attempts/:id/result': { as: 'student', params: { id: ids.submitAttemptId } },
    'GET /api/attempts/:id/analysis': { as: 'student', params: { id: ids.submitAttemptId } },
    'GET /api/exams/:id/attempts/:attemptId/analysis': {
      as: 'teacher',
      params: { id: ids.examId, attemptId: ids.submitAttemptId },
    },
    'GET /api/exams/:id/results': {
      as: 'teacher',
      params: { id: ids.examId },
      query: {
        sort: 'score',
        order: 'desc',
        batchId: ids.batchId,
        search: 'fuzz',
        page: '1',
        pageSize: '20',
      },
    },
    'POST /api/exams/:id/results/:attemptId/status': {
      as: 'teacher',
      params: { id: ids.examId, attemptId: ids.submitAttemptId },
      body: { status: 'withheld', reason: 'Fuzz reason' },
    },
    'POST /api/attempts/:id/proctoring/events': {
      as: 'student',
      params: { id: ids.attemptId },
      body: {
        events: [
          {
            id: '7d1f6a2e-3b4c-4d5e-8f90-0a1b2c3d4e5f',
            kind: 'tab_hidden',
            startedAt: Date.now(),
            durationMs: 1000,
            questionId: ids.paperQuestionId,
          },
        ],
      },
    },
    'POST /api/attempts/:id/proctoring/evidence': {
      as: 'student',
      params: { id: ids.attemptId },
      body: { kind: 'snapshot', contentType: 'image/jpeg', bytes: 2000, takenAt: Date.now() },
    },
    'PUT /api/proctoring/evidence/:id/content': {
      as: 'student',
      params: { id: '7d1f6a2e-3b4c-4d5e-8f90-0a1b2c3d4e5f' },
      body: {},
    },
    'POST /api/proctoring/evidence/:id/complete': {
      as: 'student',
      params: { id: '7d1f6a2e-3b4c-4d5e-8f90-0a1b2c3d4e5f' },
      body: {},
    },
    'GET /api/proctoring/exams': { as: 'teacher' },
    'GET /api/proctoring/exams/:id/candidates': {
      as: 'teacher',
      params: { id: ids.examId },
      query: { filter: 'flagged', batchId: ids.batchId, cursor: '0', limit: '50' },
    },
    'POST /api/proctoring/attempts/:id/actions': {
      as: 'teacher',
      params: { id: ids.attemptId },
      body: { kind: 'message', reason: 'Fuzz reason', text: 'Fuzz message' },
    },
    'GET /api/proctoring/attempts/:id/review': { as: 'teacher', params: { id: ids.submitAttemptId } },
    'GET /api/proctoring/evidence/:id/content': {
      as: 'teacher',
      params: { id: '7d1f6a2e-3b4c-4d5e-8f90-0a1b2c3d4e5f' },
    },
    'PUT /api/proctoring/exams/:id/weights': {
      as: 'teacher',
      params: { id: ids.examId },
      body: { weights: { tab_hidden: 2, paste: 4 } },
    },
    'PUT /api/proctoring/attempts/:id/decision': {
      as: 'teacher',
      params: { id: ids.submitAttemptId },
      body: { decision: 'cleared', reason: 'Fuzz reason' },
    },
    'GET /api/syllabus': { as: 'teacher', query: { includeArchived: 'true' } },
    'POST /api/syllabus/nodes': {
      as: 'teacher',
      body: { kind: 'topic', parentId: ids.chapterId, name: 'Fuzz topic two' },
    },
    'PATCH /api/syllabus/nodes/:id': {
      as: 'teacher',
      params: { id: ids.nodeId },
      body: { name: 'Fuzz topic', position: 3, archived: false },
    },
    'GET /api/questions': {
      as: 'teacher',
      query: {
        q: 'fuzz',
        topicId: ids.topicId,
        type: 'numerical',
        difficulty: 'medium',
        tags: 'fuzz,pyq',
        language: 'en',
        missingLanguage: 'hi',
        notUsedInLastExams: '3',
        status: 'active',
        sort: 'created',
        page: '1',
        pageSize: '25',
      },
    },
    'POST /api/questions': { as: 'teacher', body: { question, topicId: ids.topicId } },
    'GET /api/questions/tags': { as: 'teacher' },
    'POST /api/questions/bulk': {
      as: 'teacher',
      body: { ids: [ids.questionId], action: 'tag', tags: ['fuzz-bulk'], topicId: ids.topicId },
    },
    'GET /api/questions/:id': { as: 'teacher', params: { id: ids.questionId } },
    'PUT /api/questions/:id': {
      as: 'teacher',
      params: { id: ids.questionId },
      body: { question, topicId: ids.topicId, changeNote: 'Fuzz change' },
    },
    'GET /api/questions/:id/versions': { as: 'teacher', params: { id: ids.questionId } },
    'POST /api/questions/:id/duplicate': { as: 'teacher', params: { id: ids.questionId }, body: {} },
    'POST /api/questions/:id/archive': { as: 'teacher', params: { id: ids.questionId }, body: {} },
    'POST /api/questions/:id/restore': { as: 'teacher', params: { id: ids.questionId }, body: {} },
    'POST /api/assets': {
      as: 'teacher',
      multipart: { field: 'file', fileName: 'fuzz.png', contentType: 'image/png', content: pngBytes },
    },
    'GET /api/assets/:id': { as: 'teacher', params: { id: ids.assetId } },
    'POST /api/assets/uploads': {
      as: 'teacher',
      body: { fileName: 'fuzz.png', contentType: 'image/png', size: pngBytes.length },
    },
    'POST /api/assets/uploads/complete': {
      as: 'teacher',
      body: { key: `uploads/institutes/${ids.assetId}/${ids.assetId}`, fileName: 'fuzz.png' },
    },
    'GET /api/question-imports/template.csv': { as: 'teacher' },
    'GET /api/question-imports/template.xlsx': { as: 'teacher' },
    'GET /api/questions/export.csv': { as: 'teacher', query: { q: 'fuzz', tags: 'fuzz', page: '1' } },
    'GET /api/questions/export.xlsx': { as: 'teacher', query: { q: 'fuzz', tags: 'fuzz', page: '1' } },
    'POST /api/question-imports': {
      as: 'teacher',
      multipart: { field: 'file', fileName: 'questions.csv', contentType: 'text/csv', content: QUESTION_CSV },
    },
    'GET /api/question-imports/:id': { as: 'teacher', params: { id: ids.importId } },
    'GET /api/question-imports/:id/errors.csv': { as: 'teacher', params: { id: ids.importId } },
    'POST /api/question-imports/:id/commit': {
      as: 'teacher',
      params: { id: ids.importId },
      body: { duplicates: 'skip' },
    },
  };
}
