import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createInstituteFixture } from '../support/institute-fixture.js';
import { createTestEnv, demo, signIn, TestClient, type TestEnv } from '../support/test-app.js';

type Batch = {
  id: string;
  name: string;
  code: string;
  archived: boolean;
  studentCount: number;
  staff: { id: string; role: string }[];
};
type User = {
  id: string;
  email: string;
  role: string;
  batchIds: string[];
  active: boolean;
  mustChangePassword: boolean;
};

let env: TestEnv;
let app: App;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  admin = await signIn(app, demo.admin);
});
afterAll(() => env.close());

async function createBatch(code: string, name = `Batch ${code}`, by = admin): Promise<Batch> {
  const res = await by.post('/api/batches', { name, code, description: 'Weekend crash course' });
  expect(res.statusCode).toBe(201);
  return res.json<{ batch: Batch }>().batch;
}

describe('batches', () => {
  it('creates a batch with an upper-cased code and lists it with its counts', async () => {
    const batch = await createBatch('crash-2026', 'Crash Course 2026');
    expect(batch).toMatchObject({ code: 'CRASH-2026', studentCount: 0, archived: false, staff: [] });
    const list = (await admin.get('/api/batches')).json<{ items: Batch[] }>().items;
    expect(list.find((b) => b.id === batch.id)?.name).toBe('Crash Course 2026');
  });

  it('refuses a duplicate code in any case and a code with spaces, naming the field', async () => {
    await createBatch('DUP-1');
    const dup = await admin.post('/api/batches', { name: 'Again', code: 'dup-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: { code: 'BATCH_CODE_TAKEN', fields: [{ path: 'code' }] } });
    const bad = await admin.post('/api/batches', { name: 'Bad', code: 'has space' });
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'code' }] } });
  });

  it('archives a batch: hidden from the default list, shown with includeArchived, restorable', async () => {
    const batch = await createBatch('ARCH-1');
    expect(
      (await admin.patch(`/api/batches/${batch.id}`, { archived: true })).json<{ batch: Batch }>().batch
        .archived,
    ).toBe(true);
    expect((await admin.get('/api/batches')).json<{ items: Batch[] }>().items.map((b) => b.id)).not.toContain(
      batch.id,
    );
    expect(
      (await admin.get('/api/batches?includeArchived=true'))
        .json<{ items: Batch[] }>()
        .items.map((b) => b.id),
    ).toContain(batch.id);
    expect(
      (await admin.patch(`/api/batches/${batch.id}`, { archived: false })).json<{ batch: Batch }>().batch
        .archived,
    ).toBe(false);
  });

  it('assigns teachers and proctors but refuses a student as staff', async () => {
    const batch = await createBatch('STAFF-1');
    const staff = (await admin.get('/api/users?role=teacher')).json<{ items: User[] }>().items;
    const proctors = (await admin.get('/api/users?role=proctor')).json<{ items: User[] }>().items;
    const ids = [staff[0]!.id, proctors[0]!.id];
    const res = await admin.put(`/api/batches/${batch.id}/staff`, { userIds: ids });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json<{ batch: Batch }>()
        .batch.staff.map((s) => s.role)
        .sort(),
    ).toEqual(['proctor', 'teacher']);
    const student = (await admin.get('/api/users?role=student')).json<{ items: User[] }>().items[0]!;
    const refused = await admin.put(`/api/batches/${batch.id}/staff`, { userIds: [student.id] });
    expect(refused.json()).toMatchObject({ error: { code: 'BATCH_STAFF_INVALID' } });
    expect((await admin.get(`/api/batches/${batch.id}`)).json<{ batch: Batch }>().batch.staff).toHaveLength(
      2,
    );
  });

  it('replacing the staff removes the former staff, keeps the students and lists staff by name', async () => {
    const batch = await createBatch('STAFF-2');
    const student = await admin.post('/api/users', {
      name: 'Ishaan Rao',
      email: 'ishaan.staff2@example.com',
      role: 'student',
      batchIds: [batch.id],
    });
    expect(student.statusCode).toBe(201);
    const makeStaff = async (name: string, role: 'teacher' | 'proctor') => {
      const res = await admin.post('/api/users', {
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}.staff2@example.com`,
        role,
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ user: User }>().user.id;
    };
    const [zara, aman, meera] = [
      await makeStaff('Zara Teacher', 'teacher'),
      await makeStaff('Aman Proctor', 'proctor'),
      await makeStaff('Meera Teacher', 'teacher'),
    ];
    await admin.put(`/api/batches/${batch.id}/staff`, { userIds: [zara, aman] });
    const res = await admin.put(`/api/batches/${batch.id}/staff`, { userIds: [zara, meera] });
    expect(res.statusCode).toBe(200);
    const after = res.json<{ batch: Batch }>().batch;
    expect(after.staff.map((s) => s.id)).toEqual([meera, zara]);
    expect(after.studentCount).toBe(1);
    const listed = (await admin.get('/api/batches')).json<{ items: Batch[] }>().items;
    expect(listed.find((b) => b.id === batch.id)).toMatchObject({ studentCount: 1 });
    // The dashboard counts active staff: these three leave the figures as the seed has them.
    for (const id of [zara, aman, meera])
      expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
  });
});

describe('staff and students', () => {
  it('creates a student in a batch, shows the temporary password once, and the student can sign in', async () => {
    const batch = await createBatch('NEW-STU');
    const res = await admin.post('/api/users', {
      name: 'Riya Nair',
      email: 'Riya.Nair@example.com',
      role: 'student',
      rollNumber: 'NS-001',
      batchIds: [batch.id],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json<{ user: User; temporaryPassword: string }>();
    expect(user).toMatchObject({
      email: 'riya.nair@example.com',
      role: 'student',
      batchIds: [batch.id],
      mustChangePassword: true,
    });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await admin.get(`/api/users/${user.id}`)).body).not.toContain(temporaryPassword);
    expect((await admin.get(`/api/batches/${batch.id}`)).json<{ batch: Batch }>().batch.studentCount).toBe(1);

    // Signing in on the temporary password, then choosing one's own (signIn does that), opens the app.
    const student = await signIn(app, { email: 'riya.nair@example.com', password: temporaryPassword });
    const ownBatches = (await student.get('/api/batches')).json<{ items: Batch[] }>().items;
    expect(ownBatches.map((b) => b.id)).toEqual([batch.id]);
  });

  it('refuses a taken email and an unknown batch, creating nothing', async () => {
    const taken = await admin.post('/api/users', { name: 'Dup', email: demo.teacher.email, role: 'teacher' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'USER_EMAIL_TAKEN', fields: [{ path: 'email' }] } });
    const unknownBatch = await admin.post('/api/users', {
      name: 'Ghost',
      email: 'ghost@example.com',
      role: 'student',
      batchIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownBatch.json()).toMatchObject({ error: { code: 'BATCH_INVALID' } });
    const search = (await admin.get('/api/users?q=ghost')).json<{ total: number }>();
    expect(search.total).toBe(0);
  });

  it('searches, filters by role and batch, and paginates', async () => {
    const page1 = (await admin.get('/api/users?role=student&pageSize=2&page=1')).json<{
      items: User[];
      total: number;
    }>();
    const page2 = (await admin.get('/api/users?role=student&pageSize=2&page=2')).json<{
      items: User[];
      total: number;
    }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(5);
    expect(page1.items.map((u) => u.id)).not.toContain(page2.items[0]!.id);
    expect(page1.items.every((u) => u.role === 'student')).toBe(true);
    const found = (await admin.get('/api/users?q=Kabir')).json<{ items: User[] }>().items;
    expect(found.map((u) => u.email)).toEqual(['student3@demo.examtech.in']);
    const demoBatch = (await admin.get('/api/batches'))
      .json<{ items: Batch[] }>()
      .items.find((b) => b.code === 'JEE-2027-A')!;
    const inBatch = (await admin.get(`/api/users?role=student&batchId=${demoBatch.id}&pageSize=100`)).json<{
      items: User[];
    }>().items;
    expect(inBatch.length).toBe(5);
  });

  // In an institute of its own: moving a demo student would change the demo batch other tests count.
  it('edits a student and moves them between batches', async () => {
    const school = await createInstituteFixture(app, { students: 1 });
    const target = await createBatch('MOVE-TO', undefined, school.admin);
    const student = school.students[0]!;
    const res = await school.admin.patch(`/api/users/${student.id}`, {
      name: 'Diya Patel (M)',
      phone: '+91 90000 00001',
      batchIds: [target.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user: User & { name: string; phone: string } }>().user).toMatchObject({
      name: 'Diya Patel (M)',
      phone: '+91 90000 00001',
      batchIds: [target.id],
    });
  });

  it('does not let an admin deactivate themselves', async () => {
    const me = (await admin.get('/api/auth/me')).json<{ user: User }>().user;
    const res = await admin.patch(`/api/users/${me.id}`, { active: false });
    expect(res.json()).toMatchObject({ error: { code: 'USER_CANNOT_DEACTIVATE_SELF' } });
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('shows the institute dashboard figures', async () => {
    const res = await admin.get('/api/institute');
    expect(res.json()).toMatchObject({
      institute: { name: 'Demo Coaching Institute', slug: 'demo' },
      stats: { teachers: 1, proctors: 1, admins: 1 },
    });
  });
});

describe('what each role may do', () => {
  it('a teacher sees only the students of their batches and cannot change anything', async () => {
    const school = await createInstituteFixture(app, { students: 2 });
    const teacher = school.teacher;
    const other = await createBatch('NOT-MINE', undefined, school.admin);
    const outsider = (
      await school.admin.post('/api/users', {
        name: 'Outsider',
        email: 'outsider@example.com',
        role: 'student',
        batchIds: [other.id],
      })
    ).json<{ user: User }>().user;

    const visible = (await teacher.get('/api/users?pageSize=200')).json<{ items: User[] }>().items;
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((u) => u.role === 'student')).toBe(true);
    expect(visible.map((u) => u.id)).not.toContain(outsider.id);
    expect((await teacher.get(`/api/users/${outsider.id}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/batches/${other.id}`)).statusCode).toBe(404);

    expect((await teacher.post('/api/batches', { name: 'Mine', code: 'T-1' })).statusCode).toBe(403);
    expect(
      (await teacher.post('/api/users', { name: 'X', email: 'x@example.com', role: 'student' })).statusCode,
    ).toBe(403);
    expect((await teacher.patch(`/api/users/${visible[0]!.id}`, { name: 'Hacked' })).statusCode).toBe(403);
  });

  it('a student cannot list people or read the institute figures', async () => {
    const student = await signIn(app, demo.student);
    expect((await student.get('/api/users')).statusCode).toBe(403);
    expect((await student.get('/api/institute')).statusCode).toBe(403);
    expect((await student.get('/api/institutes')).statusCode).toBe(403);
  });
});

describe('platform operator', () => {
  it('creates an institute with its first admin, who can sign in and sees an empty institute', async () => {
    const operator = await signIn(app, demo.operator);
    const res = await operator.post('/api/institutes', {
      name: 'Sunrise Academy',
      slug: 'sunrise',
      admin: { name: 'Vikram Rao', email: 'vikram@sunrise.example' },
    });
    expect(res.statusCode).toBe(201);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    const dup = await operator.post('/api/institutes', {
      name: 'Sunrise Again',
      slug: 'SUNRISE',
      admin: { name: 'Other', email: 'other@sunrise.example' },
    });
    expect(dup.json()).toMatchObject({ error: { code: 'INSTITUTE_SLUG_TAKEN' } });
    expect(
      (await operator.get('/api/institutes')).json<{ items: { slug: string }[] }>().items.map((i) => i.slug),
    ).toEqual(expect.arrayContaining(['demo', 'sunrise']));
    // The failed second institute left no admin account behind.
    expect((await new TestClient(app).login('other@sunrise.example', 'anything-at-all')).statusCode).toBe(
      401,
    );

    const newAdmin = await signIn(app, { email: 'vikram@sunrise.example', password: temporaryPassword });
    expect((await newAdmin.get('/api/institute')).json()).toMatchObject({
      stats: { students: 0, batches: 0, admins: 1 },
    });
  });
});
