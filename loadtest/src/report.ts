import { writeFileSync } from 'node:fs';
import type { FaultWindow } from './faults.js';
import type { ProctoringStats } from './proctoring-stats.js';
import type { CpuSample } from './proc-cpu.js';
import type { OpSummary, Sample } from './stats.js';
import type { Verification } from './verify.js';

export type RunResult = {
  startedAt: string;
  wallSeconds: number;
  candidates: number;
  target: Record<string, unknown>;
  settings: Record<string, unknown>;
  timeline: { startsAt: number; activeUntil: number; deadline: number; lastSubmittedAt: number | null };
  /** When the sweeper submitted the last attempt, counted from deadline + grace. */
  sweeperSecondsAfterGrace: number | null;
  latencyMs: Record<string, OpSummary>;
  phases: Record<string, Record<string, OpSummary>>;
  errors: Record<string, number>;
  errorCount: number;
  retries: Record<string, number>;
  unsynced: number;
  faults: (FaultWindow & { ops: Record<string, OpSummary> })[];
  cpu: { wholeRun: Record<string, number>; answering: Record<string, number>; generatorCpuSeconds: number };
  saveThroughputPerSecond: number;
  verification: Verification;
  /** A proctored run's storage and delivery figures (null when the exam was not proctored). */
  proctoring:
    | (ProctoringStats & {
        proctorRoom: { gridUpdates: number; gridRows: number; alerts: number; missedAlerts: number } | null;
      })
    | null;
};

type Series = { name: string; color: string; points: { x: number; y: number }[] };
const COLORS = ['#3b5bdb', '#e8590c', '#2f9e44', '#c2255c', '#7048e8', '#1098ad', '#5c940d', '#868e96'];

/** A line chart of several series over seconds since T0, with the fault windows shaded and named. */
function lineChart(
  title: string,
  unit: string,
  series: Series[],
  faults: { name: string; from: number; to: number }[],
  target?: number,
): string {
  const w = 760;
  const h = 260;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const minX = Math.min(0, ...xs);
  const maxX = Math.max(10, ...xs);
  const maxY = Math.max(target ?? 0, ...series.flatMap((s) => s.points.map((p) => p.y)), 1) * 1.05;
  const px = (x: number) => 50 + ((x - minX) / (maxX - minX)) * (w - 170);
  const py = (y: number) => h - 30 - (y / maxY) * (h - 60);
  const bands = faults
    .map(
      (f) =>
        `<rect x="${px(f.from).toFixed(1)}" y="24" width="${Math.max(2, px(f.to) - px(f.from)).toFixed(1)}" height="${h - 54}" fill="#ffe066" opacity="0.45"/><text x="${(px(f.from) + 2).toFixed(1)}" y="36" font-size="10" fill="#8a6d00">${f.name}</text>`,
    )
    .join('');
  const lines = series
    .map(
      (s) =>
        `<path d="${s.points.map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.6"/>`,
    )
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${w - 110}" y="${30 + i * 16}" width="10" height="10" fill="${s.color}"/><text x="${w - 95}" y="${39 + i * 16}">${s.name}</text>`,
    )
    .join('');
  const targetLine =
    target === undefined
      ? ''
      : `<line x1="50" y1="${py(target)}" x2="${w - 120}" y2="${py(target)}" stroke="#e03131" stroke-dasharray="4"/><text x="54" y="${py(target) - 3}" fill="#e03131" font-size="10">target ${target} ${unit}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>${bands}
<line x1="50" y1="${py(0)}" x2="${w - 120}" y2="${py(0)}" stroke="#999"/><line x1="50" y1="${py(0)}" x2="50" y2="20" stroke="#999"/>
<text x="50" y="16">${title} (max ${maxY.toFixed(0)} ${unit})</text><text x="${w - 260}" y="${h - 8}">seconds since T0 (${minX.toFixed(0)} … ${maxX.toFixed(0)})</text>
${targetLine}${lines}${legend}
</svg>`;
}

/** p95 per 5-second bucket of each operation, x in seconds since T0. */
function latencySeries(samples: readonly Sample[], ops: string[], t0: number): Series[] {
  return ops.map((op, i) => {
    const buckets = new Map<number, number[]>();
    for (const [name, at, ms] of samples) {
      if (name !== op) continue;
      const key = Math.floor((at - t0) / 5000);
      let list = buckets.get(key);
      if (!list) buckets.set(key, (list = []));
      list.push(ms);
    }
    const points = [...buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => ({ x: k * 5, y: v.sort((a, b) => a - b)[Math.floor(v.length * 0.95)] ?? 0 }));
    return { name: op, color: COLORS[i % COLORS.length]!, points };
  });
}

/** Counts per 5-second bucket (operations per second). */
function rateSeries(samples: readonly Sample[], ops: string[], t0: number): Series[] {
  return ops.map((op, i) => {
    const buckets = new Map<number, number>();
    for (const [name, at] of samples)
      if (name === op)
        buckets.set(Math.floor((at - t0) / 5000), (buckets.get(Math.floor((at - t0) / 5000)) ?? 0) + 1);
    const points = [...buckets].sort((a, b) => a[0] - b[0]).map(([k, n]) => ({ x: k * 5, y: n / 5 }));
    return { name: op, color: COLORS[i % COLORS.length]!, points };
  });
}

