import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { batchMembers, batches, institutes, users } from '../../platform/db/schema.js';
import type { InstituteRow, UserRow } from './user-presenter.js';

type Conn = Db | Tx;

export type UserFilter = {
  instituteId: string;
  role?: UserRow['role'];
  batchId?: string;
  /** Restrict to members of these batches (teachers and proctors see only their batches). */
  withinBatchIds?: string[];
  query?: string;
  includeInactive: boolean;
};

export type NewUser = {
  instituteId: string | null;
  email: string;
  name: string;
  role: UserRow['role'];
  passwordHash: string;
  phone?: string | null;
  rollNumber?: string | null;
  mustChangePassword: boolean;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Conn, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

export async function findUserById(db: Conn, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserInInstitute(
  db: Conn,
  instituteId: string,
  id: string,
): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.instituteId, instituteId)));
  return row ?? null;
}

export async function findInstitute(db: Conn, id: string | null): Promise<InstituteRow | null> {
  if (!id) return null;
  const [row] = await db.select().from(institutes).where(eq(institutes.id, id));
  return row ?? null;
}

export async function listBatchIdsByUser(db: Conn, userIds: string[]): Promise<Map<string, string[]>> {
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

function whereForFilter(filter: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(users.instituteId, filter.instituteId)];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (!filter.includeInactive) conditions.push(eq(users.active, true));
  if (filter.batchId) {
    conditions.push(
      inArray(
        users.id,
        sql`(select ${batchMembers.userId} from ${batchMembers} where ${batchMembers.batchId} = ${filter.batchId})`,
      ),
    );
  }
  if (filter.withinBatchIds) {
    const ids =
      filter.withinBatchIds.length > 0 ? filter.withinBatchIds : ['00000000-0000-0000-0000-000000000000'];
    conditions.push(
      inArray(
        users.id,
        sql`(select ${batchMembers.userId} from ${batchMembers} where ${inArray(batchMembers.batchId, ids)})`,
      ),
    );
  }
  if (filter.query) {
    const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.rollNumber, pattern)),
    );
  }
  return and(...conditions);
}

export async function listUsers(
  db: Conn,
  filter: UserFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const where = whereForFilter(filter);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function insertUser(db: Conn, input: NewUser): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...input, email: normaliseEmail(input.email) })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUserRow(
  db: Conn,
  id: string,
  patch: Partial<
    Pick<UserRow, 'name' | 'phone' | 'rollNumber' | 'active' | 'passwordHash' | 'mustChangePassword'>
  >,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

/**
 * Replaces a user's batches. Two concurrent replacements of the same user used to race (both
 * delete, both insert the same pairs: a unique violation, answered 500): the user row is locked
 * first so they run one after the other, and a pair inserted meanwhile by another path (batch
 * staff, import) is kept rather than failing the request.
 */
export async function replaceBatchMemberships(
  tx: Tx,
  instituteId: string,
  userId: string,
  batchIds: string[],
): Promise<void> {
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
  await tx.delete(batchMembers).where(eq(batchMembers.userId, userId));
  if (batchIds.length > 0) {
    await tx
      .insert(batchMembers)
      .values(batchIds.map((batchId) => ({ batchId, userId, instituteId })))
      .onConflictDoNothing();
  }
}

/**
 * Which of `emails` have an account, and whether it is in `instituteId`. Callers tell an admin only
 * about their own institute's accounts (see user-service's email rule).
 */
export async function findEmailOwners(
  db: Conn,
  instituteId: string,
  emails: string[],
): Promise<{ inInstitute: Set<string>; elsewhere: Set<string> }> {
  const result = { inInstitute: new Set<string>(), elsewhere: new Set<string>() };
  if (emails.length === 0) return result;
  const rows = await db
    .select({ email: users.email, instituteId: users.instituteId })
    .from(users)
    .where(inArray(users.email, emails.map(normaliseEmail)));
  for (const row of rows)
    (row.instituteId === instituteId ? result.inInstitute : result.elsewhere).add(row.email);
  return result;
}

export async function findExistingRollNumbers(
  db: Conn,
  instituteId: string,
  rollNumbers: string[],
): Promise<Set<string>> {
  if (rollNumbers.length === 0) return new Set();
  const rows = await db
    .select({ rollNumber: users.rollNumber })
    .from(users)
    .where(and(eq(users.instituteId, instituteId), inArray(users.rollNumber, rollNumbers)));
  return new Set(rows.map((r) => r.rollNumber ?? ''));
}

/** Bulk insert in chunks: one statement per chunk keeps a 5,000-row import to a handful of round trips. */
export async function insertUsers(db: Conn, input: NewUser[]): Promise<UserRow[]> {
  const out: UserRow[] = [];
  for (let i = 0; i < input.length; i += 500) {
    const chunk = input.slice(i, i + 500).map((u) => ({ ...u, email: normaliseEmail(u.email) }));
    out.push(...(await db.insert(users).values(chunk).returning()));
  }
  return out;
}

export async function insertBatchMemberships(
  db: Conn,
  rows: { batchId: string; userId: string; instituteId: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(batchMembers).values(rows.slice(i, i + 1000));
  }
}

export async function findUserNames(db: Conn, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}

/** Which of `ids` are students of the institute (any state: an exam's schedule may name an inactive one). */
export async function findStudentIds(db: Conn, instituteId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.instituteId, instituteId), eq(users.role, 'student'), inArray(users.id, ids)));
  return rows.map((row) => row.id);
}
