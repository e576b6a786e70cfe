import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalDiskStorage, type FileStorage } from '../../src/platform/storage/file-storage.js';
import { createS3Storage } from '../../src/platform/storage/s3-storage.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';

/** The S3 FileStorage against a real S3-compatible store (s3rver), as `npm run cluster` runs it. */
let server: S3Server;
let storage: ReturnType<typeof createS3Storage>;
// The local-disk storage answers the same calls the same way (the embedded default).
let disk: FileStorage;
const s3Storage = (): FileStorage => storage;

beforeAll(async () => {
  server = await startS3Server();
  const { s3 } = loadConfig(server.env);
  if (!s3) throw new Error('S3_BUCKET set, so the S3 config is there');
  storage = createS3Storage(s3);
  disk = createLocalDiskStorage(await mkdtemp(path.join(tmpdir(), 'examtech-disk-')));
});
afterAll(async () => {
  storage.close();
  await server.stop();
});

const readAll = async (body: AsyncIterable<Buffer>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
};

describe('files in S3', () => {
  it('puts, reads back, heads and deletes a file; a missing key reads as null and deletes again fine', async () => {
    const key = 'institutes/i1/imports/sheet.json';
    await storage.put(key, Buffer.from('{"rows":[]}'), 'application/json');
    expect(await storage.head(key)).toEqual({ size: 11, contentType: 'application/json' });
    const stored = await storage.get(key);
    expect(stored?.size).toBe(11);
    expect((await readAll(stored!.body)).toString()).toBe('{"rows":[]}');
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
    expect(await storage.get('institutes/i1/never-written')).toBeNull();
  });

  it('reads the first bytes and the whole size in one ranged read, for a large and a short file', async () => {
    const bytes = randomBytes(40_000);
    for (const storage of [s3Storage(), disk]) {
      await storage.put('institutes/i1/proctoring/a.jpg', bytes, 'image/jpeg');
      const start = await storage.readStart('institutes/i1/proctoring/a.jpg', 16);
      expect(start?.size).toBe(40_000);
      expect(start?.head.equals(bytes.subarray(0, 16))).toBe(true);
      await storage.put('institutes/i1/proctoring/short', Buffer.from('abc'), 'image/jpeg');
      expect(await storage.readStart('institutes/i1/proctoring/short', 16)).toEqual({
        head: Buffer.from('abc'),
        size: 3,
      });
      expect(await storage.readStart('institutes/i1/proctoring/never-written', 16)).toBeNull();
    }
    // An empty file on disk (s3rver never answers a range of an empty object; S3 answers 416, which
    // readStart turns into the same answer; a presigned PUT signs a size above 0 anyway).
    await disk.put('institutes/i1/proctoring/empty', Buffer.alloc(0), 'image/jpeg');
    expect(await disk.readStart('institutes/i1/proctoring/empty', 16)).toEqual({
      head: Buffer.alloc(0),
      size: 0,
    });
  });

  it('copies within the bucket, leaving the source as it was', async () => {
    await storage.put('institutes/i1/uploads/src', Buffer.from('bytes'), 'image/png');
    await storage.copy('institutes/i1/uploads/src', 'institutes/i1/assets/dst');
    expect(await storage.head('institutes/i1/assets/dst')).toEqual({ size: 5, contentType: 'image/png' });
    expect((await readAll((await storage.get('institutes/i1/assets/dst'))!.body)).toString()).toBe('bytes');
    expect(await storage.head('institutes/i1/uploads/src')).not.toBeNull();
  });

  it('streams a 5 MB file back in many chunks, byte for byte', async () => {
    const body = randomBytes(5 * 1024 * 1024);
    await storage.put('institutes/i1/big.bin', body, 'application/octet-stream');
    const stored = await storage.get('institutes/i1/big.bin');
    expect(stored?.size).toBe(body.length);
    let chunks = 0;
    const parts: Buffer[] = [];
    for await (const chunk of stored!.body as AsyncIterable<Buffer>) {
      chunks++;
      parts.push(chunk);
    }
    // Arriving in pieces is what shows it was not read into one buffer before being handed over.
    expect(chunks).toBeGreaterThan(1);
    expect(Buffer.concat(parts).equals(body)).toBe(true);
  });

  it('presigns a PUT that signs the type and the exact size, and the upload lands under the key', async () => {
    const bytes = randomBytes(1000);
    const key = 'institutes/i1/uploads/direct';
    const target = await storage.createUploadUrl(key, {
      contentType: 'image/png',
      size: bytes.length,
      expiresInSeconds: 300,
    });
    expect(target).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' } });
    const url = new URL(target.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.endpoint}/${server.bucket}/${key}`);
    // S3 refuses a PUT whose signed headers differ; s3rver does not check V4 signatures, so the
    // server's completion step checks size and type again (asset-uploads tests).
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(await storage.head(key)).toBeNull();
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: bytes });
    expect(put.status).toBe(200);
    expect(await storage.head(key)).toEqual({ size: 1000, contentType: 'image/png' });
  });

  it('asks for server-side encryption on writes and signs it into presigned uploads (S3_SSE)', async () => {
    const { s3 } = loadConfig({ ...server.env, S3_SSE: 'aws:kms', S3_SSE_KMS_KEY_ID: 'alias/examtech' });
    const encrypted = createS3Storage(s3!);
    try {
      const target = await encrypted.createUploadUrl('institutes/i1/uploads/sse', {
        contentType: 'image/png',
        size: 4,
        expiresInSeconds: 60,
      });
      expect(target.headers).toEqual({
        'content-type': 'image/png',
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id': 'alias/examtech',
      });
      const signed = new URL(target.url).searchParams.get('X-Amz-SignedHeaders')?.split(';');
      expect(signed).toEqual(expect.arrayContaining(['x-amz-server-side-encryption']));
      const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: 'abcd' });
      expect(put.status).toBe(200);
      await encrypted.put('institutes/i1/sse-put', Buffer.from('x'), 'text/plain');
      expect(await encrypted.head('institutes/i1/sse-put')).toEqual({ size: 1, contentType: 'text/plain' });
    } finally {
      encrypted.close();
    }
  });

  it('names the origin the browser uploads to, for the CSP', () => {
    expect(storage.uploadOrigin).toBe(server.endpoint);
  });
});
