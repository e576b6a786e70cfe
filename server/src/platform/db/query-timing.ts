import type pg from 'pg';

export type QueryTarget = 'primary' | 'replica';

/** Starts a measurement and returns the function that ends it (metrics.ts times with prom-client). */
export type QueryObserver = {
  startQuery(target: QueryTarget): () => void;
  startPoolWait(target: QueryTarget): () => void;
};

type Callback = (...args: unknown[]) => void;
const isThenable = (value: unknown): value is Promise<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Times the queries and connection waits of one pool, for whatever observer is attached later (the
 * metrics are built after the database opens). The pool's own `connect` and each new client's
 * `query` are wrapped on the instance: every Drizzle query (pooled or in a transaction) runs through
 * one of them, at the cost of one timer per call, and nothing changes when no observer is attached.
 */
export function timePool(pool: pg.Pool, target: QueryTarget, observer: () => QueryObserver | null): void {
  const connect = pool.connect.bind(pool) as (cb?: Callback) => unknown;
  // pg-pool's own query() acquires through this.connect(callback), so pooled queries wait here too.
  (pool as { connect: unknown }).connect = (cb?: Callback) => {
    const stop = observer()?.startPoolWait(target);
    if (!stop) return connect(cb);
    if (cb)
      return connect((...args: unknown[]) => {
        stop();
        cb(...args);
      });
    const acquired = connect();
    if (isThenable(acquired))
      void acquired.then(
        () => stop(),
        () => stop(),
      );
    return acquired;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const stop = observer()?.startQuery(target);
      if (!stop) return query(...args);
      const last = args.at(-1);
      if (typeof last === 'function') {
        args[args.length - 1] = (...results: unknown[]) => {
          stop();
          (last as Callback)(...results);
        };
        return query(...args);
      }
      const result = query(...args);
      // A submittable (a cursor or stream) is neither: it is left untimed.
      if (isThenable(result))
        void result.then(
          () => stop(),
          () => stop(),
        );
      return result;
    };
  });
}
