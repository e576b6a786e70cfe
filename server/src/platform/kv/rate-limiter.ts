import type { Redis } from 'ioredis';

export type RateLimitDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Fixed-window counters. With Redis the window is shared by every instance. */
export type RateLimiter = {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
  reset(key: string): Promise<void>;
};

export function createRedisRateLimiter(redis: Redis): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const fullKey = `rl:${key}`;
      const results = await redis
        .multi()
        .incr(fullKey)
        .expire(fullKey, windowSeconds, 'NX')
        .ttl(fullKey)
        .exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? windowSeconds);
      return {
        allowed: count <= limit,
        remaining: Math.max(0, limit - count),
        retryAfterSeconds: ttl > 0 ? ttl : windowSeconds,
      };
    },
    async reset(key) {
      await redis.del(`rl:${key}`);
    },
  };
}

/** For the embedded mode: one process, so process memory is the whole truth. */
export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(key, limit, windowSeconds) {
      const t = now();
      let entry = windows.get(key);
      if (!entry || entry.resetAt <= t) {
        entry = { count: 0, resetAt: t + windowSeconds * 1000 };
        windows.set(key, entry);
      }
      entry.count += 1;
      if (windows.size > 100_000) {
        for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
      }
      return Promise.resolve({
        allowed: entry.count <= limit,
        remaining: Math.max(0, limit - entry.count),
        retryAfterSeconds: Math.ceil((entry.resetAt - t) / 1000),
      });
    },
    reset(key) {
      windows.delete(key);
      return Promise.resolve();
    },
  };
}
