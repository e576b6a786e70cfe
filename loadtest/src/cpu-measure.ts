// CPU per operation of a process, read from /proc before and after `count` operations: the floors
// benchmark and the proctoring benchmark measure the server this way.
import { readFileSync } from 'node:fs';
import { forEachLimited, round } from './stats.js';

export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
export type Measured = { ops: number; seconds: number; cpuUsPerOp: number; perSecond: number };

/** `count` calls of `op`, `concurrency` at a time, with the CPU `pid` spent on them. */
export async function measure(
  pid: number,
  count: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<Measured> {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  await forEachLimited(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => op(i),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  return {
    ops: count,
    seconds: round(seconds),
    cpuUsPerOp: Math.round((cpu / count) * 1e6),
    perSecond: Math.round(count / seconds),
  };
}

/** As `measure`, for several processes at once (the server and the S3 store), CPU µs per op each. */
export async function measureEach(
  pids: Record<string, number>,
  count: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<Omit<Measured, 'cpuUsPerOp'> & { cpuUsPerOp: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const t0 = performance.now();
  await forEachLimited(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => op(i),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpuUsPerOp = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [
      name,
      Math.round(((cpuSeconds(pid) - (before[name] ?? 0)) / count) * 1e6),
    ]),
  );
  return { ops: count, seconds: round(seconds), cpuUsPerOp, perSecond: Math.round(count / seconds) };
}
