// Where an instance's CPU went, from a V8 profile (`node --cpu-prof`): self time per function and
// per package or source area, and the inclusive time of the functions that frame each operation.
// Usage: --help.
import { readFileSync } from 'node:fs';
import { readArgs } from './args.js';

const usage = `Self and inclusive CPU time from a .cpuprofile (node --cpu-prof).

Usage: npm run profile:summary -- --file <profile.cpuprofile> [--top <n>] [--match <text>]

  --file <path>     the profile
  --top <n>         rows per table (default 25)
  --match <text>    also list the inclusive time of every function whose name or file contains it
  -h, --help        this text`;

const values = readArgs(usage, {
  file: { type: 'string' },
  top: { type: 'string', default: '25' },
  match: { type: 'string', multiple: true },
});

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

if (!values.file) {
  console.error(usage);
  process.exit(2);
}
const profile = JSON.parse(readFileSync(values.file, 'utf8')) as Profile;
const top = Number(values.top);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample: the delta to the next one (V8 records the delta before each sample).
const selfUs = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idleUs = [...selfUs].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)');
const idle = idleUs.reduce((a, [, us]) => a + us, 0);
const busy = totalUs - idle;

/** Where a frame's code lives: a package, an ExamTech source folder, Node's own, or V8's. */
function areaOf(frame: Frame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url.split('/')[0] as string;
  const own = /\/(server|packages\/core)\/src\/(.*?)\/[^/]+$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.split('/').slice(-2).join('/');
}
const label = (f: Frame) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|packages)\//, '$1/')}:${f.lineNumber + 1}`;

const pct = (us: number) => `${((us / busy) * 100).toFixed(1)} %`;
const ms = (us: number) => `${Math.round(us / 1000)} ms`;
function table(title: string, rows: [string, number][]): void {
  console.log(`\n## ${title}\n\n| | CPU | share of busy |\n|---|---|---|`);
  for (const [name, us] of rows.sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`| ${name.replace(/\|/g, '\\|')} | ${ms(us)} | ${pct(us)} |`);
}

const selfByFunction = new Map<string, number>();
const selfByArea = new Map<string, number>();
for (const [id, us] of selfUs) {
  const frame = byId.get(id)?.callFrame;
  if (!frame || frame.functionName === '(idle)') continue;
  selfByFunction.set(label(frame), (selfByFunction.get(label(frame)) ?? 0) + us);
  selfByArea.set(areaOf(frame), (selfByArea.get(areaOf(frame)) ?? 0) + us);
}
console.log(
  `# ${values.file}\n\n${ms(totalUs)} profiled, ${ms(busy)} busy (${((busy / totalUs) * 100).toFixed(0)} %), ${profile.samples.length} samples.`,
);
table('Self time by area', [...selfByArea]);
table('Self time by function', [...selfByFunction]);

// Inclusive time: a sample counts once for every distinct function on its stack.
if (values.match?.length) {
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) continue;
      const name = label(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      if (values.match.some((m) => name.includes(m))) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  table(`Inclusive time of functions matching ${values.match.join(', ')}`, [...inclusive]);
}
