// The connection peak: N signed-in sockets held at once through the front door, each instance's
// memory per connection set against a bare Socket.IO server's, measured in the same run. Usage: --help.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArgs } from './args.js';
import { Client } from './client.js';
import { readClusterPids, readClusterTarget, runTrustingCa } from './cluster-target.js';
import type { PeakInit, PeakOpened } from './peak-worker.js';
import { importCandidates } from './setup.js';
import { forEachLimited, round, sleep } from './stats.js';

const usage = `The connection peak: signed-in sockets held at once through the cluster's front door.

Usage: npm run load:peak -- [options]

  --cluster-dir <dir>       the cluster's state folder (default .cluster, or CLUSTER_STATE_DIR)
  --connections <n>         sockets held at the peak (default 20000)
  --per-user <n>            sockets per signed-in student, as several tabs (default 5)
  --workers <n>             generator processes (default 2)
  --per-second <n>          new sockets a second (default 400)
  --hold-seconds <n>        how long the peak is held (default 30)
  --admin-email <email>     institute admin who imports the students
  --admin-password <password>
  -h, --help                this text

First the floor: the same number of sockets per instance opened on a bare Socket.IO server on
node:http. Then the students are imported and signed in, their sockets opened through nginx and
held; each instance's resident memory is read from /proc before and at the peak. Writes
loadtest/reports/peak-<time>.json and .md. Exits 1 when a socket could not connect.`;

const values = readArgs(usage, {
  'cluster-dir': { type: 'string' },
  connections: { type: 'string', default: '20000' },
  'per-user': { type: 'string', default: '5' },
  workers: { type: 'string', default: '2' },
  'per-second': { type: 'string', default: '400' },
  'hold-seconds': { type: 'string', default: '30' },
  'admin-email': { type: 'string', default: 'admin@demo.examtech.in' },
  'admin-password': { type: 'string', default: 'Admin@12345' },
});
const cluster = (() => {
  try {
    return readClusterTarget(values['cluster-dir']);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return process.exit(2);
  }
})();
await runTrustingCa(cluster.caFile, main);

function rssBytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
}
function log(m: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
}

/** Opens the sockets over `workers` processes; resolves with their connect times and failures. */
async function openSockets(url: string, cookies: (string | null)[], workers: number, perSecond: number) {
  const children: ChildProcess[] = [];
  const opened = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const child = fork(path.join(import.meta.dirname, 'peak-worker.ts'), [], {
        execArgv: process.execArgv,
      });
      children.push(child);
      const init: PeakInit = {
        type: 'init',
        url,
        cookies: cookies.filter((_, i) => i % workers === w),
        perSecond: perSecond / workers,
      };
      child.send(init);
      return new Promise<PeakOpened>((resolve) => child.once('message', (m: PeakOpened) => resolve(m)));
    }),
  );
  const connectMs = opened.flatMap((o) => o.connectMs).sort((a, b) => a - b);
  const failures: Record<string, number> = {};
  for (const o of opened)
    for (const [k, n] of Object.entries(o.failures)) failures[k] = (failures[k] ?? 0) + n;
  const at = (p: number) =>
    round(connectMs[Math.min(connectMs.length - 1, Math.floor(p * connectMs.length))] ?? 0);
  return {
    connected: connectMs.length,
    connectMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
    failures,
    close: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.send({ type: 'close' });
            }),
        ),
      );
    },
  };
}

