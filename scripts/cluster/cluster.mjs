// `npm run cluster -- up [--instances N] [--replicas R]`, `down`, `status`, `logs [name]`: the
// scaled topology of DESIGN.md on this machine, on loopback ports, under one state folder
// (.cluster/ unless CLUSTER_STATE_DIR says otherwise). `down` stops exactly what `up` started,
// from the state file, and removes the folder. See docs/OPERATIONS.md.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isAlive,
  isPortOpen,
  isRoot,
  log,
  readPidFile,
  readState,
  run,
  startDaemon,
  stopPid,
  waitFor,
  which,
  writeState,
} from './lib.mjs';
import { restoreBackup, takeBaseBackup } from './backup.mjs';
import {
  findPgBin,
  pgCtl,
  makeCertificate,
  startMonitoring,
  startNginx,
  startPostgres,
  startRedis,
  startS3,
  stopPostgres,
} from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const stateDir = path.resolve(process.env.CLUSTER_STATE_DIR ?? path.join(root, '.cluster'));
const base = Number(process.env.CLUSTER_PORT_BASE ?? 17000);
const ports = {
  http: base + 80,
  https: base + 443,
  nginxStatus: base + 81,
  postgres: base + 432,
  redis: base + 379,
  sentinel: base + 381,
  s3: base + 900,
  prometheus: base + 90,
  postgresExporter: base + 187,
  redisExporter: base + 121,
  nginxExporter: base + 113,
  nodeExporter: base + 100,
  app: base + 201,
};
const DATABASE = 'examtech';
const SENTINEL_NAME = 'examtech';
const BUCKET = 'examtech-files';

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

/** The Debian packages of the topology, installed when missing (as .ci/run does), nothing else. */
function ensurePackages(withMonitoring) {
  const wanted = [
    ['postgresql', () => findPgBin() !== null],
    ['redis-server', () => which('redis-server')],
    ['nginx', () => which('nginx')],
    ['openssl', () => which('openssl')],
    ['prometheus', () => existsSync('/usr/bin/prometheus')],
    ['prometheus-postgres-exporter', () => existsSync('/usr/bin/prometheus-postgres-exporter')],
    ['prometheus-redis-exporter', () => existsSync('/usr/bin/prometheus-redis-exporter')],
    ['prometheus-nginx-exporter', () => existsSync('/usr/bin/prometheus-nginx-exporter')],
    ['prometheus-node-exporter', () => existsSync('/usr/bin/prometheus-node-exporter')],
  ];
  const missing = wanted
    .filter(([pkg, has]) => (withMonitoring || !pkg.startsWith('prometheus')) && !has())
    .map(([pkg]) => pkg);
  if (missing.length === 0) return;
  if (!isRoot || !which('apt-get'))
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} (apt-get install -y ${missing.join(' ')})`,
    );
  log(`installing ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '-qq', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** What every instance shares: the services' addresses, one metrics token, one key prefix. */
function instanceEnv(state, index) {
  const replicas = state.processes.filter((p) => p.name.startsWith('postgres-replica')).map((p) => p.port);
  // TLS to PostgreSQL and Redis, the server checked against the cluster's own certificate.
  const dbUrl = (port) =>
    `postgres://postgres@127.0.0.1:${port}/${DATABASE}?sslmode=verify-full&sslrootcert=${state.tls.cert}`;
  const s3 = state.processes.some((p) => p.name === 's3');
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(ports.app + index),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    DATA_DIR: path.join(stateDir, 'apps', `instance-${index + 1}`),
    DATABASE_URL: dbUrl(ports.postgres),
    DATABASE_REPLICA_URLS: replicas.map(dbUrl).join(','),
    DATABASE_POOL_MAX: String(state.poolMax),
    REDIS_URL: `rediss://127.0.0.1:${ports.redis}`,
    REDIS_TLS_CA_FILE: state.tls.cert,
    REDIS_SENTINELS: [0, 1, 2].map((i) => `127.0.0.1:${ports.sentinel + i}`).join(','),
    REDIS_SENTINEL_NAME: SENTINEL_NAME,
    PUBLIC_URL: `https://localhost:${ports.https}`,
    TRUST_PROXY: '127.0.0.1',
    METRICS_TOKEN: state.metricsToken,
    WEB_DIST_DIR: path.join(root, 'web', 'dist'),
    // The first instance migrates and seeds; the others find both done.
    SEED_DEMO_DATA: index === 0 ? 'true' : 'false',
    ...(s3
      ? {
          S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
          S3_BUCKET: BUCKET,
          S3_REGION: 'us-east-1',
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
          S3_FORCE_PATH_STYLE: 'true',
        }
      : {}),
  };
}

