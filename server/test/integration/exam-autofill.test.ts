// Auto-select's accounting, through HTTP: a shortfall is counted after what the auto-select placed
// itself, a section left below its count says so, and "replace existing" never puts a question twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import type { TestClient } from '../support/test-app.js';
import { createTestEnv, demo, signIn, type TestEnv } from '../support/test-app.js';

type Shortfall = {
  sectionId: string;
  kind: 'rule' | 'section';
  ruleIndex?: number;
  needed: number;
  available: number;
  inBank: number;
  placedInSection: number;
  placedInOtherSections: number;
  inPaper: number;
  reason: string;
  message: string;
};
type Exam = {
  id: string;
  draft: { sections: { id: string; items: { questionId: string }[] }[] };
  check: { fits: boolean; issues: { code: string; path: string; message: string }[] };
};

let env: TestEnv;
let teacher: TestClient;
/** A Physics chapter holding exactly six MCQs, and one holding exactly five integer questions. */
let mcqChapter: { subjectId: string; chapterId: string; topicId: string };
let numericalChapter: { subjectId: string; chapterId: string; topicId: string };
let chemistry: { subjectId: string; chapterId: string; topicId: string };

beforeAll(async () => {
  env = await createTestEnv();
  const app = await env.start();
  teacher = await signIn(app, demo.teacher);
  const tree = await loadSyllabus(teacher);
  mcqChapter = findTopic(tree, 'Physics', 7);
  numericalChapter = findTopic(tree, 'Physics', 8);
  chemistry = findTopic(tree, 'Chemistry', 7);
  for (let i = 0; i < 6; i++) await createQuestion(teacher, mcqChapter.topicId);
  for (let i = 0; i < 5; i++) await createQuestion(teacher, numericalChapter.topicId, { type: 'numerical' });
  for (let i = 0; i < 3; i++) await createQuestion(teacher, chemistry.topicId);
}, 120_000);
afterAll(() => env.close());

async function createExam(title: string, templateId: string, templateVersion?: number): Promise<Exam> {
  const res = await teacher.post('/api/exams', { title, templateId, templateVersion });
  expect(res.statusCode).toBe(201);
  return res.json<{ exam: Exam }>().exam;
}

async function autofill(
  exam: Exam,
  body: { sections: { sectionId: string; rules: Record<string, unknown>[] }[]; replaceExisting?: boolean },
) {
  const res = await teacher.post(`/api/exams/${exam.id}/autofill`, body);
  expect(res.statusCode).toBe(200);
  return res.json<{ exam: Exam; shortfalls: Shortfall[] }>();
}

const idsOf = (exam: Exam, sectionId: string) =>
  exam.draft.sections.find((s) => s.id === sectionId)!.items.map((i) => i.questionId);

