/**
 * One out-of-range mark must never be stored, and one exam that cannot be presented must never
 * take the institute's whole exam list down with it.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { exams } from '../../src/platform/db/schema.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';

type Scheme = Record<string, unknown>;
type Section = { id: string; scheme: Scheme; items: { questionId: string }[] } & Record<string, unknown>;
type ExamDetail = {
  id: string;
  title: string;
  totalMarks: number | null;
  draft: { durationMinutes: number; lockedSections: boolean; instructions: unknown; sections: Section[] };
};

let env: TestEnv;
let app: App;
let teacher: TestClient;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  admin = await signIn(app, demo.admin);
});
afterAll(() => env.close());

async function createExam(title: string): Promise<ExamDetail> {
  const res = await teacher.post('/api/exams', { title });
  expect(res.statusCode).toBe(201);
  return res.json<{ exam: ExamDetail }>().exam;
}

function draftWith(exam: ExamDetail, change: (section: Section) => Section) {
  const { durationMinutes, lockedSections, instructions, sections } = exam.draft;
  return {
    title: exam.title,
    durationMinutes,
    lockedSections,
    instructions,
    sections: sections.map((s) => change({ ...s, items: s.items.map(({ questionId }) => ({ questionId })) })),
  };
}

/** A raw JSON body, for numbers JSON.stringify cannot write (1e400 parses to Infinity). */
const putDraftText = (exam: ExamDetail, payload: string) =>
  app.http.inject({
    method: 'PUT',
    url: `/api/exams/${exam.id}/draft`,
    headers: {
      cookie: teacher.cookie ?? '',
      'x-csrf-token': teacher.csrfToken ?? '',
      'content-type': 'application/json',
    },
    payload,
  });

describe('marks are bounded when a draft is saved', () => {
  const badSchemes: [string, (scheme: Scheme) => Scheme][] = [
    ['correct 1e20', (s) => ({ ...s, correct: 1e20 })],
    ['wrong -1e20', (s) => ({ ...s, wrong: -1e20 })],
    ['correct 1e-20', (s) => ({ ...s, correct: 1e-20 })],
    ['correct 4.123456789', (s) => ({ ...s, correct: 4.123456789 })],
    ['correct 1000', (s) => ({ ...s, correct: 1000 })],
    ['a fraction with a huge denominator', (s) => ({ ...s, wrong: { num: -1, den: 1e12 } })],
    ['a fraction with a prime denominator', (s) => ({ ...s, wrong: { num: -1, den: 997 } })],
    ['a huge numerator', (s) => ({ ...s, correct: { num: 1e15, den: 1 } })],
    ['a per-type override', (s) => ({ ...s, byType: { numerical: { correct: 1e20 } } })],
    ['a per-row matrix mark', (s) => ({ ...s, matrix: { mode: 'per_row', correctPerRow: 1e20 } })],
    [
      'a partial-marks value',
      (s) => ({ ...s, multi: { mode: 'jee_advanced_partial', perCorrectOption: 1e-9 } }),
    ],
  ];

  it.each(badSchemes)('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_name, change) => {
    const exam = await createExam('Bounded marks');
    const res = await teacher.request(
      'PUT',
      `/api/exams/${exam.id}/draft`,
      draftWith(exam, (s) => ({ ...s, scheme: change(s.scheme) })),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const after = (await teacher.get(`/api/exams/${exam.id}`)).json<{ exam: ExamDetail }>().exam;
    expect(after.draft.sections[0]!.scheme).toEqual(exam.draft.sections[0]!.scheme);
    expect((await teacher.get('/api/exams')).statusCode).toBe(200);
  });

  it('refuses numbers JSON turns into Infinity, and non-numbers, in marks and counts', async () => {
    const exam = await createExam('Not numbers');
    const body = JSON.stringify(draftWith(exam, (s) => ({ ...s, scheme: { ...s.scheme, correct: 12345 } })));
    for (const replacement of ['1e400', '-1e400', '"NaN"', 'null', '"4"']) {
      const res = await putDraftText(exam, body.replace('12345', replacement));
      expect({
        replacement,
        status: res.statusCode,
        code: res.json<{ error: { code: string } }>().error.code,
      }).toEqual({
        replacement,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    for (const bestOf of [1e20, 1e6]) {
      const res = await teacher.request(
        'PUT',
        `/api/exams/${exam.id}/draft`,
        draftWith(exam, (s) => ({ ...s, bestOf })),
      );
      expect(res.statusCode).toBe(400);
    }
    expect((await teacher.get('/api/exams')).statusCode).toBe(200);
  });

  it('keeps accepting the marks real patterns use: decimals, thirds and sixths', async () => {
    const exam = await createExam('Real marks');
    const res = await teacher.request(
      'PUT',
      `/api/exams/${exam.id}/draft`,
      draftWith(exam, (s) => ({
        ...s,
        scheme: {
          correct: 2.5,
          wrong: { num: -5, den: 6 },
          byType: { numerical: { correct: 0.25, wrong: 0 } },
        },
      })),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ exam: ExamDetail }>().exam.draft.sections[0]!.scheme).toMatchObject({ correct: 2.5 });
  });
});

describe('one bad stored exam', () => {
  it('is shown degraded in the list and in its page; the rest of the list still works', async () => {
    const good = await createExam('Good exam');
    const created = await createExam('Poisoned exam');
    const topicId = findTopic(await loadSyllabus(teacher), 'Physics').topicId;
    const questionId = await createQuestion(teacher, topicId);
    const withQuestion = await teacher.request(
      'PUT',
      `/api/exams/${created.id}/draft`,
      draftWith(created, (s) => ({ ...s, items: [{ questionId }] })),
    );
    expect(withQuestion.statusCode).toBe(200);
    const bad = withQuestion.json<{ exam: ExamDetail }>().exam;
    // A row written before marks were bounded (or by hand): the list must survive it.
    await app.database.db
      .update(exams)
      .set({ draft: sql`jsonb_set(${exams.draft}, '{sections,0,scheme,correct}', '1e20'::jsonb)` })
      .where(eq(exams.id, bad.id));

    for (const client of [teacher, admin]) {
      const list = await client.get('/api/exams');
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: ExamDetail[] }>().items;
      expect(items.find((i) => i.id === good.id)).toMatchObject({ title: 'Good exam', totalMarks: 0 });
      expect(items.find((i) => i.id === bad.id)).toMatchObject({ title: 'Poisoned exam', totalMarks: null });
    }
    const page = await teacher.get(`/api/exams/${bad.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json<{ exam: ExamDetail }>().exam.totalMarks).toBeNull();
    // The teacher can repair it by saving a bounded scheme.
    const repaired = await teacher.request(
      'PUT',
      `/api/exams/${bad.id}/draft`,
      draftWith(bad, (s) => ({ ...s, scheme: { correct: 4, wrong: -1 } })),
    );
    expect(repaired.statusCode).toBe(200);
  });
});
