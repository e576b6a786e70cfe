import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestEnv, demo, signIn, TestClient, type TestEnv } from '../support/test-app.js';
import { isWebAssetRoute } from '../support/web-assets.js';
import { loadTenancyCases, type TenancyCase, type TenancyContext } from './tenancy/cases.js';

/**
 * A user of institute B must never see or touch institute A. Every route the app registers needs a
 * case here: adding a route without one fails this test.
 */
let env: TestEnv;
let app: App;
let adminA: TestClient;
let adminB: TestClient;
let teacherB: TestClient;
const a = { batchId: '', batchCode: 'JEE-2027-A', studentId: '', teacherId: '', instituteId: '' };
let bBatchId = '';

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  adminA = await signIn(app, demo.admin);
  const operator = await signIn(app, demo.operator);
  const created = await operator.post('/api/institutes', {
    name: 'Institute B',
    slug: 'institute-b',
    admin: { name: 'Admin B', email: 'admin@b.example', password: 'Admin-B-12345' },
  });
  expect(created.statusCode).toBe(201);
  adminB = await signIn(app, { email: 'admin@b.example', password: 'Admin-B-12345' });
  bBatchId = (await adminB.post('/api/batches', { name: 'B batch', code: 'B-1' })).json<{
    batch: { id: string };
  }>().batch.id;
  await adminB.post('/api/users', {
    name: 'Teacher B',
    email: 'teacher@b.example',
    role: 'teacher',
    password: 'Teacher-B-123',
    batchIds: [bBatchId],
  });
  teacherB = await signIn(app, { email: 'teacher@b.example', password: 'Teacher-B-123' });

  const me = (await adminA.get('/api/auth/me')).json<{ user: { institute: { id: string } } }>();
  a.instituteId = me.user.institute.id;
  a.batchId = (await adminA.get('/api/batches'))
    .json<{ items: { id: string; code: string }[] }>()
    .items.find((b) => b.code === a.batchCode)!.id;
  a.studentId = (await adminA.get('/api/users?role=student')).json<{
    items: { id: string }[];
  }>().items[0]!.id;
  a.teacherId = (await adminA.get('/api/users?role=teacher')).json<{
    items: { id: string }[];
  }>().items[0]!.id;
});
afterAll(() => env.close());

const aIds = () => [a.batchId, a.studentId, a.teacherId, a.instituteId];
const leaksNothing = (body: string) => aIds().every((id) => !body.includes(id));
const csv = (rows: string[]) => ['name,email,roll_number,phone,batch_codes,password', ...rows].join('\n');

