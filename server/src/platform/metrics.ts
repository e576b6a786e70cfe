import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from './db/database.js';
import { AppError } from './errors/app-error.js';

/** What a cache reports of each lookup (`examtech_cache_requests_total{cache,result}`). */
export type CacheLookups = { hit(): void; miss(): void };

/**
 * One save batch, measured from its arrival to its answer (the socket's ack, the HTTP response):
 * call at arrival, then call what it returns with the batch's results, or with the error it failed with.
 */
export type SaveBatchObserver = (
  channel: 'socket' | 'http',
) => (outcome: readonly { status: string }[] | { failed: number; isRateLimited: boolean }) => void;

/** The exams in progress and their candidates, largest first, for `examtech_active_candidates`. */
export type ActiveCandidatesSource = (limit: number) => Promise<{ examId: string; candidates: number }[]>;

/** Prometheus metrics. A registry per app keeps two in-process instances (tests) apart. */
export type Metrics = {
  registry: Registry;
  connectedSockets: Gauge;
  /** The lookups of one named per-instance cache. */
  cacheLookups(cache: string): CacheLookups;
  observeSaveBatch: SaveBatchObserver;
  /** Saves committed together in one group-commit transaction. */
  observeCommitBatch(size: number): void;
};

/** The gauge reports at most this many exams: a label per exam must not grow without bound. */
const ACTIVE_EXAMS_SHOWN = 50;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

export function createMetrics(
  database: Database,
  options: { activeCandidates?: ActiveCandidatesSource } = {},
): Metrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_* and process memory/CPU.
  collectDefaultMetrics({ register: registry });
  const connectedSockets = new Gauge({
    name: 'examtech_socketio_connected_sockets',
    help: 'Socket.IO connections open on this instance',
    registers: [registry],
  });
  registerDatabaseMetrics(registry, database);
  const cacheRequests = new Counter({
    name: 'examtech_cache_requests_total',
    help: 'Lookups of per-instance caches by cache and result (hit or miss)',
    labelNames: ['cache', 'result'],
    registers: [registry],
  });
  const saves = new Counter({
    name: 'examtech_saves_total',
    help: 'Answer saves by channel and outcome (saved, superseded, rejected, rate_limited, failed)',
    labelNames: ['channel', 'outcome'],
    registers: [registry],
  });
  const saveAck = new Histogram({
    name: 'examtech_save_ack_seconds',
    help: 'Time from a save batch arriving to its answer (socket ack or HTTP response)',
    labelNames: ['channel'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const commitBatch = new Histogram({
    name: 'examtech_group_commit_batch_size',
    help: 'Saves committed together in one group-commit transaction',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
    registers: [registry],
  });
  const activeCandidates = options.activeCandidates;
  new Gauge({
    name: 'examtech_active_candidates',
    help: `Candidates with an attempt in progress, per exam (the ${ACTIVE_EXAMS_SHOWN} largest exams; the same on every instance)`,
    labelNames: ['exam'],
    registers: [registry],
    async collect() {
      if (!activeCandidates) return;
      // A database that does not answer must not fail the whole scrape: the exams are then left out.
      const rows = await activeCandidates(ACTIVE_EXAMS_SHOWN).catch(() => []);
      this.reset();
      for (const row of rows) this.set({ exam: row.examId }, row.candidates);
    },
  });
  return {
    registry,
    connectedSockets,
    cacheLookups(cache) {
      const hits = cacheRequests.labels({ cache, result: 'hit' });
      const misses = cacheRequests.labels({ cache, result: 'miss' });
      return { hit: () => hits.inc(), miss: () => misses.inc() };
    },
    observeSaveBatch(channel) {
      const stop = saveAck.startTimer({ channel });
      return (outcome) => {
        stop();
        if ('failed' in outcome) {
          const label = outcome.isRateLimited ? 'rate_limited' : 'failed';
          saves.inc({ channel, outcome: label }, outcome.failed);
          return;
        }
        for (const result of outcome) saves.inc({ channel, outcome: result.status });
      };
    },
    observeCommitBatch: (size) => commitBatch.observe(size),
  };
}

/** The pools, the replicas, the queries' durations and the waits for a connection. */
function registerDatabaseMetrics(registry: Registry, database: Database): void {
  const queryDuration = new Histogram({
    name: 'examtech_db_query_duration_seconds',
    help: 'Database query time as the app sees it (round trip included), by target (primary or replica)',
    labelNames: ['target'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });
  const poolWait = new Histogram({
    name: 'examtech_db_pool_wait_seconds',
    help: 'Time spent waiting for a pooled database connection, by target (primary or replica)',
    labelNames: ['target'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  });
  database.observeQueries({
    startQuery: (target) => queryDuration.startTimer({ target }),
    startPoolWait: (target) => poolWait.startTimer({ target }),
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

/**
 * Latency by route pattern (never the raw URL: ids would explode the label set). Errors per route
 * are this histogram's `status` label: the 5xx rate of a route is
 * `sum by (route) (rate(examtech_http_request_duration_seconds_count{status=~"5.."}[5m]))`.
 */
export function registerHttpMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  access: { token: string | null; isBehindProxy: boolean },
): void {
  const histogram = new Histogram({
    name: 'examtech_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
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
