import { createRandom, type Random } from '@examtech/core';
import { io, type Socket } from 'socket.io-client';
import type { Client } from './client.js';
import { sleep, type Recorder } from './stats.js';

export type PaperQuestion = { id: string; type: string; options?: { id: string }[] };
type SaveResult = { questionId: string; seq: number; status: string; code?: string };
type Save = { questionId: string; answer: unknown; state: string; seq: number };

export type CandidateOptions = {
  baseUrl: string;
  email: string;
  password: string;
  examId: string;
  startsAt: number;
  /** Candidates press Start spread over this many ms after T0. */
  startSpreadMs: number;
  /** How long the candidate keeps answering (compressed exam clock). */
  activeMs: number;
  actions: number;
  dropConnection: boolean;
  submit: boolean;
};

/** What a candidate sent and what the server acknowledged, for the verification afterwards. */
export type CandidateLog = {
  email: string;
  attemptId: string | null;
  sent: Map<number, Save>;
  ackedSeqByQuestion: Map<string, number>;
  submitted: boolean;
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

/** One simulated candidate: log in, wait for T0, start, fetch the paper, answer, maybe drop and restore, submit. */
export async function runCandidate(
  options: CandidateOptions,
  rec: Recorder,
  loggedIn: Client,
): Promise<CandidateLog> {
  const random = createRandom(options.email);
  const log: CandidateLog = {
    email: options.email,
    attemptId: null,
    sent: new Map(),
    ackedSeqByQuestion: new Map(),
    submitted: false,
  };
  const client = loggedIn;
  const deviceId = `load-${options.email}`.slice(0, 64);

  await sleep(Math.max(0, options.startsAt - Date.now()) + random() * options.startSpreadMs);
  const state = await rec.time('start', () =>
    client.expect<{ attempt: { id: string } }>('POST', `/api/exams/${options.examId}/start`, 200, {
      deviceId,
    }),
  );
  log.attemptId = state.attempt.id;
  const paper = await rec.time('paper', () =>
    client.expect<{ paper: { sections: { questions: PaperQuestion[] }[] } }>(
      'GET',
      `/api/attempts/${state.attempt.id}/paper`,
      200,
    ),
  );
  const questions = paper.paper.sections.flatMap((s) => s.questions);

  const socket: Socket = io(options.baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    reconnection: false,
  });
  await rec.time(
    'socket_connect',
    () =>
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      }),
  );
  let seq = 0;
  const pending: Save[] = [];

  const send = async (saves: Save[]): Promise<void> => {
    const started = performance.now();
    const ack = await new Promise<{ results?: SaveResult[]; error?: { code: string } }>((resolve) => {
      socket
        .timeout(30_000)
        .emit(
          'answer:save',
          { attemptId: state.attempt.id, deviceId, saves },
          (err: Error | null, response: { results?: SaveResult[]; error?: { code: string } }) =>
            resolve(err ? { error: { code: 'ACK_TIMEOUT' } } : response),
        );
    });
    rec.record('save_ack', performance.now() - started);
    if (!ack.results) {
      rec.fail('save', ack.error?.code);
      pending.push(...saves);
      return;
    }
    for (const result of ack.results) {
      if (result.status === 'saved' || result.status === 'superseded') {
        log.ackedSeqByQuestion.set(
          result.questionId,
          Math.max(result.seq, log.ackedSeqByQuestion.get(result.questionId) ?? 0),
        );
      } else rec.fail('save', result.code);
    }
  };

  const gap = options.activeMs / options.actions;
  const dropAt = Math.floor(options.actions / 2);
  for (let action = 0; action < options.actions; action++) {
    await sleep(gap * (0.5 + random()));
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
    };
    log.sent.set(save.seq, save);
    if (options.dropConnection && action === dropAt) {
      // The network drops: answers are kept locally and synced when the connection returns.
      socket.disconnect();
      pending.push(save);
      await sleep(2000 + random() * 3000);
      socket.connect();
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      rec.record('reconnect', 1);
      await send(pending.splice(0));
      continue;
    }
    await send([save]);
  }
  if (pending.length) await send(pending.splice(0));
  socket.close();
  if (options.submit) {
    await rec.time('submit', () => client.expect('POST', `/api/attempts/${state.attempt.id}/submit`, 200));
    log.submitted = true;
  }
  return log;
}
