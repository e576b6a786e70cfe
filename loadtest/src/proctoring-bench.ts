// What proctoring costs the server per operation (issue 14's load figures): a webcam snapshot (its
// three steps) and a packet of signals over the socket, measured against app-1 straight and, for
// the snapshot's bytes, the S3 store, each process's CPU read from /proc. Multiplied by a mock's
// rates (a snapshot a minute per candidate, a few bursts of signals), it says how many cores the
// proctoring of N candidates takes. Usage: --help.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { readArgs } from './args.js';
import { Client } from './client.js';
import { readClusterPids, readClusterTarget, runTrustingCa, type ClusterTarget } from './cluster-target.js';
import { measureEach } from './cpu-measure.js';
import { loadProctoringSettings, snapshotJpeg, uploadSnapshot } from './proctoring.js';
import { prepareLoad } from './setup.js';
import { forEachLimited, sleep } from './stats.js';

const usage = `The server's CPU per proctoring operation, against app-1 of npm run cluster.

Usage: npm run bench:proctoring -- [options]

  --cluster-dir <dir>       the cluster's state folder (default .cluster, or CLUSTER_STATE_DIR)
  --users <n>               candidates of one proctored exam (default 200)
  --ops <n>                 operations per measurement (default 2000)
  --concurrency <n>         in flight at once (default 16)
  --admin-email <email>     institute admin
  --admin-password <password>
  -h, --help                this text

Writes loadtest/reports/proctoring-<time>.json and .md.`;

const values = readArgs(usage, {
  'cluster-dir': { type: 'string' },
  users: { type: 'string', default: '200' },
  ops: { type: 'string', default: '2000' },
  concurrency: { type: 'string', default: '16' },
  'admin-email': { type: 'string', default: 'admin@demo.examtech.in' },
  'admin-password': { type: 'string', default: 'Admin@12345' },
});
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function main(cluster: ClusterTarget): Promise<void> {
  const users = Number(values.users);
  const count = Number(values.ops);
  const concurrency = Number(values.concurrency);
  const app1 = cluster.instances.find((i) => i.name === 'app-1');
  const pids = readClusterPids(cluster.stateDir);
  const pidOf = (name: string) => [...pids].find(([, n]) => n === name)?.[0];
  const appPid = pidOf('app-1');
  const s3Pid = pidOf('s3');
  if (!app1 || !appPid) throw new Error('no app-1 in the cluster');
  if (!s3Pid) throw new Error('no S3 store in the cluster: the snapshot would go through the server');

  const password = 'Proctor-Bench-2026';
  const prepared = await prepareLoad(
    {
      baseUrl: cluster.url,
      candidates: users,
      durationMinutes: 60,
      leadSeconds: 20 + Math.ceil(users / 25),
      adminEmail: values['admin-email'],
      adminPassword: values['admin-password'],
      password,
      proctoring: loadProctoringSettings(60),
    },
    log,
  );
  const sessions: { client: Client; attemptId?: string; socket?: Socket }[] = [];
  await forEachLimited(prepared.students, 16, async (email) => {
    const client = new Client(app1.url);
    if ((await client.login(email, password)).mustChangePassword) await client.chooseOwnPassword(password);
    sessions.push({ client });
  });
  await sleep(Math.max(0, prepared.startsAt - Date.now()) + 500);
  await forEachLimited(sessions, 16, async (s, i) => {
    const deviceId = `proctor-bench-${i}`;
    const started = await s.client.expect<{ attempt: { id: string } }>(
      'POST',
      `/api/exams/${prepared.examId}/start`,
      200,
      { deviceId, proctoringConsent: true },
    );
    s.attemptId = started.attempt.id;
    const socket = io(app1.url, { transports: ['websocket'], extraHeaders: { cookie: s.client.cookie } });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await socket.timeout(10_000).emitWithAck('attempt:join', { attemptId: s.attemptId });
    s.socket = socket;
  });

  log(`measuring ${count} snapshots (${snapshotJpeg().length} B each)`);
  const snapshot = await measureEach({ app: appPid, s3: s3Pid }, count, concurrency, async (i) => {
    const s = sessions[i % sessions.length]!;
    await uploadSnapshot(s.client, s.attemptId!);
  });
  log(`snapshot: ${JSON.stringify(snapshot)}`);
  // Two new events a packet (leaving the tab fires hidden and blur): each stored, counted against
  // the thresholds, and alerted to the room. Within the per-attempt budget (30 packets at once).
  const packets = await measureEach({ app: appPid }, count, concurrency, async (i) => {
    const s = sessions[i % sessions.length]!;
    const now = Date.now();
    const events = ['tab_hidden', 'window_blur'].map((kind) => ({
      id: randomUUID(),
      kind,
      startedAt: now,
      durationMs: 0,
    }));
    const ack = (await s.socket!.timeout(10_000).emitWithAck('proctor:events', {
      attemptId: s.attemptId,
      events,
    })) as { results?: { status: string }[]; error?: { code: string } };
    if (!ack.results?.every((r) => r.status === 'stored')) throw new Error(`events ${JSON.stringify(ack)}`);
  });
  log(`events: ${JSON.stringify(packets)}`);
  for (const s of sessions) s.socket?.close();

  const at = new Date();
  const result = { at: at.toISOString(), users, ops: count, concurrency, snapshot, packets };
  const dir = path.resolve(import.meta.dirname, '../reports');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `proctoring-${at.toISOString().replace(/[:.]/g, '-')}`);
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
  const md = [
    `# Proctoring: server CPU per operation (${count} operations, ${concurrency} in flight)`,
    '',
    '| operation | app-1 CPU µs/op | S3 store CPU µs/op | ops/s |',
    '|---|---|---|---|',
    `| snapshot (create, PUT to S3, complete) | ${snapshot.cpuUsPerOp.app} | ${snapshot.cpuUsPerOp.s3} | ${snapshot.perSecond} |`,
    `| signals packet (2 new events, socket ack) | ${packets.cpuUsPerOp.app} | | ${packets.perSecond} |`,
    '',
  ].join('\n');
  writeFileSync(`${base}.md`, md);
  console.log(md);
  log(`report: ${base}.md`);
  process.exit(0);
}

const cluster = readClusterTarget(values['cluster-dir']);
await runTrustingCa(cluster.caFile, () => main(cluster));
