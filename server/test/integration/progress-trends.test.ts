import { describe, expect, it } from 'vitest';
import type { signIn } from '../support/test-app.js';
import {
  closeMock,
  newStaff,
  newStudent,
  openMock,
  sitMock,
  sitPractice,
  useProgressSuite,
} from './progress-support.js';

/**
 * Trends across exams: score, accuracy and (mocks) NTA percentile of every released result, overall
 * and per subject, to the student and to the staff who may read their weak areas.
 */
const suite = useProgressSuite('Progress Trends', 6);

type Trends = {
  overall: {
    examId: string;
    title: string;
    source: string;
    at: string;
    scorePct: number | null;
    accuracy: number | null;
    percentile: number | null;
  }[];
  subjects: {
    subject: string;
    points: { examId: string; scorePct: number | null; accuracy: number | null }[];
  }[];
};

async function readTrends(client: Awaited<ReturnType<typeof signIn>>, path = '/api/me/progress/trends') {
  const res = await client.get(path);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, trends: res.json<Trends>() };
}

describe('trends', () => {
  it('practice and released mocks, oldest first, with the mock percentile once computed; unreleased mocks add nothing', async () => {
    const a = await newStudent(suite.app, suite.admin, [suite.batchId]);
    const b = await newStudent(suite.app, suite.admin, [suite.batchId]);
    expect((await readTrends(a.client)).trends).toMatchObject({ overall: [], subjects: [] });

    const practice = await sitPractice(
      a.client,
      { scope: 'topic', topicIds: [suite.chapter.topics.alpha], questionCount: 5, difficulty: 'mixed' },
      () => 'right',
    );
    const [q1, q2, q3] = suite.chapter.questions.beta;
    const mock = await openMock(suite, 'Trends released mock', [q1!, q2!], 'instant', false);
    const manual = await openMock(suite, 'Trends manual mock', [q3!], 'manual', true);
    await sitMock(a.client, mock, [q1!, q2!], (i) => (i === 0 ? 'b' : 'a'));
    await sitMock(b.client, mock, [q1!, q2!], () => 'b');
    await sitMock(a.client, manual, [q3!], () => 'b');

    // The mock's window is still open: not released, not in the trends.
    let { body, trends } = await readTrends(a.client);
    expect(body).not.toContain(mock);
    expect(body).not.toContain(manual);
    expect(trends.overall).toEqual([
      expect.objectContaining({
        examId: practice.examId,
        source: 'practice',
        scorePct: 100,
        accuracy: 100,
        percentile: null,
      }),
    ]);
    expect(trends.subjects).toEqual([
      { subject: 'Physics', points: [expect.objectContaining({ examId: practice.examId, accuracy: 100 })] },
    ]);

    // Windows closed: the instant mock is released (even without its key); the manual one is not.
    await closeMock(suite, mock);
    await closeMock(suite, manual);
    ({ body, trends } = await readTrends(a.client));
    expect(body).not.toContain(manual);
    const mockPoint = trends.overall.find((p) => p.examId === mock);
    expect(mockPoint).toMatchObject({
      source: 'mock',
      title: 'Trends released mock',
      accuracy: 50,
      percentile: null,
    });
    expect(mockPoint!.scorePct).toBeLessThan(50);
    expect(trends.overall.map((p) => p.examId)).toEqual([practice.examId, mock]);

    // Once the results are computed the percentile is the institute NTA percentile: A below B.
    await suite.app.results.computeExamResults(mock);
    expect((await readTrends(a.client)).trends.overall[1]).toMatchObject({ examId: mock, percentile: 50 });
    const other = (await readTrends(b.client)).trends;
    expect(other.overall).toEqual([
      expect.objectContaining({ examId: mock, scorePct: 100, accuracy: 100, percentile: 100 }),
    ]);
    expect(JSON.stringify(other)).not.toContain(practice.examId);
    expect(other.subjects.map((s) => s.subject)).toEqual(['Physics']);
  });

  it('staff: admins and teachers of the student’s batches; not proctors, other teachers or students', async () => {
    const a = await newStudent(suite.app, suite.admin, [suite.batchId]);
    await sitPractice(
      a.client,
      { scope: 'topic', topicIds: [suite.chapter.topics.beta], questionCount: 5, difficulty: 'mixed' },
      (_, i) => (i < 2 ? 'right' : 'wrong'),
    );
    const own = (await readTrends(a.client)).trends;
    expect(own.overall).toHaveLength(1);
    expect(own.overall[0]!.accuracy).toBe(40);
    const path = `/api/students/${a.id}/progress/trends`;
    expect((await readTrends(suite.admin, path)).trends.overall).toEqual(own.overall);
    expect((await readTrends(suite.teacher, path)).trends.subjects).toEqual(own.subjects);

    const otherBatch = (
      await suite.admin.post('/api/batches', { name: 'Trends other', code: 'TRENDS-OTHER' })
    ).json<{
      batch: { id: string };
    }>().batch.id;
    const outsider = await newStaff(suite, 'teacher', [otherBatch]);
    expect((await outsider.get(path)).statusCode).toBe(404);
    const proctor = await newStaff(suite, 'proctor', [suite.batchId]);
    expect((await proctor.get(path)).statusCode).toBe(403);
    expect((await a.client.get(path)).statusCode).toBe(403);
    expect((await suite.teacher.get('/api/me/progress/trends')).statusCode).toBe(403);
    const res = await suite.admin.get('/api/students/not-a-uuid/progress/trends');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    expect(
      (await suite.admin.get('/api/students/00000000-0000-4000-8000-000000000000/progress/trends'))
        .statusCode,
    ).toBe(404);
  });
});
