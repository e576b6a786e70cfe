import { Redis } from 'ioredis';
import { systemClock } from './clock.js';
import type { AppConfig } from './config.js';

/** One ioredis client factory: standalone from REDIS_URL, or through Sentinel when REDIS_SENTINELS is set. */
export function createRedisClient(
  config: NonNullable<AppConfig['redis']>,
  options: { prefixed?: boolean; waitForReconnect?: boolean; onError?: (err: Error) => void } = {},
): Redis {
  const client = openClient(config, options);
  // Without a listener ioredis prints every failed reconnect; log at most one line per 10 s instead
  // (of the system's time: this paces a log, it decides nothing a test would move).
  let lastLoggedAt = 0;
  client.on('error', (err: Error) => {
    if (systemClock.now() - lastLoggedAt < 10_000) return;
    lastLoggedAt = systemClock.now();
    options.onError?.(err);
  });
  return client;
}

function openClient(
  config: NonNullable<AppConfig['redis']>,
  options: { prefixed?: boolean; waitForReconnect?: boolean },
): Redis {
  const url = new URL(config.url);
  const common = {
    keyPrefix: options.prefixed === false ? undefined : config.keyPrefix,
    // Request/response paths fail fast (the caller answers 503); background traffic such as the
    // Socket.IO adapter's heartbeats waits for Redis to come back instead of rejecting unobserved.
    maxRetriesPerRequest: options.waitForReconnect ? null : 3,
    // Reconnect forever with a capped backoff: Redis restarts must not take the app down.
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
  };
  // rediss://: TLS to the data nodes and, with Sentinel, to the Sentinels too (ioredis takes the
  // URL's scheme only in standalone mode, so it is spelled out here for both).
  const tls = config.tls ? (config.tls.ca ? { ca: config.tls.ca } : {}) : undefined;
  if (config.sentinels.length > 0) {
    return new Redis({
      ...common,
      ...(tls ? { tls, sentinelTLS: tls, enableTLSForSentinelMode: true } : {}),
      sentinels: config.sentinels,
      name: config.sentinelName,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number(url.pathname.slice(1) || 0),
    });
  }
  return new Redis(config.url, { ...common, ...(tls ? { tls } : {}) });
}
