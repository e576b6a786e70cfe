import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { createTestEnv, demo, signIn, type TestClient, type TestEnv } from '../support/test-app.js';
import { pngBytes } from './question-samples.js';

/**
 * Question images uploaded straight to S3 (s3rver here): the app hands out a presigned PUT, the
 * client sends the bytes to the store, completion checks and registers them, and the image is
 * then served through the app's asset route like any other.
 */
type Plan = { method: 'PUT'; url: string; headers: Record<string, string>; key: string };
type Asset = { id: string; url: string; contentType: string; size: number; originalName: string };

let s3: S3Server;
let env: TestEnv;
let app: App;
let teacher: TestClient;
let instituteId: string;

beforeAll(async () => {
  s3 = await startS3Server();
  env = await createTestEnv({ env: s3.env });
  app = await env.start();
  teacher = await signIn(app, demo.teacher);
  instituteId = (await teacher.get('/api/auth/me')).json<{ user: { institute: { id: string } } }>().user
    .institute.id;
});
afterAll(async () => {
  await env.close();
  await s3.stop();
});

const plan = async (client: TestClient, body: { fileName: string; contentType: string; size: number }) =>
  client.post('/api/assets/uploads', body);
const planFor = async (client: TestClient, bytes: Buffer, fileName = 'graph.png') => {
  const res = await plan(client, { fileName, contentType: 'image/png', size: bytes.length });
  expect(res.statusCode).toBe(200);
  const { upload } = res.json<{ upload: Plan }>();
  expect(upload.method).toBe('PUT');
  return upload;
};
const putBytes = (upload: Plan, bytes: Buffer | string) =>
  fetch(upload.url, { method: upload.method, headers: upload.headers, body: bytes });
const complete = (client: TestClient, key: string, fileName = 'graph.png') =>
  client.post('/api/assets/uploads/complete', { key, fileName });

describe('direct image uploads to S3', () => {
  it('uploads through a presigned PUT, registers the image once, and serves it back through the app', async () => {
    const upload = await planFor(teacher, pngBytes);
    expect(upload.key).toMatch(new RegExp(`^uploads/institutes/${instituteId}/[0-9a-f-]{36}$`));
    expect(upload.url.startsWith(s3.endpoint)).toBe(true);
    expect((await putBytes(upload, pngBytes)).status).toBe(200);

    const done = await complete(teacher, upload.key, 'circuit.png');
    expect(done.statusCode).toBe(201);
    const { asset } = done.json<{ asset: Asset }>();
    expect(asset).toMatchObject({
      contentType: 'image/png',
      size: pngBytes.length,
      originalName: 'circuit.png',
    });
    const served = await teacher.get(asset.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(pngBytes)).toBe(true);

    // Completing again (a retry after a lost answer) is the same image, not a second one.
    const again = await complete(teacher, upload.key, 'circuit.png');
    expect(again.json<{ asset: Asset }>().asset.id).toBe(asset.id);
    // The image lives under its own key; the presigned one is emptied, so a late PUT changes nothing shown.
    expect(await app.storage.head(upload.key)).toBeNull();
    expect((await putBytes(upload, pngBytes)).status).toBe(200);
    expect((await teacher.get(asset.url)).rawPayload.equals(pngBytes)).toBe(true);
  });

  it('returns the existing image for bytes the institute already has, like the multipart route', async () => {
    const first = (await teacher.upload('/api/assets', 'first.png', pngBytes, 'image/png')).json<{
      asset: Asset;
    }>().asset;
    const upload = await planFor(teacher, pngBytes, 'again.png');
    await putBytes(upload, pngBytes);
    const res = await complete(teacher, upload.key, 'again.png');
    expect(res.json<{ asset: Asset }>().asset.id).toBe(first.id);
    expect(await app.storage.head(upload.key)).toBeNull();
  });

  it('keeps the upload limits: the declared size and type first, then the stored bytes themselves', async () => {
    const oversize = await plan(teacher, {
      fileName: 'big.png',
      contentType: 'image/png',
      size: 5 * 1024 * 1024 + 1,
    });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const svg = await plan(teacher, { fileName: 'd.svg', contentType: 'image/svg+xml', size: 100 });
    expect(svg.statusCode).toBe(400);
    expect(svg.json()).toMatchObject({ error: { code: 'ASSET_TYPE_NOT_ALLOWED' } });

    // A page sent as image/png: refused by content, and not kept in the bucket.
    const html = '<html><body>not an image</body></html>';
    const disguised = await planFor(teacher, Buffer.from(html), 'page.png');
    expect((await putBytes(disguised, html)).status).toBe(200);
    const refused = await complete(teacher, disguised.key, 'page.png');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'ASSET_TYPE_NOT_ALLOWED' } });
    expect(await app.storage.head(disguised.key)).toBeNull();
    expect((await complete(teacher, disguised.key, 'page.png')).json()).toMatchObject({
      error: { code: 'UPLOAD_NOT_FOUND' },
    });

    // More bytes than declared (S3 itself refuses the signed length; the local store does not): 413 at completion.
    const big = Buffer.concat([pngBytes, Buffer.alloc(5 * 1024 * 1024)]);
    const small = await planFor(teacher, pngBytes, 'small.png');
    await putBytes(small, big);
    const tooBig = await complete(teacher, small.key, 'small.png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await app.storage.head(small.key)).toBeNull();
  });

  it('refuses completing a key nothing was uploaded to, and a key of another institute', async () => {
    const upload = await planFor(teacher, pngBytes);
    const early = await complete(teacher, upload.key);
    expect(early.statusCode).toBe(404);
    expect(early.json()).toMatchObject({ error: { code: 'UPLOAD_NOT_FOUND' } });
    await putBytes(upload, pngBytes);

    const operator = await signIn(app, demo.operator);
    await operator.post('/api/institutes', {
      name: 'Other uploads',
      slug: 'other-uploads',
      admin: { name: 'O', email: 'o@uploads.example', password: 'Other-Admin-123' },
    });
    const other = await signIn(app, { email: 'o@uploads.example', password: 'Other-Admin-123' });
    const stolen = await complete(other, upload.key);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).toMatchObject({ error: { code: 'UPLOAD_NOT_FOUND' } });
    // Untouched by the attempt: the owner still completes it.
    expect(await app.storage.head(upload.key)).not.toBeNull();
    expect((await complete(teacher, upload.key)).statusCode).toBe(201);
    // And the other institute's own plans are keyed under its own institute.
    const own = await planFor(other, pngBytes);
    expect(own.key.includes(instituteId)).toBe(false);
  });

  it('lets only uploaders plan an upload', async () => {
    const student = await signIn(app, demo.student);
    expect((await plan(student, { fileName: 'a.png', contentType: 'image/png', size: 10 })).statusCode).toBe(
      403,
    );
    expect(
      (await complete(student, `uploads/institutes/${instituteId}/${crypto.randomUUID()}`)).statusCode,
    ).toBe(403);
  });

  it('lets the browser reach the store: the CSP allows it and the bucket answers the CORS preflight', async () => {
    const page = await app.http.inject({ method: 'GET', url: '/health' });
    expect(String(page.headers['content-security-policy'])).toMatch(
      new RegExp(`connect-src [^;]*${s3.endpoint.replace(/[.:/]/g, '\\$&')}`),
    );
    const upload = await planFor(teacher, pngBytes);
    const preflight = await fetch(upload.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://exams.example.edu',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': Object.keys(upload.headers).join(','),
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });
});
