/**
 * Group commit: callers submit items one at a time; while one batch is being committed, new
 * items queue up and go together in the next batch. At low load a save is committed at once;
 * under load one transaction carries many saves, so throughput rises with load while each
 * caller's promise still resolves only after its own batch has committed.
 */
export type GroupCommitter<T, R> = {
  submit(item: T): Promise<R>;
  /** Waits for everything submitted so far to be committed (used at shutdown). */
  drain(): Promise<void>;
};

type Pending<T, R> = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };

export function createGroupCommitter<T, R>(options: {
  /** Commits the batch in one transaction and returns one result per item, in order. */
  commit: (items: T[]) => Promise<R[]>;
  maxBatch: number;
}): GroupCommitter<T, R> {
  let queue: Pending<T, R>[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await options.commit(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i] as R));
      } catch (err) {
        batch.forEach((p) => p.reject(err));
      }
    }
  }

  function kick(): void {
    if (running) return;
    running = run().finally(() => {
      running = null;
      if (queue.length > 0) kick();
    });
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
