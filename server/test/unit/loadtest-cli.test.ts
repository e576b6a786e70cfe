import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRunFailures } from '../../../loadtest/src/args.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `loadtest/src/${script}`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 30_000,
  });

describe('the load generator’s command line', () => {
  it.each(['cli.ts', 'save-bench.ts'])('%s prints its usage for --help and exits 0', (script) => {
    const result = run(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run/m);
    expect(result.stdout).toContain('--database-url');
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
