import type { LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import type { TestClient } from '../support/test-app.js';

export type ImportView = {
  id: string;
  status: string;
  fileName: string;
  format: string;
  totalRows: number;
  processedRows: number;
  summary: {
    valid: number;
    invalid: number;
    duplicates: number;
    byType: Record<string, number>;
    missingSyllabus: unknown[];
  };
  errors: { row: number; column: string; message: string }[];
  errorCount: number;
  duplicates: {
    row: number;
    existingQuestionId: string | null;
    duplicateOfRow: number | null;
    stemPreview: string;
  }[];
  committedCount: number;
  failure: string | null;
};

export type UploadPart = { name: string; body: Buffer | string; type?: string };

/** Multipart upload of the sheet (`file`), optional images zip and createMissingSyllabus flag. */
export async function uploadImport(
  client: TestClient,
  file: UploadPart,
  options: { images?: UploadPart; createMissingSyllabus?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const form = new FormData();
  if (options.createMissingSyllabus !== undefined)
    form.append('createMissingSyllabus', String(options.createMissingSyllabus));
  form.append('file', new Blob([file.body], { type: file.type ?? 'text/csv' }), file.name);
  if (options.images)
    form.append('images', new Blob([options.images.body], { type: 'application/zip' }), options.images.name);
  const encoded = new Response(form);
  return client.app.http.inject({
    method: 'POST',
    url: '/api/question-imports',
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      'content-type': encoded.headers.get('content-type') ?? '',
    },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
}

/** Polls until the import leaves validating/committing; returns the final view and every progress value seen. */
export async function waitForImport(
  client: TestClient,
  id: string,
): Promise<{ view: ImportView; progress: number[] }> {
  const progress: number[] = [];
  // vi.waitFor, not expect.poll: fixtures call this from beforeAll hooks too.
  const view = await vi.waitFor(
    async () => {
      const res = await client.get(`/api/question-imports/${id}`);
      expect(res.statusCode).toBe(200);
      const current = res.json<{ import: ImportView }>().import;
      progress.push(current.processedRows);
      if (current.status === 'validating' || current.status === 'committing')
        throw new Error(`import ${id} did not finish (${current.status})`);
      return current;
    },
    { timeout: 30_000, interval: 50 },
  );
  return { view, progress };
}

/** Upload, wait for validation; asserts the upload was accepted. */
export async function validateFile(
  client: TestClient,
  file: UploadPart,
  options: Parameters<typeof uploadImport>[2] = {},
) {
  const res = await uploadImport(client, file, options);
  expect(res.statusCode, res.body).toBe(202);
  return waitForImport(client, res.json<{ import: ImportView }>().import.id);
}

export async function commitImport(
  client: TestClient,
  id: string,
  duplicates: 'skip' | 'import',
): Promise<ImportView> {
  const res = await client.post(`/api/question-imports/${id}/commit`, { duplicates });
  expect(res.statusCode, res.body).toBe(202);
  return (await waitForImport(client, id)).view;
}

export async function countQuestions(client: TestClient, query = ''): Promise<number> {
  return (await client.get(`/api/questions?pageSize=1${query}`)).json<{ total: number }>().total;
}
