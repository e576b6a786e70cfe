// One shared one-second clock for every "time left" cell: only the mounted cells re-render on a
// tick, not the grid or the page around them.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** This device's time, ms, refreshed every second while any component reads it. */
export function useTick(): number {
  return useSyncExternalStore(subscribe, () => now);
}
