// Backups of the cluster's PostgreSQL (docs/OPERATIONS.md, "Backups and point-in-time restore"):
// a base backup with pg_basebackup plus the WAL archive the primary fills (archive_command), and a
// restore of them to any moment since the backup, into a new PostgreSQL beside the cluster.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, makePostgresDir, runAsPostgres, waitFor } from './lib.mjs';
import { findPgBin, pgCtl } from './services.mjs';

const psql = (pgBin, port, query) =>
  runAsPostgres(path.join(pgBin, 'psql'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-Atqc',
    query,
  ]).trim();

/** A base backup of the primary into <state>/postgres/backups/<stamp>; returns its folder. */
export function takeBaseBackup(state, stateDir) {
  const pgBin = findPgBin();
  const backups = path.join(stateDir, 'postgres', 'backups');
  makePostgresDir(backups, 0o755);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(backups, stamp);
  makePostgresDir(dir);
  const started = Date.now();
  // -X stream: the WAL written during the backup comes with it, so it is consistent on its own.
  runAsPostgres(path.join(pgBin, 'pg_basebackup'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(state.ports.postgres),
    '-U',
    'postgres',
    '-D',
    dir,
    '-X',
    'stream',
    '-c',
    'fast',
    '--no-slot',
  ]);
  log(`base backup in ${dir} (${Date.now() - started} ms)`);
  return dir;
}

/**
 * Restores the newest base backup (or `from`) to `targetTime` (an ISO time, or null for the end of
 * the archive) into a new PostgreSQL on `port`, promoted when it gets there. The primary's current
 * WAL segment is archived first, so everything committed until now can be replayed.
 */
export async function restoreBackup(state, stateDir, { targetTime, port, from }) {
  const pgBin = findPgBin();
  const backups = path.join(stateDir, 'postgres', 'backups');
  const base =
    from ??
    (existsSync(backups)
      ? readdirSync(backups)
          .sort()
          .map((d) => path.join(backups, d))
          .pop()
      : null);
  if (!base) throw new Error('no base backup: run npm run cluster -- backup first');
  const archive = path.join(stateDir, 'postgres', 'wal-archive');
  if (targetTime && Date.parse(targetTime) > Date.now()) throw new Error('--to is in the future');
  // A commit stamped now, after the target, so that replay reaches the target even when nothing
  // was written since (PostgreSQL refuses a recovery that ends before its target); then the
  // segment holding it goes to the archive.
  psql(pgBin, state.ports.postgres, 'select txid_current()');
  psql(pgBin, state.ports.postgres, 'select pg_switch_wal()');
  const dir = path.join(stateDir, 'postgres', `restored-${port}`);
  makePostgresDir(dir);
  runAsPostgres('cp', ['-a', `${base}/.`, dir]);
  writeFileSync(path.join(dir, 'recovery.signal'), '');
  const settings = [
    `restore_command = 'cp ${archive}/%f %p'`,
    // PostgreSQL reads '2026-12-01 10:00:00.000+00', not the ISO 'T…Z' form.
    ...(targetTime
      ? [
          `recovery_target_time = '${new Date(targetTime).toISOString().replace('T', ' ').replace('Z', '+00')}'`,
        ]
      : []),
    "recovery_target_action = 'promote'",
    // The restored copy is a test bed beside the cluster: it archives nothing and replicates to nobody.
    "archive_mode = 'off'",
    "primary_conninfo = ''",
  ];
  runAsPostgres('sh', ['-c', `cat >> ${dir}/postgresql.auto.conf <<'EOF'\n${settings.join('\n')}\nEOF`]);
  const started = Date.now();
  const logFile = path.join(stateDir, 'postgres', `restored-${port}.log`);
  pgCtl(pgBin, dir, logFile, port);
  await waitFor(
    'the restored PostgreSQL to finish recovery',
    () => {
      try {
        return psql(pgBin, port, 'select pg_is_in_recovery()') === 'f';
      } catch {
        return false;
      }
    },
    120_000,
  );
  const seconds = (Date.now() - started) / 1000;
  log(
    `restored ${path.basename(base)} to ${targetTime ?? 'the end of the archive'} on port ${port} in ${seconds.toFixed(1)} s`,
  );
  return {
    name: `postgres-restored-${port}`,
    kind: 'postgres',
    dataDir: dir,
    port,
    log: logFile,
    recoverySeconds: seconds,
  };
}
