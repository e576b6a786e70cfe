import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { batchMembers, batches } from './batch-tables.js';

type Conn = Db | Tx;

export type BatchRow = typeof batches.$inferSelect;
export type MembershipRow = { batchId: string; userId: string; instituteId: string };

export async function listBatchRows(
  db: Conn,
  instituteId: string,
  options: { includeArchived: boolean; onlyIds?: string[] },
): Promise<BatchRow[]> {
  const conditions = [eq(batches.instituteId, instituteId)];
  if (!options.includeArchived) conditions.push(isNull(batches.archivedAt));
  if (options.onlyIds) {
    if (options.onlyIds.length === 0) return [];
    conditions.push(inArray(batches.id, options.onlyIds));
  }
  return db
    .select()
    .from(batches)
    .where(and(...conditions))
    .orderBy(asc(batches.name));
}

export async function findBatchRow(db: Conn, instituteId: string, id: string): Promise<BatchRow | null> {
  const [row] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.instituteId, instituteId), eq(batches.id, id)));
  return row ?? null;
}

/** Every (batch, member) pair of the given batches. */
export async function listMemberships(
  db: Conn,
  batchIds: string[],
): Promise<{ batchId: string; userId: string }[]> {
  if (batchIds.length === 0) return [];
  return db
    .select({ batchId: batchMembers.batchId, userId: batchMembers.userId })
    .from(batchMembers)
    .where(inArray(batchMembers.batchId, batchIds));
}

export async function countActiveBatches(db: Conn, instituteId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(batches)
    .where(and(eq(batches.instituteId, instituteId), isNull(batches.archivedAt)));
  return Number(row?.n ?? 0);
}

export async function insertBatch(
  db: Conn,
  input: { instituteId: string; name: string; code: string; description: string },
): Promise<BatchRow> {
  const [row] = await db.insert(batches).values(input).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateBatchRow(
  db: Conn,
  id: string,
  patch: Partial<Pick<BatchRow, 'name' | 'description' | 'archivedAt'>>,
): Promise<BatchRow> {
  const [row] = await db
    .update(batches)
    .set({ ...patch, updatedAt: bookkeepingNow })
    .where(eq(batches.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

export async function listBatchIdsOfMember(db: Conn, userId: string): Promise<string[]> {
  const rows = await db
    .select({ batchId: batchMembers.batchId })
    .from(batchMembers)
    .where(eq(batchMembers.userId, userId));
  return rows.map((r) => r.batchId);
}

/** Each user's batch ids, in batch-name order (users without batches get an empty list). */
export async function listBatchIdsByUsers(db: Conn, userIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ userId: batchMembers.userId, batchId: batchMembers.batchId })
    .from(batchMembers)
    .innerJoin(batches, eq(batches.id, batchMembers.batchId))
    .where(inArray(batchMembers.userId, userIds))
    .orderBy(asc(batches.name));
  for (const row of rows) result.get(row.userId)?.push(row.batchId);
  return result;
}

export async function findBatchesByIds(db: Conn, instituteId: string, ids: string[]): Promise<BatchRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(batches)
    .where(and(eq(batches.instituteId, instituteId), inArray(batches.id, ids)));
}

export async function findBatchesByCodes(
  db: Conn,
  instituteId: string,
  codes: string[],
): Promise<BatchRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(batches)
    .where(and(eq(batches.instituteId, instituteId), inArray(batches.code, codes)));
}

/** Removes the given members from one batch (the service decides which: its staff). */
export async function deleteMembers(db: Conn, batchId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .delete(batchMembers)
    .where(and(eq(batchMembers.batchId, batchId), inArray(batchMembers.userId, userIds)));
}

/** Replaces every batch of one user; a pair inserted meanwhile by another path is kept. */
export async function replaceMembershipsOfUser(
  tx: Tx,
  instituteId: string,
  userId: string,
  batchIds: string[],
): Promise<void> {
  await tx.delete(batchMembers).where(eq(batchMembers.userId, userId));
  if (batchIds.length > 0) {
    await tx
      .insert(batchMembers)
      .values(batchIds.map((batchId) => ({ batchId, userId, instituteId })))
      .onConflictDoNothing();
  }
}

/** Bulk insert in chunks of 1,000 pairs (a 5,000-student import is a handful of statements). */
export async function insertMemberships(db: Conn, rows: MembershipRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(batchMembers).values(rows.slice(i, i + 1000));
  }
}
