import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { SocketUser } from '../../platform/realtime.js';
import type { AttemptService } from './attempt-service.js';
import { saveBatchSchema } from './save-schema.js';

type Ack = (response: unknown) => void;
const toAck = (ack: unknown): Ack => (typeof ack === 'function' ? (ack as Ack) : () => undefined);

/**
 * Candidate socket events. Each save is acknowledged only after its batch has committed; a bad
 * payload gets an error ack, never a silent drop.
 */
export function registerAttemptSocket(attempts: AttemptService, log: FastifyBaseLogger) {
  return (socket: Socket, user: SocketUser): void => {
    const actor = { userId: user.userId, role: user.role as 'student', instituteId: user.instituteId };
    // The last time anything (a save, a heartbeat) came from this client: when the connection is
    // found dead, the outage began then, not when the heartbeat timeout noticed it.
    let lastHeardAt = Date.now();
    socket.conn.on('packet', () => {
      lastHeardAt = Date.now();
    });
    const joined = new Set<string>();
    socket.on('disconnect', () => {
      for (const attemptId of joined)
        attempts
          .noteDisconnect(attemptId, new Date(lastHeardAt))
          .catch((err: unknown) => log.warn({ err, attemptId }, 'could not record a dropped connection'));
    });

    socket.on('attempt:join', (payload: { attemptId?: string }, ack: unknown) => {
      const reply = toAck(ack);
      if (typeof payload?.attemptId !== 'string') return reply({ error: 'BAD_REQUEST' });
      attempts.joinAttempt(actor, payload.attemptId).then(
        async (state) => {
          await socket.join(`attempt:${payload.attemptId}`);
          joined.add(state.attempt.id);
          reply(state);
        },
        (err: { code?: string }) => reply({ error: err.code ?? 'INTERNAL_ERROR' }),
      );
    });

    socket.on('answer:save', (payload: { attemptId?: string } & Record<string, unknown>, ack: unknown) => {
      const reply = toAck(ack);
      const parsed = saveBatchSchema.safeParse(payload);
      if (!parsed.success || typeof payload?.attemptId !== 'string')
        return reply({ error: 'VALIDATION_FAILED' });
      attempts.saveAnswers(actor, payload.attemptId, parsed.data.deviceId, parsed.data.saves).then(
        (results) => reply({ results }),
        (err: { code?: string }) => reply({ error: err.code ?? 'INTERNAL_ERROR' }),
      );
    });
  };
}
