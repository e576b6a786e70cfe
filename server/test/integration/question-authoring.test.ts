import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { createQuestion, findTopicIds, samples, type Detail, type SampleType } from './question-samples.js';

const ctx = useTestApp();
let teacher: TestClient;
let admin: TestClient;
let topicId = '';

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
  admin = await signIn(ctx.app, demo.admin);
  topicId = (await findTopicIds(teacher, 'Physics', 'Laws of Motion', "Newton's Laws")).topicId;
});

type Fields = { path: string; code?: string }[];
const fieldsOf = (body: string) => (JSON.parse(body) as { error: { code: string; fields?: Fields } }).error;

describe('authoring every question type', () => {
  for (const type of Object.keys(samples) as SampleType[]) {
    it(`creates a ${type} question and reads it back with its classification and author`, async () => {
      const created = await createQuestion(teacher, samples[type], topicId);
      expect(created).toMatchObject({
        version: 1,
        type,
        status: 'active',
        subject: { name: 'Physics' },
        chapter: { name: 'Laws of Motion' },
        topic: { id: topicId, name: "Newton's Laws" },
        createdBy: { name: 'Rajesh Iyer' },
        updatedBy: { name: 'Rajesh Iyer' },
      });
      expect(created.languages).toEqual(Object.keys(samples[type].content));
      const fetched = (await teacher.get(`/api/questions/${created.id}`)).json<{ question: Detail }>()
        .question;
      expect(fetched.body).toMatchObject({
        id: created.id,
        type,
        classification: { subject: 'Physics', chapter: 'Laws of Motion', topic: "Newton's Laws" },
        key: samples[type].key,
        content: samples[type].content,
      });
    });
  }

  it('normalises tags and shows a plain-text stem preview without Markdown images', async () => {
    const created = await createQuestion(
      teacher,
      { ...samples.mcq_single, tags: [' PYQ ', 'Jee  Main'] },
      topicId,
    );
    expect(created.tags).toEqual(['pyq', 'jee main']);
    expect(created.stemPreview).toBe(
      'A body of mass $m$ is acted on by $\\vec{F}=m\\vec{a}$. Which law is this?',
    );
  });

  it('lets an institute admin author questions too', async () => {
    const created = await createQuestion(admin, samples.tita, topicId);
    expect(created.createdBy?.name).toBe('Anita Desai');
  });
});

describe('invalid questions are refused with precise field paths and nothing is saved', () => {
  const cases: [string, unknown, string[]][] = [
    ['a key naming an unknown option', { ...samples.mcq_single, key: { optionId: 'z' } }, ['key.optionId']],
    [
      'a Hindi version with a missing option',
      {
        ...samples.mcq_single,
        content: {
          ...samples.mcq_single.content,
          hi: {
            ...samples.mcq_single.content.hi,
            options: samples.mcq_single.content.hi.options.slice(0, 3),
          },
        },
      },
      ['content.hi.options'],
    ],
    [
      'a multi-correct question with no correct option',
      { ...samples.mcq_multi, key: { optionIds: [] } },
      ['key.optionIds'],
    ],
    [
      'an inverted numerical range',
      { ...samples.numerical, key: { kind: 'range', min: 5, max: 1 } },
      ['key.min'],
    ],
    [
      'a matrix row without an answer',
      { ...samples.matrix_match, key: { matches: { p: ['2'] } } },
      ['key.matches.q'],
    ],
    [
      'an assertion-reason question without its reason',
      { ...samples.assertion_reason, content: { en: { stem: 'Two statements.', assertion: 'Ice floats.' } } },
      ['content.en'],
    ],
    [
      'a TITA question with no accepted answer',
      { ...samples.tita, key: { accepted: [], compare: 'number' } },
      ['key.accepted'],
    ],
    [
      'a blank Hindi stem',
      { ...samples.numerical, content: { ...samples.numerical.content, hi: { stem: '  ' } } },
      ['content.hi.stem'],
    ],
  ];
  for (const [what, question, paths] of cases) {
    it(`refuses ${what}`, async () => {
      const before = (await teacher.get('/api/questions?pageSize=1')).json<{ total: number }>().total;
      const res = await teacher.post('/api/questions', { question, topicId });
      expect(res.statusCode).toBe(400);
      const error = fieldsOf(res.body);
      expect(error.code).toBe('QUESTION_INVALID');
      for (const path of paths) expect(error.fields?.map((f) => f.path)).toContain(path);
      expect(error.fields?.every((f) => typeof f.code === 'string')).toBe(true);
      expect((await teacher.get('/api/questions?pageSize=1')).json<{ total: number }>().total).toBe(before);
    });
  }

  it('refuses a body of the wrong shape with VALIDATION_FAILED naming the field', async () => {
    const res = await teacher.post('/api/questions', {
      question: { ...samples.mcq_single, key: undefined },
      topicId,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'question.key' }],
    });
  });

  it('refuses an unknown topic and a chapter in place of a topic', async () => {
    const { chapterId } = await findTopicIds(teacher, 'Physics', 'Laws of Motion', "Newton's Laws");
    for (const id of [chapterId, '00000000-0000-4000-8000-000000000000']) {
      const res = await teacher.post('/api/questions', { question: samples.tita, topicId: id });
      expect(fieldsOf(res.body)).toMatchObject({
        code: 'SYLLABUS_TOPIC_INVALID',
        fields: [{ path: 'topicId' }],
      });
    }
  });

  it('refuses an image that was not uploaded to the institute', async () => {
    const question = {
      ...samples.tita,
      images: [{ id: '11111111-1111-4111-8111-111111111111' }],
      content: { en: { stem: 'See ![graph](image:11111111-1111-4111-8111-111111111111)' } },
    };
    const res = await teacher.post('/api/questions', { question, topicId });
    expect(fieldsOf(res.body)).toMatchObject({ code: 'QUESTION_INVALID', fields: [{ path: 'images.0.id' }] });
  });
});

