import type { Redis } from 'ioredis';

export type RateLimitDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counters. With Redis the window is shared by every instance. A counter may belong to
 * a group (e.g. every client's counter for one account), so that all of them can be reset at once
 * without scanning the key space.
 */
export type RateLimiter = {
  hit(key: string, limit: number, windowSeconds: number, group?: string): Promise<RateLimitDecision>;
  reset(key: string): Promise<void>;
  resetGroup(group: string): Promise<void>;
};

export function createRedisRateLimiter(redis: Redis): RateLimiter {
  const groupKey = (group: string) => `rlg:${group}`;
  return {
    async hit(key, limit, windowSeconds, group) {
      const fullKey = `rl:${key}`;
      const pipeline = redis.multi().incr(fullKey).expire(fullKey, windowSeconds, 'NX').ttl(fullKey);
      // The group outlives its newest member: each hit pushes its expiry to a full window.
      if (group) pipeline.sadd(groupKey(group), key).expire(groupKey(group), windowSeconds);
      const results = await pipeline.exec();
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
    async resetGroup(group) {
      const members = await redis.smembers(groupKey(group));
      await redis
        .multi()
        .del(groupKey(group), ...members.map((m) => `rl:${m}`))
        .exec();
    },
  };
}

/** For the embedded mode: one process, so process memory is the whole truth. */
export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const groups = new Map<string, Set<string>>();
  return {
    hit(key, limit, windowSeconds, group) {
      const t = now();
      let entry = windows.get(key);
      if (!entry || entry.resetAt <= t) {
        entry = { count: 0, resetAt: t + windowSeconds * 1000 };
        windows.set(key, entry);
      }
      entry.count += 1;
      if (group) groups.set(group, (groups.get(group) ?? new Set()).add(key));
      if (windows.size > 100_000) {
        for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
        for (const [g, keys] of groups) {
          for (const k of keys) if (!windows.has(k)) keys.delete(k);
          if (keys.size === 0) groups.delete(g);
        }
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
    resetGroup(group) {
      for (const key of groups.get(group) ?? []) windows.delete(key);
      groups.delete(group);
      return Promise.resolve();
    },
  };
}
