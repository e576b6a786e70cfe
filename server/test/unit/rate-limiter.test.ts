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
    const limiter = createMemoryRateLimiter(() => 0);
    await limiter.hit('a', 1, 60);
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(false);
    expect((await limiter.hit('b', 1, 60)).allowed).toBe(true);
    await limiter.reset('a');
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(true);
  });

  it('takes one hit back in its window, never below zero and never into the next window', async () => {
    let now = 2_000_000;
    const limiter = createMemoryRateLimiter(() => now);
    await limiter.hit('k', 2, 60);
    await limiter.hit('k', 2, 60);
    await limiter.refund('k');
    expect((await limiter.hit('k', 2, 60)).allowed).toBe(true);
    expect((await limiter.hit('k', 2, 60)).allowed).toBe(false);
    now += 60_000;
    await limiter.refund('k');
    await limiter.refund('never-hit');
    expect((await limiter.hit('k', 1, 60)).remaining).toBe(0);
    expect((await limiter.hit('never-hit', 1, 60)).allowed).toBe(true);
  });

  it('resets every counter of a group at once, and nothing outside it', async () => {
    const limiter = createMemoryRateLimiter(() => 0);
    await limiter.hit('acct:1:ip:a', 1, 60, 'acct:1');
    await limiter.hit('acct:1:ip:b', 1, 60, 'acct:1');
    await limiter.hit('acct:2:ip:a', 1, 60, 'acct:2');
    await limiter.resetGroup('acct:1');
    expect((await limiter.hit('acct:1:ip:a', 1, 60, 'acct:1')).allowed).toBe(true);
    expect((await limiter.hit('acct:1:ip:b', 1, 60, 'acct:1')).allowed).toBe(true);
    expect((await limiter.hit('acct:2:ip:a', 1, 60, 'acct:2')).allowed).toBe(false);
  });

  it('spaces attempts out after the free ones: 1, 2, 4, 8, 16 s, then closes the window at the limit', async () => {
    let now = 5_000_000;
    const limiter = createMemoryRateLimiter(() => now);
    const rule = { limit: 10, freeAttempts: 5, windowSeconds: 900 };
    for (let i = 0; i < 5; i++) expect((await limiter.hitWithBackoff('k', rule)).allowed).toBe(true);
    for (const waitSeconds of [1, 2, 4, 8, 16]) {
      const early = await limiter.hitWithBackoff('k', rule);
      expect(early).toMatchObject({ allowed: false, retryAfterSeconds: waitSeconds });
      // Refused attempts are not counted: hammering does not lengthen the wait.
      expect((await limiter.hitWithBackoff('k', rule)).retryAfterSeconds).toBe(waitSeconds);
      now += waitSeconds * 1000;
      expect((await limiter.hitWithBackoff('k', rule)).allowed).toBe(true);
    }
    // Ten used: the 11th is refused however long it waits, until the window (15 min) ends.
    now += 32_000;
    const closed = await limiter.hitWithBackoff('k', rule);
    expect(closed.allowed).toBe(false);
    expect(closed.retryAfterSeconds).toBe(900 - 31 - 32);
    now += closed.retryAfterSeconds * 1000;
    expect((await limiter.hitWithBackoff('k', rule)).allowed).toBe(true);
  });

  it('closes the window after the limit, until it ends', async () => {
    let now = 9_000_000;
    const limiter = createMemoryRateLimiter(() => now);
    const rule = { limit: 3, freeAttempts: 3, windowSeconds: 900 };
    for (let i = 0; i < 3; i++) await limiter.hitWithBackoff('k', rule);
    now += 60_000;
    expect(await limiter.hitWithBackoff('k', rule)).toMatchObject({ allowed: false, retryAfterSeconds: 840 });
    now += 840_000;
    expect((await limiter.hitWithBackoff('k', rule)).allowed).toBe(true);
  });
});
