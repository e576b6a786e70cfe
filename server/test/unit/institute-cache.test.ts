import { describe, expect, it } from 'vitest';
import { createInstituteCache } from '../../src/platform/cache/institute-cache.js';
import { createTestClock } from '../support/test-clock.js';

describe('the per-institute cache', () => {
  it('keeps an entry until it expires or is forgotten, per institute', async () => {
    const clock = createTestClock(Date.parse('2026-12-01T10:00:00Z'), { frozen: true });
    const cache = createInstituteCache<string>({ ttlMs: 60_000, clock });
    let loads = 0;
    const load = async (id: string) => `${id}:${++loads}`;
    expect(await cache.get('a', load)).toBe('a:1');
    expect(await cache.get('a', load)).toBe('a:1');
    expect(await cache.get('b', load)).toBe('b:2');
    clock.advance(60_001);
    expect(await cache.get('a', load)).toBe('a:3');
    cache.forget('a');
    expect(await cache.get('a', load)).toBe('a:4');
    expect(await cache.get('b', load)).toBe('b:5');
  });

  it('does not keep what a load read before a forget that came while it ran', async () => {
    const clock = createTestClock(Date.parse('2026-12-01T10:00:00Z'), { frozen: true });
    const cache = createInstituteCache<string>({ ttlMs: 60_000, clock });
    let release: (value: string) => void = () => undefined;
    const slow = cache.get('a', () => new Promise<string>((resolve) => (release = resolve)));
    cache.forget('a');
    release('old rows');
    expect(await slow).toBe('old rows');
    expect(await cache.get('a', async () => 'new rows')).toBe('new rows');
  });

  it('holds at most maxEntries institutes, dropping the oldest', async () => {
    const clock = createTestClock(Date.parse('2026-12-01T10:00:00Z'), { frozen: true });
    const cache = createInstituteCache<number>({ ttlMs: 60_000, clock, maxEntries: 2 });
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(await cache.get('b', load)).toBe(2);
    expect(await cache.get('a', load)).toBe(4);
  });
});
