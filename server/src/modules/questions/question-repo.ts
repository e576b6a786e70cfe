import type { Difficulty, QuestionType } from '@examtech/core';
import { and, asc, count, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { bookkeepingNow } from '../../platform/db/columns.js';
import { questions, questionUsages, questionVersions } from './question-tables.js';

type Conn = Db | Tx;
export type NewQuestionRow = typeof questions.$inferInsert & { id: string; currentVersionId: string };
export type NewVersionRow = typeof questionVersions.$inferInsert & { id: string };

/** Every column but the search vector, which is large and only ever matched in SQL. */
const questionColumns = {
  id: questions.id,
  instituteId: questions.instituteId,
  currentVersionId: questions.currentVersionId,
  versionNumber: questions.versionNumber,
  type: questions.type,
  difficulty: questions.difficulty,
  subjectId: questions.subjectId,
  chapterId: questions.chapterId,
  topicId: questions.topicId,
  tags: questions.tags,
  languages: questions.languages,
  source: questions.source,
  groupId: questions.groupId,
  status: questions.status,
  contentHash: questions.contentHash,
  createdBy: questions.createdBy,
  updatedBy: questions.updatedBy,
  createdAt: questions.createdAt,
  updatedAt: questions.updatedAt,
};
export type QuestionRow = { [K in keyof typeof questionColumns]: (typeof questions.$inferSelect)[K] };

/** What the list filters become once the service has resolved them (tsquery text, recent exams). */
export type QuestionCriteria = {
  instituteId: string;
  status: 'active' | 'archived';
  subjectId?: string | undefined;
  chapterId?: string | undefined;
  topicId?: string | undefined;
  type?: QuestionType | undefined;
  difficulty?: Difficulty | undefined;
  tags: string[];
  language?: string | undefined;
  missingLanguage?: string | undefined;
  tsquery: string | null;
  excludeUsedInExamIds: string[];
  sort: 'updated' | 'created';
};

// Bind parameters per statement are limited to 65,535; questions have about 20 columns.
const INSERT_CHUNK = 1_000;

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
const uuidArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::uuid[]`;

function whereForCriteria(criteria: QuestionCriteria): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    eq(questions.instituteId, criteria.instituteId),
    eq(questions.status, criteria.status),
  ];
  if (criteria.subjectId) conditions.push(eq(questions.subjectId, criteria.subjectId));
  if (criteria.chapterId) conditions.push(eq(questions.chapterId, criteria.chapterId));
  if (criteria.topicId) conditions.push(eq(questions.topicId, criteria.topicId));
  if (criteria.type) conditions.push(eq(questions.type, criteria.type));
  if (criteria.difficulty) conditions.push(eq(questions.difficulty, criteria.difficulty));
  if (criteria.tags.length > 0) conditions.push(sql`${questions.tags} @> ${textArray(criteria.tags)}`);
  if (criteria.language) conditions.push(sql`${questions.languages} @> ${textArray([criteria.language])}`);
  if (criteria.missingLanguage)
    conditions.push(sql`not (${questions.languages} @> ${textArray([criteria.missingLanguage])})`);
  if (criteria.tsquery) conditions.push(sql`${questions.searchVector} @@ ${criteria.tsquery}::tsquery`);
  if (criteria.excludeUsedInExamIds.length > 0) {
    conditions.push(sql`not exists (select 1 from ${questionUsages} u where u.question_id = ${questions.id}
      and u.exam_id = any(${uuidArray(criteria.excludeUsedInExamIds)}))`);
  }
  return and(...conditions);
}

const orderForCriteria = (criteria: QuestionCriteria) =>
  criteria.sort === 'created'
    ? [desc(questions.createdAt), desc(questions.id)]
    : [desc(questions.updatedAt), desc(questions.id)];

export async function listQuestionRows(
  db: Conn,
  criteria: QuestionCriteria,
  page: { limit: number; offset: number },
): Promise<QuestionRow[]> {
  return db
    .select(questionColumns)
    .from(questions)
    .where(whereForCriteria(criteria))
    .orderBy(...orderForCriteria(criteria))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countQuestionRows(db: Conn, criteria: QuestionCriteria): Promise<number> {
  const [row] = await db.select({ n: count() }).from(questions).where(whereForCriteria(criteria));
  return Number(row?.n ?? 0);
}

/** The institute's most recent distinct exams by their latest recorded usage. */
export async function listRecentExamIds(db: Conn, instituteId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ examId: questionUsages.examId })
    .from(questionUsages)
    .where(eq(questionUsages.instituteId, instituteId))
    .groupBy(questionUsages.examId)
    .orderBy(sql`max(${questionUsages.usedAt}) desc`)
    .limit(limit);
  return rows.map((row) => row.examId);
}

export async function findQuestionRows(
  db: Conn,
  instituteId: string,
  ids: string[],
  options: { forUpdate?: boolean } = {},
): Promise<QuestionRow[]> {
  if (ids.length === 0) return [];
  const query = db
    .select(questionColumns)
    .from(questions)
    .where(and(eq(questions.instituteId, instituteId), inArray(questions.id, ids)));
  return options.forUpdate ? query.for('update') : query;
}

export async function insertQuestions(
  db: Conn,
  rows: NewQuestionRow[],
  versions: NewVersionRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await db.insert(questions).values(rows.slice(start, start + INSERT_CHUNK));
  }
  // Version bodies are large: smaller chunks keep each statement's payload modest.
  for (let start = 0; start < versions.length; start += INSERT_CHUNK / 2) {
    await db.insert(questionVersions).values(versions.slice(start, start + INSERT_CHUNK / 2));
  }
}

export async function insertVersion(db: Conn, row: NewVersionRow): Promise<void> {
  await db.insert(questionVersions).values(row);
}

export async function updateQuestionRow(
  db: Conn,
  id: string,
  patch: Partial<typeof questions.$inferInsert>,
): Promise<void> {
  await db
    .update(questions)
    .set({ ...patch, updatedAt: bookkeepingNow })
    .where(eq(questions.id, id));
}

export async function updateQuestionRows(
  db: Conn,
  ids: string[],
  patch: Partial<typeof questions.$inferInsert>,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(questions)
    .set({ ...patch, updatedAt: bookkeepingNow })
    .where(inArray(questions.id, ids));
}

/** Sets each question's tags and search vector in one statement. */
export async function updateTagsAndVectors(
  db: Conn,
  updates: { id: string; tags: string[]; searchVector: string }[],
  updatedBy: string,
): Promise<void> {
  if (updates.length === 0) return;
  await db.execute(sql`
    update ${questions} set tags = v.tags, search_vector = v.search_vector::tsvector, updated_by = ${updatedBy}, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(updates.map((u) => ({ id: u.id, tags: u.tags, search_vector: u.searchVector })))}::jsonb)
      as v(id uuid, tags text[], search_vector text)
    where ${questions.id} = v.id`);
}

export type VersionRow = typeof questionVersions.$inferSelect;

export async function findVersionsByIds(db: Conn, instituteId: string, ids: string[]): Promise<VersionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(questionVersions)
    .where(and(eq(questionVersions.instituteId, instituteId), inArray(questionVersions.id, ids)));
}

export async function listVersions(db: Conn, questionId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(questionVersions)
    .where(eq(questionVersions.questionId, questionId))
    .orderBy(desc(questionVersions.version));
}

export async function listTagCounts(
  db: Conn,
  instituteId: string,
): Promise<{ tag: string; count: number }[]> {
  // A set-returning function in the select list, grouped by position: one row per (question, tag).
  const rows = await db
    .select({ tag: sql<string>`unnest(${questions.tags})`, n: count() })
    .from(questions)
    .where(and(eq(questions.instituteId, instituteId), eq(questions.status, 'active')))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1 asc`);
  return rows.map((row) => ({ tag: row.tag, count: Number(row.n) }));
}

