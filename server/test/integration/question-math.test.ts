// A formula KaTeX cannot typeset is refused wherever a question is saved (create, edit, import),
// with the field it is in, and nothing is stored; chemistry notation (mhchem) is accepted.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { countQuestions, validateFile } from './question-import-support.js';
import { createQuestion, findTopicIds, listVersionIds, samples } from './question-samples.js';

const ctx = useTestApp();
let teacher: TestClient;
let topicId = '';

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
  topicId = (await findTopicIds(teacher, 'Physics', 'Laws of Motion', "Newton's Laws")).topicId;
});

type ErrorBody = { error: { code: string; fields?: { path: string; code: string; message: string }[] } };

const single = samples.mcq_single;
/** The single-correct sample with its Hindi option C's text replaced. */
function withHindiOptionC(text: string) {
  return {
    ...single,
    content: {
      ...single.content,
      hi: {
        ...single.content.hi,
        options: single.content.hi.options.map((option) =>
          option.id === 'c' ? { ...option, text } : option,
        ),
      },
    },
  };
}

describe('formulas are checked when a question is saved', () => {
  it('refuses a broken formula in a Hindi option with MATH_INVALID at that option, and stores nothing', async () => {
    const before = await countQuestions(teacher);
    const res = await teacher.post('/api/questions', { question: withHindiOptionC('$\\frac{1}{$'), topicId });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('QUESTION_INVALID');
    expect(error.fields).toEqual([
      {
        path: 'content.hi.options.2.text',
        code: 'MATH_INVALID',
        message: expect.stringContaining('$\\frac{1}{$ cannot be read') as string,
      },
    ]);
    expect(await countQuestions(teacher)).toBe(before);
  });

  it('names every broken field: stem, solution, matrix rows', async () => {
    const matrix = samples.matrix_match;
    const question = {
      ...matrix,
      content: {
        en: {
          ...matrix.content.en,
          stem: 'Match $x^$ with $$\\left( y $$.',
          solution: 'Because $\\sqrt{$.',
          rows: [matrix.content.en.rows[0], { id: 'q', text: '$\\ce{CO2$' }],
        },
      },
    };
    const res = await teacher.post('/api/questions', { question, topicId });
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().error.fields ?? [];
    expect(fields.map((field) => `${field.code}@${field.path}`)).toEqual([
      'MATH_INVALID@content.en.stem',
      'MATH_INVALID@content.en.stem',
      'MATH_INVALID@content.en.solution',
      'MATH_INVALID@content.en.rows.1.text',
    ]);
  });

  it('refuses an edit that breaks a formula and keeps the saved version', async () => {
    const created = await createQuestion(teacher, single, topicId);
    const broken = {
      ...single,
      content: { ...single.content, en: { ...single.content.en, stem: 'Now $\\vec{F=m\\vec{a}$.' } },
    };
    const res = await teacher.put(`/api/questions/${created.id}`, { question: broken, topicId });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.map((field) => field.path)).toEqual(['content.en.stem']);
    expect(await listVersionIds(teacher, created.id)).toHaveLength(1);
    const stored = (await teacher.get(`/api/questions/${created.id}`)).json<{
      question: { body: { content: { en: { stem: string } } } };
    }>();
    expect(stored.question.body.content.en.stem).toBe(single.content.en.stem);
  });

  it('accepts chemistry notation (\\ce, \\pu) and plain dollars that are not math', async () => {
    const created = await createQuestion(
      teacher,
      {
        ...single,
        content: {
          en: {
            ...single.content.en,
            stem: 'In $\\ce{2H2 + O2 -> 2H2O}$ at $\\pu{298 K}$, what costs \\$5?',
          },
        },
      },
      topicId,
    );
    expect(created.stemPreview).toContain('$\\ce{2H2 + O2 -> 2H2O}$');
  });

  it('reports a broken formula in an imported row at its column, and the import cannot be committed', async () => {
    const template = (await teacher.get('/api/question-imports/template.csv')).body.replace(/^\uFEFF/, '');
    const columns = template.slice(0, template.indexOf('\r\n')).split(',');
    const row: Record<string, string> = {
      type: 'mcq_single',
      subject: 'Physics',
      chapter: 'Kinematics',
      topic: 'Projectile Motion',
      stem_en: 'Range is $R = \\frac{u^2 \\sin 2\\theta}{g$',
      option_a_en: 'one',
      option_b_en: '$\\ce{H2O}$',
      answer: 'A',
    };
    const csv = [columns.join(','), columns.map((column) => row[column] ?? '').join(',')].join('\r\n');
    const { view } = await validateFile(teacher, { name: 'math.csv', body: csv });
    expect(view.status).toBe('invalid');
    expect(view.errors.map((error) => `${error.row}:${error.column}`)).toEqual(['2:stem_en']);
    expect(view.errors[0]?.message).toMatch(/^The formula \$R = .* cannot be read: /u);
  });
});
