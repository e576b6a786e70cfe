import { execFileSync } from 'node:child_process';
import type { Question } from '@examtech/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_QUESTIONS } from '../../src/modules/question-transfer/template.js';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { commitImport, validateFile } from './question-import-support.js';

const ctx = useTestApp();
let teacher: TestClient;

type Tree = {
  subjects: { name: string; chapters: { name: string; topics: { id: string; name: string }[] }[] }[];
};

/** Every type, every numerical answer form, plus text that looks like formulas and quotes. */
const EDGE: Question = {
  id: 'edge',
  type: 'mcq_multi',
  classification: {
    subject: 'Mathematics',
    chapter: 'Sequences and Series',
    topic: 'Arithmetic Progression',
  },
  difficulty: 'hard',
  tags: ['edge'],
  source: 'Book "A, B", 2nd ed.',
  groupId: 'passage-7',
  options: [{ id: 'a' }, { id: 'b', fixed: true }, { id: 'c' }, { id: 'd' }, { id: 'e' }],
  content: {
    en: {
      stem: '=SUM(A1:A2) is text here; so is "quoted", and\na line break with $\\frac{a,b}{c}$',
      options: [
        { id: 'a', text: '-5' },
        { id: 'b', text: '+2' },
        { id: 'c', text: '@handle' },
        { id: 'd', text: "'=already quoted" },
        { id: 'e', text: '\tstarts with a tab' },
      ],
      solution: 'Only $-5$ and $+2$ work.',
    },
    hi: {
      stem: '=योग यहाँ पाठ है, "उद्धृत"\nऔर $\\sqrt{2}$',
      options: [
        { id: 'a', text: '-5' },
        { id: 'b', text: '+2' },
        { id: 'c', text: '@हैंडल' },
        { id: 'd', text: "'=पहले से" },
        { id: 'e', text: 'टैब' },
      ],
    },
  },
  key: { optionIds: ['a', 'b'] },
};

const bodyOf = (question: Question) => {
  const { id: _id, classification: _classification, ...body } = question;
  return body;
};

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
});

