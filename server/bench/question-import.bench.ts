/**
 * Benchmark (not a test): imports 10,000 mixed-type bilingual questions as CSV and as XLSX through
 * the real HTTP routes into a throwaway PostgreSQL database, and measures a bare multi-row INSERT
 * of the same bodies in the same run, so the commit figure is also a ratio that travels between
 * machines. Usage: `npm run bench:import -w server` (BENCH_DATABASE_URL overrides the server).
 */
import type { Question } from '@examtech/core';
import pg from 'pg';
import type { App } from '../src/app.js';
import { writeCsv } from '../src/modules/question-transfer/csv-format.js';
import { mapQuestionsToTable } from '../src/modules/question-transfer/question-to-row.js';
import { TEMPLATE_QUESTIONS } from '../src/modules/question-transfer/template.js';
import { QUESTIONS_SHEET, writeXlsx } from '../src/modules/question-transfer/xlsx-format.js';
import { demo } from '../src/seed/demo-accounts.js';
import { withBenchApp } from './bench-app.js';

const ROWS = 10_000;

/** Unique stems so nothing is a duplicate; the eight template questions cycle through every type. */
function generateQuestions(label: string): Question[] {
  return Array.from({ length: ROWS }, (_, index) => {
    const base = TEMPLATE_QUESTIONS[index % TEMPLATE_QUESTIONS.length] as Question;
    const content = Object.fromEntries(
      Object.entries(base.content).map(([language, version]) => [
        language,
        { ...version, stem: `${version.stem} (${label} #${index}, "v${index % 97}")` },
      ]),
    );
    return { ...base, id: `bench-${index}`, content };
  });
}

async function signInTeacher(app: App): Promise<{ cookie: string; csrf: string }> {
  const res = await app.http.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: demo.teacher,
  });
  const cookie = res.cookies.find((c) => c.name === 'et_sid');
  if (res.statusCode !== 200 || !cookie) throw new Error(`login failed: ${res.body}`);
  return { cookie: `et_sid=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

async function waitUntilSettled(
  app: App,
  session: { cookie: string },
  id: string,
): Promise<{ status: string; totalRows: number; committedCount: number }> {
  for (;;) {
    const res = await app.http.inject({
      method: 'GET',
      url: `/api/question-imports/${id}`,
      headers: { cookie: session.cookie },
    });
    const view = res.json<{ import: { status: string; totalRows: number; committedCount: number } }>().import;
    if (view.status !== 'validating' && view.status !== 'committing') return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function importThroughHttp(
  app: App,
  session: { cookie: string; csrf: string },
  fileName: string,
  body: Buffer,
) {
  const form = new FormData();
  form.append('file', new Blob([body]), fileName);
  const encoded = new Response(form);
  const started = performance.now();
  const upload = await app.http.inject({
    method: 'POST',
    url: '/api/question-imports',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': encoded.headers.get('content-type') ?? '',
    },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  if (upload.statusCode !== 202) throw new Error(`upload failed: ${upload.body}`);
  const id = upload.json<{ import: { id: string } }>().import.id;
  const validated = await waitUntilSettled(app, session, id);
  const validationMs = performance.now() - started;
  if (validated.status !== 'ready') throw new Error(`validation ended ${validated.status}`);
  const commitStarted = performance.now();
  const commit = await app.http.inject({
    method: 'POST',
    url: `/api/question-imports/${id}/commit`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: { duplicates: 'import' },
  });
  if (commit.statusCode !== 202) throw new Error(`commit failed: ${commit.body}`);
  const committed = await waitUntilSettled(app, session, id);
  const commitMs = performance.now() - commitStarted;
  if (committed.status !== 'committed' || committed.committedCount !== ROWS)
    throw new Error(`commit ended ${committed.status}`);
  return { bytes: body.length, validationMs, commitMs, totalMs: validationMs + commitMs };
}

/** The floor for the commit: the same bodies in one transaction of bare 1,000-row INSERTs, no checks, no indexes. */
async function measureBaseline(url: string, questions: Question[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create table bench_baseline (id serial primary key, body jsonb not null)');
    const started = performance.now();
    await client.query('begin');
    for (let start = 0; start < questions.length; start += 1000) {
      const chunk = questions.slice(start, start + 1000);
      const values = chunk.map((_, index) => `($${index + 1}::jsonb)`).join(',');
      await client.query(
        `insert into bench_baseline (body) values ${values}`,
        chunk.map((question) => JSON.stringify(question)),
      );
    }
    await client.query('commit');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await withBenchApp('import', async (app, databaseUrl) => {
    const session = await signInTeacher(app);

    const csvQuestions = generateQuestions('csv');
    const csvTable = mapQuestionsToTable(csvQuestions);
    const csv = await importThroughHttp(app, session, 'bench.csv', writeCsv(csvTable.header, csvTable.rows));
    const xlsxTable = mapQuestionsToTable(generateQuestions('xlsx'));
    const xlsx = await importThroughHttp(
      app,
      session,
      'bench.xlsx',
      await writeXlsx([{ name: QUESTIONS_SHEET, ...xlsxTable }]),
    );
    const baselineMs = await measureBaseline(databaseUrl, csvQuestions);

    const round = (value: number) => Math.round(value);
    const result = {
      rows: ROWS,
      node: process.version,
      csv: {
        ...csv,
        validationMs: round(csv.validationMs),
        commitMs: round(csv.commitMs),
        totalMs: round(csv.totalMs),
        rowsPerSecond: round((ROWS / csv.totalMs) * 1000),
      },
      xlsx: {
        ...xlsx,
        validationMs: round(xlsx.validationMs),
        commitMs: round(xlsx.commitMs),
        totalMs: round(xlsx.totalMs),
        rowsPerSecond: round((ROWS / xlsx.totalMs) * 1000),
      },
      baselineInsertMs: round(baselineMs),
      csvCommitToBaselineRatio: Number((csv.commitMs / baselineMs).toFixed(1)),
    };
    console.log(JSON.stringify(result));
    for (const [format, figures] of [
      ['CSV', result.csv],
      ['XLSX', result.xlsx],
    ] as const) {
      console.log(
        `${format}: ${(figures.bytes / 1024 / 1024).toFixed(1)} MB, validation ${figures.validationMs} ms, commit ${figures.commitMs} ms, total ${figures.totalMs} ms (${figures.rowsPerSecond} rows/s)`,
      );
    }
    console.log(
      `baseline bare INSERT of the same ${ROWS} bodies: ${result.baselineInsertMs} ms; CSV commit = ${result.csvCommitToBaselineRatio}x baseline`,
    );
  });
}

await main();