const baseCases: Record<string, TenancyCase> = {
  'GET /health': async (c) => expect(leaksNothing((await c.get('/health')).body)).toBe(true),
  'GET /ready': async (c) => expect(leaksNothing((await c.get('/ready')).body)).toBe(true),
  'GET /metrics': async (c) => expect(leaksNothing((await c.get('/metrics')).body)).toBe(true),
  'POST /api/auth/login': async () => {
    // Signing in is by one's own credentials; institute A's password still guards A's accounts.
    expect((await new TestClient(app).login(demo.admin.email, 'Admin-B-12345')).statusCode).toBe(401);
  },
  'POST /api/auth/logout': async () => {
    const other = await signIn(app, { email: 'admin@b.example', password: 'Admin-B-12345' });
    await other.post('/api/auth/logout');
    expect((await adminA.get('/api/auth/me')).statusCode).toBe(200);
  },
  'GET /api/auth/me': async (c) => expect(leaksNothing((await c.get('/api/auth/me')).body)).toBe(true),
  'POST /api/auth/change-password': async (c) => {
    const res = await c.post('/api/auth/change-password', {
      currentPassword: demo.admin.password,
      newPassword: 'Hijack-12345',
    });
    expect(res.statusCode).toBe(400);
    expect((await new TestClient(app).login(demo.admin.email, demo.admin.password)).statusCode).toBe(200);
  },
  'PATCH /api/me/preferences': async (c) => {
    // Only the caller's own row changes: A's admin keeps their language, and nothing of A comes back.
    const res = await c.request('PATCH', '/api/me/preferences', { uiLanguage: 'hi' });
    expect(res.statusCode).toBe(200);
    expect(leaksNothing(res.body)).toBe(true);
    expect((await adminA.get('/api/auth/me')).json<{ user: { uiLanguage: string } }>().user.uiLanguage).toBe(
      'en',
    );
  },
  'GET /api/institute': async (c) => expect(leaksNothing((await c.get('/api/institute')).body)).toBe(true),
  'PATCH /api/institute/settings': async (c, who) => {
    // Each admin sets their own institute's; a teacher may not. A's stays as it was.
    const res = await c.patch('/api/institute/settings', {
      leaderboardNames: 'hidden',
      timeZone: 'Asia/Dubai',
    });
    expect(res.statusCode).toBe(who === 'admin' ? 200 : 403);
    expect(leaksNothing(res.body)).toBe(true);
    expect((await adminA.get('/api/institute')).json()).toMatchObject({
      institute: { settings: { leaderboardNames: 'full', timeZone: 'Asia/Kolkata' } },
    });
  },
  'GET /api/institutes': async (c) => expect((await c.get('/api/institutes')).statusCode).toBe(403),
  'POST /api/institutes': async (c) => {
    const res = await c.post('/api/institutes', {
      name: 'Evil',
      slug: 'evil',
      admin: { name: 'E', email: 'e@evil.example' },
    });
    expect(res.statusCode).toBe(403);
  },
  'GET /api/batches': async (c) =>
    expect(leaksNothing((await c.get('/api/batches?includeArchived=true')).body)).toBe(true),
  'POST /api/batches': async (c, who) => {
    const res = await c.post('/api/batches', { name: 'Same code as A', code: a.batchCode });
    // Codes are unique per institute, so B may reuse A's code; the batch lands in B, not A.
    expect(res.statusCode).toBe(who === 'admin' ? 201 : 403);
    const listA = (await adminA.get('/api/batches')).json<{ items: { code: string }[] }>().items;
    expect(listA.filter((b) => b.code === a.batchCode)).toHaveLength(1);
  },
  'GET /api/batches/:id': async (c) =>
    expect((await c.get(`/api/batches/${a.batchId}`)).statusCode).toBe(404),
  'PATCH /api/batches/:id': async (c) => {
    expect([403, 404]).toContain((await c.patch(`/api/batches/${a.batchId}`, { archived: true })).statusCode);
    expect(
      (await adminA.get(`/api/batches/${a.batchId}`)).json<{ batch: { archived: boolean } }>().batch.archived,
    ).toBe(false);
  },
  'PUT /api/batches/:id/staff': async (c, who) => {
    expect([403, 404]).toContain(
      (await c.put(`/api/batches/${a.batchId}/staff`, { userIds: [] })).statusCode,
    );
    const ownBatchWithForeignTeacher = await c.put(`/api/batches/${bBatchId}/staff`, {
      userIds: [a.teacherId],
    });
    expect(ownBatchWithForeignTeacher.statusCode).toBe(who === 'admin' ? 400 : 403);
    expect(
      (await adminA.get(`/api/batches/${a.batchId}`)).json<{ batch: { staff: unknown[] } }>().batch.staff,
    ).toHaveLength(2);
  },
  'GET /api/users': async (c) => {
    for (const query of [
      '',
      '?role=student',
      '?q=demo',
      `?batchId=${a.batchId}`,
      '?includeInactive=true&pageSize=200',
    ]) {
      const res = await c.get(`/api/users${query}`);
      expect(leaksNothing(res.body)).toBe(true);
    }
  },
  'POST /api/users': async (c, who) => {
    const res = await c.post('/api/users', {
      name: 'Sneaky',
      email: `sneaky-${who}@b.example`,
      role: 'student',
      batchIds: [a.batchId],
    });
    expect(res.statusCode).toBe(who === 'admin' ? 400 : 403);
    expect(
      (await adminA.get(`/api/batches/${a.batchId}`)).json<{ batch: { studentCount: number } }>().batch
        .studentCount,
    ).toBe(5);
  },
  'GET /api/users/:id': async (c) => expect((await c.get(`/api/users/${a.studentId}`)).statusCode).toBe(404),
  'PATCH /api/users/:id': async (c) => {
    expect([403, 404]).toContain(
      (await c.patch(`/api/users/${a.studentId}`, { active: false, name: 'Hacked' })).statusCode,
    );
    expect(
      (await adminA.get(`/api/users/${a.studentId}`)).json<{ user: { active: boolean } }>().user.active,
    ).toBe(true);
  },
  'POST /api/users/:id/reset-password': async (c) => {
    expect([403, 404]).toContain((await c.post(`/api/users/${a.studentId}/reset-password`)).statusCode);
    expect((await new TestClient(app).login(demo.student.email, demo.student.password)).statusCode).toBe(200);
  },
  'POST /api/users/:id/unlock-sign-in': async (c) => {
    expect([403, 404]).toContain((await c.post(`/api/users/${a.studentId}/unlock-sign-in`)).statusCode);
  },
  'GET /api/students/import/template.csv': async (c, who) => {
    const res = await c.get('/api/students/import/template.csv');
    expect(res.statusCode).toBe(who === 'admin' ? 200 : 403);
    expect(leaksNothing(res.body)).toBe(true);
  },
  'POST /api/students/import': async (c, who) => {
    const res = await c.upload(
      '/api/students/import',
      's.csv',
      csv([`Into A,into-a-${who}@b.example,,,${a.batchCode},`]),
    );
    if (who === 'teacher') return expect(res.statusCode).toBe(403);
    // B's own batch "JEE-2027-A" may exist from the POST /api/batches case; archive-proof: use a code only A has.
    const res2 = await c.upload(
      '/api/students/import',
      's.csv',
      csv([`Into A,into-a2@b.example,,,NEET-2027-E,`]),
    );
    expect(res2.statusCode).toBe(422);
    expect(res2.json<{ errors: { column: string }[] }>().errors.map((e) => e.column)).toEqual([
      'batch_codes',
    ]);
    expect([201, 422]).toContain(res.statusCode);
    expect(
      (await adminA.get(`/api/batches/${a.batchId}`)).json<{ batch: { studentCount: number } }>().batch
        .studentCount,
    ).toBe(5);
  },
};

describe('tenant isolation', () => {
  const context: TenancyContext = {
    get app() {
      return app;
    },
    get adminA() {
      return adminA;
    },
    get adminB() {
      return adminB;
    },
    get clock() {
      return env.clock;
    },
  };
  const cases: Record<string, TenancyCase> = { ...baseCases, ...loadTenancyCases(context) };

  it('has a case for every route the app registers', () => {
    // Static files of the web app are public assets; everything else must be covered.
    const registered = app.routes.filter((r) => !isWebAssetRoute(r.url)).map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((r) => !(r in cases));
    expect(missing).toEqual([]);
  });

  for (const [route, run] of Object.entries(cases)) {
    it(`${route}: institute B's admin and teacher cannot reach institute A`, async () => {
      await run(adminB, 'admin');
      await run(teacherB, 'teacher');
    });
  }
});
