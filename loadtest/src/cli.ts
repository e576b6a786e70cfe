// Simulated candidates through a whole exam against a running deployment (one instance, or the
// cluster through nginx), with fault drills, verified from the database afterwards. Usage: --help.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findRunFailures, readArgs } from './args.js';
import type { CandidateLog, CandidatePlan } from './candidate.js';
import { readClusterPids, readClusterTarget, runTrustingCa, type ClusterTarget } from './cluster-target.js';
import { parseFaults, runFaults, type FaultWindow } from './faults.js';
import { meanCpu, sampleProcessCpu } from './proc-cpu.js';
import { writeReport, type RunResult } from './report.js';
import { loadProctoringSettings, watchProctorRoom } from './proctoring.js';
import { measureProctoring, proctoringTableBytes } from './proctoring-stats.js';
import { prepareLoad } from './setup.js';
import { Client } from './client.js';
import { Recorder } from './stats.js';
import { verifyRun, waitForSubmissions } from './verify.js';
import type { WorkerDone, WorkerInit, WorkerReady } from './worker.js';

const usage = `Simulated candidates through a whole exam against a running deployment.

Usage: npm run load -- [options]

  --cluster                      the cluster of npm run cluster: through its nginx over TLS,
                                 verified on its primary, faults possible
  --cluster-dir <dir>            its state folder (default .cluster, or CLUSTER_STATE_DIR)
  --url <url>                    a single deployment instead (default http://127.0.0.1:3000)
  --database-url <url>           its PostgreSQL, to verify what was stored (or DATABASE_URL)
  --candidates <n>               simulated candidates (default 200)
  --workers <n>                  generator processes (default 2)
  --duration-minutes <n>         the exam's duration (default 3)
  --active-seconds <n>           candidates answer until this long after T0 (default 120)
  --submit-wave-seconds <n>      then press Submit spread over this long (default 30)
  --actions <n>                  answer changes per candidate (default 20)
  --start-spread-seconds <n>     candidates press Start within this time after T0 (default 20)
  --drop-share <0..1>            share whose connection drops once for a few seconds (default 0.05)
  --auto-submit-share <0..1>     share left to the server's deadline sweeper (default 0.2)
  --offline-share <0..1>         share offline for a spell mid-exam, answering all the while (default 0)
  --offline-at <s>               the spell starts this long after T0 (default 30)
  --offline-seconds <s>          and lasts this long (default 60)
  --late-sync-share <0..1>       share offline from 60 s before the answering ends until after the
                                 deadline, syncing answers typed in time after it (default 0)
  --proctoring                   a proctored exam: webcam snapshots (a real 13 KB JPEG each), tab,
                                 blur and full-screen signals, and a proctor watching the room
  --snapshot-seconds <n>         the exam's snapshot interval (default 60)
  --signal-bursts <n>            signal bursts per candidate: tab hidden and window blur, a third
                                 also leaving full screen, each with a snapshot (default 3)
  --faults <list>                drills, name@seconds-after-T0[+seconds]: replica-stop, redis-kill,
                                 instance-kill, primary-restart, drain (needs --cluster)
  --admin-email <email>          institute admin who sets the exam up
  --admin-password <password>
  -h, --help                     this text

Writes loadtest/reports/<time>.json and .md with SVG charts. Exits 1 when the run had errors or its
verification found any (lost acknowledged answers, score mismatches, attempts never submitted).`;

