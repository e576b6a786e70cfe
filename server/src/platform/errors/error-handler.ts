import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem } from './app-error.js';
import { errorCatalogue, type ErrorCode } from './catalogue.js';

type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldProblem[] } & Record<string, unknown>;
  requestId: string;
};

/** The one place where errors become HTTP responses. Clients never see stack traces. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const send = (status: number, error: ErrorBody['error'], extra: Record<string, unknown> = {}) =>
      reply.status(status).send({ ...extra, error, requestId: request.id });

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
    if (fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyErr.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(413, { code: 'PAYLOAD_TOO_LARGE', message: errorCatalogue.PAYLOAD_TOO_LARGE.message });
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
    request.log.error({ err }, 'unhandled error');
    return send(500, { code: 'INTERNAL_ERROR', message: errorCatalogue.INTERNAL_ERROR.message });
  });
}
