/**
 * Benchmark (not a test): an exam's results, ranks and NTA percentiles for 10,000 submitted
 * attempts (`computeExamResults`: read the attempts' scores, candidates and batches, compute the
 * rank keys, upsert exam_results, rank in the institute and every batch in SQL), against a bare
 * SELECT of those attempts' rows (id, user, score) in the same run and database.
 * Usage: `npm run bench:results -w server` (BENCH_DATABASE_URL overrides the server; BENCH_ATTEMPTS).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.js';
import { demo } from '../src/seed/demo-accounts.js';
import { insertGeneratedAttempts } from '../test/support/generated-attempts.js';
import { withBenchApp } from './bench-app.js';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function rows<T>(app: App, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await app.database.db.execute(query)) as { rows: T[] }).rows;
}

/** A published one-question exam of the demo institute, created through the HTTP API as its teacher. */
async function publishExam(app: App): Promise<string> {
  const login = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: demo.teacher });
  const cookie = `et_sid=${login.cookies.find((c) => c.name === 'et_sid')?.value ?? ''}`;
  const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    app.http.inject({ method, url, headers, payload: payload as Record<string, unknown> });
  const exam = (await send('POST', '/api/exams', { title: 'Results benchmark' })).json<{
    exam: { id: string; draft: { instructions: unknown } };
  }>().exam;
  const [question] = await rows<{ id: string }>(
    app,
    sql`select q.id from questions q join users u on u.institute_id = q.institute_id
        where u.email = ${demo.teacher.email} and q.type = 'mcq_single' limit 1`,
  );
  const draft = await send('PUT', `/api/exams/${exam.id}/draft`, {
    title: 'Results benchmark',
    durationMinutes: 180,
    lockedSections: false,
    instructions: exam.draft.instructions,
    sections: [
      {
        id: 'all',
        name: 'All',
        scheme: { correct: 4, wrong: -1 },
        allowedTypes: ['mcq_single'],
        questionCount: 1,
        shuffleQuestions: false,
        shuffleOptions: false,
        items: [{ questionId: question?.id }],
      },
    ],
  });
  if (draft.statusCode !== 200) throw new Error(`draft: ${draft.body}`);
  const published = await send('POST', `/api/exams/${exam.id}/publish`, {});
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`);
  await app.database.db.execute(sql`update exams set template_id = 'jee_main_paper1' where id = ${exam.id}`);
  return exam.id;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await withBenchApp('results', async (app) => {
  const examId = await publishExam(app);
  const [institute] = await rows<{ institute_id: string }>(
    app,
    sql`select institute_id from users where email = ${demo.teacher.email}`,
  );
  const batches = await rows<{ id: string }>(
    app,
    sql`select id from batches where institute_id = ${institute!.institute_id}`,
  );
  await insertGeneratedAttempts(app, {
    examId,
    instituteId: institute!.institute_id,
    batchIds: batches.map((b) => b.id),
    count: ATTEMPTS,
    seed: 7,
  });
  await app.database.db.execute(sql`analyze`);
  const compute: number[] = [];
  const select: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    const selected = await rows(
      app,
      sql`select id, user_id, status, submitted_at, score from attempts where exam_id = ${examId}`,
    );
    select.push(performance.now() - started);
    started = performance.now();
    const outcome = await app.results.computeExamResults(examId);
    compute.push(performance.now() - started);
    if (run === 0) console.log(`rows ${selected.length}, ranked ${outcome.ranked}`);
  }
  const [c, s] = [median(compute), median(select)];
  console.log(`attempts: ${ATTEMPTS}, runs: ${RUNS} (medians)`);
  console.log(
    `computeExamResults: ${c.toFixed(0)} ms (runs: ${compute.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(
    `bare SELECT of the attempts: ${s.toFixed(0)} ms (runs: ${select.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(`ratio: ${(c / s).toFixed(1)}x`);
});
