import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every setting the server reads, validated once at start-up. A bad value stops the process with
 * a list of every problem (not just the first), so an operator fixes them in one pass.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrlList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  )
  .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/ })));

// Names proxy-addr (Fastify's trustProxy) knows for whole private ranges.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * The proxies whose X-Forwarded-* headers are believed: `false`, or addresses and CIDR ranges.
 * `true` is refused: it would believe any client, who could then choose its own IP for the per-IP
 * limits by sending X-Forwarded-For straight to an instance.
 */
const trustProxyFromEnv = z
  .string()
  .trim()
  .refine((v) => !['true', '1', 'yes'].includes(v), {
    message:
      "list the proxies' addresses or CIDR ranges instead of true (e.g. 127.0.0.1 or 10.0.0.0/8): true would let any client choose its own IP",
  })
  .transform((v) =>
    ['false', '0', 'no', ''].includes(v)
      ? []
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().refine(isProxyAddress, {
        message: 'is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal',
      }),
    ),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_REPLICA_URLS: optionalUrlList,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  DATABASE_REPLICA_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_SENTINELS: z.string().optional(),
  REDIS_SENTINEL_NAME: z.string().default('mymaster'),
  REDIS_KEY_PREFIX: z.string().default('et:'),
  // With a rediss:// URL: the CA (PEM file) that signed Redis's and the Sentinels' certificates, when it is
  // not one the system trusts (a private CA, the cluster's self-signed certificate).
  REDIS_TLS_CA_FILE: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: trustProxyFromEnv.default([]),
  // Bearer token for /metrics; without it /metrics answers loopback clients only (see OPERATIONS.md).
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  // OpenTelemetry traces go to this OTLP/HTTP collector (…/v1/traces is appended); unset, nothing is traced.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('examtech'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(1000),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_ALL_CLIENTS: z.coerce.number().int().min(1).default(100),
  SOCKETS_PER_SESSION: z.coerce.number().int().min(1).max(100).default(5),
  SOCKETS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  // Multiplies the per-socket and per-user save budgets; only the save-throughput benchmark, whose
  // sockets save as fast as acks return, has a reason to raise it.
  SAVE_RATE_LIMIT_SCALE: z.coerce.number().min(1).max(1000).default(1),
  SOCKET_SESSION_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
  RUN_MIGRATIONS: booleanFromEnv.default(true),
  WEB_DIST_DIR: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // A sweep drains every expired attempt, a batch at a time, so the interval bounds how late after
  // deadline + grace an attempt is submitted, not how many are; an idle sweep is one index lookup.
  SWEEPER_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  SWEEPER_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(2000),
  // Proctoring evidence (snapshots, screen recordings) is deleted this many days after it was taken.
  PROCTOR_EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // A proctor's pause never lifted (the proctor left, the candidate gave up) ends after this long:
  // the deadline sweep submits the attempt as it stands, so no attempt stays open for ever.
  PROCTOR_PAUSE_MAX_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  // Files in S3 (or an S3-compatible store) instead of DATA_DIR/files; S3_BUCKET switches it on.
  S3_BUCKET: z.string().trim().min(3).max(63).optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_PUBLIC_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(false),
  S3_SSE: z.enum(['none', 'AES256', 'aws:kms']).default('none'),
  S3_SSE_KMS_KEY_ID: z.string().min(1).optional(),
  S3_UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
});

/** Files in S3: where, with which credentials (null: the SDK's default chain, e.g. an instance role). */
export type S3StorageConfig = {
  bucket: string;
  region: string;
  endpoint: string | null;
  /** The endpoint browsers reach for presigned uploads, when it differs from the servers' one. */
  publicEndpoint: string | null;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  forcePathStyle: boolean;
  /** Server-side encryption asked for on every object (SSE-S3 or SSE-KMS); null: the bucket's default. */
  sse: null | { kind: 'AES256' } | { kind: 'aws:kms'; kmsKeyId: string | null };
  uploadUrlTtlSeconds: number;
};

