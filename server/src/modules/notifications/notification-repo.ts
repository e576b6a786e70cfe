import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { notifications } from './notification-tables.js';

type Conn = Db | Tx;
export type NotificationRow = typeof notifications.$inferSelect;

/** Rows per INSERT: 10,000 candidates are ten statements, each well under the parameter limit. */
const CHUNK = 1000;

export async function insertMany(db: Conn, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db.insert(notifications).values(rows.slice(i, i + CHUNK));
}

export async function listOwn(db: Conn, userId: string, limit: number): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Conn, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: Conn, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length > 0) return true;
  const [mine] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return mine !== undefined;
}

export async function markAllRead(db: Conn, userId: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