function cpuSeries(samples: readonly CpuSample[], t0: number): Series[] {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.percent)))].sort();
  return names.map((name, i) => ({
    name,
    color: COLORS[i % COLORS.length]!,
    points: samples.map((s) => ({ x: (s.at - t0) / 1000, y: s.percent[name] ?? 0 })),
  }));
}

const table = (ops: Record<string, OpSummary>) => [
  '| operation | count | p50 ms | p95 ms | p99 ms | max ms |',
  '|---|---|---|---|---|---|',
  ...Object.entries(ops)
    .filter(([op]) => !op.includes(':'))
    .map(([op, s]) => `| ${op} | ${s.count} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`),
];
const counts = (ops: Record<string, OpSummary>) =>
  Object.entries(ops)
    .filter(([op]) => op.includes(':'))
    .map(([op, s]) => `${op} ${s.count}`)
    .join(', ') || 'none';

/** The run's report: Markdown with its figures and three SVG charts beside it. */
export function writeReport(
  file: string,
  result: RunResult,
  samples: readonly Sample[],
  cpu: readonly CpuSample[],
): void {
  const t0 = result.timeline.startsAt;
  const faults = result.faults.map((f) => ({
    name: f.name,
    from: (f.from - t0) / 1000,
    to: (f.to - t0) / 1000,
  }));
  const charts = {
    latency: lineChart(
      'p95 latency per 5 s',
      'ms',
      latencySeries(
        samples,
        // A proctored run adds the alert's delivery and the snapshot's upload.
        ['save_ack', 'start', 'paper', 'socket_connect', 'submit', 'alert', 'snapshot_upload'],
        t0,
      ),
      faults,
      200,
    ),
    rate: lineChart(
      'operations per second',
      '/s',
      rateSeries(
        samples,
        ['save_ack', 'start', 'submit', 'retry:save', 'reconnect', 'proctor_events', 'snapshot_upload'],
        t0,
      ),
      faults,
    ),
    cpu: lineChart('CPU per component (% of one core)', '%', cpuSeries(cpu, t0), faults),
  };
  const base = file.replace(/\.md$/, '');
  for (const [name, svg] of Object.entries(charts)) writeFileSync(`${base}-${name}.svg`, svg);
  const file0 = base.split('/').pop();
  const md = [
    `# Load test: ${result.candidates} candidates`,
    '',
    `Target ${JSON.stringify(result.target)}; wall time ${result.wallSeconds} s; saves acknowledged per second while answering: ${result.saveThroughputPerSecond}; errors ${result.errorCount}; answers never acknowledged ${result.unsynced}.`,
    '',
    `Verification from the database: ${JSON.stringify(result.verification)}`,
    '',
    `Last attempt submitted ${result.sweeperSecondsAfterGrace ?? '—'} s after deadline + grace.`,
    '',
    ...(result.proctoring
      ? [
          '## Proctoring',
          '',
          `Stored and checked from the database: ${JSON.stringify(result.proctoring)}.`,
          'Alert latency is the `alert` row of the tables below (from the candidate first sending a signal',
          "to the proctor's socket receiving its alert); `proctor_events` is the candidate's send-to-ack,",
          '`snapshot_upload` the three steps of one snapshot.',
          '',
        ]
      : []),
    '## Whole run',
    '',
    ...table(result.latencyMs),
    '',
    `Retries (faults ridden out): ${JSON.stringify(result.retries)}. Errors: ${JSON.stringify(result.errors)}.`,
    '',
    ...Object.entries(result.phases).flatMap(([phase, ops]) => [
      `## ${phase}`,
      '',
      ...table(ops),
      '',
      `Retries and errors: ${counts(ops)}.`,
      '',
    ]),
    '## Faults',
    '',
    ...(result.faults.length === 0
      ? ['None in this run.', '']
      : result.faults.flatMap((f) => [
          `### ${f.name}: ${Math.round((f.from - t0) / 1000)} s to ${Math.round((f.to - t0) / 1000)} s after T0${f.ok ? '' : ` (FAILED: ${f.detail})`}`,
          '',
          'During it and the 30 s after:',
          '',
          ...table(f.ops),
          '',
          `Retries and errors: ${counts(f.ops)}.`,
          '',
        ])),
    '## CPU (percent of one core; the machine has 2 cores = 200 %)',
    '',
    `Whole run: ${JSON.stringify(result.cpu.wholeRun)}`,
    '',
    `While answering: ${JSON.stringify(result.cpu.answering)}`,
    '',
    `Generator processes' own CPU: ${result.cpu.generatorCpuSeconds} s.`,
    '',
    `![latency](${file0}-latency.svg)`,
    '',
    `![rates](${file0}-rate.svg)`,
    '',
    `![cpu](${file0}-cpu.svg)`,
    '',
  ].join('\n');
  writeFileSync(file, md);
}
