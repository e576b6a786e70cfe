// One process of the connection-peak run (socket-peak.ts): opens its share of sockets at a set
// pace, reports how long each took, holds them until told, then closes them.
import { io, type Socket } from 'socket.io-client';
import { sleep } from './stats.js';

export type PeakInit = {
  type: 'init';
  url: string;
  /** One entry per socket: the session cookie it presents (none against the bare server). */
  cookies: (string | null)[];
  perSecond: number;
};
export type PeakOpened = { type: 'opened'; connectMs: number[]; failures: Record<string, number> };

const sockets: Socket[] = [];

process.on('message', (message: PeakInit | { type: 'close' }) => {
  if (message.type === 'init') void open(message);
  else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});

async function open(init: PeakInit): Promise<void> {
  const connectMs: number[] = [];
  const failures: Record<string, number> = {};
  const gap = 1000 / init.perSecond;
  const started = Date.now();
  await Promise.all(
    init.cookies.map(async (cookie, i) => {
      await sleep(Math.max(0, started + i * gap - Date.now()));
      const begun = performance.now();
      const socket = io(init.url, {
        transports: ['websocket'],
        reconnection: false,
        timeout: 30_000,
        ...(cookie ? { extraHeaders: { cookie } } : {}),
      });
      sockets.push(socket);
      await new Promise<void>((resolve) => {
        socket.once('connect', () => {
          connectMs.push(performance.now() - begun);
          resolve();
        });
        socket.once('connect_error', (err) => {
          failures[err.message.slice(0, 60)] = (failures[err.message.slice(0, 60)] ?? 0) + 1;
          resolve();
        });
      });
    }),
  );
  process.send?.({ type: 'opened', connectMs, failures } satisfies PeakOpened);
}
