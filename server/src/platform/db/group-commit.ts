/**
 * Group commit: callers submit items one at a time; while a batch is being committed, new items
 * queue up and go together in a following batch. At low load a save is committed at once; under
 * load one transaction carries many saves, so throughput rises with load while each caller's
 * promise still resolves only after its own batch has committed. Up to `concurrency` batches are
 * in flight so the database's round trips overlap.
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
  concurrency?: number;
  /** Told each batch's size as it goes to the database (the group-commit batch-size metric). */
  onBatch?: (size: number) => void;
}): GroupCommitter<T, R> {
  const concurrency = options.concurrency ?? 1;
  let queue: Pending<T, R>[] = [];
  const running = new Set<Promise<void>>();

  async function flush(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await options.commit(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i] as R));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    }
  }

  function kick(): void {
    while (queue.length > 0 && running.size < concurrency) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      options.onBatch?.(batch.length);
      const task: Promise<void> = flush(batch).finally(() => {
        running.delete(task);
        kick();
      });
      running.add(task);
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (running.size > 0 || queue.length > 0) await Promise.race(running);
    },
  };
}
