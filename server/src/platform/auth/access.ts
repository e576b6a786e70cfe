import { notFound } from '../errors/app-error.js';
import type { InstituteActor } from './policies.js';

/**
 * The one check for "load it, it must be the caller's, or 404": a row of another institute, or
 * outside the caller's scope (a student's own attempt, a teacher's batches), answers exactly as
 * a row that does not exist, so that ids tell nothing across institutes or scopes.
 *
 * `inScope` narrows further than the institute (owner, batch scope); it runs only on a row of
 * the caller's institute.
 */
export async function loadInScope<T extends { instituteId: string | null }>(
  scoped: InstituteActor,
  what: string,
  load: () => Promise<T | null | undefined>,
  inScope?: (row: T) => boolean | Promise<boolean>,
): Promise<T> {
  const row = await load();
  if (!row || !isInInstitute(scoped, row) || (inScope && !(await inScope(row))))
    throw notFound(`${what} not found.`);
  return row;
}

/** For a row already loaded (a lock taken in a transaction): the same 404 when it is not the caller's. */
export function requireInScope<T extends { instituteId: string | null }>(
  scoped: InstituteActor,
  what: string,
  row: T | null | undefined,
): T {
  if (!row || !isInInstitute(scoped, row)) throw notFound(`${what} not found.`);
  return row;
}

const isInInstitute = (scoped: InstituteActor, row: { instituteId: string | null }) =>
  row.instituteId === scoped.instituteId;