/** Every environment variable the server reads (the deployment files are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  database:
    | { kind: 'embedded'; dataDir: string | null }
    | {
        kind: 'postgres';
        url: string;
        replicaUrls: string[];
        poolMax: number;
        /** Cancels any one statement of a request after this long (0: never). */
        statementTimeoutMs: number;
        /** Reads skip a replica further behind than this, or one that did not answer its last check. */
        replicaMaxLagMs: number;
        replicaCheckIntervalMs: number;
      };
  redis: null | {
    url: string;
    sentinels: { host: string; port: number }[];
    sentinelName: string;
    keyPrefix: string;
    /** rediss:// URL: TLS to Redis and, in Sentinel mode, to the Sentinels; `ca` when not the system's. */
    tls: null | { ca: string | null };
  };
  publicUrl: string | null;
  /** Proxy addresses/CIDR ranges trusted for X-Forwarded-*; empty trusts none. */
  trustProxy: string[];
  metricsToken: string | null;
  /** Where traces go (platform/tracing.ts reads the same variables before the app loads); null: off. */
  tracing: TracingConfig | null;
  /** Concurrent sockets allowed per session and per user (across instances with Redis). */
  socketLimits: { perSession: number; perUser: number };
  saveRateLimitScale: number;
  /** How often sockets that send nothing have their session re-checked. */
  socketSessionRecheckSeconds: number;
  cookieSecure: 'auto' | boolean;
  sessionTtlSeconds: number;
  /** perAccount counts one account from one client IP; perAccountAllClients from everywhere. */
  loginLimits: { perAccount: number; perAccountAllClients: number; perIp: number; windowSeconds: number };
  seedDemoData: boolean;
  runMigrations: boolean;
  webDistDir: string | null;
  filesDir: string;
  /** Set when S3_BUCKET is: files go to S3 instead of `filesDir`. */
  s3: S3StorageConfig | null;
  shutdownTimeoutMs: number;
  sweeperIntervalMs: number;
  /** Attempts per sweeper transaction: short transactions, so other instances' sweepers and saves interleave. */
  sweeperBatchSize: number;
  /** How often each instance looks for due jobs (platform/jobs). */
  jobsPollIntervalMs: number;
  evidenceRetentionDays: number;
  pauseMaxMinutes: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readCaFile(name: string, file: string, problems: string[]): string | null {
  try {
    const pem = readFileSync(file, 'utf8');
    if (pem.includes('-----BEGIN CERTIFICATE-----')) return pem;
    problems.push(`${name}: ${file} holds no PEM certificate`);
  } catch (err) {
    problems.push(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return null;
}

function parseSentinels(raw: string | undefined, problems: string[]): { host: string; port: number }[] {
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const [host, port] = entry.trim().split(':');
    const portNumber = Number(port);
    if (!host || !Number.isInteger(portNumber) || portNumber <= 0) {
      problems.push(`REDIS_SENTINELS: "${entry}" is not host:port`);
    }
    return { host: host ?? '', port: portNumber };
  });
}

type Env = z.infer<typeof envSchema>;

/** An S3 setting without a bucket would silently leave files on local disk: refused instead. */
function checkS3(e: Env, problems: string[]): void {
  const given = (
    [
      'S3_ENDPOINT',
      'S3_PUBLIC_ENDPOINT',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_SSE_KMS_KEY_ID',
    ] as const
  ).filter((name) => e[name] !== undefined);
  if (!e.S3_BUCKET && given.length > 0)
    problems.push(`${given.join(', ')}: set S3_BUCKET as well, or files stay on local disk`);
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined))
    problems.push('S3_ACCESS_KEY_ID: give both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  if (e.S3_SSE_KMS_KEY_ID && e.S3_SSE !== 'aws:kms')
    problems.push('S3_SSE_KMS_KEY_ID: a KMS key needs S3_SSE=aws:kms');
}

