import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../errors/app-error.js';

/**
 * PostgreSQL cannot store a NUL character in `text` or `jsonb`, nor a UTF-16 surrogate without its
 * pair (JSON may carry `\uD800` alone; UTF-8 cannot encode it). Such a string would fail at the
 * database as a 500 after part of the work was done, so every input is refused up front instead:
 * one hook for all HTTP routes, and the same function for Socket.IO payloads.
 */
export const UNSTORABLE_TEXT_MESSAGE = 'Text may not contain NUL characters or unpaired surrogates.';

// Enough to locate the problem; a hostile payload may hold thousands of them.
const MAX_PROBLEMS = 20;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** The text without NUL and with each unpaired surrogate replaced by U+FFFD, for echoing bad input back. */
export function toStorableText(text: string): string {
  return text.replaceAll('\u0000', '').toWellFormed();
}

/**
 * Every string (and object key) in a parsed JSON value that PostgreSQL could not store, with its
 * path in the same dotted form as schema validation errors. Iterative, so a deeply nested body
 * cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, rootPath = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: rootPath }];
  const join = (base: string, key: string) => (base === '' ? key : `${base}.${key}`);
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const item = pending.pop()!;
    if (typeof item.value === 'string') {
      if (!isStorableText(item.value)) problems.push({ path: item.path, message: UNSTORABLE_TEXT_MESSAGE });
    } else if (Array.isArray(item.value)) {
      item.value.forEach((element, index) =>
        pending.push({ value: element, path: join(item.path, `${index}`) }),
      );
    } else if (typeof item.value === 'object' && item.value !== null && !Buffer.isBuffer(item.value)) {
      for (const [key, element] of Object.entries(item.value)) {
        // A bad key is reported by a readable path: the key itself cannot be printed safely.
        if (!isStorableText(key)) {
          problems.push({ path: join(item.path, '(key)'), message: UNSTORABLE_TEXT_MESSAGE });
          continue;
        }
        pending.push({ value: element, path: join(item.path, key) });
      }
    }
  }
  return problems;
}

/** Throws `VALIDATION_FAILED` with the offending field paths when any string cannot be stored. */
export function assertStorableText(value: unknown, rootPath = ''): void {
  const fields = findUnstorableText(value, rootPath);
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', undefined, { fields });
}

/**
 * Runs before schema validation on every route, so no route can forget it: the parsed body, the
 * query string and the path parameters. Multipart bodies are streamed by their routes instead: the
 * question import refuses a bad file name with `assertStorableText` and turns a bad cell into a row
 * error, assets clean their file names, and no multipart text field is stored.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = [request.params, request.query, request.body].flatMap((part) => findUnstorableText(part));
    if (fields.length > 0) throw new AppError('VALIDATION_FAILED', undefined, { fields });
  });
}
