import { expect } from 'vitest';
import type { TestClient } from '../../support/test-app.js';
import { createQuestion, findTopicIds, pngBytes, samples } from '../question-samples.js';
import type { TenancyCase, TenancyContext } from './cases.js';

type BankOfA = { questionId: string; topicId: string; chapterId: string; assetId: string; stem: string };

/** Question bank, syllabus and images: B's admin and teacher never see or change A's. */
export function questionBankCases(context: TenancyContext): Record<string, TenancyCase> {
  // The context's clients exist only after the test's beforeAll: read them lazily.
  const adminOfA = () => context.adminA;
  let bankOfA: Promise<BankOfA> | null = null;
  // Made once, on first use.
  const loadA = () =>
    (bankOfA ??= (async () => {
      const ids = await findTopicIds(adminOfA(), 'Physics', 'Kinematics', 'Projectile Motion');
      const stem = 'Tenancy probe: institute A only, sentinel word zanzibarite';
      const question = await createQuestion(
        adminOfA(),
        { ...samples.tita, tags: ['a-only'], content: { en: { stem } } },
        ids.topicId,
      );
      const asset = (await adminOfA().upload('/api/assets', 'a.png', pngBytes, 'image/png')).json<{
        asset: { id: string };
      }>().asset;
      return {
        questionId: question.id,
        topicId: ids.topicId,
        chapterId: ids.chapterId,
        assetId: asset.id,
        stem,
      };
    })());
  const leaksNothing = (body: string, a: BankOfA) =>
    [a.questionId, a.topicId, a.chapterId, a.assetId, 'zanzibarite', 'a-only'].every(
      (s) => !body.includes(s),
    );
  const aQuestion = async (a: BankOfA) =>
    (await adminOfA().get(`/api/questions/${a.questionId}`)).json<{
      question: { version: number; status: string; tags: string[]; topic: { id: string } };
    }>().question;
  const ownTopic = async (c: TestClient) =>
    (await findTopicIds(c, 'Physics', 'Kinematics', 'Projectile Motion')).topicId;

  return {
    'GET /api/syllabus': async (c) => {
      const a = await loadA();
      expect(leaksNothing((await c.get('/api/syllabus?includeArchived=true')).body, a)).toBe(true);
    },
    'POST /api/syllabus/nodes': async (c) => {
      const a = await loadA();
      expect(
        (await c.post('/api/syllabus/nodes', { kind: 'topic', parentId: a.chapterId, name: 'Planted in A' }))
          .statusCode,
      ).toBe(404);
      const chapter = (await adminOfA().get('/api/syllabus')).body;
      expect(chapter).not.toContain('Planted in A');
    },
    'PATCH /api/syllabus/nodes/:id': async (c) => {
      const a = await loadA();
      expect(
        (await c.patch(`/api/syllabus/nodes/${a.topicId}`, { name: 'Renamed by B', archived: true }))
          .statusCode,
      ).toBe(404);
      expect((await adminOfA().get('/api/syllabus')).body).toContain('Projectile Motion');
    },
    'GET /api/questions': async (c) => {
      const a = await loadA();
      for (const query of [
        '',
        '?q=zanzibarite',
        `?topicId=${a.topicId}`,
        '?tags=a-only',
        '?status=archived',
        '?notUsedInLastExams=3&pageSize=200',
      ]) {
        const res = await c.get(`/api/questions${query}`);
        expect(res.statusCode).toBe(200);
        expect(leaksNothing(res.body, a)).toBe(true);
      }
    },
    'POST /api/questions': async (c) => {
      const a = await loadA();
      const res = await c.post('/api/questions', { question: samples.tita, topicId: a.topicId });
      expect(res.json()).toMatchObject({ error: { code: 'SYLLABUS_TOPIC_INVALID' } });
    },
    'GET /api/questions/tags': async (c) => {
      const a = await loadA();
      expect(leaksNothing((await c.get('/api/questions/tags')).body, a)).toBe(true);
    },
    'POST /api/questions/bulk': async (c) => {
      const a = await loadA();
      const own = await createQuestion(c, samples.tita, await ownTopic(c));
      for (const body of [
        { ids: [a.questionId], action: 'archive' },
        { ids: [own.id, a.questionId], action: 'tag', tags: ['hijacked'] },
        { ids: [own.id], action: 'move', topicId: a.topicId },
      ]) {
        expect([400, 404]).toContain((await c.post('/api/questions/bulk', body)).statusCode);
      }
      expect(await aQuestion(a)).toMatchObject({ status: 'active', tags: ['a-only'] });
    },
    'GET /api/questions/:id': async (c) => {
      const a = await loadA();
      expect((await c.get(`/api/questions/${a.questionId}`)).statusCode).toBe(404);
    },
    'PUT /api/questions/:id': async (c) => {
      const a = await loadA();
      const res = await c.put(`/api/questions/${a.questionId}`, {
        question: samples.tita,
        topicId: await ownTopic(c),
      });
      expect(res.statusCode).toBe(404);
      expect((await aQuestion(a)).version).toBe(1);
    },
    'GET /api/questions/:id/versions': async (c) => {
      const a = await loadA();
      const res = await c.get(`/api/questions/${a.questionId}/versions`);
      expect(res.statusCode).toBe(404);
      expect(leaksNothing(res.body, a)).toBe(true);
    },
    'POST /api/questions/:id/duplicate': async (c) => {
      const a = await loadA();
      expect((await c.post(`/api/questions/${a.questionId}/duplicate`)).statusCode).toBe(404);
      expect(leaksNothing((await c.get('/api/questions?pageSize=200')).body, a)).toBe(true);
    },
    'POST /api/questions/:id/archive': async (c) => {
      const a = await loadA();
      expect((await c.post(`/api/questions/${a.questionId}/archive`)).statusCode).toBe(404);
      expect((await aQuestion(a)).status).toBe('active');
    },
    'POST /api/questions/:id/restore': async (c) => {
      const a = await loadA();
      expect((await c.post(`/api/questions/${a.questionId}/restore`)).statusCode).toBe(404);
    },
    'POST /api/assets': async (c) => {
      const a = await loadA();
      // Identical bytes in B become B's own asset, never a handle on A's.
      const res = await c.upload('/api/assets', 'same.png', pngBytes, 'image/png');
      expect(res.statusCode).toBe(201);
      expect(res.json<{ asset: { id: string } }>().asset.id).not.toBe(a.assetId);
    },
    'GET /api/assets/:id': async (c) => {
      const a = await loadA();
      expect((await c.get(`/api/assets/${a.assetId}`)).statusCode).toBe(404);
    },
    'POST /api/assets/uploads': async (c) => {
      const a = await loadA();
      // A plan is B's own: on local disk the multipart route, which keys B's files under B.
      const res = await c.post('/api/assets/uploads', {
        fileName: 'b.png',
        contentType: 'image/png',
        size: 10,
      });
      expect(res.statusCode).toBe(200);
      expect(leaksNothing(res.body, a)).toBe(true);
    },
    'POST /api/assets/uploads/complete': async (c) => {
      const a = await loadA();
      // A's own image key and a key under A's institute: neither becomes B's (asset-uploads.test.ts has it on S3).
      const instituteOfA = (await adminOfA().get('/api/auth/me')).json<{
        user: { institute: { id: string } };
      }>().user.institute.id;
      for (const key of [
        `uploads/institutes/${instituteOfA}/${a.assetId}`,
        `institutes/${instituteOfA}/assets/${a.assetId}`,
      ]) {
        const res = await c.post('/api/assets/uploads/complete', { key, fileName: 'x.png' });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ error: { code: 'UPLOAD_NOT_FOUND' } });
      }
      expect((await adminOfA().get(`/api/assets/${a.assetId}`)).statusCode).toBe(200);
    },
  };
}
