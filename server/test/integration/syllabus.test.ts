import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { toSyllabusPathKey } from '../../src/modules/syllabus/syllabus-service.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { createQuestion, findTopicIds, loadTree, samples } from './question-samples.js';

let env: TestEnv;
let app: App;
let teacher: TestClient;
let instituteId = '';

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  instituteId = (await teacher.get('/api/auth/me')).json<{ user: { institute: { id: string } } }>().user
    .institute.id;
});
afterAll(() => env.close());

type Node = {
  id: string;
  kind: string;
  parentId: string | null;
  name: string;
  position: number;
  archived: boolean;
};
const createNode = async (body: { kind: string; parentId?: string; name: string }) =>
  teacher.post('/api/syllabus/nodes', body);
const nodeOf = async (body: { kind: string; parentId?: string; name: string }) => {
  const res = await createNode(body);
  expect(res.statusCode).toBe(201);
  return res.json<{ node: Node }>().node;
};

describe('the default syllabus', () => {
  it('has JEE/NEET subjects with real chapters and topics, CAT sections and UPSC papers', async () => {
    const tree = await loadTree(teacher);
    expect(tree.subjects.map((s) => s.name)).toEqual([
      'Physics',
      'Chemistry',
      'Mathematics',
      'Biology',
      'CAT',
      'UPSC',
    ]);
    const physics = tree.subjects[0]!;
    expect(physics.chapters.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Units and Measurement',
        'Kinematics',
        'Laws of Motion',
        'Rotational Motion',
        'Modern Physics',
      ]),
    );
    for (const subject of tree.subjects) {
      for (const chapter of subject.chapters) expect(chapter.topics.length).toBeGreaterThanOrEqual(2);
    }
    const cat = tree.subjects.find((s) => s.name === 'CAT')!;
    expect(cat.chapters.map((c) => c.name)).toEqual(['VARC', 'DILR', 'QA']);
    expect(cat.chapters[0]!.topics.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Reading Comprehension', 'Para Jumbles']),
    );
    const upsc = tree.subjects.find((s) => s.name === 'UPSC')!;
    expect(upsc.chapters.map((c) => c.name)).toEqual(
      expect.arrayContaining(['GS Paper I: Polity', 'CSAT: Reasoning']),
    );
  });

  it('counts the active questions of each topic (the demo bank included)', async () => {
    const { topicId } = await findTopicIds(teacher, 'Physics', 'Kinematics', 'Relative Velocity');
    const countOf = async () =>
      (await loadTree(teacher)).subjects[0]!.chapters.find((c) => c.name === 'Kinematics')!.topics.find(
        (t) => t.id === topicId,
      )!.questionCount;
    expect(await countOf()).toBe(0);
    await createQuestion(teacher, samples.numerical, topicId);
    expect(await countOf()).toBe(1);
    const projectile = (await loadTree(teacher)).subjects[0]!.chapters.find(
      (c) => c.name === 'Kinematics',
    )!.topics.find((t) => t.name === 'Projectile Motion')!;
    expect(projectile.questionCount).toBeGreaterThanOrEqual(1);
  });

  it('is given to every new institute', async () => {
    const operator = await signIn(app, demo.operator);
    const created = await operator.post('/api/institutes', {
      name: 'Kota Classes',
      slug: 'kota',
      admin: { name: 'K Admin', email: 'admin@kota.example', password: 'Kota-Admin-123' },
    });
    expect(created.statusCode).toBe(201);
    const admin = await signIn(app, { email: 'admin@kota.example', password: 'Kota-Admin-123' });
    const tree = await loadTree(admin);
    expect(tree.subjects).toHaveLength(6);
    expect(
      tree.subjects.flatMap((s) => s.chapters.flatMap((c) => c.topics)).every((t) => t.questionCount === 0),
    ).toBe(true);
  });
});

