import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type ClusterProcess = {
  name: string;
  kind: string;
  port?: number;
  pid?: number;
  pidfile?: string;
  dataDir?: string;
};
export type ClusterTarget = {
  stateDir: string;
  /** The front door (nginx, TLS). */
  url: string;
  /** The primary, over TLS with the cluster's certificate checked. */
  databaseUrl: string;
  /** The cluster's self-signed certificate: the generator trusts it (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  metricsToken: string;
  /** Each app instance straight, for its own /metrics. */
  instances: { name: string; url: string }[];
};

export const defaultClusterDir = () =>
  process.env.CLUSTER_STATE_DIR ?? path.resolve(import.meta.dirname, '..', '..', '.cluster');

/** The running cluster's addresses, from the state `npm run cluster -- up` wrote. */
export function readClusterTarget(stateDir = defaultClusterDir()): ClusterTarget {
  const file = path.join(stateDir, 'state.json');
  if (!existsSync(file)) throw new Error(`no cluster state at ${file}: run npm run cluster -- up first`);
  const state = JSON.parse(readFileSync(file, 'utf8')) as {
    ports: { https: number; postgres: number };
    metricsToken: string;
    tls: { cert: string };
    processes: ClusterProcess[];
  };
  return {
    stateDir,
    url: `https://localhost:${state.ports.https}`,
    databaseUrl: `postgres://postgres@127.0.0.1:${state.ports.postgres}/examtech?sslmode=verify-full&sslrootcert=${state.tls.cert}`,
    caFile: state.tls.cert,
    metricsToken: state.metricsToken,
    instances: state.processes
      .filter((p) => p.name.startsWith('app-') && p.port)
      .map((p) => ({ name: p.name, url: `http://127.0.0.1:${p.port}` })),
  };
}

/** The pid of each of the cluster's processes now (an instance started again has a new one). */
export function readClusterPids(stateDir: string): Map<number, string> {
  const pids = new Map<number, string>();
  try {
    const state = JSON.parse(readFileSync(path.join(stateDir, 'state.json'), 'utf8')) as {
      processes: ClusterProcess[];
    };
    for (const p of state.processes) {
      const pid =
        p.kind === 'pid'
          ? p.pid
          : p.pidfile
            ? Number(readFileSync(p.pidfile, 'utf8').trim())
            : p.dataDir && existsSync(path.join(p.dataDir, 'postmaster.pid'))
              ? Number(readFileSync(path.join(p.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
              : undefined;
      if (pid) pids.set(pid, p.name);
    }
  } catch {
    // Mid-restart the state or a pid file can be missing for a moment: the next sample has it.
  }
  return pids;
}

/**
 * Runs `main` in a process that trusts the cluster's certificate: fetch and ws read
 * NODE_EXTRA_CA_CERTS only at start-up, so without it this process starts itself again with it.
 */
export async function runTrustingCa(caFile: string, main: () => Promise<void>): Promise<void> {
  if (process.env.NODE_EXTRA_CA_CERTS === caFile) return main();
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}
