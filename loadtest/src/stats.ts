/** Latency samples per operation, summarised as percentiles. */
export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  readonly timeline: { at: number; op: string; ms: number }[] = [];

  record(op: string, ms: number, at = Date.now()): void {
    let list = this.samples.get(op);
    if (!list) this.samples.set(op, (list = []));
    list.push(ms);
    if (op === 'save_ack') this.timeline.push({ at, op, ms });
  }

  fail(op: string, detail?: string): void {
    const key = detail ? `${op}:${detail}` : op;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
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

  summary() {
    const ops = Object.fromEntries(
      [...this.samples].map(([op, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = (p: number) =>
          round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
        return [
          op,
          { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: round(sorted.at(-1) ?? 0) },
        ];
      }),
    );
    return {
      ops,
      errors: Object.fromEntries(this.errors),
      errorCount: [...this.errors.values()].reduce((a, b) => a + b, 0),
    };
  }
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
