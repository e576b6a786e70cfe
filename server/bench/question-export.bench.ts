/**
 * Benchmark (not a test): a full-bank export of 20,000 questions as XLSX and CSV through the real
 * HTTP route on a real port, into a throwaway PostgreSQL database. Reports the event loop's
 * longest stall and p99 delay while exports run (perf_hooks histogram at 10 ms resolution), the
 * peak RSS sampled every 25 ms, and the time to the last byte: one export alone, then three at
 * once (as a bank page with three teachers clicking Export). Usage:
 * `npm run bench:export -w server` (BENCH_DATABASE_URL overrides the server, BENCH_ROWS the size,
 * BENCH_FORMATS=xlsx,csv the formats).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Question } from '@examtech/core';
import { writeCsv } from '../src/modules/question-transfer/csv-format.js';
import { mapQuestionsToTable } from '../src/modules/question-transfer/question-to-row.js';
import { TEMPLATE_QUESTIONS } from '../src/modules/question-transfer/template.js';
import { demo } from '../src/seed/demo-accounts.js';
import { withBenchApp } from './bench-app.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);

function generateQuestions(): Question[] {
  return Array.from({ length: ROWS }, (_, index) => {
    const base = TEMPLATE_QUESTIONS[index % TEMPLATE_QUESTIONS.length] as Question;
    const content = Object.fromEntries(
      Object.entries(base.content).map(([language, version]) => [
        language,
        { ...version, stem: `${version.stem} (export bench #${index}, "v${index % 97}")` },
      ]),
    );
    return { ...base, id: `bench-${index}`, content };
  });
}

type Session = { cookie: string; csrf: string };

async function signIn(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demo.teacher),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('et_sid='));
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status}`);
  return {
    cookie: cookie.split(';')[0] ?? '',
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

async function seedBank(baseUrl: string, session: Session): Promise<void> {
  const table = mapQuestionsToTable(generateQuestions());
  const form = new FormData();
  form.append('file', new Blob([writeCsv(table.header, table.rows)]), 'bank.csv');
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: baseUrl };
  const upload = await fetch(`${baseUrl}/api/question-imports`, { method: 'POST', headers, body: form });
  if (upload.status !== 202) throw new Error(`upload failed: ${await upload.text()}`);
  const { id } = ((await upload.json()) as { import: { id: string } }).import;
  const settle = async () => {
    for (;;) {
      const res = await fetch(`${baseUrl}/api/question-imports/${id}`, { headers });
      const view = ((await res.json()) as { import: { status: string } }).import;
      if (view.status !== 'validating' && view.status !== 'committing') return view.status;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  if ((await settle()) !== 'ready') throw new Error('validation failed');
  const commit = await fetch(`${baseUrl}/api/question-imports/${id}/commit`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ duplicates: 'import' }),
  });
  if (commit.status !== 202) throw new Error(`commit failed: ${await commit.text()}`);
  if ((await settle()) !== 'committed') throw new Error('commit failed');
}

async function download(baseUrl: string, session: Session, format: 'csv' | 'xlsx') {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/questions/export.${format}`, {
    headers: { cookie: session.cookie },
  });
  let bytes = 0;
  let firstByteMs: number | null = null;
  if (res.body) {
    for await (const chunk of res.body) {
      firstByteMs ??= performance.now() - started;
      bytes += (chunk as Uint8Array).length;
    }
  }
  return {
    status: res.status,
    bytes,
    firstByteMs: Math.round(firstByteMs ?? 0),
    totalMs: Math.round(performance.now() - started),
  };
}

/** Runs `work` while watching the event loop and the resident set size. */
async function measure<T>(work: () => Promise<T>) {
  global.gc?.();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 25);
  delay.enable();
  const result = await work();
  delay.disable();
  clearInterval(sampler);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    result,
    eventLoopMaxMs: Math.round(delay.max / 1e6),
    eventLoopP99Ms: Math.round(delay.percentile(99) / 1e6),
    rssBeforeMb: mb(rssBefore),
    peakRssMb: mb(peakRss),
  };
}

async function main(): Promise<void> {
  await withBenchApp('export', async (app) => {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const address = app.http.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const session = await signIn(baseUrl);
    await seedBank(baseUrl, session);

    const report: Record<string, unknown> = { rows: ROWS, node: process.version };
    const formats = (process.env.BENCH_FORMATS ?? 'xlsx,csv').split(',') as ('xlsx' | 'csv')[];
    for (const format of formats) {
      report[`${format}One`] = await measure(() => download(baseUrl, session, format));
      report[`${format}ThreeAtOnce`] = await measure(() =>
        Promise.all([0, 1, 2].map(() => download(baseUrl, session, format))),
      );
    }
    console.log(JSON.stringify(report, null, 2));
  });
}

await main();
