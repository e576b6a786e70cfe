import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../../src/platform/kv/rate-limiter.js';

describe('in-process rate limiter', () => {
  it('allows up to the limit in a window, then refuses with the time left, then opens a new window', async () => {
    let now = 1_000_000;
    const limiter = createMemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('k', 3, 60)).allowed).toBe(true);
    const refused = await limiter.hit('k', 3, 60);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    now += 30_000;
    expect((await limiter.hit('k', 3, 60)).retryAfterSeconds).toBe(30);
    now += 30_001;
    expect((await limiter.hit('k', 3, 60)).allowed).toBe(true);
  });

  it('keeps keys apart and forgets a key on reset', async () => {
    const limiter = createMemoryRateLimiter();
    await limiter.hit('a', 1, 60);
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(false);
    expect((await limiter.hit('b', 1, 60)).allowed).toBe(true);
    await limiter.reset('a');
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(true);
  });

  it('resets every counter of a group at once, and nothing outside it', async () => {
    const limiter = createMemoryRateLimiter();
    await limiter.hit('acct:1:ip:a', 1, 60, 'acct:1');
    await limiter.hit('acct:1:ip:b', 1, 60, 'acct:1');
    await limiter.hit('acct:2:ip:a', 1, 60, 'acct:2');
    await limiter.resetGroup('acct:1');
    expect((await limiter.hit('acct:1:ip:a', 1, 60, 'acct:1')).allowed).toBe(true);
    expect((await limiter.hit('acct:1:ip:b', 1, 60, 'acct:1')).allowed).toBe(true);
    expect((await limiter.hit('acct:2:ip:a', 1, 60, 'acct:2')).allowed).toBe(false);
  });
});
