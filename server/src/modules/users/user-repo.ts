import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { users } from './user-tables.js';

type Conn = Db | Tx;

export type UserRow = typeof users.$inferSelect;

export type UserFilter = {
  instituteId: string;
  role?: UserRow['role'];
  /** Members of the batch filtered on (ids from the batches module). */
  batchMemberIds?: string[];
  /** Members of the staff member's own batches: teachers and proctors see only those. */
  withinMemberIds?: string[];
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

function whereForFilter(filter: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(users.instituteId, filter.instituteId)];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (!filter.includeInactive) conditions.push(eq(users.active, true));
  for (const ids of [filter.batchMemberIds, filter.withinMemberIds]) {
    if (ids) conditions.push(ids.length > 0 ? inArray(users.id, ids) : sql`false`);
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
    Pick<
      UserRow,
      'name' | 'phone' | 'rollNumber' | 'active' | 'passwordHash' | 'mustChangePassword' | 'uiLanguage'
    >
  >,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: bookkeepingNow })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

/**
 * Locks a user's row until the transaction ends. Two concurrent replacements of the same user's
 * batches used to race (both delete, both insert the same pairs: a unique violation, answered 500);
 * taking this lock first makes them run one after the other.
 */
export async function lockUserRow(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
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

export async function findUserNames(db: Conn, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}

// Well under PostgreSQL's 65,535 parameters per statement.
const PEOPLE_CHUNK = 20_000;

/** The institute's users among `ids`, ordered by name (within each chunk of 20,000). */
export async function findPeople(
  db: Conn,
  instituteId: string,
  ids: string[],
): Promise<Pick<UserRow, 'id' | 'name' | 'role' | 'active'>[]> {
  const out: Pick<UserRow, 'id' | 'name' | 'role' | 'active'>[] = [];
  for (let i = 0; i < ids.length; i += PEOPLE_CHUNK) {
    out.push(
      ...(await db
        .select({ id: users.id, name: users.name, role: users.role, active: users.active })
        .from(users)
        .where(and(eq(users.instituteId, instituteId), inArray(users.id, ids.slice(i, i + PEOPLE_CHUNK))))
        .orderBy(asc(users.name))),
    );
  }
  return out;
}

/** Names, emails and roll numbers of the institute's users, for lists such as an exam's results. */
export async function findProfiles(
  db: Conn,
  instituteId: string,
  ids: string[],
): Promise<Pick<UserRow, 'id' | 'name' | 'email' | 'rollNumber'>[]> {
  const out: Pick<UserRow, 'id' | 'name' | 'email' | 'rollNumber'>[] = [];
  for (let i = 0; i < ids.length; i += PEOPLE_CHUNK) {
    out.push(
      ...(await db
        .select({ id: users.id, name: users.name, email: users.email, rollNumber: users.rollNumber })
        .from(users)
        .where(and(eq(users.instituteId, instituteId), inArray(users.id, ids.slice(i, i + PEOPLE_CHUNK))))),
    );
  }
  return out;
}

export async function countActiveUsersByRole(db: Conn, instituteId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ role: users.role, n: count() })
    .from(users)
    .where(and(eq(users.instituteId, instituteId), eq(users.active, true)))
    .groupBy(users.role);
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
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
