/** One timed operation: its name, when it ended (ms since the epoch) and how long it took. */
export type Sample = [op: string, at: number, ms: number];
export type OpSummary = { count: number; p50: number; p95: number; p99: number; max: number };

/**
 * Latency samples and outcomes per operation. A failure is an operation that did not succeed in
 * the end (an error of the run); a retry is an attempt that failed and was tried again (a fault
 * the client rode out, as a browser does), counted apart.
 */
export class Recorder {
  readonly samples: Sample[] = [];
  readonly errors = new Map<string, number>();
  readonly retries = new Map<string, number>();

  record(op: string, ms: number, at = Date.now()): void {
    this.samples.push([op, at, ms]);
  }

  /** Also kept as a sample (`error:<op>`, 0 ms) so that a window of the run can count its errors. */
  fail(op: string, detail?: string): void {
    bump(this.errors, detail ? `${op}:${detail}` : op);
    this.samples.push([`error:${op}`, Date.now(), 0]);
  }

  retry(op: string, detail?: string): void {
    bump(this.retries, detail ? `${op}:${detail}` : op);
    this.samples.push([`retry:${op}`, Date.now(), 0]);
  }

  async time<T>(op: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await fn();
      this.record(op, performance.now() - started);
      return result;
    } catch (err) {
      this.fail(op, (err as Error).message.slice(0, 80));
      throw err;
    }
  }

  /** Another process's recorder (a generator worker), merged into this one. */
  absorb(other: { samples: Sample[]; errors: [string, number][]; retries: [string, number][] }): void {
    for (const sample of other.samples) this.samples.push(sample);
    for (const [key, n] of other.errors) bump(this.errors, key, n);
    for (const [key, n] of other.retries) bump(this.retries, key, n);
  }

  summary(window?: { from: number; to: number }) {
    const chosen = window
      ? this.samples.filter(([, at]) => at >= window.from && at <= window.to)
      : this.samples;
    return {
      ops: summarise(chosen),
      errors: Object.fromEntries(this.errors),
      errorCount: [...this.errors.values()].reduce((a, b) => a + b, 0),
      retries: Object.fromEntries(this.retries),
    };
  }
}

function bump(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Percentiles per operation of the given samples. */
export function summarise(samples: readonly Sample[]): Record<string, OpSummary> {
  const byOp = new Map<string, number[]>();
  for (const [op, , ms] of samples) {
    let list = byOp.get(op);
    if (!list) byOp.set(op, (list = []));
    list.push(ms);
  }
  return Object.fromEntries(
    [...byOp].map(([op, values]) => {
      const sorted = values.sort((a, b) => a - b);
      const at = (p: number) =>
        round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
      return [
        op,
        { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: round(sorted.at(-1) ?? 0) },
      ];
    }),
  );
}

export const round = (n: number) => Math.round(n * 10) / 10;

/** Runs `fn` over items with at most `limit` in flight. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await fn(items[index] as T, index);
      }
    }),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
