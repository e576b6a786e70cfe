import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, demo, signIn, type TestClient } from '../support/test-app.js';
import { createQuestion, findTopicIds, pngBytes, samples } from './question-samples.js';

const ctx = useTestApp();
let teacher: TestClient;

beforeAll(async () => {
  teacher = await signIn(ctx.app, demo.teacher);
});

type Asset = { id: string; url: string; contentType: string; size: number; originalName: string };
const upload = (client: TestClient, name: string, bytes: Buffer | string, type = 'image/png') =>
  client.upload('/api/assets', name, bytes, type);

describe('image uploads', () => {
  it('stores a PNG and serves the same bytes with its real type', async () => {
    const res = await upload(teacher, 'graph.png', pngBytes);
    expect(res.statusCode).toBe(201);
    const { asset } = res.json<{ asset: Asset }>();
    expect(asset).toMatchObject({
      contentType: 'image/png',
      size: pngBytes.length,
      originalName: 'graph.png',
      url: `/api/assets/${asset.id}`,
    });
    const fetched = await teacher.get(asset.url);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/png');
    expect(fetched.headers['x-content-type-options']).toBe('nosniff');
    expect(fetched.rawPayload.equals(pngBytes)).toBe(true);
  });

  it('detects JPEG, GIF and WebP by content whatever the file is called', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
    const types = [];
    for (const [name, bytes] of [
      ['photo.bin', jpeg],
      ['anim', gif],
      ['pic.png', webp],
    ] as const) {
      types.push(
        (await upload(teacher, name, bytes, 'application/octet-stream')).json<{ asset: Asset }>().asset
          .contentType,
      );
    }
    expect(types).toEqual(['image/jpeg', 'image/gif', 'image/webp']);
  });

  it('refuses a text file renamed .png, an SVG and an HTML page', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    for (const [name, body, type] of [
      ['notes.png', 'just some notes, not an image', 'image/png'],
      ['diagram.svg', svg, 'image/svg+xml'],
      ['page.png', '<html><body>hi</body></html>', 'image/png'],
    ] as const) {
      const res = await upload(teacher, name, body, type);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'ASSET_TYPE_NOT_ALLOWED' } });
    }
  });

  it('refuses an image over 5 MB', async () => {
    const big = Buffer.concat([pngBytes, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(teacher, 'big.png', big)).statusCode).toBe(413);
  });

  it('reuses an identical image instead of storing it twice', async () => {
    const first = (await upload(teacher, 'a.png', pngBytes)).json<{ asset: Asset }>().asset;
    const second = (await upload(teacher, 'b.png', pngBytes)).json<{ asset: Asset }>().asset;
    expect(second.id).toBe(first.id);
  });

  it('lets a question show an uploaded image', async () => {
    const { asset } = (await upload(teacher, 'circuit.png', pngBytes)).json<{ asset: Asset }>();
    const { topicId } = await findTopicIds(
      teacher,
      'Physics',
      'Current Electricity',
      'Wheatstone Bridge and Meter Bridge',
    );
    const question = {
      ...samples.tita,
      images: [{ id: asset.id, alt: 'circuit' }],
      content: { en: { stem: `Find the current in the circuit ![circuit](image:${asset.id}).` } },
    };
    const created = await createQuestion(teacher, question, topicId);
    expect(created.stemPreview).toBe('Find the current in the circuit [circuit].');
  });
});

describe('direct uploads on local disk', () => {
  it('plans the multipart upload (nothing to presign) after the same size and type checks', async () => {
    const res = await teacher.post('/api/assets/uploads', {
      fileName: 'graph.png',
      contentType: 'image/png',
      size: pngBytes.length,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ upload: { method: 'multipart', url: '/api/assets', field: 'file' } });
    const big = { fileName: 'big.png', contentType: 'image/png', size: 5 * 1024 * 1024 + 1 };
    expect((await teacher.post('/api/assets/uploads', big)).json()).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    const html = { fileName: 'page.png', contentType: 'text/html', size: 10 };
    expect((await teacher.post('/api/assets/uploads', html)).json()).toMatchObject({
      error: { code: 'ASSET_TYPE_NOT_ALLOWED' },
    });
  });
});

describe('who may upload and read images', () => {
  it('staff of the institute read its images; a student reads none outside their papers, and cannot upload', async () => {
    const { asset } = (await upload(teacher, 'shared.png', pngBytes)).json<{ asset: Asset }>();
    const proctor = await signIn(ctx.app, demo.proctor);
    expect((await proctor.get(asset.url)).statusCode).toBe(200);
    // What a student may read is in result-release.test.ts: only images of a paper they sit or a released result.
    const student = await signIn(ctx.app, demo.student);
    expect((await student.get(asset.url)).statusCode).toBe(404);
    expect((await upload(student, 'mine.png', pngBytes)).statusCode).toBe(403);
    expect((await ctx.app.http.inject({ method: 'GET', url: asset.url })).statusCode).toBe(401);
  });

  it('another institute gets 404 for an image and cannot reference it in a question', async () => {
    const { asset } = (await upload(teacher, 'private.png', pngBytes)).json<{ asset: Asset }>();
    const operator = await signIn(ctx.app, demo.operator);
    await operator.post('/api/institutes', {
      name: 'Other',
      slug: 'other-assets',
      admin: { name: 'O', email: 'o@assets.example', password: 'Other-Admin-123' },
    });
    const other = await signIn(ctx.app, { email: 'o@assets.example', password: 'Other-Admin-123' });
    expect((await other.get(asset.url)).statusCode).toBe(404);
    const { topicId } = await findTopicIds(other, 'Physics', 'Kinematics', 'Projectile Motion');
    const res = await other.post('/api/questions', {
      question: {
        ...samples.tita,
        images: [{ id: asset.id }],
        content: { en: { stem: `![x](image:${asset.id})` } },
      },
      topicId,
    });
    expect(res.json()).toMatchObject({
      error: { code: 'QUESTION_INVALID', fields: [{ path: 'images.0.id' }] },
    });
  });
});
