import { notFound } from '../errors/app-error.js';
import { authorizeInInstitute, type Action, type Actor } from './policies.js';

/**
 * The one way a service loads a single resource for an actor: authorise the action, load the row
 * (the caller's `load` scopes its query by the actor's institute), then apply the narrower scope
 * (own batches, own exams). Anything missing, in another institute or out of scope is the same
 * 404, never a 403, so an id reveals nothing about what exists.
 */
export async function loadInScope<T>(
  actor: Actor,
  action: Action,
  load: () => Promise<T | null>,
  isInScope?: (row: T) => boolean | Promise<boolean>,
  notFoundMessage = 'Not found.',
): Promise<T> {
  authorizeInInstitute(actor, action);
  const row = await load();
  if (row === null || (isInScope && !(await isInScope(row)))) throw notFound(notFoundMessage);
  return row;
}
