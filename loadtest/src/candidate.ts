import { createRandom, type Random } from '@examtech/core';
import { io, type Socket } from 'socket.io-client';
import type { Client } from './client.js';
import { startProctoring, type ProctoringLog, type ProctoringOptions } from './proctoring.js';
import { sleep, type Recorder } from './stats.js';

export type PaperQuestion = { id: string; type: string; options?: { id: string }[] };
type SaveResult = { questionId: string; seq: number; status: string; code?: string };
export type Save = { questionId: string; answer: unknown; state: string; seq: number; answeredAt?: number };

/** What one simulated candidate does, decided by the generator's primary before T0. */
export type CandidatePlan = {
  email: string;
  /** Drops its connection once for a few seconds mid-exam (a flaky network). */
  dropConnection: boolean;
  /** Offline for this span (ms since the epoch), answering all the while into its journal. */
  offline: { from: number; to: number } | null;
  /** When it presses Submit (ms since the epoch); null leaves it to the server's deadline sweeper. */
  submitAt: number | null;
};

export type CandidateOptions = {
  baseUrl: string;
  examId: string;
  startsAt: number;
  /** Candidates press Start spread over this many ms after T0. */
  startSpreadMs: number;
  /** Answering ends this long after T0 (the compressed exam clock). */
  activeUntil: number;
  actions: number;
  /** The exam is proctored: snapshots and signal bursts as the room sends them (null: not proctored). */
  proctoring: ProctoringOptions | null;
};

/** What a candidate sent and what the server acknowledged, for the verification afterwards. */
export type CandidateLog = {
  email: string;
  attemptId: string | null;
  sent: Map<number, Save>;
  ackedSeqByQuestion: Map<string, number>;
  submitted: boolean;
  /** Saves never acknowledged by the end (still in the journal): an error of the run. */
  unsynced: number;
  proctoring: ProctoringLog;
};

/** A valid answer of the question's type (the load generator and the save benchmark both use it). */
export function randomAnswer(question: PaperQuestion, random: Random): unknown {
  const pick = () => question.options?.[Math.floor(random() * (question.options?.length ?? 1))]?.id ?? 'a';
  switch (question.type) {
    case 'mcq_multi':
      return { type: 'mcq_multi', optionIds: [...new Set([pick(), pick()])] };
    case 'numerical':
      return { type: 'numerical', value: (9 + Math.floor(random() * 20) / 10).toFixed(1) };
    default:
      return { type: 'mcq_single', optionIds: [pick()] };
  }
}

/** Failures a browser rides out by trying again: the network, a proxy without an upstream, a restart. */
const isTransient = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

/**
 * An HTTP step as the exam room does it: tried again with a growing pause while the failure is
 * transient (each such try is counted as a retry), until `giveUpAt`; the latency recorded is the
 * successful try's own.
 */
async function step<T>(
  rec: Recorder,
  op: string,
  giveUpAt: number,
  call: () => Promise<{ status: number; json: T; text: string }>,
  expected = 200,
): Promise<T> {
  for (let pause = 250; ; pause = Math.min(pause * 2, 4000)) {
    const started = performance.now();
    let res: { status: number; json: T; text: string };
    try {
      res = await call();
    } catch {
      res = { status: 0, json: null as T, text: 'network error' };
    }
    if (res.status === expected) {
      rec.record(op, performance.now() - started);
      return res.json;
    }
    if (!isTransient(res.status) || Date.now() + pause > giveUpAt) {
      rec.fail(op, `${res.status} ${res.text.slice(0, 60)}`);
      throw new Error(`${op}: ${res.status}`);
    }
    rec.retry(op, String(res.status));
    await sleep(pause);
  }
}

/**
 * One simulated candidate, behaving as the exam room does: start, fetch the paper, answer on a
 * socket that reconnects by itself (through the front door, to whichever instance), every answer
 * kept in a journal until the server acknowledges it and sent again after any failure; offline
 * spells answered into the journal with the time typed; submit at its moment, or leave it to the
 * deadline.
 */
