import { io as connectSocket, type Socket } from 'socket.io-client';
import { errorCatalogue } from '../../../src/platform/errors/catalogue.js';
import { fieldVariants } from './variants.js';

/**
 * The socket's events (the candidate's saves and signals, the proctor room's watch) with hostile payloads. A payload the server cannot use must be
 * answered with an error ack carrying a catalogue code, never INTERNAL_ERROR, never silence.
 */
export type SocketCase = { event: string; label: string; payload: unknown };

export function socketCases(attemptId: string, questionId: string): SocketCase[] {
  const join = (label: string, payload: unknown): SocketCase => ({ event: 'attempt:join', label, payload });
  const save = {
    attemptId,
    deviceId: 'device-fuzz-1',
    saves: [{ questionId, answer: { type: 'mcq_single', optionIds: ['b'] }, state: 'answered', seq: 50 }],
  };
  const signal = {
    id: '00000000-0000-4000-8000-00000000000a',
    kind: 'tab_hidden',
    startedAt: 1_796_000_000_000,
    durationMs: 0,
    questionId,
  };
  return [
    join('non-UUID attempt id', { attemptId: 'not-a-uuid' }),
    join('NUL attempt id', { attemptId: '\u0000' }),
    join('lone surrogate attempt id', { attemptId: '\uD800' }),
    join('100 kB attempt id', { attemptId: 'a'.repeat(100_000) }),
    join('unknown attempt id', { attemptId: '00000000-0000-4000-8000-000000000001' }),
    join('number attempt id', { attemptId: 12 }),
    join('object attempt id', { attemptId: { $ne: null } }),
    join('null payload', null),
    join('string payload', 'x'),
    join('array payload', [attemptId]),
    { event: 'answer:save', label: 'non-UUID attempt id', payload: { ...save, attemptId: 'not-a-uuid' } },
    {
      event: 'answer:save',
      label: 'NUL in attempt id',
      payload: { ...save, attemptId: `${attemptId}\u0000` },
    },
    { event: 'answer:save', label: 'null payload', payload: null },
    ...variantsOf('answer:save', save),
    { event: 'proctor:events', label: 'null payload', payload: null },
    { event: 'proctor:events', label: 'no events', payload: { attemptId, events: [] } },
    {
      event: 'proctor:events',
      label: '51 events',
      payload: { attemptId, events: Array.from({ length: 51 }, () => signal) },
    },
    ...variantsOf('proctor:events', { attemptId, events: [signal] }),
    // A candidate asking to watch the proctor room of an exam: nothing to see, never a crash.
    ...variantsOf('proctor:watch', { examId: '00000000-0000-4000-8000-000000000002' }),
    ...variantsOf('proctor:unwatch', { examId: '00000000-0000-4000-8000-000000000002' }),
  ];
}

/** Every field of a valid payload made hostile in turn (the JSON body variants, sent as the event). */
function variantsOf(event: string, valid: Record<string, unknown>): SocketCase[] {
  return (
    fieldVariants(valid)
      // A message over the socket's size limit closes the connection by design; it is not an event.
      .filter((variant) => !variant.label.includes('10,000'))
      .map((variant) => ({
        event,
        label: variant.label,
        payload: JSON.parse(String(variant.body.payload)) as unknown,
      }))
  );
}

export function connectAs(baseUrl: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(baseUrl, { transports: ['websocket'], extraHeaders: { cookie } });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

/** Null when the ack is acceptable, else what is wrong with it. */
export async function judgeSocketCase(socket: Socket, c: SocketCase): Promise<string | null> {
  let ack: unknown;
  try {
    ack = await socket.timeout(5000).emitWithAck(c.event, c.payload);
  } catch {
    return 'no ack within 5 s';
  }
  const error: unknown =
    typeof ack === 'object' && ack !== null ? (ack as { error?: unknown }).error : undefined;
  if (error === undefined) return null;
  const code: unknown =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : error;
  if (typeof code !== 'string' || !(code in errorCatalogue))
    return `ack with an unknown error ${JSON.stringify(error)}`;
  return code === 'INTERNAL_ERROR' ? `ack ${JSON.stringify(ack)}` : null;
}