async function main(): Promise<void> {
  const connections = Number(values.connections);
  const perUser = Number(values['per-user']);
  const workers = Number(values.workers);
  const perSecond = Number(values['per-second']);
  const holdMs = Number(values['hold-seconds']) * 1000;
  const instances = cluster.instances.length;
  const perInstance = Math.ceil(connections / instances);
  const started = Date.now();

  // The floor: a bare Socket.IO server holding one instance's share.
  log(`floor: ${perInstance} sockets on a bare Socket.IO server`);
  const bare = fork(path.join(import.meta.dirname, 'bare-socket-server.ts'), [], {
    execArgv: process.execArgv,
  });
  const port = await new Promise<number>((resolve) =>
    bare.once('message', (m: { port: number }) => resolve(m.port)),
  );
  await sleep(1000);
  const bareBefore = rssBytes(bare.pid!);
  const bareRun = await openSockets(
    `http://127.0.0.1:${port}`,
    Array.from({ length: perInstance }, () => null),
    workers,
    perSecond,
  );
  await sleep(5000);
  const bareAfter = rssBytes(bare.pid!);
  await bareRun.close();
  bare.kill();
  const barePerConnection = (bareAfter - bareBefore) / Math.max(1, bareRun.connected);
  log(`floor: ${bareRun.connected} held, ${Math.round(barePerConnection)} bytes each`);

  // ExamTech: students signed in, their sockets through nginx, held.
  const password = 'Load-Test-2026';
  const admin = new Client(cluster.url);
  await admin.login(values['admin-email'], values['admin-password']);
  const users = Math.ceil(connections / perUser);
  log(`importing and signing in ${users} students`);
  const { students } = await importCandidates(admin, users, password, log);
  const cookies: string[] = [];
  await forEachLimited(students, 64, async (email) => {
    const client = new Client(cluster.url);
    if ((await client.login(email, password)).mustChangePassword) await client.chooseOwnPassword(password);
    for (let k = 0; k < perUser && cookies.length < connections; k++) cookies.push(client.cookie);
  });
  const appPids = () =>
    [...readClusterPids(cluster.stateDir)].filter(([, name]) => name.startsWith('app-')).map(([pid]) => pid);
  const before = appPids().map(rssBytes);
  log(`opening ${cookies.length} sockets through ${cluster.url}`);
  const peak = await openSockets(cluster.url, cookies, workers, perSecond);
  log(`${peak.connected} connected; holding ${holdMs / 1000} s`);
  const samples: number[] = [];
  for (let t = 0; t < holdMs; t += 5000) {
    await sleep(5000);
    samples.push(
      (
        await Promise.all(
          cluster.instances.map(async (instance) => {
            const res = await fetch(`${instance.url}/metrics`, {
              headers: { authorization: `Bearer ${cluster.metricsToken}` },
            });
            const text = await res.text();
            return Number(/^examtech_socketio_connected_sockets (\d+)/m.exec(text)?.[1] ?? 0);
          }),
        )
      ).reduce((a, b) => a + b, 0),
    );
  }
  const after = appPids().map(rssBytes);
  await peak.close();
  const perConnection =
    (after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)) / Math.max(1, peak.connected);
  const result = {
    startedAt: new Date(started).toISOString(),
    connections,
    perUser,
    instances,
    bare: {
      perInstance,
      connected: bareRun.connected,
      connectMs: bareRun.connectMs,
      bytesPerConnection: Math.round(barePerConnection),
    },
    examtech: {
      connected: peak.connected,
      connectMs: peak.connectMs,
      failures: peak.failures,
      heldByInstances: { min: Math.min(...samples), max: Math.max(...samples) },
      rssMbBefore: before.map((b) => Math.round(b / 1048576)),
      rssMbAtPeak: after.map((b) => Math.round(b / 1048576)),
      bytesPerConnection: Math.round(perConnection),
      ratioToBare: round(perConnection / Math.max(1, barePerConnection)),
    },
  };
  const dir = path.resolve(import.meta.dirname, '../reports');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `peak-${new Date(started).toISOString().replace(/[:.]/g, '-')}`);
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
  writeFileSync(
    `${base}.md`,
    [
      `# Connection peak: ${connections} sockets, ${instances} instances behind nginx`,
      '',
      '| | sockets | connect p50 / p95 / p99 ms | memory per socket |',
      '|---|---|---|---|',
      `| bare Socket.IO on node:http (floor) | ${bareRun.connected} | ${bareRun.connectMs.p50} / ${bareRun.connectMs.p95} / ${bareRun.connectMs.p99} | ${Math.round(barePerConnection / 1024)} KB |`,
      `| ExamTech, signed-in students through nginx | ${peak.connected} | ${peak.connectMs.p50} / ${peak.connectMs.p95} / ${peak.connectMs.p99} | ${Math.round(perConnection / 1024)} KB (${result.examtech.ratioToBare}× the floor) |`,
      '',
      `Held by the instances during the hold: ${result.examtech.heldByInstances.min}–${result.examtech.heldByInstances.max}; failures ${JSON.stringify(peak.failures)}; instances' RSS ${JSON.stringify(result.examtech.rssMbBefore)} MB before, ${JSON.stringify(result.examtech.rssMbAtPeak)} MB at the peak.`,
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify(result, null, 2));
  log(`report: ${base}.md`);
  const failed = connections - peak.connected;
  if (failed > 0) console.error(`FAILED: ${failed} sockets did not connect`);
  process.exit(failed > 0 ? 1 : 0);
}