describe('auto-select shortfalls', () => {
  it('says the bank is short only when it is', async () => {
    const exam = await createExam('Bank short', 'neet_ug', 2021);
    const { shortfalls } = await autofill(exam, {
      sections: [{ sectionId: 'physics_a', rules: [{ chapterId: mcqChapter.chapterId, count: 10 }] }],
    });
    expect(shortfalls[0]).toMatchObject({
      kind: 'rule',
      needed: 10,
      available: 6,
      inBank: 6,
      placedInSection: 0,
      placedInOtherSections: 0,
      inPaper: 0,
      reason: 'bank',
    });
    expect(shortfalls[0]!.message).toMatch(/: 10 questions needed, 6 placed: the bank has only 6 matching$/);
  });

  it('counts what this auto-select placed in other sections, not as a shortage of the bank', async () => {
    const exam = await createExam('Overlapping sections', 'neet_ug', 2021);
    const { exam: filled, shortfalls } = await autofill(exam, {
      sections: [
        { sectionId: 'physics_a', rules: [{ chapterId: mcqChapter.chapterId, count: 4 }] },
        { sectionId: 'physics_b', rules: [{ chapterId: mcqChapter.chapterId, count: 4 }] },
      ],
    });
    expect(idsOf(filled, 'physics_a')).toHaveLength(4);
    expect(idsOf(filled, 'physics_b')).toHaveLength(2);
    const rule = shortfalls.find((s) => s.sectionId === 'physics_b' && s.kind === 'rule');
    expect(rule).toMatchObject({
      needed: 4,
      available: 2,
      inBank: 6,
      placedInSection: 0,
      placedInOtherSections: 4,
      reason: 'autofill',
    });
    expect(rule!.message).toContain(
      '4 already placed by this auto-select (0 in this section, 4 in other sections)',
    );
    expect(rule!.message).not.toContain('only');
  });

  it('counts what earlier rules of the same section placed', async () => {
    const exam = await createExam('Overlapping rules', 'neet_ug', 2021);
    const { shortfalls } = await autofill(exam, {
      sections: [
        {
          sectionId: 'physics_a',
          rules: [
            { subjectId: mcqChapter.subjectId, chapterId: mcqChapter.chapterId, count: 5 },
            { chapterId: mcqChapter.chapterId, count: 3 },
          ],
        },
      ],
    });
    expect(shortfalls.filter((s) => s.kind === 'rule')).toEqual([
      expect.objectContaining({
        ruleIndex: 1,
        needed: 3,
        available: 1,
        placedInSection: 5,
        reason: 'autofill',
      }),
    ]);
  });

  it('reports a section that ends below its question count, even when every rule was met', async () => {
    const exam = await createExam('Four of five', 'jee_main_paper1');
    await autofill(exam, {
      sections: [{ sectionId: 'physics_b', rules: [{ chapterId: numericalChapter.chapterId, count: 1 }] }],
    });
    // The dialog used to offer "4 remaining" although replacing empties the section first.
    const { exam: replaced, shortfalls } = await autofill(exam, {
      sections: [{ sectionId: 'physics_b', rules: [{ chapterId: numericalChapter.chapterId, count: 4 }] }],
      replaceExisting: true,
    });
    expect(idsOf(replaced, 'physics_b')).toHaveLength(4);
    expect(shortfalls).toEqual([
      expect.objectContaining({
        sectionId: 'physics_b',
        kind: 'section',
        needed: 5,
        available: 4,
        reason: 'rules',
      }),
    ]);
    expect(shortfalls[0]!.message).toBe('Physics Section B holds 4 of 5 questions: its rules asked for 4');
  });
});

describe('replacing existing questions', () => {
  it('keeps the other sections, never picks their questions again, and says they are in the paper', async () => {
    const exam = await createExam('Replace one section', 'neet_ug', 2021);
    const first = await autofill(exam, {
      sections: [
        { sectionId: 'physics_a', rules: [{ chapterId: mcqChapter.chapterId, count: 3 }] },
        { sectionId: 'physics_b', rules: [{ chapterId: mcqChapter.chapterId, count: 2 }] },
      ],
    });
    const keptB = idsOf(first.exam, 'physics_b');
    const { exam: replaced, shortfalls } = await autofill(exam, {
      sections: [{ sectionId: 'physics_a', rules: [{ chapterId: mcqChapter.chapterId, count: 6 }] }],
      replaceExisting: true,
    });
    expect(idsOf(replaced, 'physics_b')).toEqual(keptB);
    const a = idsOf(replaced, 'physics_a');
    expect(a).toHaveLength(4);
    expect(a.filter((id) => keptB.includes(id))).toEqual([]);
    const all = replaced.draft.sections.flatMap((s) => s.items.map((i) => i.questionId));
    expect(new Set(all).size).toBe(all.length);
    expect(shortfalls.find((s) => s.kind === 'rule')).toMatchObject({
      needed: 6,
      available: 4,
      inBank: 6,
      inPaper: 2,
      reason: 'paper',
    });
  });
});

describe('the template check', () => {
  it('does not say a Physics section with Chemistry questions fits', async () => {
    const exam = await createExam('Wrong subject', 'jee_main_paper1');
    const { exam: filled } = await autofill(exam, {
      sections: [
        {
          sectionId: 'physics_a',
          rules: [{ subjectId: chemistry.subjectId, chapterId: chemistry.chapterId, count: 3 }],
        },
      ],
    });
    const mismatches = filled.check.issues.filter((i) => i.code === 'PAPER_SUBJECT_MISMATCH');
    expect(mismatches.map((i) => i.path)).toEqual([
      'sections.0.items.0',
      'sections.0.items.1',
      'sections.0.items.2',
    ]);
    expect(mismatches[0]!.message).toMatch(
      /^Physics Section A holds Physics questions, question .+ is Chemistry$/,
    );
  });
});
