// Starts the scaled topology (`npm run cluster`) for the cluster project: two instances, one
// streaming replica, Redis with Sentinel, s3rver and nginx, in a state folder of this run's own
// and on ports of their own, so that an operator's cluster on the default ports is left alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { ClusterState } from './cluster-support.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export default function setup(project: TestProject) {
  const stateDir = mkdtempSync(path.join(root, '.tmp', 'cluster-'));
  const env = {
    ...process.env,
    CLUSTER_STATE_DIR: stateDir,
    CLUSTER_PORT_BASE: process.env.CLUSTER_PORT_BASE ?? '27000',
  };
  const cluster = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(root, 'scripts', 'cluster', 'cluster.mjs'), ...args], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  cluster('up', '--instances', '2', '--replicas', '1', '--no-monitoring');
  const state = JSON.parse(readFileSync(path.join(stateDir, 'state.json'), 'utf8')) as Omit<
    ClusterState,
    'stateDir' | 'root'
  >;
  project.provide('cluster', { ...state, stateDir, root });
  return () => {
    cluster('down');
  };
}
