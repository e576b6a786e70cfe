import { CoreError } from '@examtech/core';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isStatementCancelled } from '../db/errors.js';
import { AppError, type FieldProblem } from './app-error.js';
import { errorCatalogue, isErrorCode, type ErrorCode } from './catalogue.js';

type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldProblem[] } & Record<string, unknown>;
  requestId: string;
};

export type ErrorReply = { status: number; error: ErrorBody['error']; extra: Record<string, unknown> };

/**
 * The one mapping from an error to what a client sees (HTTP responses and Socket.IO acks alike):
 * a catalogue code and message, never a stack trace or a driver's code. Anything unexpected is
 * logged with `context` and becomes INTERNAL_ERROR.
 */
export function toErrorBody(
  err: unknown,
  log: Pick<FastifyBaseLogger, 'error' | 'warn'>,
  context: Record<string, unknown> = {},
): ErrorReply {
  const send = (status: number, error: ErrorBody['error'], extra: Record<string, unknown> = {}) => ({
    status,
    error,
    extra,
  });

  if (err instanceof AppError) {
    return send(
      err.status,
      {
        code: err.code,
        message: err.message,
        ...(err.details.fields ? { fields: err.details.fields } : {}),
      },
      err.details.extra,
    );
  }
  if (err instanceof CoreError) {
    // A pure domain rule refused the input: its own catalogue entry, or the catch-all for a core
    // code the catalogue does not list (validators' issue codes reach here through assertNoIssues).
    const code: ErrorCode = isErrorCode(err.code) ? err.code : 'CORE_RULE_VIOLATED';
    const fields = err.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    return send(errorCatalogue[code].status, {
      code,
      message: errorCatalogue[code].message,
      ...(fields.length > 0 ? { fields } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'Invalid value',
    }));
    return send(400, {
      code: 'VALIDATION_FAILED',
      message: errorCatalogue.VALIDATION_FAILED.message,
      fields,
    });
  }
  const fastifyErr = err as FastifyError;
  // Every 413 (body, file, too many parts) and 414 keeps the catalogue's code, not BAD_REQUEST.
  if (fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyErr.statusCode === 413) {
    return send(413, { code: 'PAYLOAD_TOO_LARGE', message: errorCatalogue.PAYLOAD_TOO_LARGE.message });
  }
  if (fastifyErr.statusCode === 414) {
    return send(414, { code: 'URI_TOO_LONG', message: errorCatalogue.URI_TOO_LONG.message });
  }
  if (fastifyErr.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: errorCatalogue.UNSUPPORTED_MEDIA_TYPE.message,
    });
  }
  if (
    typeof fastifyErr.statusCode === 'number' &&
    fastifyErr.statusCode >= 400 &&
    fastifyErr.statusCode < 500
  ) {
    return send(fastifyErr.statusCode, {
      code: 'BAD_REQUEST',
      message: errorCatalogue.BAD_REQUEST.message,
    });
  }
  if (isStatementCancelled(err)) {
    log.warn({ err, ...context }, 'statement cancelled by statement_timeout');
    return send(503, { code: 'STATEMENT_TIMEOUT', message: errorCatalogue.STATEMENT_TIMEOUT.message });
  }
  if (isDatabaseUnavailable(err)) {
    log.warn({ err, ...context }, 'database unavailable');
    return send(503, { code: 'DATABASE_UNAVAILABLE', message: errorCatalogue.DATABASE_UNAVAILABLE.message });
  }
  log.error({ err, ...context }, 'unhandled error');
  return send(500, { code: 'INTERNAL_ERROR', message: errorCatalogue.INTERNAL_ERROR.message });
}

/** The one place where errors become HTTP responses. Clients never see stack traces. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const { status, error, extra } = toErrorBody(err, request.log);
    return reply.status(status).send({ ...extra, error, requestId: request.id });
  });
}

/**
 * Fastify's `frameworkErrors` option: the errors it answers before routing (a path parameter over
 * `maxParamLength`, a URL that does not decode) would otherwise get Fastify's own JSON shape.
 */
export function replyToFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = err.statusCode === 414 ? 'URI_TOO_LONG' : 'BAD_REQUEST';
  void reply
    .status(errorCatalogue[code].status)
    .header('x-request-id', request.id)
    .send({ error: { code, message: errorCatalogue[code].message }, requestId: request.id });
}
