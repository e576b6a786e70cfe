import { readdirSync, readFileSync } from 'node:fs';

/** CPU per component over the run, read from /proc (Linux): who used the machine's cores. */
export type CpuSample = { at: number; percent: Record<string, number> };

const TICKS_PER_SECOND = 100;

function readTicks(pid: string): { ticks: number; ppid: number; comm: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the name: state ppid … utime (field 14) stime (15) counted from 1 with pid and comm.
    return { ticks: Number(fields[11]) + Number(fields[12]), ppid: Number(fields[1]), comm };
  } catch {
    return null;
  }
}

/**
 * Samples every process's CPU every `everyMs` and sorts it into components: `classify` names a
 * process (the app instances, the generator) or returns null, then PostgreSQL, Redis, nginx and the
 * rest by their command. The percentages are of one core (200 = both of two cores).
 */
export function sampleProcessCpu(
  classify: (pid: number, ppid: number, comm: string) => string | null,
  everyMs = 2000,
) {
  const samples: CpuSample[] = [];
  let previous = new Map<string, { ticks: number; component: string }>();
  let previousAt = Date.now();
  const component = (pid: number, ppid: number, comm: string) => {
    const named = classify(pid, ppid, comm);
    if (named) return named;
    if (comm === 'postgres' || comm.startsWith('postgres')) return 'postgres';
    if (comm.startsWith('redis-server') || comm.startsWith('redis-sentinel')) return 'redis';
    if (comm === 'nginx') return 'nginx';
    return 'other';
  };
  const read = () => {
    const now = Date.now();
    const current = new Map<string, { ticks: number; component: string }>();
    const totals: Record<string, number> = {};
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = readTicks(pid);
      if (!stat) continue;
      const name = component(Number(pid), stat.ppid, stat.comm);
      current.set(pid, { ticks: stat.ticks, component: name });
      const before = previous.get(pid);
      // A process that started since the last sample counts from its start.
      const delta = stat.ticks - (before?.ticks ?? (previous.size ? 0 : stat.ticks));
      totals[name] = (totals[name] ?? 0) + delta;
    }
    const seconds = (now - previousAt) / 1000;
    if (previous.size > 0 && seconds > 0)
      samples.push({
        at: now,
        percent: Object.fromEntries(
          Object.entries(totals).map(([k, ticks]) => [
            k,
            Math.round((ticks / TICKS_PER_SECOND / seconds) * 100),
          ]),
        ),
      });
    previous = current;
    previousAt = now;
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    samples,
    stop(): CpuSample[] {
      clearInterval(timer);
      read();
      return samples;
    },
  };
}

/** Mean CPU per component (percent of one core) between two moments. */
export function meanCpu(samples: readonly CpuSample[], from = 0, to = Infinity): Record<string, number> {
  const chosen = samples.filter((s) => s.at >= from && s.at <= to);
  const sums: Record<string, number> = {};
  for (const s of chosen) for (const [k, v] of Object.entries(s.percent)) sums[k] = (sums[k] ?? 0) + v;
  return Object.fromEntries(
    Object.entries(sums)
      .map(([k, v]) => [k, Math.round(v / Math.max(1, chosen.length))] as const)
      .sort((a, b) => b[1] - a[1]),
  );
}