export async function countActiveQuestionsByTopic(
  db: Conn,
  instituteId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ topicId: questions.topicId, n: count() })
    .from(questions)
    .where(and(eq(questions.instituteId, instituteId), eq(questions.status, 'active')))
    .groupBy(questions.topicId);
  return new Map(rows.map((row) => [row.topicId, Number(row.n)]));
}

export async function findActiveIdsByContentHash(
  db: Conn,
  instituteId: string,
  hashes: string[],
): Promise<{ id: string; contentHash: string }[]> {
  if (hashes.length === 0) return [];
  return db
    .select({ id: questions.id, contentHash: questions.contentHash })
    .from(questions)
    .where(
      and(
        eq(questions.instituteId, instituteId),
        eq(questions.status, 'active'),
        inArray(questions.contentHash, hashes),
      ),
    )
    .orderBy(asc(questions.createdAt));
}

/** The current versions of the given active questions of the institute (the exam builder's reads). */
export async function findActiveCurrentVersions(db: Conn, instituteId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: questions.id,
      groupId: questions.groupId,
      languages: questions.languages,
      subjectId: questions.subjectId,
      chapterId: questions.chapterId,
      topicId: questions.topicId,
      versionId: questionVersions.id,
      version: questionVersions.version,
      body: questionVersions.body,
    })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .where(
      and(
        eq(questions.instituteId, instituteId),
        eq(questions.status, 'active'),
        inArray(questions.id, [...ids]),
      ),
    );
}

