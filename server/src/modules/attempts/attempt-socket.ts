import type { FastifyBaseLogger } from 'fastify';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toErrorBody } from '../../platform/errors/error-handler.js';
import type { SocketUser } from '../../platform/realtime.js';
import { inSpan } from '../../platform/spans.js';
import type { AttemptService } from './attempt-service.js';
import { createSaveBudget, scaleSaveLimit, SOCKET_SAVE_LIMIT } from './save-rate-limit.js';
import { saveBatchSchema } from './save-schema.js';

type Ack = (response: unknown) => void;
const toAck = (ack: unknown): Ack => (typeof ack === 'function' ? (ack as Ack) : () => undefined);

const joinSchema = z.object({ attemptId: z.uuid() });
const socketSaveSchema = saveBatchSchema.extend({ attemptId: z.uuid() });

/** A payload that fails its schema, as the HTTP routes report it: VALIDATION_FAILED with field paths. */
function invalidPayload(error: z.ZodError): AppError {
  return new AppError('VALIDATION_FAILED', undefined, {
    fields: error.issues
      .slice(0, 20)
      .map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

const attemptRoom = (attemptId: string) => `attempt:${attemptId}`;

/**
 * Candidate socket events. Each save is acknowledged only after its batch has committed; a bad
 * payload gets an error ack (the HTTP error envelope's `{code, message}`), never a silent drop.
 */
export function registerAttemptSocket(
  attempts: AttemptService,
  log: FastifyBaseLogger,
  clock: Clock,
  saveRateLimitScale = 1,
) {
  return (socket: Socket, user: SocketUser): void => {
    const actor = { userId: user.userId, role: user.role as 'student', instituteId: user.instituteId };
    // The last time anything (a save, a heartbeat) came from this client: when the connection is
    // found dead, the outage began then, not when the heartbeat timeout noticed it.
    let lastHeardAt = clock.now();
    socket.conn.on('packet', () => {
      lastHeardAt = clock.now();
    });
    const budget = createSaveBudget(scaleSaveLimit(SOCKET_SAVE_LIMIT, saveRateLimitScale), () => clock.now());
    const joined = new Set<string>();
    const fail = (reply: Ack, err: unknown, context: Record<string, unknown>) =>
      reply({ error: toErrorBody(err, log, { socketId: socket.id, userId: user.userId, ...context }).error });

    /** Another socket of the attempt, on any instance, is still connected. */
    const isAttemptConnected = async (attemptId: string) =>
      (await socket.nsp.in(attemptRoom(attemptId)).fetchSockets()).some((other) => other.id !== socket.id);

    // Presence is the attempt's: a drop is an outage only when no socket of the attempt is left.
    // Checked again after recording, so that a socket joining in between ends it at once.
    async function recordDrop(attemptId: string) {
      if (await isAttemptConnected(attemptId)) return;
      const isRecorded = await attempts.noteDisconnect(attemptId, new Date(lastHeardAt));
      if (isRecorded && (await isAttemptConnected(attemptId))) await attempts.noteHeard(attemptId);
    }

    socket.on('disconnect', () => {
      for (const attemptId of joined)
        recordDrop(attemptId).catch((err: unknown) =>
          log.warn({ err, attemptId }, 'could not record a dropped connection'),
        );
    });

    socket.on('attempt:join', (payload: unknown, ack: unknown) => {
      const reply = toAck(ack);
      const parsed = joinSchema.safeParse(payload);
      if (!parsed.success) return fail(reply, invalidPayload(parsed.error), { event: 'attempt:join' });
      const { attemptId } = parsed.data;
      attempts.joinAttempt(actor, attemptId).then(
        async (state) => {
          await socket.join(attemptRoom(attemptId));
          // Only a running attempt can have an outage worth recording when this socket drops.
          if (state.attempt.status === 'in_progress') joined.add(state.attempt.id);
          reply(state);
        },
        (err: unknown) => fail(reply, err, { event: 'attempt:join', attemptId }),
      );
    });

    socket.on('answer:save', (payload: unknown, ack: unknown) => {
      const reply = toAck(ack);
      const count = Array.isArray((payload as { saves?: unknown } | null)?.saves)
        ? (payload as { saves: unknown[] }).saves.length
        : 1;
      // Refused before parsing: a flood must cost as little as possible.
      if (!budget.take(count))
        return fail(reply, new AppError('SAVE_RATE_LIMITED'), { event: 'answer:save' });
      const parsed = socketSaveSchema.safeParse(payload);
      if (!parsed.success) return fail(reply, invalidPayload(parsed.error), { event: 'answer:save' });
      const { attemptId, deviceId, saves } = parsed.data;
      // One span per batch: with tracing on, its commit's queries are its children.
      inSpan('answer:save', { 'examtech.attempt_id': attemptId, 'examtech.saves': saves.length }, () =>
        attempts.saveAnswers(actor, attemptId, deviceId, saves, 'socket'),
      ).then(
        (results) => reply({ results }),
        (err: unknown) => fail(reply, err, { event: 'answer:save', attemptId }),
      );
    });
  };
}

/**
 * Saves read attempts from a short per-instance cache. A device switch on one instance drops the
 * entry on every other (Socket.IO's server-side emit goes through the Redis adapter), so the old
 * device is told DEVICE_REPLACED at once wherever its saves land.
 */
export function shareAttemptCacheInvalidation(io: Server, attempts: AttemptService, events: DomainEvents) {
  events.on('attempt.deviceChanged', ({ attemptId }) => io.serverSideEmit('attempt:forget', attemptId));
  // A pause, resume or extension changes what a save may do: the cache entries go everywhere.
  events.on('attempt.controlled', ({ attemptId }) => io.serverSideEmit('attempt:forget', attemptId));
  io.on('attempt:forget', (attemptId: unknown) => {
    if (typeof attemptId === 'string') attempts.forgetAttempt(attemptId);
  });
}
