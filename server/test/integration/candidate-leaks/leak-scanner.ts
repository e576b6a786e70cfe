import type { LightMyRequestResponse } from 'fastify';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { App } from '../../../src/app.js';
import type { TestClient } from '../../support/test-app.js';
import { isWebAssetRoute } from '../../support/web-assets.js';

/**
 * Integrity rule 1, observed from the candidate's side: every payload a student receives (HTTP
 * responses of every route, socket acks and pushed events) is scanned for the exact key values,
 * solution texts and solution-only images of the questions involved.
 */
export type Marker = { what: string; text: string };
export type Leak = { where: string; what: string; excerpt: string };

// A JSON property that only a key or a solution would carry.
const KEY_PROPERTY = /"(key|solution|solutions|accepted|answerKey)"\s*:/;

export class LeakScanner {
  readonly leaks: Leak[] = [];
  readonly seen = new Set<string>();

  /** Records a leak for each marker found in `payload`; `structural` also refuses key/solution properties. */
  scan(where: string, payload: string, markers: readonly Marker[], structural = true): void {
    this.seen.add(where.split(' (')[0]!);
    for (const marker of markers) {
      const at = payload.indexOf(marker.text);
      if (at >= 0)
        this.leaks.push({ where, what: marker.what, excerpt: payload.slice(Math.max(0, at - 60), at + 60) });
    }
    const property = structural ? KEY_PROPERTY.exec(payload) : null;
    if (property)
      this.leaks.push({
        where,
        what: `a "${property[1]}" property`,
        excerpt: payload.slice(Math.max(0, property.index - 80), property.index + 120),
      });
  }

  scanResponse(where: string, res: LightMyRequestResponse, markers: readonly Marker[], structural = true) {
    // latin1 keeps image bytes one-to-one, so a marker inside a PNG is found too.
    this.scan(`${where} -> ${res.statusCode}`, res.rawPayload.toString('latin1'), markers, structural);
  }

  /** One line per route and secret, with the phases it was seen in and one excerpt. */
  describe(): string[] {
    const printable = (text: string) => text.replace(/[^\x20-\x7e]+/g, '·').replaceAll('\\"', '"');
    const grouped = new Map<string, { phases: string[]; excerpt: string }>();
    for (const leak of this.leaks) {
      const match = /^(.*?) \((.*)\)(.*)$/.exec(leak.where);
      const [route, phase] = match ? [`${match[1]}${match[3]}`, match[2]!] : [leak.where, ''];
      const key = `${route}: ${leak.what}`;
      const entry = grouped.get(key) ?? { phases: [], excerpt: printable(leak.excerpt) };
      if (!entry.phases.includes(phase)) entry.phases.push(phase);
      grouped.set(key, entry);
    }
    return [...grouped].map(([key, { phases, excerpt }]) => `${key} [${phases.join('; ')}] … ${excerpt}`);
  }
}

/** Every route a client can call, enumerated from the app, with `:id` filled by each id given. */
export function enumerateRoutes(app: App): { method: string; url: string }[] {
  return app.routes.filter((route) => !isWebAssetRoute(route.url));
}

// Writes that would end the session being scanned, or change a password: they carry no question data.
const SESSION_WRITES = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/login',
  'POST /api/auth/change-password',
]);

/**
 * Calls every enumerated route as `client`: reads always, writes (with an empty body) only when
 * `withWrites` — once the flow is over, so that a stray Submit does not cut it short.
 */
export async function walkRoutes(
  app: App,
  client: TestClient,
  phase: string,
  ids: Record<string, string>,
  scan: (where: string, res: LightMyRequestResponse) => void,
  options: { withWrites: boolean },
): Promise<void> {
  const query = `?questionId=${Object.values(ids)[0] ?? ''}`;
  for (const route of enumerateRoutes(app)) {
    const name = `${route.method} ${route.url}`;
    if (route.method !== 'GET' && (!options.withWrites || SESSION_WRITES.has(name))) continue;
    const targets = route.url.includes(':id') ? Object.entries(ids) : [['', ''] as const];
    for (const [label, id] of targets) {
      const path = route.url.replace(':id', id) + (route.method === 'GET' ? query : '');
      const res = await client.request(route.method as 'GET', path, route.method === 'GET' ? undefined : {});
      scan(`${name} (${phase}${label ? `, id = ${label}` : ''})`, res);
    }
  }
}

/** A real Socket.IO connection as the browser opens it; every pushed event is handed to `onEvent`. */
export function openSocket(
  baseUrl: string,
  cookie: string,
  onEvent: (event: string, payload: string) => void,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, { transports: ['websocket'], extraHeaders: { cookie } });
    socket.onAny((event: string, ...args: unknown[]) => onEvent(event, JSON.stringify(args)));
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

export const emitWithAck = (socket: Socket, event: string, payload: unknown): Promise<string> =>
  new Promise((resolve) => socket.emit(event, payload, (ack: unknown) => resolve(JSON.stringify(ack))));