/** Where the given questions sit in the syllabus now, whatever their status (the progress module's evidence). */
export async function findPlacements(db: Conn, instituteId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: questions.id,
      subjectId: questions.subjectId,
      chapterId: questions.chapterId,
      topicId: questions.topicId,
    })
    .from(questions)
    .where(and(eq(questions.instituteId, instituteId), inArray(questions.id, [...ids])));
}

/**
 * What auto-selection may draw from. The exam facts a filter depends on (which exams count as
 * recent for some batches, which questions are released) are resolved by the exams module and
 * passed in as ids, so this repo reads the bank's tables only.
 */
export type BankCandidateCriteria = {
  subjectIds?: readonly string[];
  chapterIds?: readonly string[];
  topicIds?: readonly string[];
  difficulty?: Difficulty;
  types?: readonly QuestionType[];
  excludeIds?: readonly string[];
  excludeSubjectIds?: readonly string[];
  /** Leave out questions used by the institute's N most recent exams (by usage)... */
  excludeUsedInLastExams?: number;
  /** ...counting only these exams (null: every exam of the institute). */
  usageExamIds?: readonly string[] | null;
  /** Only these questions (null: no such restriction). */
  onlyIds?: readonly string[] | null;
  integerAnswersOnly?: boolean;
};

export type BankCandidateRow = {
  id: string;
  groupId: string | null;
  topicId: string;
  chapterId: string;
  subjectId: string;
  difficulty: Difficulty;
  type: QuestionType;
};

/** Active questions matching the criteria, in a stable order (creation), for selection. */
export async function findBankCandidates(
  db: Conn,
  instituteId: string,
  filter: BankCandidateCriteria,
): Promise<BankCandidateRow[]> {
  const conditions: SQL[] = [eq(questions.instituteId, instituteId), eq(questions.status, 'active')];
  if (filter.subjectIds?.length) conditions.push(inArray(questions.subjectId, [...filter.subjectIds]));
  if (filter.chapterIds?.length) conditions.push(inArray(questions.chapterId, [...filter.chapterIds]));
  if (filter.topicIds?.length) conditions.push(inArray(questions.topicId, [...filter.topicIds]));
  if (filter.difficulty) conditions.push(eq(questions.difficulty, filter.difficulty));
  if (filter.types?.length) conditions.push(inArray(questions.type, [...filter.types]));
  if (filter.excludeIds?.length) conditions.push(notInArray(questions.id, [...filter.excludeIds]));
  if (filter.excludeSubjectIds?.length)
    conditions.push(notInArray(questions.subjectId, [...filter.excludeSubjectIds]));
  if (filter.integerAnswersOnly) {
    // Mirrors the core's hasIntegerAnswer on the current version's body.
    conditions.push(
      sql`(questions.type <> 'numerical' or exists (select 1 from question_versions v where v.id = questions.current_version_id and v.body -> 'format' ->> 'integerOnly' = 'true'))`,
    );
  }
  const usageExamIds = filter.usageExamIds ?? null;
  // No exam of the batches: none is recent, nothing is left out.
  if (filter.excludeUsedInLastExams && filter.excludeUsedInLastExams > 0 && usageExamIds?.length !== 0) {
    const recentExams = db
      .select({ examId: questionUsages.examId })
      .from(questionUsages)
      .where(
        and(
          eq(questionUsages.instituteId, instituteId),
          ...(usageExamIds ? [inArray(questionUsages.examId, [...usageExamIds])] : []),
        ),
      )
      .groupBy(questionUsages.examId)
      .orderBy(desc(sql`max(${questionUsages.usedAt})`))
      .limit(filter.excludeUsedInLastExams);
    conditions.push(
      notInArray(
        questions.id,
        db
          .select({ id: questionUsages.questionId })
          .from(questionUsages)
          .where(inArray(questionUsages.examId, recentExams)),
      ),
    );
  }
  if (filter.onlyIds)
    conditions.push(filter.onlyIds.length ? inArray(questions.id, [...filter.onlyIds]) : sql`false`);
  return db
    .select({
      id: questions.id,
      groupId: questions.groupId,
      topicId: questions.topicId,
      chapterId: questions.chapterId,
      subjectId: questions.subjectId,
      difficulty: questions.difficulty,
      type: questions.type,
    })
    .from(questions)
    .where(and(...conditions))
    .orderBy(questions.createdAt, questions.id)
    .limit(20_000);
}

/** The one way usage is recorded: an exam's questions, when it is published. */
export async function insertUsages(
  db: Conn,
  rows: { instituteId: string; examId: string; questionId: string; versionId: string; usedAt: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(questionUsages).values(rows).onConflictDoNothing();
}

export async function deleteUsagesOfExam(db: Conn, examId: string): Promise<void> {
  await db.delete(questionUsages).where(eq(questionUsages.examId, examId));
}
