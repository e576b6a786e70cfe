// Simulated candidates through a whole exam against a running deployment. Usage:
//   npm run load -w loadtest -- --url http://127.0.0.1:3000 --database-url postgres://... --candidates 5000
// Writes loadtest/reports/<timestamp>.json and .md (with an SVG chart) and prints the summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findRunFailures, readArgs } from './args.js';
import { runCandidate, type CandidateLog } from './candidate.js';
import { Client } from './client.js';
import { writeReport } from './report.js';
import { sampleServerMetrics } from './server-metrics.js';
import { prepareLoad } from './setup.js';
import { forEachLimited, Recorder } from './stats.js';
import { verifyRun, waitForSubmissions } from './verify.js';

const usage = `Simulated candidates through a whole exam against a running deployment.

Usage: npm run load -w loadtest -- [options]

  --url <url>                    the deployment (default http://127.0.0.1:3000)
  --database-url <url>           its PostgreSQL, to verify what was stored (or DATABASE_URL)
  --candidates <n>               simulated candidates (default 200)
  --duration-minutes <n>         the exam's duration (default 3)
  --active-seconds <n>           how long candidates keep answering (default 120)
  --actions <n>                  answer changes per candidate (default 20)
  --start-spread-seconds <n>     candidates press Start within this time after T0 (default 20)
  --drop-share <0..1>            share of candidates whose connection drops once (default 0.1)
  --auto-submit-share <0..1>     share left to the server's auto-submit (default 0.2)
  --admin-email <email>          institute admin who sets the exam up
  --admin-password <password>
  -h, --help                     this text

Exits 1 when the run had errors or its verification found any (lost acknowledged answers, score
mismatches, attempts never submitted).`;

const values = readArgs(usage, {
  url: { type: 'string', default: 'http://127.0.0.1:3000' },
  'database-url': { type: 'string' },
  candidates: { type: 'string', default: '200' },
  'duration-minutes': { type: 'string', default: '3' },
  'active-seconds': { type: 'string', default: '120' },
  actions: { type: 'string', default: '20' },
  'start-spread-seconds': { type: 'string', default: '20' },
  'drop-share': { type: 'string', default: '0.1' },
  'auto-submit-share': { type: 'string', default: '0.2' },
  'admin-email': { type: 'string', default: 'admin@demo.examtech.in' },
  'admin-password': { type: 'string', default: 'Admin@12345' },
});
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(`--database-url (or DATABASE_URL) is needed to verify what the server stored.\n\n${usage}`);
  process.exit(2);
}
const candidates = Number(values.candidates);
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

log(`preparing ${candidates} candidates against ${values.url}`);
const password = 'Load-Test-2026';
const leadSeconds = 30 + Math.ceil(candidates / 40);
const prepared = await prepareLoad(
  {
    baseUrl: values.url,
    candidates,
    durationMinutes: Number(values['duration-minutes']),
    leadSeconds,
    adminEmail: values['admin-email'],
    adminPassword: values['admin-password'],
    password,
  },
  log,
);
const rec = new Recorder();
const metrics = sampleServerMetrics(values.url);
const runStarted = Date.now();

log('candidates sign in before T0');
const clients: Client[] = [];
await forEachLimited(prepared.students, 64, async (email, i) => {
  const client = new Client(values.url);
  await rec.time('login', () => client.login(email, password));
  clients[i] = client;
});
log(`T0 in ${Math.round((prepared.startsAt - Date.now()) / 1000)} s; starting ${candidates} candidates`);

const dropEvery = Math.round(1 / Number(values['drop-share']));
const autoEvery = Math.round(1 / Number(values['auto-submit-share']));
const logs: CandidateLog[] = [];
await Promise.all(
  prepared.students.map(async (email, i) => {
    try {
      logs[i] = await runCandidate(
        {
          baseUrl: values.url,
          email,
          password,
          examId: prepared.examId,
          startsAt: prepared.startsAt,
          startSpreadMs: Number(values['start-spread-seconds']) * 1000,
          activeMs: Number(values['active-seconds']) * 1000,
          actions: Number(values.actions),
          dropConnection: i % dropEvery === 0,
          submit: i % autoEvery !== 0,
        },
        rec,
        clients[i] as Client,
      );
    } catch (err) {
      rec.fail('candidate', (err as Error).message.slice(0, 80));
    }
  }),
);
log('candidates done; waiting for the server to auto-submit the rest at the deadline');
const examEndsAt = prepared.startsAt + Number(values['duration-minutes']) * 60_000;
await waitForSubmissions(databaseUrl, prepared.examId, Math.max(0, examEndsAt - Date.now()) + 60_000);
const server = await metrics.stop();
const verification = await verifyRun(databaseUrl, prepared.examId, logs.filter(Boolean));
const summary = rec.summary();
const result = {
  startedAt: new Date(runStarted).toISOString(),
  wallSeconds: Math.round((Date.now() - runStarted) / 1000),
  candidates,
  settings: { ...values, 'admin-password': undefined },
  server,
  latencyMs: summary.ops,
  errors: summary.errors,
  errorCount: summary.errorCount,
  saveThroughputPerSecond: Math.round((summary.ops.save_ack?.count ?? 0) / Number(values['active-seconds'])),
  verification,
};
const dir = path.resolve(import.meta.dirname, '../reports');
mkdirSync(dir, { recursive: true });
const base = path.join(dir, new Date(runStarted).toISOString().replace(/[:.]/g, '-'));
writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
writeReport(`${base}.md`, result, rec.timeline);
console.log(JSON.stringify(result, null, 2));
log(`report: ${base}.md`);
const failures = findRunFailures(result);
for (const failure of failures) console.error(`FAILED: ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);
