import { errorCatalogue, type ErrorCode } from './catalogue.js';

export type FieldProblem = { path: string; message: string };

/** A domain error: services throw it, the one error handler turns it into an HTTP response. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: { fields?: FieldProblem[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
  }
}

export const notFound = (what = 'Not found.') => new AppError('NOT_FOUND', what);
export const forbidden = () => new AppError('FORBIDDEN');
