// An institute of a test's own, made through the API as its people would make it: tests that change
// people, batches or counts use one, so they neither depend on nor disturb the shared demo seed.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { demo, signIn, type TestClient } from './test-app.js';

export type FixtureUser = { id: string; email: string; password: string };

export type InstituteFixture = {
  instituteId: string;
  slug: string;
  admin: TestClient;
  /** Teaches `batch`. */
  teacher: TestClient;
  batch: { id: string; code: string };
  /** Members of `batch`, not signed in (sign in with `signIn(app, student)`). */
  students: FixtureUser[];
};

async function createUser(
  admin: TestClient,
  body: { name: string; email: string; role: 'teacher' | 'student'; batchIds: string[] },
): Promise<FixtureUser> {
  const res = await admin.post('/api/users', body);
  expect(res.statusCode, res.body).toBe(201);
  const { user, temporaryPassword } = res.json<{ user: { id: string }; temporaryPassword: string }>();
  return { id: user.id, email: body.email, password: temporaryPassword };
}

/** A new institute with its admin, one batch, a teacher of that batch and `students` students in it. */
export async function createInstituteFixture(
  app: App,
  options: { students?: number } = {},
): Promise<InstituteFixture> {
  const tag = randomBytes(4).toString('hex');
  const slug = `fixture-${tag}`;
  const operator = await signIn(app, demo.operator);
  const adminEmail = `admin@${slug}.example`;
  const created = await operator.post('/api/institutes', {
    name: `Fixture Institute ${tag}`,
    slug,
    admin: { name: 'Fixture Admin', email: adminEmail },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { institute, temporaryPassword } = created.json<{
    institute: { id: string };
    temporaryPassword: string;
  }>();
  const admin = await signIn(app, { email: adminEmail, password: temporaryPassword });

  const batchRes = await admin.post('/api/batches', { name: `Batch ${tag}`, code: `B-${tag}` });
  expect(batchRes.statusCode, batchRes.body).toBe(201);
  const batch = batchRes.json<{ batch: { id: string; code: string } }>().batch;

  const teacherLogin = await createUser(admin, {
    name: 'Fixture Teacher',
    email: `teacher@${slug}.example`,
    role: 'teacher',
    batchIds: [batch.id],
  });
  const teacher = await signIn(app, teacherLogin);
  const students: FixtureUser[] = [];
  for (let n = 1; n <= (options.students ?? 3); n++) {
    students.push(
      await createUser(admin, {
        name: `Fixture Student ${n}`,
        email: `student${n}@${slug}.example`,
        role: 'student',
        batchIds: [batch.id],
      }),
    );
  }
  return { instituteId: institute.id, slug, admin, teacher, batch, students };
}