async function createQuestions(tag: string): Promise<void> {
  const tree = (await teacher.get('/api/syllabus')).json<Tree>();
  for (const question of [...TEMPLATE_QUESTIONS, EDGE]) {
    const { subject, chapter, topic } = question.classification;
    const topicId = tree.subjects
      .find((s) => s.name === subject)
      ?.chapters.find((c) => c.name === chapter)
      ?.topics.find((t) => t.name === topic)?.id;
    // The "tab" option cannot survive trimming on import; the edge question uses it only in the formula check below.
    const sent = question === EDGE ? withoutTab(EDGE) : question;
    const res = await teacher.post('/api/questions', {
      question: { ...bodyOf(sent), tags: [...question.tags, tag] },
      topicId,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

function withoutTab(question: Question): Question {
  const en = question.content.en!;
  return {
    ...question,
    content: {
      ...question.content,
      en: { ...en, options: en.options!.map((o) => (o.id === 'e' ? { ...o, text: 'tab-free' } : o)) },
    },
  };
}

async function listBodies(tag: string): Promise<string[]> {
  const list = (await teacher.get(`/api/questions?tags=${tag}&pageSize=200`)).json<{
    items: { id: string }[];
  }>();
  const bodies = await Promise.all(
    list.items.map(
      async (item) =>
        (await teacher.get(`/api/questions/${item.id}`)).json<{ question: { body: Question } }>().question
          .body,
    ),
  );
  return bodies
    .map((body) => JSON.stringify({ ...bodyOf(body), tags: body.tags.filter((t) => !t.startsWith('rt-')) }))
    .sort();
}

describe('question export -> import round trip', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`gives back the same questions of every type through ${format.toUpperCase()}`, async () => {
      const tag = `rt-${format}`;
      await createQuestions(tag);
      const originals = await listBodies(tag);
      expect(originals).toHaveLength(TEMPLATE_QUESTIONS.length + 1);

      const exported = await teacher.get(`/api/questions/export.${format}?tags=${tag}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toContain(`.${format}`);
      const body = exported.rawPayload;
      const reimportTag = `${tag}-again`;
      // Retag the export so the re-imported copies can be told apart from the originals.
      const retagged =
        format === 'csv'
          ? Buffer.from(body.toString('utf8').replaceAll(tag, reimportTag))
          : await retagXlsx(body, tag, reimportTag);
      const { view } = await validateFile(teacher, { name: `export.${format}`, body: retagged });
      expect(view.status, JSON.stringify(view.errors)).toBe('ready');
      expect(view.summary.duplicates).toBe(TEMPLATE_QUESTIONS.length + 1);
      expect(await commitImport(teacher, view.id, 'import')).toMatchObject({
        status: 'committed',
        committedCount: TEMPLATE_QUESTIONS.length + 1,
      });
      expect(await listBodies(reimportTag)).toEqual(originals);
    });
  }

  it('escapes formula-looking cells in CSV and writes XLSX cells as strings', async () => {
    const csv = (await teacher.get('/api/questions/export.csv?tags=edge')).body;
    for (const escaped of ["'=SUM(A1:A2)", "'-5", "'+2", "'@handle", "''=already quoted"])
      expect(csv).toContain(escaped);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await teacher.get('/api/questions/export.xlsx?tags=edge')).rawPayload as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet('Questions')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const cell = sheet.getCell(2, header.indexOf('option_a_en') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("'-5");
    expect(sheet.getCell(2, header.indexOf('stem_en') + 1).type).toBe(ExcelJS.ValueType.String);
  });

  it('writes CSV that an independent reader (Python csv, strict) splits into the right records and cells', async () => {
    const lineBreakOnly = 'First line\nsecond line';
    const carriageReturn = 'Before\rafter';
    const commaAndQuote = 'Choose "A", then B';
    const question: Question = {
      ...TEMPLATE_QUESTIONS.find((q) => q.type === 'mcq_single')!,
      tags: ['rfc4180'],
    };
    const en = question.content.en!;
    const sent = {
      ...question,
      content: {
        en: {
          ...en,
          stem: lineBreakOnly,
          options: en.options!.map((o, i) => ({
            ...o,
            text: [carriageReturn, commaAndQuote, 'plain', 'x\r\ny'][i] ?? 'z',
          })),
          solution: 'Two\n\nparagraphs',
        },
      },
    };
    const tree = (await teacher.get('/api/syllabus')).json<Tree>();
    const { subject, chapter, topic } = question.classification;
    const topicId = tree.subjects
      .find((s) => s.name === subject)
      ?.chapters.find((c) => c.name === chapter)
      ?.topics.find((t) => t.name === topic)?.id;
    const created = await teacher.post('/api/questions', { question: bodyOf(sent), topicId });
    expect(created.statusCode, created.body).toBe(201);
    const stored = (
      await teacher.get(`/api/questions/${created.json<{ question: { id: string } }>().question.id}`)
    ).json<{ question: { body: Question } }>().question.body;

    const csv = (await teacher.get('/api/questions/export.csv?tags=rfc4180')).rawPayload;
    const reader = [
      'import csv, io, json, sys',
      "text = sys.stdin.buffer.read().decode('utf-8-sig')",
      "rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))",
      'print(json.dumps(rows))',
    ].join('\n');
    const rows = JSON.parse(execFileSync('python3', ['-c', reader], { input: csv }).toString()) as string[][];
    expect(rows).toHaveLength(2);
    const [header, record] = rows as [string[], string[]];
    expect(record).toHaveLength(header.length);
    const cell = (column: string) => record[header.indexOf(column)];
    const storedEn = stored.content.en!;
    expect(cell('stem_en')).toBe(storedEn.stem);
    expect(storedEn.stem).toContain('\n');
    expect(cell('option_a_en')).toBe(storedEn.options![0]!.text);
    expect(cell('option_b_en')).toBe(commaAndQuote);
    expect(cell('option_d_en')).toBe(storedEn.options![3]!.text);
    expect(cell('solution_en')).toBe(storedEn.solution);
  });

  it('exports only what the filter selects', async () => {
    const csv = (await teacher.get('/api/questions/export.csv?type=tita&tags=rt-csv')).body.replace(
      /^\uFEFF/,
      '',
    );
    const lines = csv.split('\r\n').filter((line) => line.startsWith('tita,'));
    expect(lines).toHaveLength(1);
  });
});

async function retagXlsx(body: Buffer, from: string, to: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  workbook.getWorksheet('Questions')!.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.includes(from))
        cell.value = cell.value.replaceAll(from, to);
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
