import { asc, eq } from 'drizzle-orm';
import { bookkeepingNow } from '../../platform/db/columns.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { institutes } from './institute-tables.js';

type Conn = Db | Tx;

export type InstituteRow = typeof institutes.$inferSelect;

export async function findInstituteRow(db: Conn, id: string): Promise<InstituteRow | null> {
  const [row] = await db.select().from(institutes).where(eq(institutes.id, id));
  return row ?? null;
}

export async function hasAnyInstitute(db: Conn): Promise<boolean> {
  const rows = await db.select({ id: institutes.id }).from(institutes).limit(1);
  return rows.length > 0;
}

export async function listInstituteRows(db: Conn): Promise<InstituteRow[]> {
  return db.select().from(institutes).orderBy(asc(institutes.name));
}

export async function insertInstitute(tx: Tx, input: { name: string; slug: string }): Promise<InstituteRow> {
  const [row] = await tx.insert(institutes).values(input).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateInstituteSettings(
  db: Conn,
  id: string,
  settings: Partial<Pick<InstituteRow, 'leaderboardNames' | 'timeZone'>>,
): Promise<InstituteRow | null> {
  const [row] = await db
    .update(institutes)
    .set({
      ...(settings.leaderboardNames !== undefined ? { leaderboardNames: settings.leaderboardNames } : {}),
      ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}),
      updatedAt: bookkeepingNow,
    })
    .where(eq(institutes.id, id))
    .returning();
  return row ?? null;
}
