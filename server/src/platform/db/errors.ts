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
