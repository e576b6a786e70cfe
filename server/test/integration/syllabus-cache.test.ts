/**
 * The syllabus tree is cached per institute (issue 12): a repeated read is a cache hit, a write is
 * in the very next read, and one institute's cached tree is never another's.
 */
import { describe, expect, it } from 'vitest';
import { createInstituteFixture } from '../support/institute-fixture.js';
import { useTestApp, type TestClient } from '../support/test-app.js';
import { loadTree } from './question-samples.js';

const t = useTestApp();

async function syllabusLookups(result: 'hit' | 'miss'): Promise<number> {
  const res = await t.app.http.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
  expect(res.statusCode).toBe(200);
  const line = res.body
    .split('\n')
    .find((l) => l.startsWith(`examtech_cache_requests_total{cache="syllabus",result="${result}"}`));
  return Number(line?.split(' ').pop() ?? 0);
}

const subjectNames = async (client: TestClient) => (await loadTree(client)).subjects.map((s) => s.name);

describe('the cached syllabus tree', () => {
  it('answers a repeated read from the cache and shows every write at once, to its own institute only', async () => {
    const a = await createInstituteFixture(t.app);
    const b = await createInstituteFixture(t.app);
    const before = await subjectNames(a.teacher);
    const hits = await syllabusLookups('hit');
    expect(await subjectNames(a.teacher)).toEqual(before);
    expect(await syllabusLookups('hit')).toBe(hits + 1);

    const created = await a.teacher.post('/api/syllabus/nodes', {
      kind: 'subject',
      name: 'Cached Astronomy',
    });
    expect(created.statusCode).toBe(201);
    expect(await subjectNames(a.teacher)).toContain('Cached Astronomy');
    const { id } = created.json<{ node: { id: string } }>().node;
    expect(
      (await a.teacher.patch(`/api/syllabus/nodes/${id}`, { name: 'Cached Cosmology' })).statusCode,
    ).toBe(200);
    const renamed = await subjectNames(a.teacher);
    expect(renamed).toContain('Cached Cosmology');
    expect(renamed).not.toContain('Cached Astronomy');

    // The other institute's tree, cached or not, has none of it.
    expect(await subjectNames(b.teacher)).toEqual(before);
    expect(await subjectNames(b.teacher)).not.toContain('Cached Cosmology');
  });
});