export const newCandidateLog = (email: string): CandidateLog => ({
  email,
  attemptId: null,
  sent: new Map(),
  ackedSeqByQuestion: new Map(),
  submitted: false,
  unsynced: 0,
  proctoring: { ackedEvents: [], storedEvidence: [], firstSentAt: [] },
});

/** Fills `log` as it goes, so that what was acknowledged is verified even when a later step fails. */
export async function runCandidate(
  plan: CandidatePlan,
  options: CandidateOptions,
  rec: Recorder,
  client: Client,
  log: CandidateLog,
): Promise<void> {
  const random = createRandom(plan.email);
  const deviceId = `load-${plan.email}`.slice(0, 64);
  // Every step keeps trying through faults until well after the exam (the sweeper's time included).
  const giveUpAt = options.activeUntil + 5 * 60_000;

  await sleep(Math.max(0, options.startsAt - Date.now()) + random() * options.startSpreadMs);
  const state = await step(rec, 'start', giveUpAt, () =>
    client.request<{ attempt: { id: string } }>('POST', `/api/exams/${options.examId}/start`, {
      deviceId,
      // The notice before Start was read and agreed to, as a candidate must for webcam snapshots.
      ...(options.proctoring ? { proctoringConsent: true } : {}),
    }),
  );
  const attemptId = state.attempt.id;
  log.attemptId = attemptId;
  const paper = await step(rec, 'paper', giveUpAt, () =>
    client.request<{ paper: { sections: { questions: PaperQuestion[] }[] } }>(
      'GET',
      `/api/attempts/${attemptId}/paper`,
    ),
  );
  const questions = paper.paper.sections.flatMap((s) => s.questions);

  const socket: Socket = io(options.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    // As the exam room's socket (socket-sync.ts): a dropped instance's candidates come back spread out.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
  });
  const journal = new Map<string, Save>();
  let isOffline = false;
  // Since when the candidate waits for a connection it wants (not during a chosen offline spell).
  let waitingSince: number | null = null;
  let flushing: Promise<void> | null = null;
  let backoffMs = 1000;
  let proctoring: ReturnType<typeof startProctoring> | null = null;

  const join = () =>
    new Promise<void>((resolve) => {
      socket.timeout(10_000).emit('attempt:join', { attemptId }, () => resolve());
    });
  let isFirstConnect = true;
  socket.on('connect', () => {
    if (waitingSince !== null && !isFirstConnect) rec.record('reconnect', performance.now() - waitingSince);
    isFirstConnect = false;
    waitingSince = null;
    // As the exam room: join the attempt (presence), then send what the journal holds.
    void join().then(() => {
      void flush();
      void proctoring?.flush();
    });
  });
  socket.on('disconnect', (reason) => {
    if (isOffline) return;
    waitingSince = performance.now();
    // A server-side disconnect (a drain) is not retried by the client library on its own.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 200 + random() * 800);
  });
  await step<null>(
    rec,
    'socket_connect',
    giveUpAt,
    () =>
      new Promise((resolve) => {
        if (socket.connected) return resolve({ status: 200, json: null, text: '' });
        socket.once('connect', () => resolve({ status: 200, json: null, text: '' }));
        socket.once('connect_error', (err) => resolve({ status: 0, json: null, text: err.message }));
      }),
  );

  /** Sends what the journal holds until it is empty or the socket is gone; failures stay in it. */
  async function sendJournal(): Promise<void> {
    while (journal.size > 0 && socket.connected && !isOffline) {
      const saves = [...journal.values()].slice(0, 50);
      const started = performance.now();
      const ack = await new Promise<{ results?: SaveResult[]; error?: { code: string } }>((resolve) => {
        socket
          .timeout(10_000)
          .emit(
            'answer:save',
            { attemptId, deviceId, saves },
            (err: Error | null, response: { results?: SaveResult[]; error?: { code: string } }) =>
              resolve(err ? { error: { code: 'ACK_TIMEOUT' } } : response),
          );
      });
      if (!ack.results) {
        // Not acknowledged (the instance died, the database restarted): kept, sent again after a
        // growing pause, as the exam room backs off.
        rec.retry('save', ack.error?.code);
        await sleep(backoffMs * (0.5 + random()));
        backoffMs = Math.min(backoffMs * 2, 8000);
        continue;
      }
      backoffMs = 1000;
      rec.record('save_ack', performance.now() - started);
      for (const result of ack.results) {
        const save = journal.get(result.questionId);
        if (save?.seq === result.seq) journal.delete(result.questionId);
        if (result.status === 'saved' || result.status === 'superseded') {
          log.ackedSeqByQuestion.set(
            result.questionId,
            Math.max(result.seq, log.ackedSeqByQuestion.get(result.questionId) ?? 0),
          );
        } else rec.fail('save', result.code);
      }
    }
  }
  const flush = (): Promise<void> => {
    flushing ??= sendJournal().finally(() => {
      flushing = null;
    });
    return flushing;
  };
  const goOffline = () => {
    isOffline = true;
    socket.disconnect();
  };
  const comeBack = async () => {
    isOffline = false;
    waitingSince = performance.now();
    socket.connect();
    await new Promise<void>((resolve) =>
      socket.connected ? resolve() : socket.once('connect', () => resolve()),
    );
  };

  if (options.proctoring)
    proctoring = startProctoring(
      {
        socket,
        client,
        attemptId,
        rec,
        random,
        questionIds: questions.map((q) => q.id),
        activeUntil: options.activeUntil,
        isOffline: () => isOffline,
        log: log.proctoring,
      },
      options.proctoring,
    );

  let seq = 0;
  const gap = Math.max(200, (options.activeUntil - Date.now()) / options.actions);
  const dropAt = Math.floor(options.actions / 2);
  for (let action = 0; action < options.actions && Date.now() < options.activeUntil; action++) {
    await sleep(gap * (0.5 + random()));
    if (plan.offline && !isOffline && Date.now() >= plan.offline.from && Date.now() < plan.offline.to)
      goOffline();
    if (plan.offline && isOffline && Date.now() >= plan.offline.to) await comeBack();
    const question = questions[Math.floor(random() * questions.length)];
    if (!question) continue;
    const roll = random();
    const save: Save = {
      questionId: question.id,
      seq: ++seq,
      ...(roll < 0.05
        ? { answer: null, state: 'marked_for_review' }
        : {
            answer: randomAnswer(question, random),
            state: roll < 0.15 ? 'answered_marked_for_review' : 'answered',
          }),
      // When it was typed, as the exam room sends with every save: a save that arrives late (from
      // the journal after an outage) is judged by it. Generator and server share this machine's clock.
      answeredAt: Date.now(),
    };
    log.sent.set(save.seq, save);
    journal.set(save.questionId, save);
    if (plan.dropConnection && action === dropAt) {
      // A short drop: the answer waits in the journal and goes when the connection is back.
      goOffline();
      await sleep(2000 + random() * 3000);
      await comeBack();
      continue;
    }
    // Answering goes on while a send waits out a fault (the journal holds the newest per question).
    if (!isOffline) void flush();
  }
  // An offline spell that outlasts the answering: back when it ends (after the deadline, for some).
  if (plan.offline && isOffline) {
    await sleep(Math.max(0, plan.offline.to - Date.now()));
    await comeBack();
  }
  if (plan.submitAt !== null) await sleep(Math.max(0, plan.submitAt - Date.now()));
  // Everything typed is sent before Submit, as the exam room does; faults are waited out.
  while (journal.size > 0 && Date.now() < giveUpAt) {
    await flush();
    if (journal.size > 0) await sleep(500);
  }
  await proctoring?.finish(giveUpAt);
  log.unsynced = journal.size;
  if (log.unsynced > 0) rec.fail('save', 'never acknowledged');
  socket.close();
  if (plan.submitAt !== null) {
    await step(rec, 'submit', giveUpAt, () => client.request('POST', `/api/attempts/${attemptId}/submit`));
    log.submitted = true;
  }
}
