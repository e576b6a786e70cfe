import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestEnv, demo, signIn, TestClient, type TestEnv } from '../support/test-app.js';

type Problem = { row: number; column: string; value: string; message: string };

let env: TestEnv;
let app: App;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  app = await env.start();
  admin = await signIn(app, demo.admin);
});
afterAll(() => env.close());

const header = 'name,email,roll_number,phone,batch_codes,password';
const studentCount = async () =>
  (await admin.get('/api/users?role=student&pageSize=1')).json<{ total: number }>().total;

describe('student CSV import', () => {
  it('offers a template that itself validates (after its example batch exists)', async () => {
    const template = await admin.get('/api/students/import/template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(header);
    await admin.post('/api/batches', { name: 'JEE 2027', code: 'JEE-2027' });
    await admin.post('/api/batches', { name: 'NEET 2027', code: 'NEET-2027' });
    const check = await admin.upload('/api/students/import?dryRun=true', 'template.csv', template.body);
    expect(check.json()).toEqual({ valid: true, rowCount: 2 });
  });

  it('reports every bad row and column precisely and imports nothing', async () => {
    const before = await studentCount();
    const csv = [
      header,
      'Good Student,good.one@example.com,IMP-001,,JEE-2027-A,',
      ',missing.name@example.com,IMP-002,,,',
      'Bad Email,not-an-email,IMP-003,,,',
      'Duplicate Email,GOOD.ONE@example.com,IMP-004,,,',
      `Taken Email,${demo.teacher.email},IMP-005,,,`,
      'Unknown Batch,unknown.batch@example.com,IMP-006,,NOPE-1,',
      'Short Password,short.pw@example.com,IMP-007,,,abc',
      '=HYPERLINK("http://x"),formula@example.com,IMP-008,,,',
      'Phone Letters,phone@example.com,IMP-009,call me,,',
    ].join('\n');
    const res = await admin.upload('/api/students/import', 'students.csv', csv);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string }; valid: boolean; errors: Problem[] }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.valid).toBe(false);
    const at = (row: number) => body.errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['name']);
    expect(at(4)).toEqual(['email']);
    expect(at(5)).toEqual(['email']);
    expect(body.errors.find((e) => e.row === 5)?.message).toContain('row 2');
    expect(at(6)).toEqual(['email']);
    expect(at(7)).toEqual(['batch_codes']);
    expect(body.errors.find((e) => e.row === 7)?.value).toBe('NOPE-1');
    expect(at(8)).toEqual(['password']);
    expect(at(9)).toEqual(['name']);
    expect(at(10)).toEqual(['phone']);
    expect(await studentCount()).toBe(before);
    expect((await new TestClient(app).login('good.one@example.com', 'whatever-123')).statusCode).toBe(401);
  });

  it('imports a valid file in one go: BOM, quotes, commas, Hindi names, several batches', async () => {
    const before = await studentCount();
    const csv =
      '\uFEFF' +
      [
        header,
        '"Sharma, Aditi",aditi@example.com,IMP-101,+91 98765 00001,JEE-2027;NEET-2027,First-Pass-1',
        'अर्जुन कुमार,arjun@example.com,IMP-102,,jee-2027,',
        '"Neha ""Nini"" Joshi",neha@example.com,,,,',
      ].join('\r\n');
    const dry = await admin.upload('/api/students/import?dryRun=true', 'ok.csv', csv);
    expect(dry.json()).toEqual({ valid: true, rowCount: 3 });
    expect(await studentCount()).toBe(before);

    const res = await admin.upload('/api/students/import', 'ok.csv', csv);
    expect(res.statusCode).toBe(201);
    const created = res.json<{ created: { email: string; name: string; temporaryPassword: string }[] }>()
      .created;
    expect(created.map((c) => c.name)).toEqual(['Sharma, Aditi', 'अर्जुन कुमार', 'Neha "Nini" Joshi']);
    expect(created[0]!.temporaryPassword).toBe('First-Pass-1');
    expect(await studentCount()).toBe(before + 3);

    const arjun = new TestClient(app);
    const login = await arjun.login('arjun@example.com', created[1]!.temporaryPassword);
    expect(
      login.json<{ user: { name: string; mustChangePassword: boolean; batchIds: string[] } }>().user,
    ).toMatchObject({
      name: 'अर्जुन कुमार',
      mustChangePassword: true,
    });
    const aditi = await signIn(app, { email: 'aditi@example.com', password: 'First-Pass-1' });
    expect(
      (await aditi.get('/api/batches'))
        .json<{ items: { code: string }[] }>()
        .items.map((b) => b.code)
        .sort(),
    ).toEqual(['JEE-2027', 'NEET-2027']);

    // The same file again: every row now collides, and nothing more is created.
    const again = await admin.upload('/api/students/import', 'ok.csv', csv);
    expect(again.statusCode).toBe(422);
    expect(again.json<{ errors: Problem[] }>().errors.filter((e) => e.column === 'email')).toHaveLength(3);
    expect(await studentCount()).toBe(before + 3);
  });

  it('refuses files that are not UTF-8 CSV text with a clear error', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${header}\nJos`),
      Buffer.from([0xe9]),
      Buffer.from(',jose@example.com,,,,\n'),
    ]);
    const notUtf8 = await admin.upload('/api/students/import', 'latin1.csv', latin1);
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
    });
    expect(notUtf8.json<{ error: { message: string } }>().error.message).toContain('UTF-8');

    const xlsxLike = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
    expect((await admin.upload('/api/students/import', 'students.xlsx', xlsxLike)).json()).toMatchObject({
      error: { code: 'IMPORT_FILE_UNREADABLE' },
    });
    const wrongHeader = await admin.upload(
      '/api/students/import',
      'x.csv',
      'full name,mail\nA,b@example.com\n',
    );
    expect(wrongHeader.statusCode).toBe(422);
    expect(wrongHeader.json<{ errors: Problem[] }>().errors.map((e) => e.column)).toEqual(
      expect.arrayContaining(['name', 'email', 'full_name', 'mail']),
    );
    expect((await admin.upload('/api/students/import', 'empty.csv', `${header}\n`)).json()).toMatchObject({
      error: { code: 'IMPORT_FILE_UNREADABLE' },
    });
  });

  it('refuses an upload over 5 MB', async () => {
    const big = `${header}\n${'x'.repeat(6 * 1024 * 1024)}`;
    const res = await admin.upload('/api/students/import', 'big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('is for admins only', async () => {
    const teacher = await signIn(app, demo.teacher);
    expect(
      (await teacher.upload('/api/students/import', 'a.csv', `${header}\nA,a@example.com,,,,`)).statusCode,
    ).toBe(403);
    expect((await teacher.get('/api/students/import/template.csv')).statusCode).toBe(403);
  });

  it('never tells whether an email has an account in another institute: the dry run passes it, the commit refuses it without saying why', async () => {
    const operator = await signIn(app, demo.operator);
    const other = await operator.post('/api/institutes', {
      name: 'Rival Classes',
      slug: 'rival-classes',
      admin: { name: 'Rival Admin', email: 'admin@rival.example', password: 'Rival-Admin-123' },
    });
    expect(other.statusCode).toBe(201);
    const rival = await signIn(app, { email: 'admin@rival.example', password: 'Rival-Admin-123' });
    expect(
      (
        await rival.post('/api/users', {
          name: 'Rival Student',
          email: 'topper@rival.example',
          role: 'student',
        })
      ).statusCode,
    ).toBe(201);

    const before = await studentCount();
    const file = (email: string) => [header, `Some One,${email},,,,`].join('\n');
    const elsewhere = await admin.upload(
      '/api/students/import?dryRun=true',
      's.csv',
      file('topper@rival.example'),
    );
    const unknown = await admin.upload(
      '/api/students/import?dryRun=true',
      's.csv',
      file('nobody@rival.example'),
    );
    // Answered exactly as an address nobody uses.
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json()).toEqual(unknown.json());

    const commit = await admin.upload('/api/students/import', 's.csv', file('topper@rival.example'));
    expect(commit.statusCode).toBe(422);
    const problem = commit.json<{ errors: Problem[] }>().errors[0]!;
    expect(problem).toMatchObject({ row: 2, column: 'email', value: 'topper@rival.example' });
    expect(problem.message).toBe('This email cannot be used for a new account. Use another one.');
    expect(problem.message).not.toMatch(/exist|registered|institute|account with/i);
    expect(await studentCount()).toBe(before);

    // This institute's own accounts are named as such, in the dry run too (the admin can see them).
    const own = await admin.upload('/api/students/import?dryRun=true', 's.csv', file(demo.student.email));
    expect(own.json<{ errors: Problem[] }>().errors[0]!.message).toBe(
      'A user of this institute already has this email.',
    );
  });

  it('creating a user with another institute’s email answers USER_EMAIL_UNAVAILABLE, not that it exists', async () => {
    const res = await admin.post('/api/users', {
      name: 'Poach',
      email: 'topper@rival.example',
      role: 'student',
    });
    expect(res.statusCode).toBe(409);
    const body = res.json<{ error: { code: string; message: string; fields: { message: string }[] } }>();
    expect(body.error.code).toBe('USER_EMAIL_UNAVAILABLE');
    expect(JSON.stringify(body.error)).not.toMatch(/exist|registered|institute|Rival/i);
    const own = await admin.post('/api/users', { name: 'Dup', email: demo.teacher.email, role: 'teacher' });
    expect(own.json()).toMatchObject({ error: { code: 'USER_EMAIL_TAKEN' } });
  });
});
