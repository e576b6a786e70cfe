#!/usr/bin/env node
// CI: fails when the schema and the committed migrations disagree, i.e. when `drizzle-kit generate`
// would write a new migration. Generates into a temporary copy of server/drizzle, so nothing is
// left behind in the checkout, and compares the two folders file by file.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../server/', import.meta.url));
const committed = join(serverDir, 'drizzle');
const { default: config } = await import(join(serverDir, 'drizzle.config.ts'));

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

const work = mkdtempSync(join(tmpdir(), 'examtech-migrations-'));
try {
  const copy = join(work, 'drizzle');
  cpSync(committed, copy, { recursive: true });
  const configFile = join(work, 'drizzle.config.mjs');
  // drizzle-kit resolves `out` against the working directory (an absolute path gets a './' prefix).
  writeFileSync(
    configFile,
    `export default ${JSON.stringify({ ...config, out: relative(serverDir, copy) })};\n`,
  );
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', configFile], {
    cwd: serverDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  const before = new Set(listFiles(committed));
  const changed = listFiles(copy).filter(
    (file) =>
      !before.has(file) || !readFileSync(join(copy, file)).equals(readFileSync(join(committed, file))),
  );
  if (changed.length > 0) {
    console.error(
      `check-migrations: the schema differs from the committed migrations; drizzle-kit generate would write:\n` +
        changed.map((file) => `  server/drizzle/${file}`).join('\n') +
        `\nRun \`npm run db:generate -- --name <what-changed>\` and commit the migration.`,
    );
    // exitCode, not exit(): the finally block must still remove the temporary copy.
    process.exitCode = 1;
  } else {
    console.log('check-migrations: the committed migrations match the schema');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
