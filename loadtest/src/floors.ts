// The server's CPU cost per operation against a floor measured in the same run on the same machine
// (issue "Exam day at 10,000"): Start and the paper against node:http answering a cached body of the
// same size, socket connect against a bare Socket.IO connect, a save against a bare Socket.IO ack,
// submit against the core's scoring. Usage: --help.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRandom, scoreAttempt, type Paper } from '@examtech/core';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { readArgs } from './args.js';
import { randomAnswer, type PaperQuestion } from './candidate.js';
import { Client } from './client.js';
import { readClusterPids, readClusterTarget, runTrustingCa, type ClusterTarget } from './cluster-target.js';
import { importCandidates } from './setup.js';
import { measure, type Measured } from './cpu-measure.js';
import { forEachLimited, round } from './stats.js';

const usage = `The server's CPU per operation against floors measured in the same run.

Usage: npm run bench:floors -- [options]

  --cluster-dir <dir>       the cluster's state folder (default .cluster, or CLUSTER_STATE_DIR);
                            app-1 is measured straight (not through nginx), its CPU read from /proc
  --users <n>               students to sign in; Start is measured 8 times each (default 250)
  --ops <n>                 operations per measurement (default 2000)
  --concurrency <n>         in flight at once (default 16)
  --admin-email <email>     institute admin
  --admin-password <password>
  -h, --help                this text

Writes loadtest/reports/floors-<time>.json and .md.`;

const values = readArgs(usage, {
  'cluster-dir': { type: 'string' },
  users: { type: 'string', default: '250' },
  ops: { type: 'string', default: '2000' },
  concurrency: { type: 'string', default: '16' },
  'admin-email': { type: 'string', default: 'admin@demo.examtech.in' },
  'admin-password': { type: 'string', default: 'Admin@12345' },
});

function log(m: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
}

