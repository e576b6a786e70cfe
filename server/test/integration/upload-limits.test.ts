/**
 * Oversized uploads are refused whole (413 PAYLOAD_TOO_LARGE) and change nothing, sent the way a
 * browser sends them: fetch with FormData over a real socket, where the file arrives in chunks and
 * the parser cuts it at the limit while the route is reading it.
 */
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assets, questionImports } from '../../src/platform/db/schema.js';
import { listen } from '../support/http-client.js';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { pngBytes } from './question-samples.js';

const ctx = useTestApp();
let baseUrl: string;
let teacher: TestClient;
let admin: TestClient;

beforeAll(async () => {
  baseUrl = await listen(ctx.app);
  teacher = await signIn(ctx.app, demo.teacher);
  admin = await signIn(ctx.app, demo.admin);
});

type Part = { field: string; name: string; body: Buffer | string; type: string };

/** What `fetch(url, { method: 'POST', body: formData })` in the browser sends. */
async function postForm(client: TestClient, path: string, parts: Part[]) {
  const form = new FormData();
  for (const part of parts) form.append(part.field, new Blob([part.body], { type: part.type }), part.name);
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', origin: baseUrl },
    body: form,
  });
  return { status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } };
}

const countRows = async (table: typeof assets | typeof questionImports) =>
  (await ctx.app.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
const studentCount = async () =>
  (await admin.get('/api/users?role=student&pageSize=1')).json<{ total: number }>().total;

describe('oversized uploads', () => {
  it('refuses 8 to 40 MB images with 413 and stores nothing', async () => {
    const before = await countRows(assets);
    for (const megabytes of [8, 13, 21, 40]) {
      const image = Buffer.concat([pngBytes, Buffer.alloc(megabytes * 1024 * 1024, 7)]);
      const res = await postForm(teacher, '/api/assets', [
        { field: 'file', name: `big-${megabytes}.png`, body: image, type: 'image/png' },
      ]);
      expect({ megabytes, status: res.status, code: res.json.error?.code }).toEqual({
        megabytes,
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
    expect(await countRows(assets)).toBe(before);
    // The limit itself still takes an image just under it.
    const fits = Buffer.concat([pngBytes, Buffer.alloc(5 * 1024 * 1024 - pngBytes.length - 1, 7)]);
    const ok = await postForm(teacher, '/api/assets', [
      { field: 'file', name: 'fits.png', body: fits, type: 'image/png' },
    ]);
    expect(ok.status).toBe(201);
  });

  it('refuses a student CSV over the limit with 413 and creates no account', async () => {
    const before = await studentCount();
    const rows = Array.from(
      { length: 1500 },
      // Valid rows (cells are trimmed), so a file cut at the limit would import its first part.
      (_, i) => `Student ${i}${' '.repeat(3500)},big.import.${i}@example.com,BIG-${i},,,`,
    );
    const csv = ['name,email,roll_number,phone,batch_codes,password', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(5 * 1024 * 1024);
    const res = await postForm(admin, '/api/students/import', [
      { field: 'file', name: 'students.csv', body: csv, type: 'text/csv' },
    ]);
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await studentCount()).toBe(before);
  });

  it('refuses a question sheet or images zip over 50 MB with 413 and creates no import', async () => {
    const before = await countRows(questionImports);
    const sheet = `subject,chapter,topic,type,stem_en\n${'Physics,Kinematics,Motion,mcq_single,stem\n'.repeat(1_300_000)}`;
    expect(sheet.length).toBeGreaterThan(50 * 1024 * 1024);
    const big = await postForm(teacher, '/api/question-imports', [
      { field: 'file', name: 'big.csv', body: sheet, type: 'text/csv' },
    ]);
    expect(big.status).toBe(413);
    expect(big.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.json.error?.message).toMatch(/50 MB/);

    const zip = await postForm(teacher, '/api/question-imports', [
      { field: 'file', name: 'small.csv', body: 'subject,chapter\nPhysics,Kinematics\n', type: 'text/csv' },
      {
        field: 'images',
        name: 'images.zip',
        body: Buffer.alloc(51 * 1024 * 1024, 1),
        type: 'application/zip',
      },
    ]);
    expect(zip.status).toBe(413);
    expect(zip.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countRows(questionImports)).toBe(before);
  });
});
