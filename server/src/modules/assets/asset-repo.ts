import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { assets } from './asset-tables.js';

type Conn = Db | Tx;
export type AssetRow = typeof assets.$inferSelect;

export async function findAsset(db: Conn, instituteId: string, id: string): Promise<AssetRow | null> {
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.instituteId, instituteId), eq(assets.id, id)));
  return row ?? null;
}

export async function findAssetBySha(
  db: Conn,
  instituteId: string,
  sha256: string,
  contentType: string,
): Promise<AssetRow | null> {
  const [row] = await db
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.instituteId, instituteId),
        eq(assets.sha256, sha256),
        eq(assets.contentType, contentType),
      ),
    )
    .orderBy(asc(assets.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findAssetIds(db: Conn, instituteId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.instituteId, instituteId), inArray(assets.id, ids)));
  return rows.map((row) => row.id);
}

/** Null when a row with this id is already there (a direct upload completed twice at once). */
export async function insertAssetIfAbsent(
  db: Conn,
  row: typeof assets.$inferInsert,
): Promise<AssetRow | null> {
  const [inserted] = await db
    .insert(assets)
    .values(row)
    .onConflictDoNothing({ target: assets.id })
    .returning();
  return inserted ?? null;
}
