import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { Database } from '../../platform/db/database.js';

type Check = 'ok' | 'failed' | 'disabled';

async function check(probe: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness says the process answers; readiness says it can serve (database and Redis reachable). */
export const healthRoutes: FastifyPluginAsync<{ database: Database; redis: Redis | null }> = async (
  app,
  deps,
) => {
  app.get('/health', { logLevel: 'warn' }, () => ({ status: 'ok' }));

  app.get('/ready', { logLevel: 'warn' }, async (_request, reply) => {
    const redis = deps.redis;
    const [database, redisCheck] = await Promise.all([
      check(() => deps.database.ping(), 2000),
      redis ? check(() => redis.ping(), 2000) : Promise.resolve<Check>('disabled'),
    ]);
    const ready = database === 'ok' && redisCheck !== 'failed';
    return reply
      .status(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'unavailable', checks: { database, redis: redisCheck } });
  });
};
