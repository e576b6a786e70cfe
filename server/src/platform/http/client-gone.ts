import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';

/**
 * Aborts when the client goes away before the response is complete (tab closed, request
 * cancelled), so long work (autofill, exports) stops between steps instead of running on for
 * nobody. The response's 'close' is the signal: the request's own 'close' fires as soon as its
 * body has been read, long before the answer is sent.
 */
export function createClientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new AppError('REQUEST_CANCELLED'));
  });
  return controller.signal;
}
