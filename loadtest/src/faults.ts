import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sleep } from './stats.js';

const execFileAsync = promisify(execFile);

/** A fault drill of the exam-day run, done to the cluster through its own CLI, and undone. */
const DRILLS = {
  /** A PostgreSQL streaming replica stops: reads that may lag move to the primary. */
  'replica-stop': { cause: ['stop', 'postgres-replica1'], undo: ['start', 'postgres-replica1'], seconds: 45 },
  /** The Redis primary is killed: Sentinel promotes the replica. */
  'redis-kill': { cause: ['kill', 'redis-primary'], undo: ['start', 'redis-primary'], seconds: 45 },
  /** An app instance is killed (-9): its candidates reconnect through nginx to another one. */
  'instance-kill': { cause: ['kill', 'app-2'], undo: ['start', 'app-2'], seconds: 30 },
  /** The PostgreSQL primary restarts: saves wait in the journals and go when it is back. */
  'primary-restart': { cause: ['stop', 'postgres-primary'], undo: ['start', 'postgres-primary'], seconds: 5 },
  /** An instance drains (SIGTERM) and leaves: finishes its saves, sends its sockets elsewhere. */
  drain: { cause: ['stop', 'app-1'], undo: ['start', 'app-1'], seconds: 30 },
} as const;
export type DrillName = keyof typeof DRILLS;
export type PlannedFault = { name: DrillName; atSeconds: number; forSeconds: number };
export type FaultWindow = { name: DrillName; from: number; to: number; ok: boolean; detail?: string };

/** `name@seconds[+seconds]` after T0, comma-separated: e.g. `replica-stop@90,instance-kill@200+30`. */
export function parseFaults(spec: string | undefined): PlannedFault[] {
  if (!spec) return [];
  return spec.split(',').map((item) => {
    const match = /^([a-z-]+)@(\d+)(?:\+(\d+))?$/.exec(item.trim());
    const name = match?.[1] as DrillName | undefined;
    if (!match || !name || !(name in DRILLS))
      throw new Error(
        `--faults: "${item}" is not name@seconds[+seconds]; names: ${Object.keys(DRILLS).join(', ')}`,
      );
    return { name, atSeconds: Number(match[2]), forSeconds: Number(match[3] ?? DRILLS[name].seconds) };
  });
}

/** Runs each planned fault at its time after T0; resolves with when each began and ended. */
export async function runFaults(
  faults: PlannedFault[],
  startsAt: number,
  stateDir: string,
  log: (m: string) => void,
): Promise<FaultWindow[]> {
  const cli = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'cluster', 'cluster.mjs');
  const cluster = (args: readonly string[]) =>
    execFileAsync(process.execPath, [cli, ...args], { env: { ...process.env, CLUSTER_STATE_DIR: stateDir } });
  return Promise.all(
    faults.map(async (fault): Promise<FaultWindow> => {
      const drill = DRILLS[fault.name];
      await sleep(Math.max(0, startsAt + fault.atSeconds * 1000 - Date.now()));
      const from = Date.now();
      log(`fault: ${fault.name} (${drill.cause.join(' ')})`);
      try {
        await cluster(drill.cause);
        await sleep(fault.forSeconds * 1000);
        await cluster(drill.undo);
        log(
          `fault: ${fault.name} undone (${drill.undo.join(' ')}) after ${Math.round((Date.now() - from) / 1000)} s`,
        );
        return { name: fault.name, from, to: Date.now(), ok: true };
      } catch (err) {
        const detail = (err as Error).message.slice(0, 300);
        log(`fault: ${fault.name} failed: ${detail}`);
        return { name: fault.name, from, to: Date.now(), ok: false, detail };
      }
    }),
  );
}
