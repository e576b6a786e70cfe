import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { syllabusNodes } from './syllabus-tables.js';

type Conn = Db | Tx;
export type SyllabusNodeRow = typeof syllabusNodes.$inferSelect;
export type SyllabusKind = SyllabusNodeRow['kind'];
export type NewSyllabusNode = Pick<
  SyllabusNodeRow,
  'id' | 'instituteId' | 'parentId' | 'kind' | 'name' | 'position'
>;

// Bind parameters per statement are limited to 65,535; six columns per node.
const INSERT_CHUNK = 2_000;

export async function listNodes(db: Conn, instituteId: string): Promise<SyllabusNodeRow[]> {
  return db
    .select()
    .from(syllabusNodes)
    .where(eq(syllabusNodes.instituteId, instituteId))
    .orderBy(asc(syllabusNodes.position), asc(syllabusNodes.name));
}

export async function findNodes(db: Conn, instituteId: string, ids: string[]): Promise<SyllabusNodeRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(syllabusNodes)
    .where(and(eq(syllabusNodes.instituteId, instituteId), inArray(syllabusNodes.id, ids)));
}

export async function listSiblings(
  db: Conn,
  instituteId: string,
  kind: SyllabusKind,
  parentId: string | null,
): Promise<SyllabusNodeRow[]> {
  return db
    .select()
    .from(syllabusNodes)
    .where(
      and(
        eq(syllabusNodes.instituteId, instituteId),
        eq(syllabusNodes.kind, kind),
        parentId === null ? isNull(syllabusNodes.parentId) : eq(syllabusNodes.parentId, parentId),
      ),
    )
    .orderBy(asc(syllabusNodes.position), asc(syllabusNodes.name));
}

/** Inserts nodes; a name already taken among its siblings is skipped (the caller re-reads). */
export async function insertNodes(
  db: Conn,
  nodes: NewSyllabusNode[],
  options: { skipTaken: boolean },
): Promise<SyllabusNodeRow[]> {
  const inserted: SyllabusNodeRow[] = [];
  for (let start = 0; start < nodes.length; start += INSERT_CHUNK) {
    const query = db.insert(syllabusNodes).values(nodes.slice(start, start + INSERT_CHUNK));
    inserted.push(...(await (options.skipTaken ? query.onConflictDoNothing() : query).returning()));
  }
  return inserted;
}

export async function updateNodeRow(
  db: Conn,
  id: string,
  patch: Partial<Pick<SyllabusNodeRow, 'name' | 'position' | 'archivedAt'>>,
): Promise<SyllabusNodeRow> {
  const [row] = await db
    .update(syllabusNodes)
    .set({ ...patch, updatedAt: bookkeepingNow })
    .where(eq(syllabusNodes.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

/** Rewrites sibling positions to 0..n-1 in the given order, in one statement. */
export async function writePositions(db: Conn, orderedIds: string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await db.execute(sql`
    update ${syllabusNodes} set position = ordered.position - 1, updated_at = now()
    from unnest(array[${sql.join(
      orderedIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]) with ordinality as ordered(id, position)
    where ${syllabusNodes.id} = ordered.id`);
}

export async function unarchiveNodes(db: Conn, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(syllabusNodes)
    .set({ archivedAt: null, updatedAt: bookkeepingNow })
    .where(inArray(syllabusNodes.id, ids));
}

export type TopicPlacementRow = {
  topicId: string;
  topic: string;
  topicArchivedAt: Date | null;
  chapterId: string;
  chapter: string;
  chapterArchivedAt: Date | null;
  subjectId: string;
  subject: string;
  subjectArchivedAt: Date | null;
};

/** Each topic with its chapter and subject, in one query. */
export async function findTopicPlacements(
  db: Conn,
  instituteId: string,
  topicIds: string[],
): Promise<TopicPlacementRow[]> {
  if (topicIds.length === 0) return [];
  const chapter = alias(syllabusNodes, 'chapter');
  const subject = alias(syllabusNodes, 'subject');
  return db
    .select({
      topicId: syllabusNodes.id,
      topic: syllabusNodes.name,
      topicArchivedAt: syllabusNodes.archivedAt,
      chapterId: chapter.id,
      chapter: chapter.name,
      chapterArchivedAt: chapter.archivedAt,
      subjectId: subject.id,
      subject: subject.name,
      subjectArchivedAt: subject.archivedAt,
    })
    .from(syllabusNodes)
    .innerJoin(chapter, and(eq(chapter.id, syllabusNodes.parentId), eq(chapter.kind, 'chapter')))
    .innerJoin(subject, and(eq(subject.id, chapter.parentId), eq(subject.kind, 'subject')))
    .where(
      and(
        eq(syllabusNodes.instituteId, instituteId),
        eq(syllabusNodes.kind, 'topic'),
        inArray(syllabusNodes.id, topicIds),
      ),
    );
}
