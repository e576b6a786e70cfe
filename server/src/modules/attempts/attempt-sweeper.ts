import type { FastifyBaseLogger } from 'fastify';
import type { AttemptService } from './attempt-service.js';

/**
 * Auto-submits attempts whose time is up, even when the candidate's browser is closed. Every
 * instance runs it; row locks with SKIP LOCKED make sure each attempt is submitted once.
 */
export function startSweeper(
  log: FastifyBaseLogger,
  attempts: AttemptService,
  intervalMs: number,
): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    attempts
      .sweepExpired()
      .then((count) => {
        if (count > 0) log.info({ count }, 'auto-submitted attempts at their deadline');
      })
      .catch((err: unknown) => log.error({ err }, 'sweeper failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return timer;
}
