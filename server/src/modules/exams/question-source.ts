import type { Question } from '@examtech/core';
import { and, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/database.js';
import { buildStemPreview } from '../questions/question-text.js';
import {
  examBatches,
  examSchedules,
  exams,
  examSnapshots,
  questionUsages,
  questions,
  questionVersions,
  syllabusNodes,
} from '../../platform/db/schema.js';

/**
 * The exam builder's read access to the bank: current versions of active questions, and
 * candidates for auto-selection. Kept to this one file so the bank's tables are read in one place.
 */

type Conn = Db | Tx;

export type BankQuestion = {
  question: Question;
  versionId: string;
  version: number;
  groupId: string | null;
  summary: {
    version: number;
    type: string;
    difficulty: string;
    stemPreview: string;
    subject: { id: string; name: string };
    chapter: { id: string; name: string };
    topic: { id: string; name: string };
    languages: string[];
  };
};

const subjectNode = alias(syllabusNodes, 'subject_node');
const chapterNode = alias(syllabusNodes, 'chapter_node');
const topicNode = alias(syllabusNodes, 'topic_node');

/** Current versions of the given active questions of the institute, keyed by question id. */
export async function loadCurrentQuestions(
  db: Conn,
  instituteId: string,
  ids: readonly string[],
): Promise<Map<string, BankQuestion>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: questions.id,
      groupId: questions.groupId,
      languages: questions.languages,
      versionId: questionVersions.id,
      version: questionVersions.version,
      body: questionVersions.body,
      subjectId: subjectNode.id,
      subjectName: subjectNode.name,
      chapterId: chapterNode.id,
      chapterName: chapterNode.name,
      topicId: topicNode.id,
      topicName: topicNode.name,
    })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .innerJoin(subjectNode, eq(subjectNode.id, questions.subjectId))
    .innerJoin(chapterNode, eq(chapterNode.id, questions.chapterId))
    .innerJoin(topicNode, eq(topicNode.id, questions.topicId))
    .where(
      and(
        eq(questions.instituteId, instituteId),
        eq(questions.status, 'active'),
        inArray(questions.id, unique),
      ),
    );
  return new Map(
    rows.map((row) => {
      const body = row.body;
      const question = {
        ...body,
        id: row.id,
        classification: { subject: row.subjectName, chapter: row.chapterName, topic: row.topicName },
      };
      return [
        row.id,
        {
          question,
          versionId: row.versionId,
          version: row.version,
          groupId: row.groupId,
          summary: {
            version: row.version,
            type: question.type,
            difficulty: question.difficulty,
            stemPreview: buildStemPreview(question),
            subject: { id: row.subjectId, name: row.subjectName },
            chapter: { id: row.chapterId, name: row.chapterName },
            topic: { id: row.topicId, name: row.topicName },
            languages: row.languages,
          },
        },
      ];
    }),
  );
}

export type CandidateFilter = {
  subjectIds?: string[];
  chapterIds?: string[];
  topicIds?: string[];
  difficulty?: string;
  types?: readonly string[];
  excludeIds?: readonly string[];
  excludeSubjectIds?: readonly string[];
  /** Leave out questions used by the institute's N most recent published exams... */
  excludeUsedInLastExams?: number;
  /** ...counting only exams given to these batches (a question is "new" for a batch that has not seen it). */
  excludeUsedForBatchIds?: readonly string[];
  /** Only questions that appeared in a scheduled exam that has ended (released to students). */
  releasedOnly?: boolean;
  /** Numerical questions only when integer-only (core `hasIntegerAnswer`): JEE Main Section B. */
  integerAnswersOnly?: boolean;
};

export type CandidateRow = {
  id: string;
  groupId: string | null;
  topicId: string;
  chapterId: string;
  subjectId: string;
  difficulty: string;
  type: string;
};

/** Active questions matching the filter, in a stable order (creation), for selection. */
export async function findCandidateQuestions(
  db: Conn,
  instituteId: string,
  filter: CandidateFilter,
): Promise<CandidateRow[]> {
  const conditions: SQL[] = [eq(questions.instituteId, instituteId), eq(questions.status, 'active')];
  if (filter.subjectIds?.length) conditions.push(inArray(questions.subjectId, filter.subjectIds));
  if (filter.chapterIds?.length) conditions.push(inArray(questions.chapterId, filter.chapterIds));
  if (filter.topicIds?.length) conditions.push(inArray(questions.topicId, filter.topicIds));
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
  if (filter.excludeUsedInLastExams && filter.excludeUsedInLastExams > 0) {
    const forBatches = filter.excludeUsedForBatchIds?.length
      ? [
          inArray(
            questionUsages.examId,
            db
              .select({ examId: examBatches.examId })
              .from(examBatches)
              .where(inArray(examBatches.batchId, [...filter.excludeUsedForBatchIds])),
          ),
        ]
      : [];
    const recentExams = db
      .select({ examId: questionUsages.examId })
      .from(questionUsages)
      .where(and(eq(questionUsages.instituteId, instituteId), ...forBatches))
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
  if (filter.releasedOnly) {
    conditions.push(
      inArray(
        questions.id,
        db
          .select({ id: sql<string>`unnest(${examSnapshots.questionIds})` })
          .from(examSnapshots)
          .innerJoin(exams, eq(exams.publishedSnapshotId, examSnapshots.id))
          .innerJoin(examSchedules, eq(examSchedules.examId, exams.id))
          .where(
            and(
              eq(examSnapshots.instituteId, instituteId),
              eq(exams.kind, 'scheduled'),
              sql`${examSchedules.endsAt} < now()`,
            ),
          ),
      ),
    );
  }
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

/** Names of syllabus nodes, for shortfall messages. */
export async function loadNodeNames(
  db: Conn,
  instituteId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: syllabusNodes.id, name: syllabusNodes.name })
    .from(syllabusNodes)
    .where(and(eq(syllabusNodes.instituteId, instituteId), inArray(syllabusNodes.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function recordUsages(
  tx: Tx,
  instituteId: string,
  examId: string,
  used: { questionId: string; versionId: string }[],
): Promise<void> {
  if (used.length === 0) return;
  await tx
    .insert(questionUsages)
    .values(used.map((u) => ({ instituteId, examId, ...u })))
    .onConflictDoNothing();
}

export async function clearUsages(tx: Tx, examId: string): Promise<void> {
  await tx.delete(questionUsages).where(eq(questionUsages.examId, examId));
}
