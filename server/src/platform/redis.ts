import { Redis } from 'ioredis';
import type { AppConfig } from './config.js';

/** One ioredis client factory: standalone from REDIS_URL, or through Sentinel when REDIS_SENTINELS is set. */
export function createRedisClient(config: NonNullable<AppConfig['redis']>, options: { prefixed?: boolean } = {}): Redis {
  const url = new URL(config.url);
  const common = {
    keyPrefix: options.prefixed === false ? undefined : config.keyPrefix,
    maxRetriesPerRequest: 3,
    // Reconnect forever with a capped backoff: Redis restarts must not take the app down.
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
  };
  if (config.sentinels.length > 0) {
    return new Redis({
      ...common,
      sentinels: config.sentinels,
      name: config.sentinelName,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number(url.pathname.slice(1) || 0),
    });
  }
  return new Redis(config.url, common);
}
