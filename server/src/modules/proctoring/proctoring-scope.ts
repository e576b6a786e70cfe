import { authorizeInInstitute, isRestrictedToOwnBatches, type Actor } from '../../platform/auth/policies.js';
import type { BatchService } from '../batches/batch-service.js';

/** Whom a staff member watches: proctors and teachers their batches' candidates, admins (null) everyone. */
export type Scope = { instituteId: string; batchIds: ReadonlySet<string> | null };

export async function findScope(
  batches: Pick<BatchService, 'listBatchIdsOfMember'>,
  actor: Actor,
  permission: 'proctoring:watch' | 'proctoring:decide',
): Promise<Scope> {
  const { instituteId } = authorizeInInstitute(actor, permission);
  const batchIds = isRestrictedToOwnBatches(actor)
    ? new Set(await batches.listBatchIdsOfMember(actor.userId))
    : null;
  return { instituteId, batchIds };
}

export const isVisible = (scope: Scope, batchIds: readonly string[]): boolean =>
  scope.batchIds === null || batchIds.some((id) => scope.batchIds!.has(id));

/** The socket room of an exam's watchers: per batch, and one for the whole institute. */
export const proctorRoom = (examId: string, batchId: string | null): string =>
  batchId === null ? `proctor:${examId}:all` : `proctor:${examId}:batch:${batchId}`;

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
