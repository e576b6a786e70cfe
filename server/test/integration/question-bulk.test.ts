import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionUsages } from '../../src/platform/db/schema.js';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { publishExam } from '../support/exam-fixtures.js';
import {
  createQuestion,
  findTopicIds,
  listVersionIds,
  mcqWithStem,
  samples,
  type Detail,
} from './question-samples.js';

const ctx = useTestApp();
let teacher: TestClient;
let topicId = '';
let otherTopic = { subjectId: '', chapterId: '', topicId: '' };

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
  topicId = (await findTopicIds(teacher, 'Mathematics', 'Probability', "Bayes' Theorem")).topicId;
  otherTopic = await findTopicIds(teacher, 'Mathematics', 'Statistics', 'Mean and Median');
});

const get = async (id: string) =>
  (await teacher.get(`/api/questions/${id}`)).json<{ question: Detail }>().question;
const createSome = (n: number, word: string) =>
  Promise.all(
    Array.from({ length: n }, (_v, i) =>
      createQuestion(teacher, mcqWithStem(`${word} urn problem ${i}`), topicId).then((q) => q.id),
    ),
  );
const tagCounts = async () =>
  new Map(
    (await teacher.get('/api/questions/tags'))
      .json<{ items: { tag: string; count: number }[] }>()
      .items.map((t) => [t.tag, t.count]),
  );

describe('bulk actions', () => {
  it('tags and untags many questions, and the tags become searchable', async () => {
    const ids = await createSome(3, 'Polya');
    const tagged = await teacher.post('/api/questions/bulk', {
      ids,
      action: 'tag',
      tags: ['Revision Set', 'bayes'],
    });
    expect(tagged.json()).toEqual({ updated: 3 });
    expect((await get(ids[0]!)).tags).toEqual(['revision set', 'bayes']);
    expect((await tagCounts()).get('revision set')).toBe(3);
    const found = (await teacher.get('/api/questions?q=polya%20revision')).json<{ total: number }>().total;
    expect(found).toBe(3);

    await teacher.post('/api/questions/bulk', {
      ids: ids.slice(0, 2),
      action: 'untag',
      tags: ['revision set'],
    });
    expect((await tagCounts()).get('revision set')).toBe(1);
    expect((await teacher.get('/api/questions?q=polya%20revision')).json<{ total: number }>().total).toBe(1);
    // Tagging is filing, not editing: no new version.
    expect((await get(ids[0]!)).version).toBe(1);
  });

  it('moves questions to another topic and archives and restores them', async () => {
    const ids = await createSome(2, 'Laplace');
    await teacher.post('/api/questions/bulk', { ids, action: 'move', topicId: otherTopic.topicId });
    const moved = await get(ids[1]!);
    expect(moved).toMatchObject({
      subject: { id: otherTopic.subjectId },
      chapter: { id: otherTopic.chapterId, name: 'Statistics' },
      topic: { id: otherTopic.topicId },
    });
    expect(moved.body.classification).toEqual({
      subject: 'Mathematics',
      chapter: 'Statistics',
      topic: 'Mean and Median',
    });

    await teacher.post('/api/questions/bulk', { ids, action: 'archive' });
    expect((await teacher.get('/api/questions?q=laplace')).json<{ total: number }>().total).toBe(0);
    await teacher.post('/api/questions/bulk', { ids, action: 'restore' });
    expect((await teacher.get('/api/questions?q=laplace')).json<{ total: number }>().total).toBe(2);
  });

  it('is all or nothing: one unknown id changes nothing and answers 404', async () => {
    const ids = await createSome(2, 'Bertrand');
    const res = await teacher.post('/api/questions/bulk', { ids: [...ids, randomUUID()], action: 'archive' });
    expect(res.statusCode).toBe(404);
    expect((await teacher.get('/api/questions?q=bertrand')).json<{ total: number }>().total).toBe(2);
  });

  it('asks for the tags or the topic an action needs', async () => {
    const ids = await createSome(1, 'Monty');
    const noTags = await teacher.post('/api/questions/bulk', { ids, action: 'tag', tags: ['  '] });
    expect(noTags.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'tags' }] } });
    const noTopic = await teacher.post('/api/questions/bulk', { ids, action: 'move' });
    expect(noTopic.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'topicId' }] },
    });
    const badTopic = await teacher.post('/api/questions/bulk', {
      ids,
      action: 'move',
      topicId: otherTopic.chapterId,
    });
    expect(badTopic.json()).toMatchObject({ error: { code: 'SYLLABUS_TOPIC_INVALID' } });
  });
});

describe('tags', () => {
  it('lists tags of active questions with counts, most used first', async () => {
    await createQuestion(teacher, { ...samples.tita, tags: ['cat', 'arithmetic'] }, topicId);
    await createQuestion(teacher, { ...samples.tita, tags: ['cat'] }, topicId);
    const counts = await tagCounts();
    expect(counts.get('cat')).toBeGreaterThanOrEqual(2);
    expect(counts.get('arithmetic')).toBeGreaterThanOrEqual(1);
    const items = (await teacher.get('/api/questions/tags')).json<{ items: { count: number }[] }>().items;
    expect(items.map((t) => t.count)).toEqual([...items.map((t) => t.count)].sort((a, b) => b - a));
  });
});

describe('versions used by exams', () => {
  it('an exam that used version 1 keeps version 1 after the question is edited', async () => {
    const question = await createQuestion(teacher, samples.mcq_single, topicId);
    const [v1] = await listVersionIds(teacher, question.id);
    // Publishing is the one path that records usage.
    const examId = await publishExam(teacher, {
      title: 'Uses version 1',
      durationMinutes: 10,
      lockedSections: false,
      sections: [{ id: 'a', questionIds: [question.id] }],
    });

    const edited = { ...samples.mcq_single, key: { optionId: 'c' } };
    expect(
      (await teacher.put(`/api/questions/${question.id}`, { question: edited, topicId })).statusCode,
    ).toBe(200);

    const usages = await ctx.app.database.db
      .select()
      .from(questionUsages)
      .where(eq(questionUsages.examId, examId));
    expect(usages.map((u) => u.versionId)).toEqual([v1]);
    const versions = (await teacher.get(`/api/questions/${question.id}/versions`)).json<{
      items: { id: string; body: { key: unknown } }[];
    }>().items;
    expect(versions.find((v) => v.id === v1)?.body.key).toEqual({ optionId: 'b' });
    expect((await get(question.id)).body.key).toEqual({ optionId: 'c' });
  });
});
