import { expect } from 'vitest';
import {
  commitImport,
  uploadImport,
  validateFile,
  waitForImport,
  type ImportView,
} from '../question-import-support.js';
import type { TenancyCase, TenancyContext } from './cases.js';

const SECRET = 'Institute A secret import question';
const csv = (stem: string) =>
  `type,subject,chapter,topic,stem_en,option_a_en,option_b_en,answer\r\nmcq_single,Physics,Kinematics,Projectile Motion,${stem},yes,no,A\r\n`;

/** Question import and export: institute B never reads, commits or exports institute A's imports or questions. */
export function questionTransferTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let prepared: Promise<{ committed: ImportView; ready: ImportView }> | null = null;
  const ensureA = () =>
    (prepared ??= (async () => {
      const first = await validateFile(context.adminA, { name: 'a.csv', body: csv(SECRET) });
      const committed = await commitImport(context.adminA, first.view.id, 'import');
      const ready = (await validateFile(context.adminA, { name: 'a2.csv', body: csv(`${SECRET} two`) })).view;
      return { committed, ready };
    })());
  const stillReady = async (id: string) =>
    expect(
      (await context.adminA.get(`/api/question-imports/${id}`)).json<{ import: ImportView }>().import.status,
    ).toBe('ready');

  return {
    'GET /api/question-imports/template.csv': async (client) => {
      const res = await client.get('/api/question-imports/template.csv');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SECRET);
    },
    'GET /api/question-imports/template.xlsx': async (client) =>
      expect((await client.get('/api/question-imports/template.xlsx')).statusCode).toBe(200),
    'GET /api/questions/export.csv': async (client) => {
      await ensureA();
      const res = await client.get('/api/questions/export.csv?pageSize=200');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SECRET);
    },
    'GET /api/questions/export.xlsx': async (client) => {
      await ensureA();
      const res = await client.get('/api/questions/export.xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.includes(Buffer.from('secret import'))).toBe(false);
    },
    'POST /api/question-imports': async (client, who) => {
      const res = await uploadImport(client, { name: 'b.csv', body: csv(`Institute B ${who} question`) });
      expect(res.statusCode).toBe(202);
      const { view } = await waitForImport(client, res.json<{ import: ImportView }>().import.id);
      expect(view.status).toBe('ready');
      // A cannot see B's import either: ids are per institute.
      expect((await context.adminA.get(`/api/question-imports/${view.id}`)).statusCode).toBe(404);
    },
    'GET /api/question-imports/:id': async (client) => {
      const { committed, ready } = await ensureA();
      for (const id of [committed.id, ready.id])
        expect((await client.get(`/api/question-imports/${id}`)).statusCode).toBe(404);
    },
    'GET /api/question-imports/:id/errors.csv': async (client) => {
      const { ready } = await ensureA();
      expect((await client.get(`/api/question-imports/${ready.id}/errors.csv`)).statusCode).toBe(404);
    },
    'POST /api/question-imports/:id/commit': async (client) => {
      const { ready } = await ensureA();
      expect(
        (await client.post(`/api/question-imports/${ready.id}/commit`, { duplicates: 'import' })).statusCode,
      ).toBe(404);
      await stillReady(ready.id);
    },
  };
}
