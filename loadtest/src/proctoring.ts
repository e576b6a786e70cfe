// Proctoring traffic of one simulated candidate, as the exam room sends it (issue 14): webcam
// snapshots at the exam's interval and one at every signal, each uploaded in three steps (the row,
// the bytes to storage, the check), and bursts of signals over the exam's Socket.IO connection with
// acknowledgements, kept until acknowledged and sent again after a reconnect. And the proctor's side:
// one watcher in the proctor room timing every alert from the candidate's event to its arrival.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Random } from '@examtech/core';
import { io, type Socket } from 'socket.io-client';
import type { Client } from './client.js';
import { sleep, type Recorder } from './stats.js';

/** Every setting on but screen recording (a 10 s WebM chunk a candidate is a different test). */
export const loadProctoringSettings = (snapshotIntervalSeconds: number) => ({
  webcamSnapshots: true,
  snapshotIntervalSeconds,
  screenRecording: false,
  tabSwitchDetection: true,
  fullScreenRequired: true,
  warnAfterViolations: 3,
  // Counted on every packet as in a real exam, but high enough that no candidate of the run is
  // submitted by it: the verification expects each attempt's own submit or the sweeper's.
  submitAfterViolations: 50,
});

export type ProctoringOptions = { snapshotEveryMs: number; signalBursts: number };

/**
 * What the server acknowledged, checked against the database afterwards, and when each event first
 * left for the server (the start of its alert's latency: an event opened offline waits for the
 * connection, which is not the proctor room's delay).
 */
export type ProctoringLog = {
  ackedEvents: string[];
  storedEvidence: string[];
  firstSentAt: [string, number][];
};

type ClientEvent = { id: string; kind: string; startedAt: number; durationMs: number; questionId?: string };
type EventsAck = { results?: { id: string; status: string; code?: string }[]; error?: { code: string } };

/**
 * The first frame of the face-check fixture: a real 320x240 JPEG of the size the exam room's
 * snapshot makes (its canvas is 320x240 at quality 0.7), about 13 KB.
 */
let jpeg: Buffer | undefined;
export function snapshotJpeg(): Buffer {
  if (jpeg) return jpeg;
  const stream = readFileSync(path.resolve(import.meta.dirname, '../../e2e/fixtures/face.mjpeg'));
  const end = stream.indexOf(Buffer.from([0xff, 0xd9]));
  if (stream[0] !== 0xff || stream[1] !== 0xd8 || end < 0) throw new Error('face.mjpeg holds no JPEG frame');
  return (jpeg = stream.subarray(0, end + 2));
}

/**
 * One webcam snapshot as the exam room uploads it: the evidence row (POST), the bytes straight to
 * storage (a presigned PUT with S3, else the server's content route), the check (POST complete).
 * Resolves with the evidence id once the server has checked it; throws on any failed step.
 */
export async function uploadSnapshot(client: Client, attemptId: string): Promise<string> {
  const created = await client.request<{
    evidenceId: string;
    upload: { method: 'PUT'; url: string; headers: Record<string, string> };
  }>('POST', `/api/attempts/${attemptId}/proctoring/evidence`, {
    kind: 'snapshot',
    contentType: 'image/jpeg',
    bytes: snapshotJpeg().length,
    takenAt: Date.now(),
  });
  if (created.status !== 201) throw new Error(`evidence ${created.status}`);
  const { evidenceId, upload } = created.json;
  // A presigned S3 URL is absolute; without S3 the bytes go to the server with the session.
  const isPresigned = /^https?:/.test(upload.url);
  const put = await fetch(isPresigned ? upload.url : `${client.baseUrl}${upload.url}`, {
    method: 'PUT',
    headers: { ...upload.headers, ...(isPresigned ? {} : { cookie: client.cookie }) },
    body: new Uint8Array(snapshotJpeg()),
  });
  await put.arrayBuffer();
  if (!put.ok) throw new Error(`upload ${put.status}`);
  const done = await client.request('POST', `/api/proctoring/evidence/${evidenceId}/complete`);
  if (done.status !== 200) throw new Error(`complete ${done.status}`);
  return evidenceId;
}

export type ProctoringContext = {
  socket: Socket;
  client: Client;
  attemptId: string;
  rec: Recorder;
  random: Random;
  questionIds: string[];
  activeUntil: number;
  /** True while the candidate is offline on purpose: nothing is sent then, as in the room. */
  isOffline: () => boolean;
  log: ProctoringLog;
};

/**
 * Starts a candidate's proctoring: snapshots until `activeUntil`, signal bursts at random moments
 * of the answering. `flush` sends the events not yet acknowledged (on every connect); `finish`
 * waits for the loops and sends what is left, before the candidate submits.
 */
