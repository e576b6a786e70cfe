/** Drizzle wraps driver errors; PostgreSQL and PGlite both carry the SQLSTATE in `code`. */
function findPgError(err: unknown): { code?: string; constraint?: string; detail?: string } | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate as { code?: string; constraint?: string; detail?: string };
    }
    current = candidate.cause;
  }
  return null;
}

/** True when `err` is a unique violation, optionally of the named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pgError = findPgError(err);
  if (pgError?.code !== '23505') return false;
  if (!constraint) return true;
  // PGlite does not always fill `constraint`; the detail and message still name the index.
  return (
    pgError.constraint === constraint ||
    String((err as Error).message ?? '').includes(constraint) ||
    String(pgError.detail ?? '').includes(constraint)
  );
}

/** True when PostgreSQL cancelled a statement (statement_timeout): the request took too long. */
export function isStatementCancelled(err: unknown): boolean {
  return findPgError(err)?.code === '57014';
}

/** Socket-level failures of a connection to PostgreSQL (node-postgres passes Node's codes through). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];

/**
 * True when PostgreSQL could not be reached or went away mid-statement: a restart or failover
 * (SQLSTATE 57P01–57P03 shutting down, class 08 connection exceptions) or a refused or dropped
 * socket. Nothing of the statement was done, so the caller may try again.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = findPgError(err)?.code;
  if (code && (/^57P0[123]$/.test(code) || code.startsWith('08'))) return true;
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && CONNECTION_CODES.has(candidate.code)) return true;
    if (
      typeof candidate.message === 'string' &&
      CONNECTION_MESSAGES.some((m) => (candidate.message as string).includes(m))
    )
      return true;
    current = candidate.cause;
  }
  return false;
}
