import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { batchMembers, batches, users } from '../../platform/db/schema.js';
import type { BatchRow } from '../users/user-presenter.js';

type Conn = Db | Tx;

export type BatchWithPeople = BatchRow & {
  studentCount: number;
  staff: { id: string; name: string; role: 'teacher' | 'proctor' }[];
};

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

/** Adds student counts and assigned staff to batch rows in two queries, whatever the number of batches. */
export async function withPeople(db: Conn, rows: BatchRow[]): Promise<BatchWithPeople[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = await db
    .select({
      batchId: batchMembers.batchId,
      id: users.id,
      name: users.name,
      role: users.role,
      active: users.active,
    })
    .from(batchMembers)
    .innerJoin(users, eq(users.id, batchMembers.userId))
    .where(inArray(batchMembers.batchId, ids))
    .orderBy(asc(users.name));
  return rows.map((row) => {
    const own = members.filter((m) => m.batchId === row.id);
    return {
      ...row,
      studentCount: own.filter((m) => m.role === 'student' && m.active).length,
      staff: own
        .filter(
          (m): m is typeof m & { role: 'teacher' | 'proctor' } =>
            m.role === 'teacher' || m.role === 'proctor',
        )
        .map(({ id, name, role }) => ({ id, name, role })),
    };
  });
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
    .set({ ...patch, updatedAt: new Date() })
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

/** Replaces the teachers and proctors of a batch, leaving its students alone. */
export async function replaceBatchStaff(
  db: Conn,
  instituteId: string,
  batchId: string,
  staffIds: string[],
): Promise<void> {
  await db
    .delete(batchMembers)
    .where(
      and(
        eq(batchMembers.batchId, batchId),
        inArray(
          batchMembers.userId,
          sql`(select ${users.id} from ${users} where ${users.role} in ('teacher', 'proctor'))`,
        ),
      ),
    );
  if (staffIds.length > 0) {
    await db.insert(batchMembers).values(staffIds.map((userId) => ({ batchId, userId, instituteId })));
  }
}

export async function findStaffUsers(db: Conn, instituteId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.instituteId, instituteId),
        inArray(users.id, ids),
        inArray(users.role, ['teacher', 'proctor']),
        eq(users.active, true),
      ),
    );
}