export function startProctoring(ctx: ProctoringContext, options: ProctoringOptions) {
  const pending = new Map<string, ClientEvent>();
  const sentOnce = new Set<string>();
  let sending: Promise<void> | null = null;

  async function sendPending(): Promise<void> {
    while (pending.size > 0 && ctx.socket.connected && !ctx.isOffline()) {
      const events = [...pending.values()].slice(0, 50);
      const started = performance.now();
      for (const event of events)
        if (!sentOnce.has(event.id)) {
          sentOnce.add(event.id);
          ctx.log.firstSentAt.push([event.id, Date.now()]);
        }
      const ack = await new Promise<EventsAck>((resolve) => {
        ctx.socket
          .timeout(10_000)
          .emit('proctor:events', { attemptId: ctx.attemptId, events }, (err: Error | null, res: EventsAck) =>
            resolve(err ? { error: { code: 'ACK_TIMEOUT' } } : res),
          );
      });
      if (!ack.results) {
        // Not acknowledged: kept for the next connect or the next burst, as the room's journal does.
        ctx.rec.retry('proctor_events', ack.error?.code);
        return;
      }
      ctx.rec.record('proctor_events', performance.now() - started);
      for (const result of ack.results) {
        const sent = events.find((e) => e.id === result.id);
        // A newer version (longer duration) queued meanwhile stays to be sent.
        if (sent && pending.get(result.id) === sent) pending.delete(result.id);
        if (result.status === 'stored' || result.status === 'duplicate') ctx.log.ackedEvents.push(result.id);
        else ctx.rec.fail('proctor_events', result.code);
      }
    }
  }
  const flush = (): Promise<void> => {
    sending ??= sendPending().finally(() => {
      sending = null;
    });
    return sending;
  };
  const queue = (event: ClientEvent) => {
    pending.set(event.id, event);
    void flush();
  };

  async function takeSnapshot(): Promise<void> {
    const started = performance.now();
    try {
      ctx.log.storedEvidence.push(await uploadSnapshot(ctx.client, ctx.attemptId));
      ctx.rec.record('snapshot_upload', performance.now() - started);
    } catch (err) {
      // A snapshot that could not be stored is a gap in the evidence, not a lost answer: counted.
      ctx.rec.fail('snapshot_upload', (err as Error).message.slice(0, 40));
    }
  }

  async function snapshots(): Promise<void> {
    // The first after a random part of the interval: 10,000 cameras do not click at once.
    await sleep(ctx.random() * options.snapshotEveryMs);
    while (Date.now() < ctx.activeUntil) {
      if (!ctx.isOffline()) await takeSnapshot();
      await sleep(options.snapshotEveryMs);
    }
  }

  async function bursts(): Promise<void> {
    const span = Math.max(0, ctx.activeUntil - Date.now() - 15_000);
    const moments = Array.from({ length: options.signalBursts }, () => Date.now() + ctx.random() * span).sort(
      (a, b) => a - b,
    );
    for (const at of moments) {
      await sleep(Math.max(0, at - Date.now()));
      // Leaving the tab fires both hidden and blur; a third of bursts also leave full screen.
      const kinds = ['tab_hidden', 'window_blur', ...(ctx.random() < 1 / 3 ? ['fullscreen_exit'] : [])];
      const questionId = ctx.questionIds[Math.floor(ctx.random() * ctx.questionIds.length)];
      const opened = kinds.map((kind) => ({
        id: randomUUID(),
        kind,
        startedAt: Date.now(),
        durationMs: 0,
        ...(questionId ? { questionId } : {}),
      }));
      for (const event of opened) queue(event);
      // An offline browser cannot upload (nor should the server hear from it): no snapshot then.
      if (!ctx.isOffline()) void takeSnapshot();
      const away = 2000 + ctx.random() * 6000;
      await sleep(away);
      // Back: the same events again with how long they lasted.
      for (const event of opened) queue({ ...event, durationMs: Math.round(away) });
    }
  }

  const loops = Promise.all([snapshots(), bursts()]);
  return {
    flush,
    async finish(giveUpAt: number): Promise<void> {
      await loops;
      while (pending.size > 0 && Date.now() < giveUpAt) {
        await flush();
        if (pending.size > 0) await sleep(500);
      }
      if (pending.size > 0) ctx.rec.fail('proctor_events', 'never acknowledged');
    },
  };
}

/**
 * A proctor (the institute's admin, who sees every batch) watching the exam's room over one socket
 * through the front door. It notes when each `proctor:alert` arrives; the run times it from when the
 * candidate's generator first sent that event (both on this machine's clock).
 */
export async function watchProctorRoom(baseUrl: string, client: Client, examId: string, rec: Recorder) {
  const socket: Socket = io(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
  });
  const watch = () =>
    new Promise<void>((resolve, reject) => {
      socket
        .timeout(10_000)
        .emit('proctor:watch', { examId }, (err: Error | null, res: { ok?: boolean }) =>
          err || !res.ok ? reject(err ?? new Error(JSON.stringify(res))) : resolve(),
        );
    });
  const alertsAt = new Map<string, number>();
  let rows = 0;
  let updates = 0;
  socket.on('proctor:alert', (alert: { id: string }) => {
    if (!alertsAt.has(alert.id)) alertsAt.set(alert.id, Date.now());
  });
  socket.on('proctor:updates', (update: { rows: unknown[] }) => {
    rows += update.rows.length;
    updates += 1;
  });
  // Rejoined after a reconnect (an instance lost), as the proctor room page does.
  socket.on('connect', () => void watch().catch(() => rec.fail('proctor_watch')));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    /**
     * Ends the watch: every alert timed from its event's first send (recorded as `alert`), and the
     * new violations the candidates were told were stored that never reached the proctor.
     */
    stop(logs: ProctoringLog[], isViolation: (eventId: string) => boolean) {
      socket.close();
      let missed = 0;
      for (const log of logs)
        for (const [id, sentAt] of log.firstSentAt) {
          const at = alertsAt.get(id);
          if (at !== undefined) rec.record('alert', at - sentAt, at);
          else if (isViolation(id)) missed += 1;
        }
      return { gridUpdates: updates, gridRows: rows, alerts: alertsAt.size, missedAlerts: missed };
    },
  };
}
