import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from './db/database.js';
import { AppError } from './errors/app-error.js';

/** Prometheus metrics. A registry per app keeps two in-process instances (tests) apart. */
export type Metrics = {
  registry: Registry;
  connectedSockets: Gauge;
};

export function createMetrics(database: Database): Metrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_* and process memory/CPU.
  collectDefaultMetrics({ register: registry });
  const connectedSockets = new Gauge({
    name: 'examtech_socketio_connected_sockets',
    help: 'Socket.IO connections open on this instance',
    registers: [registry],
  });
  new Gauge({
    name: 'examtech_db_pool_connections',
    help: 'Database pool connections by state (primary)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = database.poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  new Gauge({
    name: 'examtech_db_replica_lag_seconds',
    help: 'Seconds each read replica was behind the primary at its last check (absent while it does not answer)',
    labelNames: ['replica'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of database.replicaStatus())
        if (r.lagSeconds !== null) this.set({ replica: r.name }, r.lagSeconds);
    },
  });
  new Gauge({
    name: 'examtech_db_replica_in_use',
    help: 'Whether reads go to each replica (1) or skip it for being down or too far behind (0)',
    labelNames: ['replica'],
    registers: [registry],
    collect() {
      for (const r of database.replicaStatus()) this.set({ replica: r.name }, r.isUsable ? 1 : 0);
    },
  });
  return { registry, connectedSockets };
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may scrape /metrics. With METRICS_TOKEN: whoever presents it as a bearer token. Without: only a
 * client on this machine talking to the process directly (no proxy configured, none in between),
 * which is the one-laptop embedded mode; a proxy on the same host would otherwise pass anyone on.
 */
function isMetricsReaderAllowed(
  request: FastifyRequest,
  access: { token: string | null; isBehindProxy: boolean },
): boolean {
  if (access.token) {
    const header = request.headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    // Compared as digests so the comparison takes the same time whatever was presented.
    return timingSafeEqual(digest(presented), digest(access.token));
  }
  const isForwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !access.isBehindProxy && !isForwarded && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

/** Latency by route pattern (never the raw URL: ids would explode the label set). */
export function registerHttpMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  access: { token: string | null; isBehindProxy: boolean },
): void {
  const histogram = new Histogram({
    name: 'examtech_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    histogram.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (!isMetricsReaderAllowed(request, access)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('METRICS_TOKEN_INVALID');
    }
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
