// The page's side of the offline mode: registers the service worker (production builds), files answers
// the worker replays while the network is down, keeps a few small records for an offline reload, and
// forgets all of it when the user signs out or another user signs in.
import type { ApiCacheName } from './worker-types';

const API_CACHE: ApiCacheName = 'examtech-api';
const RECORD_PREFIX = 'examtech.offline.';

/** Only a production build has a worker (sw.js) to read what is filed here. */
const isOfflineModeBuilt = () =>
  import.meta.env.PROD && 'serviceWorker' in navigator && typeof caches !== 'undefined';

export function registerServiceWorker(): void {
  if (!isOfflineModeBuilt()) return;
  // After load: installing precaches the app shell, which must not compete with the first paint.
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .catch((error: unknown) => {
        console.warn('Offline mode unavailable: the service worker did not register', error);
      });
  });
}

/**
 * Files `body` as the last answer to GET `path`, for when an answer arrived another way (the login
 * response is the session /api/auth/me reports; the start response is the attempt's state).
 */
export async function fileOfflineAnswer(path: string, body: unknown): Promise<void> {
  if (!isOfflineModeBuilt()) return;
  try {
    const cache = await caches.open(API_CACHE);
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    await cache.put(path, new Response(JSON.stringify(body), { headers }));
  } catch {
    // Storage refused (quota, private mode): an offline reload will not have this answer.
  }
}

/** A small value kept on this device for an offline reload (cleared with the cached answers). */
export function rememberOffline(key: string, value: unknown): void {
  try {
    localStorage.setItem(RECORD_PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage refused: the offline reload falls back to what the worker has.
  }
}

export function recallOffline<T>(key: string): T | null {
  try {
    const stored = localStorage.getItem(RECORD_PREFIX + key);
    return stored === null ? null : (JSON.parse(stored) as T);
  } catch {
    return null;
  }
}

/** Forgets every cached API answer and offline record, so the next user of this browser sees none. */
export async function forgetOfflineData(): Promise<void> {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(RECORD_PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // No storage, nothing to forget.
  }
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE).catch(() => false);
}
