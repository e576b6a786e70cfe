// Process plumbing for `npm run cluster`: run a command (as the postgres user where PostgreSQL
// insists), start a detached daemon with its log in the state folder, wait for a port, and keep
// the state file that `down` and `status` read. Nothing here knows what the services are.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const isRoot = process.getuid?.() === 0;

export function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export function log(message) {
  process.stdout.write(`cluster: ${message}\n`);
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(cmd, args, options = {}) {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options }).toString();
  } catch (err) {
    const output = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.trim();
    throw new Error(`${cmd} ${args.join(' ')} failed${output ? `:\n${output}` : ''}`, { cause: err });
  }
}

export const postgresIds = () =>
  isRoot ? { uid: Number(run('id', ['-u', 'postgres'])), gid: Number(run('id', ['-g', 'postgres'])) } : null;

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres system user. */
export function runAsPostgres(cmd, args, options = {}) {
  return isRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args], options) : run(cmd, args, options);
}

/** A folder the PostgreSQL commands may write (owned by postgres when we are root). */
export function makePostgresDir(dir, mode = 0o700) {
  mkdirSync(dir, { recursive: true, mode });
  const ids = postgresIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
}

/** Starts a long-running process detached from this one, output appended to `logFile`; returns its pid. */
export function startDaemon(cmd, args, { logFile, env = process.env, cwd = process.cwd() }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  child.unref();
  return child.pid;
}

export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readPidFile(file) {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isPortOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect(port, host, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 200 ms until it is true; throws `what` after `timeoutMs`. */
export async function waitFor(what, check, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Stops a pid with SIGTERM, then SIGKILL after `graceMs`. */
export async function stopPid(pid, graceMs = 15_000) {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < until) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export function readState(stateDir) {
  const file = path.join(stateDir, 'state.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

export function writeState(stateDir, state) {
  writeFileSync(path.join(stateDir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
}
