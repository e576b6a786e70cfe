import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresTestDatabase,
  dropPostgresTestDatabase,
  repoRoot,
  testRedisUrl,
} from '../support/databases.js';

type OtlpSpan = { traceId: string; spanId: string; name: string };
type OtlpExport = {
  resourceSpans: { scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
};

/** A stand-in OTLP/HTTP collector: what the exporter posts to /v1/traces (JSON), by instrumentation scope. */
const received: { scope: string; span: OtlpSpan }[] = [];
const collector = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces') {
      const payload = JSON.parse(body) as OtlpExport;
      for (const resource of payload.resourceSpans)
        for (const scoped of resource.scopeSpans)
          for (const span of scoped.spans) received.push({ scope: scoped.scope.name, span });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let databaseUrl = '';
let output = '';
let stop: () => Promise<void> = async () => undefined;
let baseUrl = '';

// The entry point as the start script and the cluster run it: the tracing preload before main.ts.
beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port: collectorPort } = collector.address() as net.AddressInfo;
  databaseUrl = await createPostgresTestDatabase();
  const port = String(await freePort());
  baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './server/src/platform/tracing.ts', 'server/src/main.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: port,
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: `trace-${port}:`,
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
        // Export within a fraction of a second rather than the default 5 s.
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  // expect.poll belongs to tests: the hook waits on the output itself.
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('Server listening')) resolve();
      else if (child.exitCode !== null) reject(new Error(`the server exited:\n${output}`));
    };
    child.stdout.on('data', check);
    child.on('exit', check);
  });
}, 120_000);

afterAll(async () => {
  await stop();
  collector.close();
  if (databaseUrl) await dropPostgresTestDatabase(databaseUrl);
});

describe('tracing with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  it('sends one trace for a request, its query and its Redis call, and logs its trace id', async () => {
    const requestId = 'trace-test-1';
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'not-the-password' }),
    });
    expect(res.status).toBe(401);

    const spansOf = (scope: string) => received.filter((r) => r.scope === scope);
    await expect
      .poll(() => spansOf('@fastify/otel').some((r) => r.span.name === 'request'), { timeout: 20_000 })
      .toBe(true);
    const traceId = spansOf('@fastify/otel').find((r) => r.span.name === 'request')!.span.traceId;
    await expect
      .poll(() => spansOf('@opentelemetry/instrumentation-pg').some((r) => r.span.traceId === traceId), {
        timeout: 20_000,
      })
      .toBe(true);
    // The login throttle counts the attempt in Redis inside the same request.
    await expect
      .poll(() => spansOf('@opentelemetry/instrumentation-ioredis').some((r) => r.span.traceId === traceId), {
        timeout: 20_000,
      })
      .toBe(true);

    const logged = output
      .split('\n')
      .filter((line) => line.includes(`"reqId":"${requestId}"`) && line.includes('"trace_id"'))
      .map((line) => JSON.parse(line) as { trace_id: string });
    expect(logged.map((l) => l.trace_id)).toContain(traceId);
  });
});