const isReady = (port) => async () => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ready`);
    return res.ok;
  } catch {
    return false;
  }
};

export async function startInstance(state, index) {
  const env = instanceEnv(state, index);
  mkdirSync(env.DATA_DIR, { recursive: true });
  const logFile = path.join(stateDir, 'apps', `instance-${index + 1}.log`);
  const pid = startDaemon(
    process.execPath,
    // The tracing preload comes before the app (it is a no-op without OTEL_EXPORTER_OTLP_ENDPOINT).
    [
      '--import',
      'tsx',
      '--import',
      path.join(root, 'server', 'src', 'platform', 'tracing.ts'),
      path.join(root, 'server', 'src', 'main.ts'),
    ],
    {
      logFile,
      env,
      cwd: path.join(root, 'server'),
    },
  );
  const port = ports.app + index;
  await waitFor(`instance ${index + 1} (see ${logFile})`, isReady(port), 120_000);
  return { name: `app-${index + 1}`, kind: 'pid', pid, port, log: logFile };
}

async function up(args) {
  if (readState(stateDir))
    throw new Error(`a cluster is already up (${stateDir}); run: npm run cluster -- down`);
  const instances = option(args, 'instances', Math.max(2, os.cpus().length));
  const replicas = option(args, 'replicas', 2);
  // The tests run without Prometheus: nothing of theirs reads it, and it saves their time.
  const withMonitoring = !args.includes('--no-monitoring');
  ensurePackages(withMonitoring);
  if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
    log('building the web app');
    run('npm', ['run', 'build', '-w', 'web'], { cwd: root });
  }
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true, mode: 0o755 });
  const state = {
    startedAt: new Date().toISOString(),
    ports,
    instances,
    poolMax: Number(process.env.DATABASE_POOL_MAX ?? 20),
    metricsToken: randomBytes(24).toString('hex'),
    processes: [],
  };
  // Written after each step, so that `down` can stop a half-started cluster.
  const add = (processes) => {
    state.processes.push(...processes);
    writeState(stateDir, state);
  };
  writeState(stateDir, state);
  try {
    const pgBin = findPgBin();
    const tls = makeCertificate(stateDir);
    state.tls = { cert: tls.cert };
    add(await startPostgres({ stateDir, pgBin, ports, replicas, database: DATABASE, tls }));
    add(await startRedis({ stateDir, ports, sentinelName: SENTINEL_NAME, tls }));
    add(await startS3({ stateDir, ports, bucket: BUCKET, root }));
    for (let i = 0; i < instances; i++) add([await startInstance(state, i)]);
    log(`${instances} instance(s) on ${ports.app}-${ports.app + instances - 1}`);
    const upstreams = Array.from({ length: instances }, (_, i) => ports.app + i);
    add(await startNginx({ stateDir, ports, upstreams, webDist: path.join(root, 'web', 'dist'), tls }));
    if (withMonitoring)
      add(
        await startMonitoring({
          stateDir,
          ports,
          instances: upstreams,
          metricsToken: state.metricsToken,
          database: DATABASE,
          root,
          tls,
        }),
      );
  } catch (err) {
    log(`up failed, stopping what started: ${err.message}`);
    await down();
    throw err;
  }
  log(`ExamTech is up: https://localhost:${ports.https} (self-signed certificate: ${state.tls.cert})`);
  log('demo accounts as with npm start; npm run cluster -- status | logs [name] | down');
}

async function stopProcess(proc) {
  if (proc.kind === 'postgres') return stopPostgres(findPgBin(), proc);
  const pid = proc.kind === 'pidfile' ? readPidFile(proc.pidfile) : proc.pid;
  // Instances drain on SIGTERM (finish saves, send sockets elsewhere): give them their shutdown time.
  await stopPid(pid, proc.name.startsWith('app-') ? 20_000 : 10_000);
}

export async function down() {
  const state = readState(stateDir);
  if (!state) {
    log('no cluster is up');
    return;
  }
  // Front door first, then the instances (draining together), then what they used, together.
  const stopAll = (procs) =>
    Promise.all(
      procs.map((proc) => stopProcess(proc).catch((err) => log(`stopping ${proc.name}: ${err.message}`))),
    );
  const isApp = (p) => p.name.startsWith('app-');
  const isFront = (p) => p.name === 'nginx' || p.name === 'prometheus' || p.name.endsWith('-exporter');
  await stopAll(state.processes.filter(isFront));
  await stopAll(state.processes.filter(isApp));
  await stopAll(state.processes.filter((p) => !isFront(p) && !isApp(p)));
  rmSync(stateDir, { recursive: true, force: true });
  log('down: every process stopped, state folder removed');
}

