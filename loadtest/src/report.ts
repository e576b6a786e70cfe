import { writeFileSync } from 'node:fs';

type Ops = Record<string, { count: number; p50: number; p95: number; p99: number; max: number }>;

/** p95 save-ack latency per 5-second bucket, drawn as a small SVG line chart. */
function chartSvg(timeline: { at: number; ms: number }[]): string {
  if (timeline.length === 0) return '';
  const start = timeline[0]!.at;
  const buckets = new Map<number, number[]>();
  for (const t of timeline) {
    const key = Math.floor((t.at - start) / 5000);
    buckets.set(key, [...(buckets.get(key) ?? []), t.ms]);
  }
  const points = [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => {
      const sorted = v.sort((a, b) => a - b);
      return { x: k * 5, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, n: v.length };
    });
  const maxY = Math.max(50, ...points.map((p) => p.p95));
  const maxX = Math.max(5, ...points.map((p) => p.x));
  const w = 640;
  const h = 220;
  const px = (x: number) => 40 + (x / maxX) * (w - 60);
  const py = (y: number) => h - 30 - (y / maxY) * (h - 50);
  const line = points
    .map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.p95).toFixed(1)}`)
    .join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
<line x1="40" y1="${py(0)}" x2="${w - 20}" y2="${py(0)}" stroke="#999"/><line x1="40" y1="${py(0)}" x2="40" y2="10" stroke="#999"/>
<line x1="40" y1="${py(50)}" x2="${w - 20}" y2="${py(50)}" stroke="#e55" stroke-dasharray="4"/><text x="${w - 80}" y="${py(50) - 4}" fill="#e55">50 ms target</text>
<path d="${line}" fill="none" stroke="#3b5bdb" stroke-width="2"/>
<text x="44" y="20">save ack p95 (ms), max ${maxY.toFixed(0)}</text><text x="${w - 120}" y="${h - 8}">seconds since first save</text>
</svg>`;
}

export function writeReport(
  file: string,
  result: {
    candidates: number;
    wallSeconds: number;
    latencyMs: Ops;
    errorCount: number;
    errors: Record<string, number>;
    saveThroughputPerSecond: number;
    server: unknown;
    verification: Record<string, number>;
  },
  timeline: { at: number; ms: number }[],
): void {
  const svgFile = file.replace(/\.md$/, '.svg');
  writeFileSync(svgFile, chartSvg(timeline));
  const rows = Object.entries(result.latencyMs).map(
    ([op, s]) => `| ${op} | ${s.count} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`,
  );
  const md = [
    `# Load test: ${result.candidates} candidates`,
    '',
    `Wall time ${result.wallSeconds} s; saves acknowledged per second (active phase): ${result.saveThroughputPerSecond}; errors: ${result.errorCount}.`,
    '',
    '| operation | count | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Server: ${JSON.stringify(result.server)}`,
    '',
    `Verification from the database: ${JSON.stringify(result.verification)}`,
    '',
    `Errors: ${JSON.stringify(result.errors)}`,
    '',
    `![save ack p95 over time](${svgFile.split('/').pop()})`,
    '',
  ].join('\n');
  writeFileSync(file, md);
}