const values = readArgs(usage, {
  cluster: { type: 'boolean', default: false },
  'cluster-dir': { type: 'string' },
  url: { type: 'string', default: 'http://127.0.0.1:3000' },
  'database-url': { type: 'string' },
  candidates: { type: 'string', default: '200' },
  workers: { type: 'string', default: '2' },
  'duration-minutes': { type: 'string', default: '3' },
  'active-seconds': { type: 'string', default: '120' },
  'submit-wave-seconds': { type: 'string', default: '30' },
  actions: { type: 'string', default: '20' },
  'start-spread-seconds': { type: 'string', default: '20' },
  'drop-share': { type: 'string', default: '0.05' },
  'auto-submit-share': { type: 'string', default: '0.2' },
  'offline-share': { type: 'string', default: '0' },
  'offline-at': { type: 'string', default: '30' },
  'offline-seconds': { type: 'string', default: '60' },
  'late-sync-share': { type: 'string', default: '0' },
  proctoring: { type: 'boolean', default: false },
  'snapshot-seconds': { type: 'string', default: '60' },
  'signal-bursts': { type: 'string', default: '3' },
  faults: { type: 'string' },
  'admin-email': { type: 'string', default: 'admin@demo.examtech.in' },
  'admin-password': { type: 'string', default: 'Admin@12345' },
});
const fail = (message: string): never => {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
};
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  return Number.isFinite(n) && n >= 0 ? n : fail(`--${name} must be a number ≥ 0`);
};

let target: ClusterTarget | null = null;
if (values.cluster || values['cluster-dir']) {
  try {
    target = readClusterTarget(values['cluster-dir']);
  } catch (err) {
    fail((err as Error).message);
  }
}
if (target) await runTrustingCa(target.caFile, () => main(target));
else await main(null);

