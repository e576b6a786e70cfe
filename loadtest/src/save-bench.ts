// Save throughput: the engine's save path over Socket.IO against a raw baseline on the same PostgreSQL.
//   npm run bench:saves -w loadtest -- --url http://127.0.0.1:3000 --database-url postgres://... [--sockets 200 --seconds 20]
// Baseline: a bare node-postgres loop doing one single-row answer upsert per transaction, at the best of
// several client counts. Engine: saves from many sockets, one in flight each, acknowledged after commit.
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { readArgs } from './args.js';
import { randomAnswer, type PaperQuestion } from './candidate.js';
import { Client } from './client.js';
import { prepareLoad } from './setup.js';
import { forEachLimited, sleep } from './stats.js';

const usage = `Save throughput: the engine's save path over Socket.IO against a raw PostgreSQL baseline.

Usage: npm run bench:saves -w loadtest -- [options]

  --url <url>             the deployment (default http://127.0.0.1:3000)
  --database-url <url>    its PostgreSQL, for the baseline (or DATABASE_URL)
  --sockets <n>           concurrent sockets (default 200)
  --seconds <n>           length of each measurement (default 20)
  -h, --help              this text`;

const values = readArgs(usage, {
  url: { type: 'string', default: 'http://127.0.0.1:3000' },
  'database-url': { type: 'string' },
  sockets: { type: 'string', default: '200' },
  seconds: { type: 'string', default: '20' },
});
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(`--database-url (or DATABASE_URL) is needed for the baseline.\n\n${usage}`);
  process.exit(2);
}
const seconds = Number(values.seconds);

async function measureBaseline(clients: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: clients });
  await pool.query(
    `create table if not exists bench_answers (attempt_id uuid, question_id uuid, answer jsonb, seq int, saved_at timestamptz default now(), primary key (attempt_id, question_id))`,
  );
  const attempt = crypto.randomUUID();
  const questions = Array.from({ length: 30 }, () => crypto.randomUUID());
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const attemptId = c === 0 ? attempt : crypto.randomUUID();
      let seq = 0;
      while (Date.now() < until) {
        seq += 1;
        await pool.query(
          `insert into bench_answers (attempt_id, question_id, answer, seq) values ($1, $2, $3, $4)
           on conflict (attempt_id, question_id) do update set answer = excluded.answer, seq = excluded.seq, saved_at = now() where bench_answers.seq < excluded.seq`,
          [attemptId, questions[seq % 30], JSON.stringify({ type: 'mcq_single', optionIds: ['a'] }), seq],
        );
        done += 1;
      }
    }),
  );
  await pool.query('drop table bench_answers');
  await pool.end();
  return done / seconds;
}

async function measureEngine(): Promise<{ rate: number; p95: number }> {
  const count = Number(values.sockets);
  const password = 'Load-Test-2026';
  const prepared = await prepareLoad(
    {
      baseUrl: values.url,
      candidates: count,
      durationMinutes: 30,
      leadSeconds: 20 + Math.ceil(count / 30),
      adminEmail: 'admin@demo.examtech.in',
      adminPassword: 'Admin@12345',
      password,
      proctoring: null,
    },
    console.log,
  );
  const sessions: { client: Client; socket?: Socket; attemptId?: string; questions?: PaperQuestion[] }[] = [];
  await forEachLimited(prepared.students, 32, async (email, i) => {
    const client = new Client(values.url);
    if ((await client.login(email, password)).mustChangePassword) await client.chooseOwnPassword(password);
    sessions[i] = { client };
  });
  await sleep(Math.max(0, prepared.startsAt - Date.now()) + 500);
  await forEachLimited(sessions, 32, async (s) => {
    const state = await s.client.expect<{ attempt: { id: string } }>(
      'POST',
      `/api/exams/${prepared.examId}/start`,
      200,
      { deviceId: `bench-${s.client.cookie.slice(-12)}` },
    );
    const paper = await s.client.expect<{ paper: { sections: { questions: PaperQuestion[] }[] } }>(
      'GET',
      `/api/attempts/${state.attempt.id}/paper`,
      200,
    );
    s.attemptId = state.attempt.id;
    s.questions = paper.paper.sections.flatMap((x) => x.questions);
    s.socket = io(values.url, { transports: ['websocket'], extraHeaders: { cookie: s.client.cookie } });
    await new Promise<void>((resolve) => s.socket?.once('connect', () => resolve()));
  });
  const latencies: number[] = [];
  let acked = 0;
  let refused = 0;
  const random = Math.random;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (s) => {
      let seq = 0;
      while (Date.now() < until) {
        seq += 1;
        const question = s.questions![seq % s.questions!.length]!;
        const started = performance.now();
        const response = await new Promise<{ results?: { status: string }[] }>((resolve) =>
          s.socket?.emit(
            'answer:save',
            {
              attemptId: s.attemptId,
              deviceId: `bench-${s.client.cookie.slice(-12)}`,
              saves: [
                {
                  questionId: question.id,
                  // A valid answer of each question's type: a refused save would be cheaper than a stored one.
                  answer: randomAnswer(question, random),
                  state: 'answered',
                  seq,
                },
              ],
            },
            resolve,
          ),
        );
        if (response.results?.[0]?.status === 'saved') acked += 1;
        else refused += 1;
        latencies.push(performance.now() - started);
      }
    }),
  );
  sessions.forEach((s) => s.socket?.close());
  latencies.sort((a, b) => a - b);
  if (refused > 0) console.log(`${refused} saves were not stored (the rate counts only stored ones)`);
  return { rate: acked / seconds, p95: Math.round(latencies[Math.floor(latencies.length * 0.95)] ?? 0) };
}

const baseline: Record<number, number> = {};
for (const clients of [8, 16, 32, 64]) {
  baseline[clients] = Math.round(await measureBaseline(clients));
  console.log(`baseline, ${clients} clients: ${baseline[clients]} upserts/s`);
}
const best = Math.max(...Object.values(baseline));
const engine = await measureEngine();
const result = {
  baselineUpsertsPerSecond: baseline,
  bestBaseline: best,
  engineSavesPerSecond: Math.round(engine.rate),
  engineSaveAckP95Ms: engine.p95,
  ratio: Math.round((engine.rate / best) * 100) / 100,
  sockets: Number(values.sockets),
  seconds,
};
console.log(JSON.stringify(result, null, 2));
process.exit(0);