function pidOf(proc) {
  if (proc.kind === 'pid') return proc.pid;
  if (proc.kind === 'pidfile') return readPidFile(proc.pidfile);
  const file = path.join(proc.dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

async function status() {
  const state = readState(stateDir);
  if (!state) {
    log('no cluster is up');
    process.exitCode = 1;
    return;
  }
  let healthy = true;
  for (const proc of state.processes) {
    const pid = pidOf(proc);
    const alive = isAlive(pid);
    const listening = proc.port ? await isPortOpen(proc.port) : alive;
    if (!alive || !listening) healthy = false;
    process.stdout.write(
      `${proc.name.padEnd(22)} ${String(pid ?? '-').padEnd(8)} ${String(proc.port ?? '').padEnd(6)} ${alive && listening ? 'up' : 'DOWN'}\n`,
    );
  }
  process.stdout.write(`\nhttps://localhost:${state.ports.https}  (started ${state.startedAt})\n`);
  if (!healthy) process.exitCode = 1;
}

function logs(args) {
  const state = readState(stateDir);
  if (!state) throw new Error('no cluster is up');
  const wanted = args[0];
  const chosen = wanted ? state.processes.filter((p) => p.name === wanted) : state.processes;
  if (chosen.length === 0)
    throw new Error(`no process named ${wanted}: ${state.processes.map((p) => p.name).join(', ')}`);
  for (const proc of chosen) {
    process.stdout.write(`==> ${proc.name} (${proc.log})\n`);
    if (existsSync(proc.log)) {
      const lines = readFileSync(proc.log, 'utf8').trimEnd().split('\n');
      process.stdout.write(`${lines.slice(-(wanted ? 200 : 20)).join('\n')}\n`);
    }
  }
}

/** `stop <name>`: one process of the cluster, for drills (a replica down, a Redis failover). */
async function stopOne(args) {
  const state = readState(stateDir);
  const proc = state?.processes.find((p) => p.name === args[0]);
  if (!proc) throw new Error(`no process named ${args[0] ?? '(none)'} in the cluster`);
  await stopProcess(proc);
  log(`${proc.name} stopped`);
}

/** `kill <name>`: SIGKILL, no drain, no shutdown (a crash, for the exam-day drills); `start` brings it back. */
async function killOne(args) {
  const state = readState(stateDir);
  const proc = state?.processes.find((p) => p.name === args[0]);
  if (!proc) throw new Error(`no process named ${args[0] ?? '(none)'} in the cluster`);
  const pid = pidOf(proc);
  if (!isAlive(pid)) throw new Error(`${proc.name} is not running`);
  process.kill(pid, 'SIGKILL');
  await waitFor(`${proc.name} to die`, () => !isAlive(pid));
  log(`${proc.name} killed (pid ${pid})`);
}

/** `start <name>`: brings a stopped process back as `up` started it. */
async function startOne(args) {
  const state = readState(stateDir);
  const index = state?.processes.findIndex((p) => p.name === args[0]) ?? -1;
  if (!state || index === -1) throw new Error(`no process named ${args[0] ?? '(none)'} in the cluster`);
  const proc = state.processes[index];
  if (isAlive(pidOf(proc))) throw new Error(`${proc.name} is running`);
  if (proc.kind === 'postgres') pgCtl(findPgBin(), proc.dataDir, proc.log, proc.port);
  else if (proc.name.startsWith('app-'))
    state.processes[index] = await startInstance(state, Number(proc.name.slice(4)) - 1);
  else if (proc.start?.how === 'run') run(proc.start.cmd, proc.start.args);
  else throw new Error(`${proc.name} cannot be started on its own; run down and up`);
  if (proc.port) await waitFor(proc.name, () => isPortOpen(proc.port));
  writeState(stateDir, state);
  log(`${proc.name} started`);
}

function backup() {
  const state = readState(stateDir);
  if (!state) throw new Error('no cluster is up');
  takeBaseBackup(state, stateDir);
}

/** `restore [--to ISO-time] [--port P]`: the newest base backup replayed to that moment, beside the cluster. */
async function restore(args) {
  const state = readState(stateDir);
  if (!state) throw new Error('no cluster is up');
  const at = args.indexOf('--to');
  const targetTime = at === -1 ? null : args[at + 1];
  if (targetTime !== null && Number.isNaN(Date.parse(targetTime ?? '')))
    throw new Error('--to needs an ISO time');
  const port = option(args, 'port', ports.postgres + 10);
  const proc = await restoreBackup(state, stateDir, { targetTime, port });
  state.processes.push(proc);
  writeState(stateDir, state);
  log(`psql -h 127.0.0.1 -p ${port} -U postgres ${DATABASE}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [command, ...args] = process.argv.slice(2);
  const commands = {
    up: () => up(args),
    down,
    status,
    logs: () => logs(args),
    stop: () => stopOne(args),
    kill: () => killOne(args),
    backup,
    restore: () => restore(args),
    start: () => startOne(args),
  };
  const action = commands[command];
  if (!action) {
    process.stderr.write(
      'usage: npm run cluster -- up [--instances N] [--replicas R] [--no-monitoring] | down | status | logs [name] | stop <name> | kill <name> | start <name> | backup | restore [--to ISO-time] [--port P]\n',
    );
    process.exit(2);
  }
  Promise.resolve()
    .then(action)
    .catch((err) => {
      process.stderr.write(`cluster: ${err.message}\n`);
      process.exit(1);
    });
}
