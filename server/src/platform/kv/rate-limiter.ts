import type { Redis } from 'ioredis';

export type RateLimitDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counters. With Redis the window is shared by every instance. A counter may belong to
 * a group (e.g. every client's counter for one account), so that all of them can be reset at once
 * without scanning the key space.
 */
/**
 * A counter whose attempts after the first `freeAttempts` must be spaced out: the n-th extra one
 * waits 2^(n-1) seconds after the one before (1, 2, 4, 8 s...). An attempt made too early is refused
 * without being counted; at `limit` the window is closed.
 */
export type BackoffRule = { limit: number; freeAttempts: number; windowSeconds: number; group?: string };

export type RateLimiter = {
  hit(key: string, limit: number, windowSeconds: number, group?: string): Promise<RateLimitDecision>;
  hitWithBackoff(key: string, rule: BackoffRule): Promise<RateLimitDecision>;
  /** Takes back one `hit` of the current window (a request that turned out not to count). */
  refund(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  resetGroup(group: string): Promise<void>;
};

const backoffWaitMs = (count: number, freeAttempts: number) =>
  count < freeAttempts ? 0 : 1000 * 2 ** (count - freeAttempts);

function backoffDecision(
  rule: BackoffRule,
  isOnTime: boolean,
  count: number,
  waitMs: number,
  windowLeftMs: number,
): RateLimitDecision {
  const windowLeftSeconds = Math.max(1, Math.ceil(windowLeftMs / 1000));
  if (!isOnTime)
    return {
      allowed: false,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    };
  if (count > rule.limit) return { allowed: false, remaining: 0, retryAfterSeconds: windowLeftSeconds };
  return { allowed: true, remaining: rule.limit - count, retryAfterSeconds: 0 };
}

// Atomic on the Redis server, so instances sharing one account's counter cannot both slip through.
// Returns {onTime (1|0), count after this attempt, wait left (ms), window left (ms)}.
const BACKOFF_SCRIPT = `
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local lastAt = tonumber(redis.call('HGET', KEYS[1], 'lastAt') or '0')
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
if count >= free then
  local nextAt = lastAt + 1000 * (2 ^ (count - free))
  if now < nextAt then return {0, count, nextAt - now, redis.call('PTTL', KEYS[1])} end
end
redis.call('HSET', KEYS[1], 'count', count + 1, 'lastAt', now)
if count == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, count + 1, 0, redis.call('PTTL', KEYS[1])}
`;

// Only an existing counter comes down: DECR on a key whose window just ended would create one
// without an expiry.
const REFUND_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return count
`;

export function createRedisRateLimiter(redis: Redis, now: () => number): RateLimiter {
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
    async hitWithBackoff(key, rule) {
      const fullKey = `rl:${key}`;
      const [allowed, count, waitMs, ttlMs] = (await redis.eval(
        BACKOFF_SCRIPT,
        1,
        fullKey,
        now(),
        rule.freeAttempts,
        rule.windowSeconds * 1000,
      )) as [number, number, number, number];
      if (rule.group)
        await redis
          .multi()
          .sadd(groupKey(rule.group), key)
          .expire(groupKey(rule.group), rule.windowSeconds)
          .exec();
      return backoffDecision(rule, allowed === 1, count, waitMs, ttlMs);
    },
    async refund(key) {
      await redis.eval(REFUND_SCRIPT, 1, `rl:${key}`);
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
export function createMemoryRateLimiter(now: () => number): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number; lastAt?: number }>();
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
    hitWithBackoff(key, rule) {
      const t = now();
      let entry = windows.get(key);
      if (!entry || entry.resetAt <= t) {
        entry = { count: 0, resetAt: t + rule.windowSeconds * 1000 };
        windows.set(key, entry);
      }
      if (rule.group) groups.set(rule.group, (groups.get(rule.group) ?? new Set()).add(key));
      const nextAt = (entry.lastAt ?? 0) + backoffWaitMs(entry.count, rule.freeAttempts);
      if (entry.count >= rule.freeAttempts && t < nextAt)
        return Promise.resolve(backoffDecision(rule, false, entry.count, nextAt - t, entry.resetAt - t));
      entry.count += 1;
      entry.lastAt = t;
      return Promise.resolve(backoffDecision(rule, true, entry.count, 0, entry.resetAt - t));
    },
    refund(key) {
      const entry = windows.get(key);
      if (entry && entry.resetAt > now() && entry.count > 0) entry.count -= 1;
      return Promise.resolve();
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
