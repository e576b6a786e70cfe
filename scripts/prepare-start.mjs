// Runs before `npm start`: checks the Node version and builds the web app when it is missing or
// older than its sources, so a fresh clone needs only `npm ci && npm start`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `ExamTech needs Node.js 24 (found ${process.version}). Run: . scripts/ensure-node24.sh && npm ci && npm start`,
  );
  process.exit(1);
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

const builtAt = newestMtime('web/dist/index.html');
const sourcesAt = Math.max(
  newestMtime('web/src'),
  newestMtime('web/index.html'),
  newestMtime('packages/core/src'),
);
if (builtAt === 0 || sourcesAt > builtAt) {
  console.log('Building the web app (first run or sources changed)...');
  execSync('npm run build -w web', { stdio: 'inherit' });
}
