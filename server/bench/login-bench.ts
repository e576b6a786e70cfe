/**
 * Benchmark (not a test): sign-in throughput. The app in-process on a throwaway PostgreSQL database
 * (bench-app.ts), listening on a loopback port, with BENCH_STUDENTS students; `POST /api/auth/login`
 * over real HTTP for BENCH_SECONDS at each concurrency (1, 2, 8: that many sign-ins in flight),
 * each sign-in a different student in turn. The floor, in the same run: the bare argon2id of
 * platform/auth/passwords.ts one at a time (one core), verify and hash.
 * Usage: `npm run bench:login -w server` (BENCH_DATABASE_URL overrides the server; BENCH_REDIS_URL
 * puts sessions and sign-in limits in Redis, as a scaled deployment does; BENCH_STUDENTS,
 * BENCH_SECONDS, BENCH_CONCURRENCY=1,2,8).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import { hashPassword, isPasswordCorrect } from '../src/platform/auth/passwords.js';
import { demo } from '../src/seed/demo-accounts.js';
import { withBenchApp } from './bench-app.js';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,2,8').split(',').map(Number);
const PASSWORD = 'Bench-login-2027';

type Run = { done: number; failed: number; seconds: number; latencies: number[] };

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

/** `count` students of the demo institute sharing one real hash (the cost of a check is the hash's, not the password's). */
async function createStudents(app: App, count: number): Promise<string[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const created = await app.database.db.execute(sql`
    insert into users (institute_id, email, name, role, password_hash)
    select u.institute_id, 'login-bench-' || g || '@bench.example', 'Bench Student ' || g, 'student', ${passwordHash}
    from generate_series(1, ${count}) g cross join (select institute_id from users where email = ${demo.student.email}) u
    returning email`);
  return (created as { rows: { email: string }[] }).rows.map((r) => r.email);
}

/** Calls `once` with `concurrency` in flight until `seconds` have passed; counts what finished. */
async function runFor(
  seconds: number,
  concurrency: number,
  once: (n: number) => Promise<boolean>,
): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < endAt) {
        const t = performance.now();
        if (await once(next++)) latencies.push(performance.now() - t);
        else failed += 1;
      }
    }),
  );
  return { done: latencies.length, failed, seconds: (performance.now() - startedAt) / 1000, latencies };
}

const rate = (run: Run) => run.done / run.seconds;

await withBenchApp(
  'login',
  async (app) => {
    const emails = await createStudents(app, STUDENTS);
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.http.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/auth/login`;
    let lastError = '';
    const login = async (n: number) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: emails[n % emails.length], password: PASSWORD }),
      });
      const body = await res.text();
      if (res.status !== 200) lastError = `${res.status} ${body}`;
      return res.status === 200;
    };

    // The floor first, on a quiet process: one argon2id at a time is one core.
    const hash = await hashPassword(PASSWORD);
    for (let i = 0; i < 5; i++) await isPasswordCorrect(hash, PASSWORD);
    const verify = await runFor(SECONDS, 1, () => isPasswordCorrect(hash, PASSWORD));
    const hashing = await runFor(
      Math.max(2, SECONDS / 2),
      1,
      async () => (await hashPassword(PASSWORD)).length > 0,
    );
    const verifyAtCores = await runFor(SECONDS, availableParallelism(), () =>
      isPasswordCorrect(hash, PASSWORD),
    );

    for (let i = 0; i < 20; i++) await login(i);
    const runs = new Map<number, Run>();
    for (const concurrency of LEVELS) runs.set(concurrency, await runFor(SECONDS, concurrency, login));

    const floor = rate(verify);
    console.log(
      `cores: ${availableParallelism()}, students: ${STUDENTS}, ${SECONDS} s per row, sessions and limits in ${
        process.env.BENCH_REDIS_URL ? 'Redis' : 'PostgreSQL / process memory'
      }`,
    );
    console.log('| what | per second | p50 ms | p95 ms | failed | / bare verify (1 core) |');
    console.log('|---|---|---|---|---|---|');
    const row = (what: string, run: Run) =>
      console.log(
        `| ${what} | ${rate(run).toFixed(1)} | ${percentile(run.latencies, 0.5).toFixed(1)} | ${percentile(
          run.latencies,
          0.95,
        ).toFixed(1)} | ${run.failed} | ${(rate(run) / floor).toFixed(2)} |`,
      );
    row('bare verify, 1 at a time (1 core)', verify);
    row('bare hash, 1 at a time (1 core)', hashing);
    row(`bare verify, ${availableParallelism()} at a time (all cores)`, verifyAtCores);
    for (const [concurrency, run] of runs) row(`POST /api/auth/login, concurrency ${concurrency}`, run);
    if (lastError) console.log(`last failure: ${lastError}`);
  },
  {
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_REDIS_URL
      ? {
          REDIS_URL: process.env.BENCH_REDIS_URL,
          REDIS_KEY_PREFIX: `bench${randomBytes(4).toString('hex')}:`,
        }
      : {}),
  },
);
