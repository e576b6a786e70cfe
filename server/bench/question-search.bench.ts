/**
 * Benchmark (not a test): loads 100,000 generated questions into a throwaway PostgreSQL database
 * through the bank's bulk insert path (`createQuestionsInTx`), records 50 exams' usages, then
 * measures p50/p95 of `GET /api/questions` (through `app.http.inject`) for typical filters. Two
 * baselines run in the same process against the same database, so the figures are also ratios:
 * `GET /api/batches` and `GET /api/questions/:id` (a primary-key lookup of one question).
 * Usage: `npm run bench:search -w server` (BENCH_DATABASE_URL overrides the server).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Difficulty, Question } from '@examtech/core';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { createAssetService } from '../src/modules/assets/asset-service.js';
import { createQuestionService } from '../src/modules/questions/question-service.js';
import { createQuestionBankService } from '../src/modules/questions/question-bank-service.js';
import { createSyllabusService } from '../src/modules/syllabus/syllabus-service.js';
import type { InstituteActor } from '../src/platform/auth/policies.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { demo } from '../src/seed/demo-accounts.js';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const BATCH = 5_000;
const EXAMS = 50;
const ITERATIONS = 200;
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

// Deterministic pseudo-random numbers (mulberry32), so every run loads the same bank.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const EN_WORDS = (
  'velocity acceleration force momentum energy torque friction pressure density charge current resistance voltage ' +
  'magnetic field lens mirror wave frequency photon electron nucleus isotope reaction equilibrium enthalpy entropy ' +
  'acid base salt oxidation reduction polymer alkene benzene catalyst integral derivative matrix determinant vector ' +
  'probability series function limit parabola ellipse circle triangle cell enzyme protein gene chromosome ecosystem ' +
  'photosynthesis respiration hormone neuron constitution parliament monsoon inflation budget treaty'
).split(' ');
const HI_WORDS =
  'वेग त्वरण बल संवेग ऊर्जा घर्षण दाब घनत्व आवेश धारा प्रतिरोध विभव तरंग आवृत्ति अभिक्रिया साम्य अम्ल क्षार बहुलक समाकल अवकलज आव्यूह प्रायिकता कोशिका प्रोटीन जीन संविधान संसद मानसून मुद्रास्फीति'.split(
    ' ',
  );
const TAGS = Array.from({ length: 60 }, (_, i) =>
  i < 10
    ? ['pyq', 'jee main', 'jee advanced', 'neet', 'ncert', 'cat', 'upsc', 'hard-set', 'revision', 'mock'][i]!
    : `set-${i}`,
);
const SOURCES = [
  'JEE Main 2023',
  'JEE Advanced 2022',
  'NEET 2024',
  'HC Verma',
  'NCERT Exemplar',
  'CAT 2021',
  'UPSC CSE 2020',
];
const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

const sentence = (words: string[], n: number) => Array.from({ length: n }, () => pick(words)).join(' ');

function generateQuestion(index: number): Question {
  const isBilingual = random() < 0.6;
  const stem = `Q${index}: ${sentence(EN_WORDS, 14)} $x^2 + ${index % 97}x = 0$?`;
  const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: sentence(EN_WORDS, 3) }));
  const common = {
    id: 'bench',
    classification: { subject: '', chapter: '', topic: '' },
    difficulty: pick(DIFFICULTIES),
    tags: [...new Set([pick(TAGS), pick(TAGS)])],
    source: pick(SOURCES),
  };
  if (random() < 0.25) {
    const content: Record<string, { stem: string; solution: string }> = {
      en: { stem, solution: sentence(EN_WORDS, 10) },
    };
    if (isBilingual)
      content.hi = { stem: `प्रश्न ${index}: ${sentence(HI_WORDS, 12)}`, solution: sentence(HI_WORDS, 8) };
    return {
      ...common,
      type: 'numerical',
      format: { integerOnly: true },
      content,
      key: { kind: 'exact', value: index % 50 },
    };
  }
  const content: Record<string, { stem: string; options: { id: string; text: string }[]; solution: string }> =
    {
      en: { stem, options, solution: sentence(EN_WORDS, 10) },
    };
  if (isBilingual) {
    content.hi = {
      stem: `प्रश्न ${index}: ${sentence(HI_WORDS, 12)}`,
      options: options.map((o) => ({ id: o.id, text: sentence(HI_WORDS, 3) })),
      solution: sentence(HI_WORDS, 8),
    };
  }
  return {
    ...common,
    type: 'mcq_single',
    options: options.map((o) => ({ id: o.id })),
    content,
    key: { optionId: pick(['a', 'b', 'c', 'd']) },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function signIn(app: App, email: string, password: string): Promise<string> {
  const res = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === 'et_sid');
  if (res.statusCode !== 200 || !cookie) throw new Error(`login failed: ${res.body}`);
  return `et_sid=${cookie.value}`;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(
  app: App,
  cookie: string,
  urls: string[],
): Promise<{ p50: number; p95: number; total: number }> {
  let total = 0;
  for (let i = 0; i < 20; i++)
    await app.http.inject({ method: 'GET', url: urls[i % urls.length]!, headers: { cookie } });
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const url = urls[i % urls.length]!;
    const start = performance.now();
    const res = await app.http.inject({ method: 'GET', url, headers: { cookie } });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    total = res.json<{ total?: number }>().total ?? 1;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), total };
}

async function main(): Promise<void> {
  const name = `examtech_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'examtech-bench-'));
  await adminQuery(`create database ${name}`);
  let app: App | null = null;
  try {
    app = await buildApp(
      loadConfig({
        DATABASE_URL: url.toString(),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        SEED_DEMO_DATA: 'true',
        NODE_ENV: 'test',
      }),
    );
    const database = app.database;
    const syllabus = createSyllabusService(database, { clock: systemClock });
    const questions = createQuestionService({
      database,
      syllabus,
      assets: createAssetService({
        database,
        storage: app.storage,
        students: { mayStudentSeeAsset: async () => false },
      }),
      users: { findUserNames: async () => new Map() },
      reservations: { findReservedQuestions: async () => new Map() },
    });
    const teacherCookie = await signIn(app, demo.teacher.email, demo.teacher.password);
    const me = (
      await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: teacherCookie } })
    ).json<{ user: { id: string; institute: { id: string } } }>();
    const actor: InstituteActor = { userId: me.user.id, role: 'teacher', instituteId: me.user.institute.id };
    const tree = await syllabus.getTree(actor, { includeArchived: false });
    const topics = tree.subjects.flatMap((s) =>
      s.chapters.flatMap((c) => c.topics.map((t) => ({ subjectId: s.id, topicId: t.id }))),
    );

    const loadStart = performance.now();
    const ids: string[] = [];
    for (let start = 0; start < QUESTIONS; start += BATCH) {
      const items = Array.from({ length: Math.min(BATCH, QUESTIONS - start) }, (_, i) => ({
        question: generateQuestion(start + i),
        topicId: pick(topics).topicId,
      }));
      ids.push(...(await database.db.transaction((tx) => questions.createQuestionsInTx(tx, actor, items))));
      process.stdout.write(`\rloaded ${ids.length.toLocaleString('en-IN')} questions`);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    console.log(`\nload: ${loadSeconds.toFixed(1)} s (${Math.round(QUESTIONS / loadSeconds)} questions/s)`);

    // Usage as publishing records it (the question bank's one path), without building 20 exams.
    const bank = createQuestionBankService({ syllabus });
    const usageItems = await bank.loadCurrentQuestions(
      database.db,
      actor.instituteId,
      ids.slice(0, EXAMS * 90),
    );
    for (let exam = 0; exam < EXAMS; exam++) {
      const slice = ids
        .slice(exam * 90, exam * 90 + 90)
        .map((questionId) => ({ questionId, versionId: usageItems.get(questionId)!.versionId }));
      await database.db.transaction((tx) =>
        bank.recordUsages(
          tx,
          actor.instituteId,
          randomUUID(),
          slice,
          new Date(systemClock.now() - (EXAMS - exam) * 60_000),
        ),
      );
    }
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();

    const physics = tree.subjects.find((s) => s.name === 'Physics')!.id;
    const q = (words: string[]) => words.map((w) => `/api/questions?q=${encodeURIComponent(w)}`);
    const scenarios: [string, string[]][] = [
      ['baseline: GET /api/batches', ['/api/batches']],
      ['baseline: GET /api/questions/:id', ids.slice(0, 50).map((id) => `/api/questions/${id}`)],
      ['no filter (page 1 of 25)', ['/api/questions']],
      ['no filter, page 200', ['/api/questions?page=200']],
      ['text: one common word', q(['velocity', 'enzyme', 'matrix', 'inflation'])],
      ['text: two words + prefix', q(['photon electron nucl', 'acid bas', 'vector deriv'])],
      ['text: Hindi', q(['ऊर्जा', 'प्रायिकता कोशि'])],
      ['text: rare (Q-number)', q(['q12345', 'q777', 'q99999'])],
      [
        'text + subject + difficulty',
        ['velocity', 'acid', 'integral'].map(
          (w) => `/api/questions?q=${w}&subjectId=${physics}&difficulty=hard`,
        ),
      ],
      ['tags', ['pyq', 'neet', 'set-42', 'pyq,jee%20main'].map((t) => `/api/questions?tags=${t}`)],
      ['notUsedInLastExams=10', ['/api/questions?notUsedInLastExams=10']],
      ['missingLanguage=hi', ['/api/questions?missingLanguage=hi']],
    ];
    const results: { name: string; p50: number; p95: number; total: number }[] = [];
    for (const [scenario, urls] of scenarios) {
      results.push({ name: scenario, ...(await measure(app, teacherCookie, urls)) });
    }
    const baseline = results[0]!.p95;
    console.log(`\n${QUESTIONS.toLocaleString('en-IN')} questions, ${ITERATIONS} requests per scenario\n`);
    console.log('| scenario | matches | p50 ms | p95 ms | p95 / batches p95 |');
    console.log('|---|---|---|---|---|');
    for (const r of results)
      console.log(
        `| ${r.name} | ${r.total.toLocaleString('en-IN')} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p95 / baseline).toFixed(1)}x |`,
      );
  } finally {
    await app?.http.close();
    // BENCH_KEEP_DATABASE=1 keeps the loaded database for EXPLAIN ANALYZE.
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept database ${name}`);
    else await adminQuery(`drop database if exists ${name} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