async function main(cluster: ClusterTarget | null): Promise<void> {
  const baseUrl = cluster?.url ?? values.url;
  const databaseUrl =
    cluster?.databaseUrl ??
    values['database-url'] ??
    process.env.DATABASE_URL ??
    fail('--database-url (or DATABASE_URL) is needed to verify what the server stored.');
  let faults: ReturnType<typeof parseFaults> = [];
  try {
    faults = parseFaults(values.faults);
  } catch (err) {
    fail((err as Error).message);
  }
  if (faults.length > 0 && !cluster) fail('--faults need --cluster');
  const candidates = num('candidates');
  const workerCount = Math.max(1, Math.min(16, num('workers')));
  const durationMs = num('duration-minutes') * 60_000;
  const activeMs = num('active-seconds') * 1000;
  const waveMs = num('submit-wave-seconds') * 1000;
  if (activeMs + waveMs >= durationMs)
    fail('--active-seconds plus --submit-wave-seconds must end before the exam does');
  const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

  log(
    `preparing ${candidates} candidates against ${baseUrl}${cluster ? ' (the cluster, through nginx)' : ''}`,
  );
  const password = 'Load-Test-2026';
  // Time to sign everyone in before T0 (each sign-in of a fresh import also sets the candidate's own
  // password: two argon2id hashes), at about 30 a second on two cores.
  const leadSeconds = 30 + Math.ceil(candidates / 25);
  const prepared = await prepareLoad(
    {
      baseUrl,
      candidates,
      durationMinutes: num('duration-minutes'),
      leadSeconds,
      adminEmail: values['admin-email'],
      adminPassword: values['admin-password'],
      password,
      proctoring: values.proctoring ? loadProctoringSettings(num('snapshot-seconds')) : null,
    },
    log,
  );
  const proctoringBytesBefore = values.proctoring ? await proctoringTableBytes(databaseUrl) : 0;
  const { startsAt } = prepared;
  const activeUntil = startsAt + activeMs;
  const deadline = startsAt + durationMs;
  const plans = planCandidates(prepared.students, { startsAt, activeUntil, waveMs, deadline });

  const workers: ChildProcess[] = [];
  let clusterPids = cluster ? readClusterPids(cluster.stateDir) : new Map<number, string>();
  const cpu = sampleProcessCpu((pid, ppid, comm) => {
    if (pid === process.pid || workers.some((w) => w.pid === pid || w.pid === ppid)) return 'generator';
    const name = cluster ? clusterPids.get(pid) : undefined;
    if (name?.startsWith('app-')) return name;
    if (!cluster && comm === 'node') return 'app';
    return null;
  });
  const pidTimer = setInterval(() => {
    if (cluster) clusterPids = readClusterPids(cluster.stateDir);
  }, 2000);
  const runStarted = Date.now();

  log(`${workerCount} generator processes sign the candidates in before T0`);
  const ready: Promise<WorkerReady>[] = [];
  const done: Promise<WorkerDone>[] = [];
  for (let w = 0; w < workerCount; w++) {
    const child = fork(path.join(import.meta.dirname, 'worker.ts'), [], { execArgv: process.execArgv });
    workers.push(child);
    ready.push(new Promise((resolve) => child.once('message', (m: WorkerReady) => resolve(m))));
    done.push(
      new Promise((resolve, reject) => {
        child.on('message', (m: WorkerReady | WorkerDone) => m.type === 'done' && resolve(m));
        child.once(
          'exit',
          (code) => code !== 0 && reject(new Error(`generator process ${w} exited ${code}`)),
        );
      }),
    );
    const init: WorkerInit = {
      type: 'init',
      plans: plans.filter((_, i) => i % workerCount === w),
      options: {
        baseUrl,
        examId: prepared.examId,
        startsAt,
        startSpreadMs: num('start-spread-seconds') * 1000,
        activeUntil,
        actions: num('actions'),
        proctoring: values.proctoring
          ? { snapshotEveryMs: num('snapshot-seconds') * 1000, signalBursts: num('signal-bursts') }
          : null,
      },
      password,
      loginConcurrency: 32,
    };
    child.send(init);
  }
  const signedIn = (await Promise.all(ready)).reduce((n, r) => n + r.signedIn, 0);
  const loginsDoneAt = Date.now();
  log(`${signedIn} signed in; T0 in ${Math.round((startsAt - Date.now()) / 1000)} s`);
  // The proctor's screen: one admin watching the whole exam's room, timing every alert.
  const proctorRec = new Recorder();
  let proctor: Awaited<ReturnType<typeof watchProctorRoom>> | null = null;
  if (values.proctoring) {
    const admin = new Client(baseUrl);
    await admin.login(values['admin-email'], values['admin-password']);
    proctor = await watchProctorRoom(baseUrl, admin, prepared.examId, proctorRec);
  }
  const faultWindows: Promise<FaultWindow[]> = cluster
    ? runFaults(faults, startsAt, cluster.stateDir, log)
    : Promise.resolve([]);

  const results = await Promise.all(done);
  const windows = await faultWindows;
  log('candidates done; waiting until the sweeper has submitted every attempt left to the deadline');
  const sweptAt = await waitForSubmissions(
    databaseUrl,
    prepared.examId,
    Math.max(0, deadline - Date.now()) + 5 * 60_000,
  );
  clearInterval(pidTimer);
  const cpuSamples = cpu.stop();

  const rec = new Recorder();
  const logs: CandidateLog[] = [];
  for (const r of results) {
    rec.absorb(r);
    for (const l of r.logs)
      logs.push({ ...l, sent: new Map(l.sent), ackedSeqByQuestion: new Map(l.ackedSeqByQuestion) });
  }
  // Every event of the run is a violation (tab, blur, full screen): each one stored must alert.
  const stored = new Set(logs.flatMap((l) => l.proctoring.ackedEvents));
  const watched = proctor?.stop(
    logs.map((l) => l.proctoring),
    (id) => stored.has(id),
  );
  rec.absorb({
    samples: proctorRec.samples,
    errors: [...proctorRec.errors],
    retries: [...proctorRec.retries],
  });
  const verification = await verifyRun(databaseUrl, prepared.examId, logs);
  const proctoring = values.proctoring
    ? {
        ...(await measureProctoring(databaseUrl, prepared.examId, logs, {
          from: startsAt,
          to: activeUntil,
          tableBytesBefore: proctoringBytesBefore,
        })),
        proctorRoom: watched ?? null,
      }
    : null;
  const unsynced = logs.reduce((n, l) => n + l.unsynced, 0);
  const summary = rec.summary();
  const phases = {
    login: { from: runStarted, to: loginsDoneAt },
    burst: { from: startsAt, to: startsAt + num('start-spread-seconds') * 1000 + 10_000 },
    answering: { from: startsAt, to: activeUntil },
    submitWave: { from: activeUntil, to: activeUntil + waveMs },
    afterDeadline: { from: deadline, to: Date.now() },
  };
  const result: RunResult = {
    startedAt: new Date(runStarted).toISOString(),
    wallSeconds: Math.round((Date.now() - runStarted) / 1000),
    candidates,
    target: cluster ? { cluster: cluster.stateDir, instances: cluster.instances.length } : { url: baseUrl },
    settings: { ...values, 'admin-password': undefined },
    timeline: { startsAt, activeUntil, deadline, lastSubmittedAt: sweptAt },
    sweeperSecondsAfterGrace: sweptAt === null ? null : Math.round((sweptAt - deadline - 15_000) / 100) / 10,
    latencyMs: summary.ops,
    phases: Object.fromEntries(Object.entries(phases).map(([k, w]) => [k, rec.summary(w).ops])),
    errors: summary.errors,
    errorCount: summary.errorCount,
    retries: summary.retries,
    unsynced,
    faults: windows.map((w) => ({
      ...w,
      // What candidates saw during the fault and the half minute after it was undone.
      ops: rec.summary({ from: w.from, to: w.to + 30_000 }).ops,
    })),
    cpu: {
      wholeRun: meanCpu(cpuSamples, runStarted),
      answering: meanCpu(cpuSamples, startsAt, activeUntil),
      generatorCpuSeconds: Math.round(results.reduce((n, r) => n + (r.cpu.user + r.cpu.system) / 1e6, 0)),
    },
    saveThroughputPerSecond: Math.round((summary.ops.save_ack?.count ?? 0) / (activeMs / 1000)),
    verification,
    proctoring,
  };
  const dir = path.resolve(import.meta.dirname, '../reports');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, new Date(runStarted).toISOString().replace(/[:.]/g, '-'));
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
  writeReport(`${base}.md`, result, rec.samples, cpuSamples);
  console.log(JSON.stringify({ ...result, phases: undefined }, null, 2));
  log(`report: ${base}.md`);
  const failures = findRunFailures(result);
  if (unsynced > 0) failures.push(`${unsynced} answers never acknowledged`);
  if (proctoring?.lostAcknowledgedEvents)
    failures.push(`${proctoring.lostAcknowledgedEvents} acknowledged proctoring events lost`);
  if (proctoring?.lostStoredEvidence) failures.push(`${proctoring.lostStoredEvidence} stored snapshots lost`);
  if (proctoring?.proctorRoom?.missedAlerts)
    failures.push(`${proctoring.proctorRoom.missedAlerts} stored violations never alerted the proctor`);
  for (const w of windows) if (!w.ok) failures.push(`fault ${w.name} could not be run: ${w.detail}`);
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

