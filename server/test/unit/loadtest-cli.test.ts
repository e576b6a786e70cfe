import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRunFailures } from '../../../loadtest/src/args.js';
import { parseFaults } from '../../../loadtest/src/faults.js';
import { Recorder } from '../../../loadtest/src/stats.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `loadtest/src/${script}`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 30_000,
  });

describe('the load generator’s command line', () => {
  it.each([
    ['cli.ts', '--database-url'],
    ['save-bench.ts', '--database-url'],
    ['socket-peak.ts', '--connections'],
    ['floors.ts', '--concurrency'],
  ])('%s prints its usage for --help and exits 0', (script, option) => {
    const result = run(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run/m);
    expect(result.stdout).toContain(option);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('names an unknown option, prints the usage and exits 2 without a stack trace', () => {
    const result = run('cli.ts', ['--candidats', '10']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--candidats');
    expect(result.stderr).toMatch(/^Usage: npm run load/m);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('counts a run as failed when its verification or the run found errors', () => {
    const clean = { lostAcknowledgedAnswers: 0, scoreMismatches: 0, notSubmitted: 0 };
    expect(findRunFailures({ errorCount: 0, verification: clean })).toEqual([]);
    expect(findRunFailures({ errorCount: 0, verification: { ...clean, notSubmitted: 3 } })).toEqual([
      '3 attempts never submitted',
    ]);
    expect(findRunFailures({ errorCount: 0, verification: { ...clean, scoreMismatches: 1 } })).toHaveLength(
      1,
    );
    expect(
      findRunFailures({ errorCount: 0, verification: { ...clean, lostAcknowledgedAnswers: 2 } }),
    ).toHaveLength(1);
    expect(findRunFailures({ errorCount: 5, verification: clean })).toEqual(['5 errors during the run']);
  });
});

describe('the exam-day drills and figures', () => {
  it('reads a fault plan as name@seconds[+seconds], with each drill’s own default length', () => {
    expect(parseFaults('replica-stop@40,instance-kill@160+30')).toEqual([
      { name: 'replica-stop', atSeconds: 40, forSeconds: 45 },
      { name: 'instance-kill', atSeconds: 160, forSeconds: 30 },
    ]);
    expect(parseFaults(undefined)).toEqual([]);
    expect(() => parseFaults('meteor@10')).toThrow(/names: replica-stop, redis-kill/);
    expect(() => parseFaults('drain@soon')).toThrow(/name@seconds/);
  });

  it('refuses drills without the cluster and a typo in them, with the usage and exit 2', () => {
    const withoutCluster = run('cli.ts', ['--faults', 'drain@10', '--database-url', 'postgres://x/y']);
    expect(withoutCluster.status).toBe(2);
    expect(withoutCluster.stderr).toContain('--faults need --cluster');
    const typo = run('cli.ts', ['--faults', 'drian@10', '--database-url', 'postgres://x/y']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('"drian@10"');
    expect(typo.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('keeps retries apart from errors, and counts both in a window of the run', () => {
    const rec = new Recorder();
    rec.record('save_ack', 12, 1000);
    rec.record('save_ack', 40, 5000);
    rec.retry('save', 'DATABASE_UNAVAILABLE');
    rec.fail('save', 'EXAM_ENDED');
    const all = rec.summary();
    expect(all.errorCount).toBe(1);
    expect(all.retries).toEqual({ 'save:DATABASE_UNAVAILABLE': 1 });
    expect(rec.summary({ from: 0, to: 2000 }).ops.save_ack).toMatchObject({ count: 1, max: 12 });
    expect(rec.summary({ from: Date.now() - 1000, to: Date.now() + 1000 }).ops).toMatchObject({
      'retry:save': { count: 1 },
      'error:save': { count: 1 },
    });
  });
});