describe('versions', () => {
  it('an edit creates version 2; version 1 stays unchanged in the history', async () => {
    const created = await createQuestion(teacher, samples.mcq_single, topicId);
    const edited = {
      ...samples.mcq_single,
      difficulty: 'hard',
      content: {
        ...samples.mcq_single.content,
        en: { ...samples.mcq_single.content.en, stem: 'Edited: which law is $\\vec{F}=m\\vec{a}$?' },
      },
    };
    const res = await admin.put(`/api/questions/${created.id}`, {
      question: edited,
      topicId,
      changeNote: 'Clearer stem',
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json<{ question: Detail }>().question;
    expect(updated).toMatchObject({
      id: created.id,
      version: 2,
      difficulty: 'hard',
      createdBy: { name: 'Rajesh Iyer' },
      updatedBy: { name: 'Anita Desai' },
    });
    expect(updated.stemPreview).toContain('Edited');

    const versions = (await teacher.get(`/api/questions/${created.id}/versions`)).json<{
      items: {
        id: string;
        version: number;
        changeNote: string | null;
        createdBy: { name: string };
        body: { id: string; difficulty: string; content: { en: { stem: string } } };
      }[];
    }>().items;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ changeNote: 'Clearer stem', createdBy: { name: 'Anita Desai' } });
    expect(versions[1]!.body).toMatchObject({
      id: created.id,
      difficulty: 'easy',
      content: { en: { stem: samples.mcq_single.content.en.stem } },
    });
  });

  it('duplicates a question into a new version-1 question with the same content', async () => {
    const original = await createQuestion(teacher, samples.matrix_match, topicId);
    const res = await teacher.post(`/api/questions/${original.id}/duplicate`);
    expect(res.statusCode).toBe(201);
    const copy = res.json<{ question: Detail }>().question;
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ version: 1, type: 'matrix_match', topic: { id: topicId } });
    expect({ ...copy.body, id: '' }).toEqual({ ...original.body, id: '' });
  });
});

describe('archive and restore', () => {
  it('hides an archived question from the default list and brings it back on restore', async () => {
    const created = await createQuestion(teacher, samples.numerical, topicId);
    const archived = await teacher.post(`/api/questions/${created.id}/archive`);
    expect(archived.json<{ question: Detail }>().question.status).toBe('archived');
    const ids = async (query: string) =>
      (await teacher.get(`/api/questions?pageSize=200${query}`))
        .json<{ items: { id: string }[] }>()
        .items.map((q) => q.id);
    expect(await ids('')).not.toContain(created.id);
    expect(await ids('&status=archived')).toContain(created.id);
    expect(
      (await teacher.post(`/api/questions/${created.id}/restore`)).json<{ question: Detail }>().question
        .status,
    ).toBe('active');
    expect(await ids('')).toContain(created.id);
  });
});

describe('who may use the bank', () => {
  it('students and proctors get 403 on every bank route (they may only read the syllabus tree); signed-out users 401', async () => {
    const someId = (await createQuestion(teacher, samples.tita, topicId)).id;
    for (const who of [demo.student, demo.proctor]) {
      const client = await signIn(ctx.app, who);
      const responses = await Promise.all([
        client.get('/api/questions'),
        client.get(`/api/questions/${someId}`),
        client.get(`/api/questions/${someId}/versions`),
        client.get('/api/questions/tags'),
        client.post('/api/questions', { question: samples.tita, topicId }),
        client.put(`/api/questions/${someId}`, { question: samples.tita, topicId }),
        client.post(`/api/questions/${someId}/duplicate`),
        client.post(`/api/questions/${someId}/archive`),
        client.post('/api/questions/bulk', { ids: [someId], action: 'archive' }),
        client.post('/api/syllabus/nodes', { kind: 'subject', name: 'Hacking' }),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 403));
      // Practice tests are built by chapter, so the tree of names is readable; it holds no questions.
      const tree = await client.get('/api/syllabus');
      expect(tree.statusCode).toBe(200);
      expect(tree.body).not.toContain(someId);
    }
    const anonymous = await ctx.app.http.inject({ method: 'GET', url: '/api/questions' });
    expect(anonymous.statusCode).toBe(401);
  });
});
