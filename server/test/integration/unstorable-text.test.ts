import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, TestClient } from '../support/test-app.js';
import { countQuestions, uploadImport, waitForImport } from './question-import-support.js';
import { findTopicIds, samples } from './question-samples.js';

/**
 * Issue 9, item 11: PostgreSQL cannot store NUL or an unpaired surrogate. They are refused as
 * VALIDATION_FAILED with the field's path, before anything is written, on every route.
 */
const ctx = useTestApp();
let teacher: TestClient;

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
});

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { error: { code: string; fields?: { path: string }[] } }).error;

/** A one-question workbook whose stem is `stemXml` exactly as written in the sheet's XML. */
async function workbookWithStemXml(stemXml: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Questions');
  sheet.addRow(['type', 'subject', 'chapter', 'topic', 'stem_en', 'option_a_en', 'option_b_en', 'answer']);
  sheet.addRow(['mcq_single', 'Physics', 'Kinematics', 'Projectile Motion', 'STEMHERE', 'yes', 'no', 'A']);
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  for (const name of Object.keys(files).filter((n) => n.endsWith('.xml')))
    files[name] = strToU8(strFromU8(files[name]!).replaceAll('STEMHERE', stemXml));
  return Buffer.from(zipSync(files));
}

describe('text the database cannot store', () => {
  it('is refused at sign-in, without a session, with the field named', async () => {
    for (const email of ['admin@demo.examtech.in\u0000', '\uD800@demo.examtech.in']) {
      const res = await new TestClient(ctx.app).login(email, 'whatever-123');
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.body)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'email' }] });
    }
  });

  it('is refused in a question anywhere in its JSON, and nothing is saved', async () => {
    const { topicId } = await findTopicIds(teacher, 'Physics', 'Kinematics', 'Projectile Motion');
    const before = await countQuestions(teacher);
    const { content } = samples.mcq_single;
    const bad = {
      ...samples.mcq_single,
      content: { ...content, en: { ...content.en, solution: 'half \uD83D' } },
    };
    const res = await teacher.post('/api/questions', { question: bad, topicId });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'question.content.en.solution' }],
    });
    expect(await countQuestions(teacher)).toBe(before);
  });

  it('is refused in query strings and path parameters', async () => {
    const admin = await signIn(ctx.app, demo.admin);
    const list = await admin.get('/api/users?q=%00');
    expect(list.statusCode).toBe(400);
    expect(fieldsOf(list.body)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'q' }] });
    const one = await admin.get('/api/users/%00');
    expect(one.statusCode).toBe(400);
    expect(fieldsOf(one.body)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'id' }] });
  });

  it('in an uploaded file name refuses the question import', async () => {
    const res = await uploadImport(teacher, { name: 'bad\u0000name.csv', body: 'type\r\nmcq_single\r\n' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'file.filename' }],
    });
  });

  it('in a spreadsheet cell is that row’s error, not a failed import', async () => {
    const before = await countQuestions(teacher);
    for (const stemXml of ['a_x0000_b', 'a_xD800_b']) {
      const res = await uploadImport(teacher, {
        name: 'cells.xlsx',
        body: await workbookWithStemXml(stemXml),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(res.statusCode).toBe(202);
      const { view } = await waitForImport(teacher, res.json<{ import: { id: string } }>().import.id);
      expect(view).toMatchObject({ status: 'invalid', failure: null });
      expect(view.errors).toEqual([
        { row: 2, column: 'stem_en', message: expect.stringContaining('NUL character') as string },
      ]);
    }
    expect(await countQuestions(teacher)).toBe(before);
  });
});
