// What the service worker and the page share, as types only: the worker is compiled by stripping its
// types (see vite.config.ts), so it cannot import values. The web app compiles with the DOM library,
// whose declarations clash with the WebWorker library's, so the few worker types used are declared here.

/** The Cache Storage cache holding the exam room's last API answers; both sides spell it this way. */
export type ApiCacheName = 'examtech-api';

/** Injected by the build: the version of this build and the app-shell files to precache. */
export interface PrecacheManifest {
  version: string;
  urls: string[];
}

export interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

export interface ServiceWorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
