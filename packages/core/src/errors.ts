/**
 * Validators return lists of issues instead of throwing so that a bulk import can report every
 * problem of every row at once; functions that cannot continue throw a CoreError carrying the
 * same issue shape, which the server maps to a 4xx with a stable code.
 */
export interface ValidationIssue {
  /** Stable, machine-readable code, e.g. `MULTI_NO_CORRECT_OPTION`. */
  readonly code: string;
  /** Dotted path inside the validated value, e.g. `content.hi.options`; `''` for the value itself. */
  readonly path: string;
  readonly message: string;
}

export class CoreError extends Error {
  override readonly name = 'CoreError';

  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
  }
}

export function createIssue(code: string, path: string, message: string): ValidationIssue {
  return { code, path, message };
}

export function joinPath(...parts: readonly (string | number)[]): string {
  return parts.filter((part) => part !== '').join('.');
}

/** Throws the first issue's code (all issues attached) when the list is not empty. */
export function assertNoIssues(issues: readonly ValidationIssue[], what: string): void {
  const first = issues[0];
  if (first !== undefined) {
    throw new CoreError(first.code, `${what}: ${first.message}`, issues);
  }
}