async function main(cluster: ClusterTarget): Promise<void> {
  const users = Number(values.users);
  const count = Number(values.ops);
  const concurrency = Number(values.concurrency);
  const app1 = cluster.instances.find((i) => i.name === 'app-1');
  const appPid = [...readClusterPids(cluster.stateDir)].find(([, name]) => name === 'app-1')?.[0];
  if (!app1 || !appPid) throw new Error('no app-1 in the cluster');
  const url = app1.url;

  // Accounts, each with a practice test to start and an attempt to read and save into.
  const admin = new Client(cluster.url);
  await admin.login(values['admin-email'], values['admin-password']);
  const password = 'Floor-Test-2026';
  const { students } = await importCandidates(admin, users, password, log);
  const syllabus = await admin.expect<{ subjects: { chapters: { id: string }[] }[] }>(
    'GET',
    '/api/syllabus',
    200,
  );
  const chapterIds = syllabus.subjects.flatMap((s) => s.chapters.map((c) => c.id));
  const sessions: Client[] = [];
  await forEachLimited(students, 16, async (email) => {
    const client = new Client(url);
    if ((await client.login(email, password)).mustChangePassword) await client.chooseOwnPassword(password);
    sessions.push(client);
  });
  const practice = async (client: Client) => {
    const created = await client.request<{ practiceTest: { id: string } }>('POST', '/api/practice-tests', {
      scope: 'chapter',
      chapterIds: chapterIds.slice(0, 100),
      questionCount: 10,
      difficulty: 'mixed',
    });
    if (created.status !== 201)
      throw new Error(`practice test: ${created.status} ${created.text.slice(0, 200)}`);
    return created.json.practiceTest.id;
  };
  // A student may hold 10 open practice tests: Start is measured over at most 8 each.
  const perUser = Math.min(8, Math.ceil(count / users));
  log(`creating ${perUser * users} practice tests to start`);
  const toStart: { client: Client; examId: string }[] = [];
  await forEachLimited(sessions, 8, async (client) => {
    for (let k = 0; k < perUser; k++) toStart.push({ client, examId: await practice(client) });
  });

  log('measuring ExamTech (app-1, straight)');
  const attempts: { client: Client; attemptId: string; deviceId: string }[] = [];
  let startBytes = 0;
  const start = await measure(appPid, toStart.length, concurrency, async (i) => {
    const { client, examId } = toStart[i]!;
    const deviceId = `floor-device-${i}`;
    const res = await client.request<{ attempt: { id: string } }>('POST', `/api/exams/${examId}/start`, {
      deviceId,
    });
    if (res.status !== 200) throw new Error(`start ${res.status} ${res.text.slice(0, 200)}`);
    startBytes = Buffer.byteLength(res.text);
    attempts.push({ client, attemptId: res.json.attempt.id, deviceId });
  });
  let paperBytes = 0;
  let paperQuestions: PaperQuestion[] = [];
  log(`start: ${JSON.stringify(start)}`);
  const paper = await measure(appPid, count, concurrency, async (i) => {
    const { client, attemptId } = attempts[i % attempts.length]!;
    const res = await client.request<{ paper: { sections: { questions: PaperQuestion[] }[] } }>(
      'GET',
      `/api/attempts/${attemptId}/paper`,
    );
    if (res.status !== 200) throw new Error(`paper ${res.status}`);
    paperBytes = Buffer.byteLength(res.text);
    if (paperQuestions.length === 0) paperQuestions = res.json.paper.sections.flatMap((s) => s.questions);
  });
  log(`paper: ${JSON.stringify(paper)}`);
  const connect = await measure(appPid, count, concurrency, async (i) => {
    const socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: sessions[i % sessions.length]!.cookie },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.close();
  });
  log(`socket connect: ${JSON.stringify(connect)}`);
  // Saves: one socket per student (one attempt each; a session may hold 5 sockets), each sending in
  // turn (the per-socket limits allow 10 a second).
  const oneEach = [...new Map(attempts.map((a) => [a.client, a])).values()];
  const sockets = await Promise.all(
    oneEach.map(async ({ client, attemptId, deviceId }) => {
      const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie: client.cookie } });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      return { socket, attemptId, deviceId, seq: 0 };
    }),
  );
  const random = createRandom('floors');
  const save = await measure(appPid, count, concurrency, async (i) => {
    const s = sockets[i % sockets.length]!;
    const question = paperQuestions[(s.seq + i) % paperQuestions.length]!;
    s.seq += 1;
    const ack: unknown = await s.socket.timeout(10_000).emitWithAck('answer:save', {
      attemptId: s.attemptId,
      deviceId: s.deviceId,
      saves: [
        { questionId: question.id, answer: randomAnswer(question, random), state: 'answered', seq: s.seq },
      ],
    });
    if (!(ack as { results?: unknown }).results) throw new Error(`save ${JSON.stringify(ack).slice(0, 100)}`);
  });
  log(`save: ${JSON.stringify(save)}`);
  for (const s of sockets) s.socket.close();
  const submit = await measure(appPid, attempts.length, concurrency, async (i) => {
    const { client, attemptId } = attempts[i]!;
    const res = await client.request('POST', `/api/attempts/${attemptId}/submit`);
    if (res.status !== 200) throw new Error(`submit ${res.status}`);
  });

  log('measuring the floors');
  const floorServer = fork(path.join(import.meta.dirname, 'floor-server.ts'), [], {
    execArgv: process.execArgv,
  });
  const ports = await new Promise<{ http: number; socket: number }>((resolve) =>
    floorServer.once('message', (m: { http: number; socket: number }) => resolve(m)),
  );
  const floorPid = floorServer.pid!;
  const get = (bytes: number) =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: ports.http, path: `/${bytes}`, agent: keepAlive }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        })
        .on('error', reject);
    });
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const startFloor = await measure(floorPid, toStart.length, concurrency, () => get(startBytes));
  const paperFloor = await measure(floorPid, count, concurrency, () => get(paperBytes));
  const connectFloor = await measure(floorPid, count, concurrency, async () => {
    const socket = io(`http://127.0.0.1:${ports.socket}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.close();
  });
  const floorSockets: Socket[] = await Promise.all(
    Array.from({ length: users }, async () => {
      const socket = io(`http://127.0.0.1:${ports.socket}`, { transports: ['websocket'] });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      return socket;
    }),
  );
  const saveFloor = await measure(floorPid, count, concurrency, async (i) => {
    await floorSockets[i % floorSockets.length]!.timeout(10_000).emitWithAck('answer:save', { saves: [{}] });
  });
  for (const socket of floorSockets) socket.close();
  keepAlive.destroy();
  floorServer.kill();
  // Submit's floor: the core scoring one of these submitted attempts (paper with keys, stored answers), here.
  const scoring = await measureScoring(cluster.databaseUrl, attempts[0]!.attemptId, attempts.length);

  const rows = [
    { op: 'start', server: start, floor: startFloor, floorName: `node:http, cached ${startBytes} B` },
    { op: 'paper', server: paper, floor: paperFloor, floorName: `node:http, cached ${paperBytes} B` },
    {
      op: 'socket connect (session auth)',
      server: connect,
      floor: connectFloor,
      floorName: 'bare Socket.IO connect',
    },
    { op: 'save (ack after commit)', server: save, floor: saveFloor, floorName: 'bare Socket.IO ack' },
    { op: 'submit', server: submit, floor: scoring, floorName: 'core scoring of the paper' },
  ].map((r) => ({ ...r, ratio: round(r.server.cpuUsPerOp / Math.max(1, r.floor.cpuUsPerOp)) }));
  const started = new Date();
  const result = { at: started.toISOString(), users, ops: count, concurrency, rows };
  const dir = path.resolve(import.meta.dirname, '../reports');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `floors-${started.toISOString().replace(/[:.]/g, '-')}`);
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
  writeFileSync(
    `${base}.md`,
    [
      `# Server CPU per operation against its floor (${count} operations, ${concurrency} in flight)`,
      '',
      '| operation | ExamTech CPU µs/op | ExamTech ops/s | floor | floor CPU µs/op | floor ops/s | ratio |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.op} | ${r.server.cpuUsPerOp} | ${r.server.perSecond} | ${r.floorName} | ${r.floor.cpuUsPerOp} | ${r.floor.perSecond} | ${r.ratio}× |`,
      ),
      '',
    ].join('\n'),
  );
  console.log(readFileSync(`${base}.md`, 'utf8'));
  log(`report: ${base}.md`);
  process.exit(0);
}

/** The core scoring a submitted attempt's stored answers against its frozen paper, `count` times, in this process. */
async function measureScoring(databaseUrl: string, attemptId: string, count: number): Promise<Measured> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ paper: Paper }>(
      'select s.paper from attempts a join exam_snapshots s on s.id = a.snapshot_id where a.id = $1',
      [attemptId],
    );
    const answers = await db.query<{ question_id: string; answer: unknown; state: string }>(
      'select question_id, answer, state from attempt_answers where attempt_id = $1',
      [attemptId],
    );
    const responses = Object.fromEntries(
      answers.rows.map((r) => [r.question_id, { answer: r.answer as never, state: r.state as never }]),
    );
    const paper = rows[0]!.paper;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) scoreAttempt(paper, responses);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      ops: count,
      seconds: round(seconds),
      cpuUsPerOp: Math.round((cpu.user + cpu.system) / count),
      perSecond: Math.round(count / Math.max(seconds, 1e-6)),
    };
  } finally {
    await db.end();
  }
}

const cluster = readClusterTarget(values['cluster-dir']);
await runTrustingCa(cluster.caFile, () => main(cluster));
