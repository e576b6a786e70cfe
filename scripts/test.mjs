// `npm test`: the whole suite. Starts a throwaway PostgreSQL and Redis from the system binaries on
// free loopback ports (unless TEST_DATABASE_URL / TEST_REDIS_URL point at running ones), builds the
// web app for the browser tests, runs every Vitest project, prints "N passed, N failed" and cleans up.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const INSTALL_HINT = 'apt-get install -y postgresql redis-server chromium nginx openssl';
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Node.js 24 is required (found ${process.version}). Run: . scripts/ensure-node24.sh && npm test`,
  );
  process.exit(1);
}

function findPgBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(path.join(base, v, 'bin', 'initdb'))) return path.join(base, v, 'bin');
  return null;
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const needPostgres = !process.env.TEST_DATABASE_URL;
const needRedis = !process.env.TEST_REDIS_URL;
const pgBin = needPostgres ? findPgBin() : null;
const missing = [];
if (needPostgres && !pgBin) missing.push('PostgreSQL server binaries (initdb, pg_ctl)');
if (needRedis && !which('redis-server')) missing.push('redis-server');
if (!existsSync('/usr/bin/chromium')) missing.push('Chromium (/usr/bin/chromium)');
if (missing.length > 0) {
  console.error(`Missing for the test suite: ${missing.join(', ')}.\nInstall them with:\n  ${INSTALL_HINT}`);
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const cleanups = [];
function cleanup() {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch (err) {
      console.error('cleanup:', err.message);
    }
  }
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

async function startPostgres() {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'examtech-pg-'));
  const isRoot = process.getuid?.() === 0;
  // initdb refuses to run as root; the postgres system user owns the throwaway cluster instead.
  const asPg = (args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)]);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (args) => {
    const [cmd, rest] = asPg(args);
    execFileSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  run([
    path.join(pgBin, 'initdb'),
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  run([
    path.join(pgBin, 'pg_ctl'),
    '-D',
    path.join(dir, 'data'),
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  cleanups.push(() => {
    run([path.join(pgBin, 'pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  cleanups.push(() => child.kill('SIGTERM'));
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return `redis://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

let exitCode = 1;
try {
  const env = { ...process.env };
  if (needPostgres) env.TEST_DATABASE_URL = await startPostgres();
  if (needRedis) env.TEST_REDIS_URL = await startRedis();
  console.log(`test databases: ${env.TEST_DATABASE_URL} ${env.TEST_REDIS_URL}`);

  execFileSync('npm', ['run', 'build', '-w', 'web'], { stdio: ['ignore', 'ignore', 'inherit'] });

  mkdirSync('.tmp', { recursive: true });
  // Browser journeys run after the rest, alone: on a small machine they are timing-sensitive, and the
  // integration suites would otherwise compete with Chromium for the same cores.
  // The scaled topology (scripts/cluster) needs nginx and openssl besides PostgreSQL and Redis;
  // .ci/run installs them. Without them its tests are not run, and that is said.
  const hasCluster = ['nginx', 'openssl', 'redis-server'].every(which) && findPgBin() !== null;
  if (!hasCluster)
    console.log('cluster tests not run: install nginx and openssl (apt-get install -y nginx openssl)');
  const stages = [
    ['core', 'server-unit', 'web-unit', 'integration-postgres', 'integration-embedded'],
    ...(hasCluster ? [['cluster']] : []),
    ['e2e'],
  ];
  let passed = 0;
  let failed = 0;
  exitCode = 0;
  for (const [index, projects] of stages.entries()) {
    const resultsFile = `.tmp/vitest-results-${index}.json`;
    rmSync(resultsFile, { force: true });
    const args = [
      'vitest',
      'run',
      ...projects.map((p) => `--project=${p}`),
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${resultsFile}`,
      ...process.argv.slice(2),
    ];
    const result = spawnSync('npx', args, { stdio: 'inherit', env });
    if (result.status !== 0) exitCode = result.status ?? 1;
    if (existsSync(resultsFile)) {
      const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
      passed += report.numPassedTests;
      // A file that fails to load has no failed test but must still fail the run.
      failed += report.numFailedTests || (report.numFailedTestSuites ?? 0);
    } else if (result.status !== 0) {
      failed += 1;
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  if (failed > 0 && exitCode === 0) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  cleanup();
}
process.exit(exitCode);