/**
 * Who does what: a few drop their connection once, some go offline for a spell, some are back only
 * after the deadline with answers typed in time, some leave the submit to the sweeper; the rest
 * press Submit spread over the submit wave.
 */
function planCandidates(
  students: string[],
  t: { startsAt: number; activeUntil: number; waveMs: number; deadline: number },
): CandidatePlan[] {
  // Every n-th candidate from an offset; a share of 0 picks nobody (i % Infinity would be i).
  const picks = (share: number, offset: number) => {
    const every = share > 0 ? Math.max(1, Math.round(1 / share)) : 0;
    return (i: number) => every > 0 && i % every === offset % every;
  };
  const isDrop = picks(num('drop-share'), 0);
  const isAutoSubmit = picks(num('auto-submit-share'), 1);
  const isOfflineSpell = picks(num('offline-share'), 2);
  const isLateSync = picks(num('late-sync-share'), 3);
  const spellFrom = t.startsAt + num('offline-at') * 1000;
  const spellTo = Math.min(t.activeUntil - 5000, spellFrom + num('offline-seconds') * 1000);
  return students.map((email, i) => {
    const isLate = isLateSync(i);
    const isAuto = isLate || isAutoSubmit(i);
    return {
      email,
      dropConnection: isDrop(i),
      offline: isLate
        ? { from: t.activeUntil - 60_000, to: t.deadline + 30_000 }
        : isOfflineSpell(i)
          ? { from: spellFrom, to: spellTo }
          : null,
      submitAt: isAuto ? null : t.activeUntil + (((i * 7919) % 1000) / 1000) * t.waveMs,
    };
  });
}
