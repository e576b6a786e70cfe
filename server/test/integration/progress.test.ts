import { describe, expect, it } from 'vitest';
import {
  newStudent,
  readWeakAreas,
  sitPractice,
  topicIn,
  useProgressSuite,
  type Recommendations,
} from './progress-support.js';

/**
 * Weak areas and recommendations from a student's practice tests, and the one-click practice of
 * recommended topics: only those topics, never a question the student has seen.
 */
const suite = useProgressSuite('Progress Optics', 8);
const t = suite;

const onTopics = (topicIds: string[], questionCount = 5, excludeSeen = false) => ({
  scope: 'topic',
  topicIds,
  questionCount,
  difficulty: 'mixed',
  ...(excludeSeen ? { excludeSeen: true } : {}),
});

describe('weak areas', () => {
  it('start empty, and move with each practice test the student submits', async () => {
    const { client: student } = await newStudent(t.app, suite.admin, [suite.batchId]);
    expect((await readWeakAreas(student)).tree.subjects).toEqual([]);
    expect((await student.get('/api/me/progress/recommendations')).json<Recommendations>().items).toEqual([]);

    // Five Alpha questions, all wrong: mastery 0 with the five as evidence.
    const first = await sitPractice(student, onTopics([suite.chapter.topics.alpha]), () => 'wrong');
    const afterWrong = await readWeakAreas(student);
    const alpha = topicIn(afterWrong.tree, suite.chapter.topics.alpha)!;
    expect(alpha).toMatchObject({ name: 'Progress Optics Alpha', mastery: 0, evidenceCount: 5 });
    expect(alpha.evidence.map((e) => e.questionId).sort()).toEqual([...first.questionIds].sort());
    expect(alpha.evidence[0]).toMatchObject({ examId: first.examId, outcome: 'wrong', source: 'practice' });
    expect(alpha.evidence[0]!.examTitle).toContain('Progress Optics Alpha');
    const physics = afterWrong.tree.subjects.find((s) => s.id === suite.chapter.subjectId)!;
    expect(physics.chapters.find((c) => c.id === suite.chapter.chapterId)).toMatchObject({
      mastery: 0,
      evidenceCount: 5,
    });
    // The page names questions, never their content, key or solution.
    expect(afterWrong.body).not.toMatch(/"key"|solution|"stem"|Fixture question/);

    // Beta, all right: mastery 1, and only Alpha is recommended, as weak on enough evidence.
    await sitPractice(student, onTopics([suite.chapter.topics.beta]), () => 'right');
    const afterRight = await readWeakAreas(student);
    expect(topicIn(afterRight.tree, suite.chapter.topics.beta)).toMatchObject({
      mastery: 1,
      evidenceCount: 5,
    });
    expect(topicIn(afterRight.tree, suite.chapter.topics.alpha)!.mastery).toBe(0);
    const recs = (await student.get('/api/me/progress/recommendations')).json<Recommendations>().items;
    expect(recs.map((r) => r.topic.id)).toEqual([suite.chapter.topics.alpha]);
    expect(recs[0]!.reasons).toEqual(expect.arrayContaining(['LOW_MASTERY', 'RECENT_MISTAKES']));

    // One click: the recommended topic, none of the five seen; three left, and it says so.
    const again = await sitPractice(student, onTopics([recs[0]!.topic.id], 5, true), () => 'right');
    expect(again.questionIds).toHaveLength(3);
    expect(again.questionIds.every((id) => suite.chapter.questions.alpha.includes(id))).toBe(true);
    expect(again.questionIds.some((id) => first.questionIds.includes(id))).toBe(false);
    expect(again.shortfall).toBe('Practice: 5 questions asked, 3 not seen before available');
    const moved = topicIn((await readWeakAreas(student)).tree, suite.chapter.topics.alpha)!;
    expect(moved.evidenceCount).toBe(8);
    expect(moved.mastery).toBeGreaterThan(0.3);
    expect(moved.mastery).toBeLessThan(0.5);

    // Everything of Alpha seen: a clear refusal, and nothing is created.
    const before = (await student.get('/api/practice-tests')).json<{ items: unknown[] }>().items.length;
    const none = await student.post('/api/practice-tests', onTopics([suite.chapter.topics.alpha], 5, true));
    expect(none.statusCode).toBe(422);
    expect(none.json<{ error: { code: string } }>().error.code).toBe('PRACTICE_NO_UNSEEN_QUESTIONS');
    expect((await student.get('/api/practice-tests')).json<{ items: unknown[] }>().items).toHaveLength(
      before,
    );
  });

  it('counts a question opened and left unanswered as weak evidence, and an unopened one not at all', async () => {
    const { client: student } = await newStudent(t.app, suite.admin, [suite.batchId]);
    const practice = await student.post('/api/practice-tests', onTopics([suite.chapter.topics.beta]));
    const examId = practice.json<{ practiceTest: { id: string } }>().practiceTest.id;
    const deviceId = 'progress-visited-1';
    const attemptId = (await student.post(`/api/exams/${examId}/start`, { deviceId })).json<{
      attempt: { id: string };
    }>().attempt.id;
    const paper = (await student.get(`/api/attempts/${attemptId}/paper`)).json<{
      paper: { sections: { questions: { id: string }[] }[] };
    }>();
    const [right, opened] = paper.paper.sections[0]!.questions.map((q) => q.id);
    const saves = [
      { questionId: right, answer: { type: 'mcq_single', optionIds: ['b'] }, state: 'answered', seq: 1 },
      { questionId: opened, answer: null, state: 'not_answered', seq: 2 },
    ];
    expect((await student.post(`/api/attempts/${attemptId}/answers`, { deviceId, saves })).statusCode).toBe(
      200,
    );
    expect((await student.post(`/api/attempts/${attemptId}/submit`)).statusCode).toBe(200);
    const beta = topicIn((await readWeakAreas(student)).tree, suite.chapter.topics.beta)!;
    expect(beta.evidenceCount).toBe(2);
    expect(beta.evidence.map((e) => e.outcome).sort()).toEqual(['correct', 'unanswered']);
    // One right (weight 1) and one opened and left (weight 1/4): 0.8.
    expect(beta.mastery).toBe(0.8);
  });
});

describe('practice by topic: bad input', () => {
  it('refuses unknown topics, a suite.chapter passed as a topic, and malformed ids, creating nothing', async () => {
    const { client: student } = await newStudent(t.app, suite.admin, [suite.batchId]);
    const samples = [
      onTopics([]),
      onTopics([suite.chapter.chapterId]),
      onTopics(['00000000-0000-4000-8000-000000000000']),
      { ...onTopics(['not-a-uuid']) },
      { ...onTopics([suite.chapter.topics.alpha]), excludeSeen: 'yes' },
      { ...onTopics([suite.chapter.topics.alpha]), topicIds: Array(101).fill(suite.chapter.topics.alpha) },
    ];
    for (const body of samples) {
      const res = await student.post('/api/practice-tests', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await student.get('/api/practice-tests')).json<{ items: unknown[] }>().items).toEqual([]);
    // The suite.chapter scope still works as before.
    const chapterTest = await student.post('/api/practice-tests', {
      scope: 'chapter',
      chapterIds: [suite.chapter.chapterId],
      questionCount: 5,
      difficulty: 'mixed',
    });
    expect(chapterTest.statusCode).toBe(201);
  });
});
