import { describe, expect, it } from 'vitest';
import {
  closeMock,
  newStaff,
  newStudent,
  openMock,
  sitMock,
  readWeakAreas,
  sitPractice,
  topicIn,
  useProgressSuite,
  type Recommendations,
} from './progress-support.js';

/**
 * What a weak-areas page may show: only results released to the student with their key (an
 * unreleased mock, or one released without its key, adds nothing), to the student themselves and
 * to the admins and teachers of their batches.
 */
const suite = useProgressSuite('Progress Waves', 6);
const t = suite;

describe('mocks in weak areas', () => {
  it('an unreleased mock, or one released without its key, leaks no outcome; a released one counts', async () => {
    const { client: student } = await newStudent(t.app, suite.admin, [suite.batchId]);
    const [q1, q2, q3] = suite.chapter.questions.beta;
    const manual = await openMock(suite, 'Progress manual mock', [q1!, q2!], 'manual', true);
    const noKey = await openMock(suite, 'Progress keyless mock', [q3!], 'instant', false);
    await sitMock(student, manual, [q1!, q2!]);
    await sitMock(student, noKey, [q3!]);
    // Windows closed long ago: the keyless one is released (without the key), the manual one is not.
    await closeMock(suite, manual);
    await closeMock(suite, noKey);
    for (const path of ['/api/me/progress/weak-areas', '/api/me/progress/recommendations']) {
      const res = await student.get(path);
      expect(res.statusCode).toBe(200);
      for (const id of [manual, noKey, q1, q2, q3, suite.chapter.topics.beta])
        expect(res.body).not.toContain(id);
    }
    expect((await readWeakAreas(student)).tree.subjects).toEqual([]);

    // A released mock with its key counts as evidence from a mock, and weighs its suite.chapter in the pattern.
    const released = await openMock(
      suite,
      'Progress released mock',
      suite.chapter.questions.alpha.slice(0, 3),
      'instant',
      true,
    );
    await sitMock(student, released, suite.chapter.questions.alpha.slice(0, 3));
    await closeMock(suite, released);
    const alpha = topicIn((await readWeakAreas(student)).tree, suite.chapter.topics.alpha)!;
    expect(alpha).toMatchObject({ mastery: 0, evidenceCount: 3 });
    expect(alpha.evidence.every((e) => e.source === 'mock' && e.examTitle === 'Progress released mock')).toBe(
      true,
    );
    const recs = (await student.get('/api/me/progress/recommendations')).json<Recommendations>().items;
    expect(recs[0]).toMatchObject({ topic: { id: suite.chapter.topics.alpha } });
    expect(recs[0]!.reasons).toEqual(['LOW_MASTERY', 'HIGH_EXAM_WEIGHT', 'RECENT_MISTAKES']);

    // Exclude-seen leaves out the mock's questions as well as unreleased ones (never drawn into practice).
    const fresh = await sitPractice(
      student,
      {
        scope: 'topic',
        topicIds: [suite.chapter.topics.alpha],
        questionCount: 5,
        difficulty: 'mixed',
        excludeSeen: true,
      },
      () => 'right',
    );
    expect([...fresh.questionIds].sort()).toEqual(suite.chapter.questions.alpha.slice(3).sort());
  });
});

describe('who may read weak areas', () => {
  it('the student their own; admins and teachers of the student’s batches theirs; nobody else', async () => {
    const { id, client: student } = await newStudent(t.app, suite.admin, [suite.batchId]);
    await sitPractice(
      student,
      { scope: 'topic', topicIds: [suite.chapter.topics.alpha], questionCount: 5, difficulty: 'mixed' },
      () => 'wrong',
    );
    const own = (await readWeakAreas(student)).tree;
    expect(topicIn(own, suite.chapter.topics.alpha)!.evidenceCount).toBe(5);
    const path = `/api/students/${id}/progress/weak-areas`;
    expect((await readWeakAreas(suite.admin, path)).tree.subjects).toEqual(own.subjects);
    expect((await readWeakAreas(suite.teacher, path)).tree.subjects).toEqual(own.subjects);

    // A suite.teacher of another batch: 404, as for a student who does not exist.
    const otherBatch = (
      await suite.admin.post('/api/batches', { name: 'Progress other', code: 'PROG-OTHER' })
    ).json<{
      batch: { id: string };
    }>().batch.id;
    const outsider = await newStaff(suite, 'teacher', [otherBatch]);
    expect((await outsider.get(path)).statusCode).toBe(404);
    // Proctors and students may not read a student's weak areas, even their own through this route.
    const proctor = await newStaff(suite, 'proctor', [suite.batchId]);
    expect((await proctor.get(path)).statusCode).toBe(403);
    expect((await student.get(path)).statusCode).toBe(403);
    // Another student: their own page shows none of this student's evidence.
    const { client: other } = await newStudent(t.app, suite.admin, [suite.batchId]);
    expect((await readWeakAreas(other)).tree.subjects).toEqual([]);
    // Staff have no page of their own; a user who is not a student has none either.
    expect((await suite.teacher.get('/api/me/progress/weak-areas')).statusCode).toBe(403);
    expect((await suite.admin.get('/api/me/progress/recommendations')).statusCode).toBe(403);
    const teacherId = (await suite.teacher.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
    expect((await suite.admin.get(`/api/students/${teacherId}/progress/weak-areas`)).statusCode).toBe(404);
    // Bad ids: 400, never 5xx.
    for (const bad of ['nope', '00000000-0000-4000-8000-00000000000g']) {
      const res = await suite.admin.get(`/api/students/${bad}/progress/weak-areas`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    expect(
      (await suite.admin.get(`/api/students/00000000-0000-4000-8000-000000000000/progress/weak-areas`))
        .statusCode,
    ).toBe(404);
  });
});
