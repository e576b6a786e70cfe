/** Requests that ask for unbounded work are refused up front with 400, before any query runs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';

const ctx = useTestApp();
let teacher: TestClient;
let admin: TestClient;

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
  admin = await signIn(ctx.app, demo.admin);
});

describe('request limits', () => {
  it('refuses an auto-select of 30 sections x 100 rules, and more than 200 rules in all', async () => {
    const exam = (await teacher.post('/api/exams', { title: 'Huge blueprint' })).json<{
      exam: { id: string; draft: { sections: { id: string; items: unknown[] }[] } };
    }>().exam;
    const sectionId = exam.draft.sections[0]!.id;
    const rules = (n: number) => Array.from({ length: n }, () => ({ count: 1 }));
    for (const sections of [
      Array.from({ length: 30 }, () => ({ sectionId, rules: rules(100) })),
      Array.from({ length: 5 }, () => ({ sectionId, rules: rules(41) })),
    ]) {
      const res = await teacher.post(`/api/exams/${exam.id}/autofill`, { sections });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const after = (await teacher.get(`/api/exams/${exam.id}`)).json<typeof exam & object>();
    expect((after as unknown as { exam: typeof exam }).exam.draft.sections[0]!.items).toEqual([]);
    // A real blueprint still goes through.
    const ok = await teacher.post(`/api/exams/${exam.id}/autofill`, {
      sections: [{ sectionId, rules: rules(50) }],
    });
    expect(ok.statusCode).toBe(200);
  });

  it('takes a template version as the web sends it (a year) and refuses one no template can have', async () => {
    const ok = await teacher.post('/api/exams', {
      title: 'Versioned',
      templateId: 'jee_main_paper1',
      templateVersion: 2025,
    });
    expect(ok.statusCode).toBe(201);
    const huge = await teacher.post('/api/exams', {
      title: 'Huge',
      templateId: 'jee_main_paper1',
      templateVersion: 1e15,
    });
    expect(huge.statusCode).toBe(400);
  });

  it('refuses page numbers no list has (the offset would leave the safe integers)', async () => {
    for (const [client, url] of [
      [teacher, '/api/questions?page=1000000000000000'],
      [admin, '/api/users?page=1000000000000000'],
    ] as const) {
      const res = await client.get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await teacher.get('/api/questions?page=10000')).statusCode).toBe(200);
  });
});