function s3Config(e: Env): S3StorageConfig | null {
  if (!e.S3_BUCKET) return null;
  return {
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT ?? null,
    publicEndpoint: e.S3_PUBLIC_ENDPOINT ?? null,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : null,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    sse:
      e.S3_SSE === 'none'
        ? null
        : e.S3_SSE === 'AES256'
          ? { kind: 'AES256' }
          : { kind: 'aws:kms', kmsKeyId: e.S3_SSE_KMS_KEY_ID ?? null },
    uploadUrlTtlSeconds: e.S3_UPLOAD_URL_TTL_SECONDS,
  };
}

/** Reads configuration from an environment map; throws ConfigError listing every bad variable. */
export type TracingConfig = { endpoint: string; serviceName: string };

/** The tracing variables alone: the tracing preload reads them before anything else is loaded. */
export function readTracingConfig(
  env: Record<string, string | undefined> = process.env,
): TracingConfig | null {
  const e = envSchema.pick({ OTEL_EXPORTER_OTLP_ENDPOINT: true, OTEL_SERVICE_NAME: true }).parse(env);
  return e.OTEL_EXPORTER_OTLP_ENDPOINT
    ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME }
    : null;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const sentinels = parseSentinels(e.REDIS_SENTINELS, problems);
  if (e.DATABASE_REPLICA_URLS.length > 0 && !e.DATABASE_URL) {
    problems.push('DATABASE_REPLICA_URLS: read replicas need DATABASE_URL (the primary) as well');
  }
  if (sentinels.length > 0 && !e.REDIS_URL) {
    problems.push('REDIS_SENTINELS: Sentinel mode needs REDIS_URL for the password and database number');
  }
  if (e.REDIS_TLS_CA_FILE && !e.REDIS_URL?.startsWith('rediss:')) {
    problems.push('REDIS_TLS_CA_FILE: a CA is for TLS, which needs a rediss:// REDIS_URL');
  }
  const redisCa = e.REDIS_TLS_CA_FILE ? readCaFile('REDIS_TLS_CA_FILE', e.REDIS_TLS_CA_FILE, problems) : null;
  checkS3(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const isEmbedded = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          replicaUrls: e.DATABASE_REPLICA_URLS,
          poolMax: e.DATABASE_POOL_MAX,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
          replicaMaxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
          replicaCheckIntervalMs: e.DATABASE_REPLICA_CHECK_INTERVAL_MS,
        }
      : { kind: 'embedded', dataDir: `${e.DATA_DIR}/pglite` },
    redis: e.REDIS_URL
      ? {
          url: e.REDIS_URL,
          sentinels,
          sentinelName: e.REDIS_SENTINEL_NAME,
          keyPrefix: e.REDIS_KEY_PREFIX,
          tls: e.REDIS_URL.startsWith('rediss:') ? { ca: redisCa } : null,
        }
      : null,
    publicUrl: e.PUBLIC_URL ?? null,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME }
      : null,
    socketLimits: { perSession: e.SOCKETS_PER_SESSION, perUser: e.SOCKETS_PER_USER },
    saveRateLimitScale: e.SAVE_RATE_LIMIT_SCALE,
    socketSessionRecheckSeconds: e.SOCKET_SESSION_RECHECK_SECONDS,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    sessionTtlSeconds: e.SESSION_TTL_HOURS * 3600,
    loginLimits: {
      perAccount: e.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
      perAccountAllClients: e.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_ALL_CLIENTS,
      perIp: e.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
    },
    seedDemoData: e.SEED_DEMO_DATA === 'auto' ? isEmbedded : e.SEED_DEMO_DATA === 'true',
    runMigrations: e.RUN_MIGRATIONS,
    webDistDir: e.WEB_DIST_DIR ?? null,
    filesDir: `${e.DATA_DIR}/files`,
    s3: s3Config(e),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    sweeperIntervalMs: e.SWEEPER_INTERVAL_MS,
    sweeperBatchSize: e.SWEEPER_BATCH_SIZE,
    jobsPollIntervalMs: e.JOBS_POLL_INTERVAL_MS,
    evidenceRetentionDays: e.PROCTOR_EVIDENCE_RETENTION_DAYS,
    pauseMaxMinutes: e.PROCTOR_PAUSE_MAX_MINUTES,
  };
}
