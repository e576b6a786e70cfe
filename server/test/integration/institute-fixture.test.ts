// The per-test institute factory: what it makes is complete, and it is the test's alone.
import { describe, expect, it } from 'vitest';
import { createInstituteFixture } from '../support/institute-fixture.js';
import { demo, signIn, useTestApp } from '../support/test-app.js';

const ctx = useTestApp();

type Stats = { students: number; teachers: number; admins: number; batches: number };

describe('createInstituteFixture', () => {
  it('makes an institute with an admin, one batch, its teacher and its students', async () => {
    const school = await createInstituteFixture(ctx.app, { students: 3 });
    const { stats } = (await school.admin.get('/api/institute')).json<{ stats: Stats }>();
    expect(stats).toMatchObject({ students: 3, teachers: 1, admins: 1, batches: 1 });
    const seen = (await school.teacher.get('/api/users?pageSize=200')).json<{ items: { id: string }[] }>();
    expect(seen.items.map((u) => u.id).sort()).toEqual(school.students.map((s) => s.id).sort());
    const student = await signIn(ctx.app, school.students[0]!);
    expect((await student.get('/api/auth/me')).statusCode).toBe(200);
  });

  it("leaves the demo institute alone, and two fixtures do not see each other's people", async () => {
    const demoAdmin = await signIn(ctx.app, demo.admin);
    const before = (await demoAdmin.get('/api/institute')).json<{ stats: Stats }>().stats;
    const [first, second] = [await createInstituteFixture(ctx.app), await createInstituteFixture(ctx.app)];
    expect((await demoAdmin.get('/api/institute')).json<{ stats: Stats }>().stats).toEqual(before);
    expect((await first.admin.get(`/api/users/${second.students[0]!.id}`)).statusCode).toBe(404);
    expect((await second.teacher.get(`/api/batches/${first.batch.id}`)).statusCode).toBe(404);
  });
});
