import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { STALE_AFTER_MS } from '../../src/modules/question-transfer/import-runner.js';
import {
  commitImport,
  countQuestions,
  uploadImport,
  validateFile,
  waitForImport,
  type ImportView,
} from './question-import-support.js';

const ctx = useTestApp();
let teacher: TestClient;
let template: string;

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
  template = (await teacher.get('/api/question-imports/template.csv')).body;
});

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/question-transfer/${name}`, import.meta.url));
const csvLines = () => template.replace(/^\uFEFF/, '');
const header = () => csvLines().slice(0, csvLines().indexOf('\r\n'));
/** A CSV with the template header and rows given as column -> value maps. */
function csvOf(rows: Record<string, string>[]): string {
  const columns = header().split(',');
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => quote(row[column] ?? '')).join(',')),
  ].join('\r\n');
}
const mcq = (stem: string, extra: Record<string, string> = {}) => ({
  type: 'mcq_single',
  subject: 'Physics',
  chapter: 'Kinematics',
  topic: 'Projectile Motion',
  stem_en: stem,
  option_a_en: 'one',
  option_b_en: 'two',
  answer: 'A',
  ...extra,
});
const expectUnreadable = (res: { statusCode: number; json: <T>() => T }) => {
  expect(res.statusCode).toBe(400);
  expect(res.json<{ error: { code: string; message: string } }>().error.code).toBe('IMPORT_FILE_UNREADABLE');
  return res.json<{ error: { message: string } }>().error.message;
};

describe('question import: templates and the happy path', () => {
  it('imports the CSV template (every type, Hindi, LaTeX with commas, quotes and line breaks) with and without BOM', async () => {
    expect(template.startsWith('\uFEFF')).toBe(true);
    const before = await countQuestions(teacher);
    const { view } = await validateFile(teacher, { name: 'template.csv', body: template });
    expect(view).toMatchObject({
      status: 'ready',
      format: 'csv',
      totalRows: 8,
      processedRows: 8,
      errors: [],
    });
    expect(view.summary.byType).toEqual({
      mcq_single: 1,
      mcq_multi: 1,
      numerical: 3,
      matrix_match: 1,
      assertion_reason: 1,
      tita: 1,
    });
    expect((await commitImport(teacher, view.id, 'import')).status).toBe('committed');
    expect(await countQuestions(teacher)).toBe(before + 8);

    const noBom = await validateFile(teacher, { name: 'no-bom.csv', body: template.replace(/^\uFEFF/, '') });
    expect(noBom.view.status).toBe('ready');
    expect(noBom.view.summary.duplicates).toBe(8);
    expect(noBom.view.duplicates[0]).toMatchObject({ row: 2, duplicateOfRow: null });
    expect(noBom.view.duplicates[0]?.existingQuestionId).toMatch(/^[0-9a-f-]{36}$/);
    const skipped = await commitImport(teacher, noBom.view.id, 'skip');
    expect(skipped).toMatchObject({ status: 'committed', committedCount: 0 });
    expect(await countQuestions(teacher)).toBe(before + 8);
  });

  it('imports the XLSX template; duplicates inside one file are found and can be imported anyway', async () => {
    const xlsx = await teacher.get('/api/question-imports/template.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const before = await countQuestions(teacher);
    const { view } = await validateFile(teacher, {
      name: 'template.xlsx',
      body: xlsx.rawPayload,
      type: 'application/octet-stream',
    });
    expect(view).toMatchObject({ status: 'ready', format: 'xlsx', totalRows: 8 });
    const twice = csvOf([mcq('Same $x, "y"$ stem'), mcq('same  $x,"y"$ STEM')]);
    const inFile = await validateFile(teacher, { name: 'twice.csv', body: twice });
    expect(inFile.view.duplicates).toEqual([
      { row: 3, existingQuestionId: null, duplicateOfRow: 2, stemPreview: 'same $x,"y"$ STEM' },
    ]);
    expect(await commitImport(teacher, inFile.view.id, 'import')).toMatchObject({
      status: 'committed',
      committedCount: 2,
    });
    expect(await commitImport(teacher, view.id, 'import')).toMatchObject({
      status: 'committed',
      committedCount: 8,
    });
    expect(await countQuestions(teacher)).toBe(before + 10);
  });

  it('reports progress up to totalRows for a large file', async () => {
    const rows = Array.from({ length: 1200 }, (_, index) =>
      mcq(`Progress question ${index}, "${index * 7}"`),
    );
    const { view, progress } = await validateFile(teacher, { name: 'big.csv', body: csvOf(rows) });
    expect(view).toMatchObject({ status: 'ready', totalRows: 1200, processedRows: 1200 });
    expect(progress.every((value, index) => index === 0 || value >= (progress[index - 1] ?? 0))).toBe(true);
  });
});

describe('question import: rows with errors', () => {
  it('reports row- and column-precise errors, serves them as CSV and refuses to commit', async () => {
    const csv = csvOf([
      mcq('fine'),
      mcq('bad answer', { answer: 'E' }),
      mcq('missing hindi option', { stem_hi: 'प्रश्न', option_a_hi: 'एक' }),
      mcq('unknown topic', { topic: 'Quantum Gravity' }),
      { ...mcq('numerical'), type: 'numerical', option_a_en: '', option_b_en: '', answer: '2.5±x' },
    ]);
    const { view } = await validateFile(teacher, { name: 'bad.csv', body: csv });
    expect(view.status).toBe('invalid');
    expect(view.errors.map((error) => `${error.row}:${error.column}`)).toEqual([
      '3:answer',
      '4:option_b_hi',
      '5:topic',
      '6:answer',
    ]);
    expect(view.summary).toMatchObject({ valid: 1, invalid: 4 });
    const errorsCsv = await teacher.get(`/api/question-imports/${view.id}/errors.csv`);
    expect(errorsCsv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('row,column,message');
    expect(errorsCsv.body).toContain('4,option_b_hi,Option B has no Hindi text.');
    const commit = await teacher.post(`/api/question-imports/${view.id}/commit`, { duplicates: 'skip' });
    expect(commit.statusCode).toBe(409);
    expect(commit.json<{ error: { code: string } }>().error.code).toBe('IMPORT_NOT_READY');
  });

  it('creates missing syllabus only when asked, inside the commit', async () => {
    const csv = csvOf([
      mcq('new topic question', { subject: 'Astronomy', chapter: 'Stars', topic: 'Supernovae' }),
    ]);
    const refused = await validateFile(teacher, { name: 'syllabus.csv', body: csv });
    expect(refused.view.errors.map((error) => error.column)).toEqual(['topic']);
    const { view } = await validateFile(
      teacher,
      { name: 'syllabus.csv', body: csv },
      { createMissingSyllabus: true },
    );
    expect(view.status).toBe('ready');
    expect(view.summary.missingSyllabus).toEqual([
      { subject: 'Astronomy', chapter: 'Stars', topic: 'Supernovae' },
    ]);
    expect((await commitImport(teacher, view.id, 'skip')).status).toBe('committed');
    const syllabus = (await teacher.get('/api/syllabus')).json<{ subjects: { name: string }[] }>();
    expect(syllabus.subjects.map((subject) => subject.name)).toContain('Astronomy');
  });

  it('refuses formula cells in an XLSX with the row and column, never evaluating them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Questions');
    const columns = header().split(',');
    sheet.addRow(columns);
    const row = mcq('formula');
    sheet.addRow(columns.map((column) => row[column as keyof typeof row] ?? null));
    sheet.getCell(2, columns.indexOf('option_b_en') + 1).value = {
      formula: 'HYPERLINK("https://evil.example","x")',
      result: 'x',
    };
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const { view } = await validateFile(teacher, { name: 'formula.xlsx', body });
    expect(view.status).toBe('invalid');
    expect(view.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'option_b_en',
        message: expect.stringContaining('formula') as string,
      }),
    ]);
  });
});

describe('question import: bad files import nothing', () => {
  const docx = Buffer.from(
    zipSync({
      '[Content_Types].xml': Buffer.from('<Types/>'),
      'word/document.xml': Buffer.from('<w:document/>'),
    }),
  );
  const cases: [string, Buffer | string, RegExp][] = [
    ['a PDF renamed .csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), /PDF/],
    ['a PNG renamed .csv', fixture('diagram1.png'), /PNG/],
    ['a Word .docx', docx, /Word/],
    ['a Latin-1 CSV', Buffer.from('type,subject\nmcq_single,Physique élémentaire\n', 'latin1'), /UTF-8/],
    [
      'a UTF-16 CSV',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('type,subject\n', 'utf16le')]),
      /UTF-16/,
    ],
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a header without rows', 'type,subject,chapter,topic,stem_en,answer\r\n', /no questions/],
  ];
  for (const [what, body, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await countQuestions(teacher);
      const name = what.includes('docx') ? 'questions.docx' : 'questions.csv';
      expect(expectUnreadable(await uploadImport(teacher, { name, body }))).toMatch(message);
      expect(await countQuestions(teacher)).toBe(before);
    });
  }

  it('refuses 50 MB of random bytes, named .csv or .xlsx', async () => {
    const garbage = Buffer.alloc(50 * 1024 * 1024);
    for (let offset = 0; offset < garbage.length; offset += 65536)
      garbage.fill(offset % 251, offset, offset + 65536);
    garbage[1] = 0;
    expectUnreadable(await uploadImport(teacher, { name: 'garbage.csv', body: garbage }));
    expectUnreadable(await uploadImport(teacher, { name: 'garbage.xlsx', body: garbage }));
    const tooBig = Buffer.concat([Buffer.from(template), Buffer.alloc(50 * 1024 * 1024, 0x20)]);
    const big = await uploadImport(teacher, { name: 'big.csv', body: tooBig });
    expect(big.statusCode).toBe(413);
    const { error } = big.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/50 MB/);
  });
});

describe('question import: images from a zip', () => {
  it('stores referenced images and rewrites them to asset references; reports missing ones', async () => {
    const png = fixture('diagram1.png');
    const images = Buffer.from(
      zipSync({ 'figures/Diagram1.PNG': png, 'notes.txt': Buffer.from('not an image') }),
    );
    const csv = csvOf([
      mcq('See ![fig](diagram1.png) and ![web](https://example.com/a.png)', {
        option_a_en: '![n](notes.txt)',
      }),
    ]);
    const bad = await validateFile(
      teacher,
      { name: 'img.csv', body: csv },
      { images: { name: 'images.zip', body: images } },
    );
    expect(bad.view.errors.map((error) => `${error.row}:${error.column}`)).toEqual(['2:option_a_en']);

    const good = csvOf([mcq('Look: ![fig](diagram1.png), also ![web](https://example.com/a.png)')]);
    const { view } = await validateFile(
      teacher,
      { name: 'img.csv', body: good },
      { images: { name: 'images.zip', body: images } },
    );
    expect(view.status).toBe('ready');
    await commitImport(teacher, view.id, 'import');
    const list = (await teacher.get('/api/questions?q=Look&pageSize=5')).json<{ items: { id: string }[] }>();
    const detail = (await teacher.get(`/api/questions/${list.items[0]?.id ?? ''}`)).json<{
      question: { body: { content: { en: { stem: string } } } };
    }>();
    const match = /!\[fig\]\(image:([0-9a-f-]{36})\), also !\[web\]\(https:\/\/example\.com\/a\.png\)/.exec(
      detail.question.body.content.en.stem,
    );
    expect(match).not.toBeNull();
    const asset = await teacher.get(`/api/assets/${match?.[1] ?? ''}`);
    expect(asset.statusCode).toBe(200);
    expect(asset.rawPayload.equals(png)).toBe(true);

    const withoutZip = await validateFile(teacher, { name: 'img.csv', body: good });
    expect(withoutZip.view.errors[0]?.message).toMatch(/zip/);
  });
});

describe('question import: all or nothing, permissions, lost jobs', () => {
  it('writes nothing (not even new syllabus) when the commit fails part-way', async () => {
    const rows = Array.from({ length: 30 }, (_, index) =>
      mcq(
        `Atomic commit ${index}`,
        index === 0 ? { subject: 'Geology', chapter: 'Rocks', topic: 'Igneous' } : {},
      ),
    );
    const { view } = await validateFile(
      teacher,
      { name: 'atomic.csv', body: csvOf(rows) },
      { createMissingSyllabus: true },
    );
    expect(view.status).toBe('ready');
    const before = await countQuestions(teacher);
    // A real database failure in the middle of the insert: the 20th question row is refused.
    await ctx.app.database.db.execute(
      sql.raw(`create function fail_twentieth() returns trigger language plpgsql as $$
        begin
          if (select count(*) from questions where institute_id = new.institute_id) >= ${before} + 19 then
            raise exception 'simulated failure';
          end if;
          return new;
        end $$`),
    );
    await ctx.app.database.db.execute(
      sql.raw(
        'create trigger fail_twentieth before insert on questions for each row execute function fail_twentieth()',
      ),
    );
    try {
      const failed = await commitImport(teacher, view.id, 'import');
      expect(failed.status).toBe('failed');
      expect(failed.failure).toMatch(/Nothing was imported/);
    } finally {
      await ctx.app.database.db.execute(sql.raw('drop trigger fail_twentieth on questions'));
      await ctx.app.database.db.execute(sql.raw('drop function fail_twentieth()'));
    }
    expect(await countQuestions(teacher)).toBe(before);
    const syllabus = (await teacher.get('/api/syllabus')).json<{ subjects: { name: string }[] }>();
    expect(syllabus.subjects.map((subject) => subject.name)).not.toContain('Geology');
    const again = await teacher.post(`/api/question-imports/${view.id}/commit`, { duplicates: 'import' });
    expect(again.statusCode).toBe(409);
  });

  it('lets admins import; students and proctors get 403 on every route', async () => {
    const admin = await signIn(ctx.app, demo.admin);
    const { view } = await validateFile(admin, { name: 'admin.csv', body: csvOf([mcq('admin question')]) });
    expect(view.status).toBe('ready');
    for (const who of [demo.student, demo.proctor]) {
      const client = await signIn(ctx.app, who);
      for (const url of [
        '/api/question-imports/template.csv',
        '/api/question-imports/template.xlsx',
        `/api/question-imports/${view.id}`,
        `/api/question-imports/${view.id}/errors.csv`,
        '/api/questions/export.csv',
        '/api/questions/export.xlsx',
      ]) {
        expect((await client.get(url)).statusCode, url).toBe(403);
      }
      expect((await uploadImport(client, { name: 'x.csv', body: template })).statusCode).toBe(403);
      expect(
        (await client.post(`/api/question-imports/${view.id}/commit`, { duplicates: 'skip' })).statusCode,
      ).toBe(403);
    }
    expect((await teacher.get('/api/question-imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('marks an import failed when the instance running it stopped', async () => {
    const { view } = await validateFile(teacher, { name: 'lost.csv', body: csvOf([mcq('lost job')]) });
    // The job that would run it is gone: the row says committing and nothing touches it any more.
    await ctx.app.database.db.execute(
      sql`update question_imports set status = 'committing' where id = ${view.id}`,
    );
    const viewOf = async () =>
      (await teacher.get(`/api/question-imports/${view.id}`)).json<{ import: ImportView }>().import;
    // Recently touched, it still looks alive.
    expect((await viewOf()).status).toBe('committing');
    ctx.clock.advance(STALE_AFTER_MS - 10_000);
    expect((await viewOf()).status).toBe('committing');
    // Past the stale limit on the server's clock, it is marked failed.
    ctx.clock.advance(20_000);
    const lost: ImportView = (await waitForImport(teacher, view.id)).view;
    expect(lost.status).toBe('failed');
    expect(lost.failure).toMatch(/Nothing was imported/);
  });
});