describe('editing the tree', () => {
  it('creates a subject, chapter and topic, in order', async () => {
    const subject = await nodeOf({ kind: 'subject', name: 'Olympiad Physics' });
    const chapter = await nodeOf({ kind: 'chapter', parentId: subject.id, name: 'Fluid Dynamics' });
    const topic = await nodeOf({ kind: 'topic', parentId: chapter.id, name: 'Turbulence' });
    expect(topic).toMatchObject({ kind: 'topic', parentId: chapter.id, position: 0, archived: false });
    const tree = await loadTree(teacher);
    expect(tree.subjects.at(-1)).toMatchObject({
      name: 'Olympiad Physics',
      chapters: [{ name: 'Fluid Dynamics', topics: [{ name: 'Turbulence', questionCount: 0 }] }],
    });
  });

  it('refuses a name already used among siblings, in any case, with 409', async () => {
    const { chapterId } = await findTopicIds(teacher, 'Physics', 'Kinematics', 'Projectile Motion');
    const res = await createNode({ kind: 'topic', parentId: chapterId, name: '  projectile MOTION ' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'SYLLABUS_NAME_TAKEN', fields: [{ path: 'name' }] } });
    // The same name under another chapter is fine.
    const other = await findTopicIds(teacher, 'Physics', 'Laws of Motion', 'Friction');
    expect(
      (await createNode({ kind: 'topic', parentId: other.chapterId, name: 'Projectile Motion' })).statusCode,
    ).toBe(201);
  });

  it('refuses a wrong parent', async () => {
    const { subjectId, topicId } = await findTopicIds(teacher, 'Chemistry', 'Solutions', "Raoult's Law");
    const cases = [
      { kind: 'subject', parentId: subjectId, name: 'Nested subject' },
      { kind: 'chapter', name: 'Orphan chapter' },
      { kind: 'topic', parentId: subjectId, name: 'Topic under subject' },
      { kind: 'chapter', parentId: topicId, name: 'Chapter under topic' },
    ];
    for (const body of cases) {
      const res = await createNode(body);
      expect(res.json()).toMatchObject({
        error: { code: 'SYLLABUS_PARENT_INVALID', fields: [{ path: 'parentId' }] },
      });
    }
  });

  it('renames and reorders nodes', async () => {
    const subject = await nodeOf({ kind: 'subject', name: 'Aptitude' });
    const chapters = [];
    for (const name of ['Series', 'Coding-Decoding', 'Blood Relations'])
      chapters.push(await nodeOf({ kind: 'chapter', parentId: subject.id, name }));
    const renamed = await teacher.patch(`/api/syllabus/nodes/${chapters[1]!.id}`, {
      name: 'Coding and Decoding',
    });
    expect(renamed.json<{ node: Node }>().node.name).toBe('Coding and Decoding');
    const taken = await teacher.patch(`/api/syllabus/nodes/${chapters[1]!.id}`, { name: 'series' });
    expect(taken.statusCode).toBe(409);

    await teacher.patch(`/api/syllabus/nodes/${chapters[2]!.id}`, { position: 0 });
    const names = (await loadTree(teacher)).subjects
      .find((s) => s.id === subject.id)!
      .chapters.map((c) => c.name);
    expect(names).toEqual(['Blood Relations', 'Series', 'Coding and Decoding']);
  });

  it('archives a branch: hidden from the tree, shown with includeArchived, closed to new questions, restorable', async () => {
    const { chapterId, topicId } = await findTopicIds(
      teacher,
      'Biology',
      'Biotechnology',
      'Principles and Processes',
    );
    expect(
      (await teacher.patch(`/api/syllabus/nodes/${chapterId}`, { archived: true })).json<{ node: Node }>()
        .node.archived,
    ).toBe(true);
    const chapterNames = async (query = '') =>
      (await loadTree(teacher, query)).subjects
        .find((s) => s.name === 'Biology')!
        .chapters.map((c) => c.name);
    expect(await chapterNames()).not.toContain('Biotechnology');
    expect(await chapterNames('?includeArchived=true')).toContain('Biotechnology');
    const refused = await teacher.post('/api/questions', { question: samples.tita, topicId });
    expect(refused.json()).toMatchObject({ error: { code: 'SYLLABUS_TOPIC_INVALID' } });
    await teacher.patch(`/api/syllabus/nodes/${chapterId}`, { archived: false });
    expect(await chapterNames()).toContain('Biotechnology');
  });
});

describe('resolving names for imports', () => {
  it('maps paths case-insensitively, reports missing ones, and creates them on request', async () => {
    const { syllabus } = app;
    const known = { subject: ' physics', chapter: 'KINEMATICS', topic: 'projectile motion ' };
    const unknown = { subject: 'Physics', chapter: 'Kinematics', topic: 'Motion in a Plane' };
    const newSubject = { subject: 'Olympiad Chemistry', chapter: 'Crystallography', topic: 'Unit Cells' };
    const dry = await syllabus.resolveSyllabusPaths(
      app.database.db,
      instituteId,
      [known, unknown, newSubject],
      { createMissing: false },
    );
    const { topicId } = await findTopicIds(teacher, 'Physics', 'Kinematics', 'Projectile Motion');
    expect(dry.topicIds.get(toSyllabusPathKey(known))).toBe(topicId);
    expect(dry.topicIds.get('physics\u0000kinematics\u0000projectile motion')).toBe(topicId);
    expect(dry.missing).toEqual([unknown, newSubject]);

    const created = await app.database.db.transaction((tx) =>
      syllabus.resolveSyllabusPaths(
        tx,
        instituteId,
        [known, unknown, newSubject, { ...newSubject, topic: 'Miller Indices' }],
        { createMissing: true },
      ),
    );
    expect(created.missing).toEqual([]);
    expect(created.topicIds.size).toBe(4);
    // Written in the caller's transaction: the cached tree is dropped once it committed.
    syllabus.forgetTree(instituteId);
    const ids = await findTopicIds(teacher, 'Olympiad Chemistry', 'Crystallography', 'Unit Cells');
    expect(created.topicIds.get(toSyllabusPathKey(newSubject))).toBe(ids.topicId);
    const tree = await loadTree(teacher);
    expect(tree.subjects.filter((s) => s.name === 'Olympiad Chemistry')).toHaveLength(1);
    expect(
      tree.subjects.find((s) => s.name === 'Olympiad Chemistry')!.chapters[0]!.topics.map((t) => t.name),
    ).toEqual(['Unit Cells', 'Miller Indices']);
  });
});
