import type { Clock } from '../clock.js';
import type { CacheLookups } from '../metrics.js';

/**
 * A per-instance cache of one read-mostly answer per institute (the syllabus tree's nodes). The
 * key is the institute's id and the loader is called with it, so an entry can only ever hold that
 * institute's rows. `forget` drops an entry after a write (the owner calls it after its commit; the
 * composition root repeats it on every other instance over the Socket.IO adapter). A load that
 * was running when `forget` came is answered but not kept, so a read that began before a write
 * cannot put the old rows back. Entries also expire after `ttlMs`, in case a message is lost.
 */
export function createInstituteCache<T>(options: {
  ttlMs: number;
  clock: Clock;
  lookups?: CacheLookups | undefined;
  /** Institutes kept at most; the oldest entry goes first. */
  maxEntries?: number;
}) {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const generations = new Map<string, number>();
  const maxEntries = options.maxEntries ?? 1000;
  const generationOf = (instituteId: string) => generations.get(instituteId) ?? 0;

  return {
    async get(instituteId: string, load: (instituteId: string) => Promise<T>): Promise<T> {
      const entry = entries.get(instituteId);
      if (entry && entry.expiresAt > options.clock.now()) {
        options.lookups?.hit();
        return entry.value;
      }
      options.lookups?.miss();
      const generation = generationOf(instituteId);
      const value = await load(instituteId);
      if (generationOf(instituteId) === generation) {
        entries.delete(instituteId);
        entries.set(instituteId, { value, expiresAt: options.clock.now() + options.ttlMs });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return value;
    },
    forget(instituteId: string): void {
      entries.delete(instituteId);
      generations.set(instituteId, generationOf(instituteId) + 1);
    },
  };
}

export type InstituteCache<T> = ReturnType<typeof createInstituteCache<T>>;
