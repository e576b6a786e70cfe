// The service worker, served as /sw.js (built by the plugin in vite.config.ts). Its one job: a
// candidate who reloads the exam room, or restarts the browser, while the network is down gets the
// room back. So it keeps the built app shell, and the last answer of the few GET reads the room needs
// to render. Everything else goes to the network untouched; the IndexedDB journal keeps the answers.
import type { ApiCacheName, FetchEvent, PrecacheManifest, ServiceWorkerScope } from './worker-types';

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

const scope = self as unknown as ServiceWorkerScope;
const SHELL_CACHE_PREFIX = 'examtech-shell-';
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${__PRECACHE_MANIFEST__.version}`;
const API_CACHE: ApiCacheName = 'examtech-api';

/** Paths the server answers itself; a navigation to anything else is the single-page app. */
const SERVER_PATHS = ['/api/', '/socket.io/', '/metrics', '/health', '/ready'];

/**
 * GET reads an offline reload of the exam room needs: who is signed in, the pre-exam info, the
 * attempt's state (deadline, sections) and the candidate paper. None can carry keys or solutions
 * (the paper is the core's allow-list projection); the result endpoint is deliberately absent.
 */
const OFFLINE_READS = [
  /^\/api\/auth\/me$/,
  /^\/api\/exams\/[^/]+\/candidate-info$/,
  /^\/api\/attempts\/[^/]+\/state$/,
  /^\/api\/attempts\/[^/]+\/paper$/,
];
const PAPER = /^\/api\/attempts\/[^/]+\/paper$/;
/** Question images: stored only when a cached paper refers to them, never from other screens. */
const ASSET = /^\/api\/assets\/[^/]+$/;
const PAPER_IMAGE = /\]\(image:([0-9a-f-]+)\)/gi;

/**
 * Bumped whenever the API cache is cleared, so an answer that was in flight while the user signed
 * out is not stored afterwards.
 */
let apiGeneration = 0;

scope.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => scope.skipWaiting()));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(dropOldShells().then(() => scope.clients.claim()));
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.method !== 'GET') {
    // Never answered from a cache. Signing out forgets the cached answers even if the call fails,
    // as the page does.
    if (request.method === 'POST' && url.pathname === '/api/auth/logout') event.waitUntil(clearApiCache());
    return;
  }
  const path = url.pathname;
  if (request.mode === 'navigate') {
    if (!SERVER_PATHS.some((prefix) => path.startsWith(prefix))) event.respondWith(openApp(request));
  } else if (path.startsWith('/assets/') || __PRECACHE_MANIFEST__.urls.includes(path)) {
    event.respondWith(readShellFile(request, path));
  } else if (url.search === '' && OFFLINE_READS.some((read) => read.test(path))) {
    event.respondWith(readNetworkFirst(event, path, true));
  } else if (url.search === '' && ASSET.test(path)) {
    event.respondWith(readNetworkFirst(event, path, false));
  }
});

async function precacheShell(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  // `reload`: straight from the server, never from the HTTP cache (index.html is cached there for an hour).
  await cache.addAll(__PRECACHE_MANIFEST__.urls.map((url) => new Request(url, { cache: 'reload' })));
}

async function dropOldShells(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)),
  );
}

async function clearApiCache(): Promise<void> {
  apiGeneration += 1;
  await caches.delete(API_CACHE);
}

/**
 * Network first, so a signed-out user or a new deployment is seen at once; offline, the precached
 * index.html of this build (whose assets are precached with it) starts the app.
 */
async function openApp(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/index.html', { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw error;
  }
}

/** Built files: hashed names never change content, so the cache answers first. */
async function readShellFile(request: Request, path: string): Promise<Response> {
  const cached = await caches.match(path, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && path.startsWith('/assets/')) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(path, response.clone());
  }
  return response;
}

/**
 * The network's answer whenever there is one, whatever its status (a 401, 403 or 404 must reach the
 * app); the last stored 200 only when the request could not be made at all.
 */
async function readNetworkFirst(event: FetchEvent, path: string, isStored: boolean): Promise<Response> {
  const generation = apiGeneration;
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const cached = await caches.match(path, { cacheName: API_CACHE });
    if (cached) return cached;
    throw error;
  }
  event.waitUntil(rememberAnswer(path, response.clone(), generation, isStored));
  return response;
}

async function rememberAnswer(
  path: string,
  response: Response,
  generation: number,
  isStored: boolean,
): Promise<void> {
  if (response.status === 401) {
    // The session is gone: nothing cached belongs to a signed-in user any more.
    await clearApiCache();
  } else if (response.status === 403 || response.status === 404) {
    const cache = await caches.open(API_CACHE);
    await cache.delete(path);
  } else if (response.status === 200 && isStored) {
    const cache = await caches.open(API_CACHE);
    const text = PAPER.test(path) ? await response.clone().text() : null;
    if (generation !== apiGeneration) return;
    await cache.put(path, response);
    if (text !== null) await storePaperImages(cache, text, generation);
  }
}

async function storePaperImages(cache: Cache, paper: string, generation: number): Promise<void> {
  const paths = new Set([...paper.matchAll(PAPER_IMAGE)].map((match) => `/api/assets/${match[1] ?? ''}`));
  for (const path of paths) {
    if (generation !== apiGeneration) return;
    if (await cache.match(path)) continue;
    try {
      const response = await fetch(path);
      if (response.ok && generation === apiGeneration) await cache.put(path, response);
    } catch {
      // A missing image is shown as missing offline; the paper itself is stored.
    }
  }
}
