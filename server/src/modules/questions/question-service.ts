import { randomUUID } from 'node:crypto';
import type { Question } from '@examtech/core';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { authorizeInInstitute, type Actor, type InstituteActor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { AssetService } from '../assets/asset-service.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import type { UserService } from '../users/user-service.js';
import { createBulkActions } from './question-bulk.js';
import {
  presentCurrentBody,
  presentDetail,
  presentSummary,
  presentVersion,
  type Lookups,
  type QuestionDetailView,
  type QuestionSummaryView,
  type Reservation,
} from './question-presenter.js';
import {
  assertQuestionsValid,
  buildNewQuestionRows,
  deriveQuestionColumns,
  placeQuestion,
  toCoreQuestion,
  toStoredBody,
  type StoredBody,
} from './question-record.js';
import * as repo from './question-repo.js';
import type { BulkAction, QuestionBody, QuestionFilter, QuestionListQuery } from './question-schema.js';
import { buildStemPreview, toTsqueryLiteral } from './question-text.js';

export { questionListQuerySchema, type QuestionFilter, type QuestionListQuery } from './question-schema.js';
export { countActiveQuestionsByTopic } from './question-repo.js';

export const MAX_EXPORT_QUESTIONS = 100_000;
const LOAD_CHUNK = 1_000;

export type QuestionServiceDeps = {
  database: Database;
  syllabus: SyllabusService;
  assets: Pick<AssetService, 'findExistingAssetIds'>;
  users: Pick<UserService, 'findUserNames'>;
  /** Questions held back from practice by published exams whose results are not out (the exams module). */
  reservations: { findReservedQuestions(instituteId: string): Promise<Map<string, Reservation[]>> };
};
export type QuestionService = ReturnType<typeof createQuestionService>;

export function createQuestionService(deps: QuestionServiceDeps) {
  const { db, readDb } = deps.database;

  async function loadPlacements(
    conn: Db | Tx,
    instituteId: string,
    topicIds: string[],
    pathOf: (topicId: string) => string,
  ) {
    const placements = await deps.syllabus.findTopicPlacements(conn, instituteId, topicIds);
    const unknown = [...new Set(topicIds)].filter(
      (id) => !placements.get(id) || placements.get(id)?.isArchived,
    );
    if (unknown.length > 0) {
      throw new AppError('SYLLABUS_TOPIC_INVALID', undefined, {
        fields: unknown.map((id) => ({
          path: pathOf(id),
          message: 'Not an active topic of this institute.',
        })),
      });
    }
    return placements;
  }

  /** Images must be uploaded to this institute; a reference to anything else is an error. */
  async function assertImagesExist(
    conn: Db | Tx,
    instituteId: string,
    items: { question: Question; pathPrefix: string }[],
  ) {
    const declared = items.flatMap(({ question }) => (question.images ?? []).map((image) => image.id));
    if (declared.length === 0) return;
    const existing = await deps.assets.findExistingAssetIds(conn, instituteId, declared);
    const fields = items.flatMap(({ question, pathPrefix }) =>
      (question.images ?? []).flatMap((image, index) =>
        existing.has(image.id)
          ? []
          : [
              {
                path: `${pathPrefix}images.${index}.id`,
                message: `Image "${image.id}" is not uploaded to this institute.`,
              },
            ],
      ),
    );
    if (fields.length > 0) throw new AppError('QUESTION_INVALID', undefined, { fields });
  }

  async function loadLookups(
    rows: repo.QuestionRow[],
    instituteId: string,
    extraUserIds: (string | null)[] = [],
  ): Promise<Lookups> {
    const nodeIds = rows.flatMap((row) => [row.subjectId, row.chapterId, row.topicId]);
    const userIds = [...rows.flatMap((row) => [row.createdBy, row.updatedBy]), ...extraUserIds].filter(
      (id): id is string => id !== null,
    );
    const [nodeNames, userNames, reservations] = await Promise.all([
      deps.syllabus.findNodeNames(readDb, instituteId, nodeIds),
      deps.users.findUserNames(userIds),
      deps.reservations.findReservedQuestions(instituteId),
    ]);
    return { nodeNames, userNames, reservations };
  }

  /** Current version bodies by question id, loaded in chunks. */
  async function loadCurrentBodies(
    conn: Db | Tx,
    instituteId: string,
    rows: repo.QuestionRow[],
  ): Promise<Map<string, StoredBody>> {
    const bodies = new Map<string, StoredBody>();
    for (let start = 0; start < rows.length; start += LOAD_CHUNK) {
      const ids = rows
        .slice(start, start + LOAD_CHUNK)
        .flatMap((row) => (row.currentVersionId ? [row.currentVersionId] : []));
      for (const version of await repo.findVersionsByIds(conn, instituteId, ids))
        bodies.set(version.questionId, version.body);
    }
    return bodies;
  }

  async function findOwnRow(
    conn: Db | Tx,
    instituteId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ) {
    const [row] = await repo.findQuestionRows(conn, instituteId, [id], options);
    if (!row) throw notFound('Question not found.');
    return row;
  }

  async function getDetail(conn: Db | Tx, instituteId: string, id: string): Promise<QuestionDetailView> {
    const row = await findOwnRow(conn, instituteId, id);
    const body = (await loadCurrentBodies(conn, instituteId, [row])).get(row.id);
    if (!body) throw notFound('Question not found.');
    return presentDetail(row, body, buildStemPreview(body), await loadLookups([row], instituteId));
  }

  /** Turns the API filter into SQL criteria (the tsquery, the exams to exclude). */
  async function resolveCriteria(
    conn: Db | Tx,
    instituteId: string,
    filter: QuestionFilter,
  ): Promise<repo.QuestionCriteria> {
    const excludeUsedInExamIds = filter.notUsedInLastExams
      ? await repo.listRecentExamIds(conn, instituteId, filter.notUsedInLastExams)
      : [];
    return {
      instituteId,
      status: filter.status,
      subjectId: filter.subjectId,
      chapterId: filter.chapterId,
      topicId: filter.topicId,
      type: filter.type,
      difficulty: filter.difficulty,
      tags: filter.tags,
      language: filter.language,
      missingLanguage: filter.missingLanguage,
      tsquery: filter.q ? toTsqueryLiteral(filter.q) : null,
      excludeUsedInExamIds,
      sort: filter.sort,
    };
  }

  /** Inserts new questions with their version 1 in bulk; the whole batch is refused if any is invalid. */
  async function insertNewQuestions(
    tx: Tx,
    scoped: InstituteActor,
    items: { question: Question; topicId: string }[],
    pathPrefix: (index: number) => string,
  ): Promise<string[]> {
    const topicIndex = new Map(items.map((item, index) => [item.topicId, index]));
    const placements = await loadPlacements(
      tx,
      scoped.instituteId,
      items.map((item) => item.topicId),
      (id) => `${pathPrefix(topicIndex.get(id) ?? 0)}topicId`,
    );
    const prepared = items.map((item, index) => ({
      question: placeQuestion(item.question, randomUUID(), placements.get(item.topicId)!),
      placement: placements.get(item.topicId)!,
      pathPrefix: pathPrefix(index),
    }));
    assertQuestionsValid(prepared);
    await assertImagesExist(tx, scoped.instituteId, prepared);
    const rows = prepared.map(({ question, placement }) =>
      buildNewQuestionRows(question, placement, { instituteId: scoped.instituteId, userId: scoped.userId }),
    );
    await repo.insertQuestions(
      tx,
      rows.map((r) => r.row),
      rows.map((r) => r.version),
    );
    return prepared.map(({ question }) => question.id);
  }

  const bulk = createBulkActions({ database: deps.database, loadPlacements, loadCurrentBodies });

  return {
    /**
     * Bulk insert for imports, inside the caller's transaction; returns the new ids in input order.
     * Callers validate first; this re-checks and refuses the whole batch (QUESTION_INVALID, paths
     * prefixed `items.<index>.`) if any question is invalid.
     */
    createQuestionsInTx(
      tx: Tx,
      actor: InstituteActor,
      items: { question: Question; topicId: string }[],
    ): Promise<string[]> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      return insertNewQuestions(tx, scoped, items, (index) => `items.${index}.`);
    },
    bulkUpdate: (actor: Actor, input: BulkAction) => bulk.bulkUpdate(actor, input),

    async listQuestions(
      actor: Actor,
      query: QuestionListQuery,
    ): Promise<{ items: QuestionSummaryView[]; total: number; page: number; pageSize: number }> {
      const scoped = authorizeInInstitute(actor, 'questions:read');
      const criteria = await resolveCriteria(readDb, scoped.instituteId, query);
      const [rows, total] = await Promise.all([
        repo.listQuestionRows(readDb, criteria, {
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        repo.countQuestionRows(readDb, criteria),
      ]);
      const [bodies, lookups] = await Promise.all([
        loadCurrentBodies(readDb, scoped.instituteId, rows),
        loadLookups(rows, scoped.instituteId),
      ]);
      const items = rows.map((row) =>
        presentSummary(row, buildStemPreview(bodies.get(row.id) ?? { content: {} }), lookups),
      );
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async getQuestion(actor: Actor, id: string): Promise<QuestionDetailView> {
      const scoped = authorizeInInstitute(actor, 'questions:read');
      return getDetail(db, scoped.instituteId, id);
    },

    async createQuestion(
      actor: Actor,
      input: { question: QuestionBody; topicId: string },
    ): Promise<QuestionDetailView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const placements = await loadPlacements(db, scoped.instituteId, [input.topicId], () => 'topicId');
      const question = toCoreQuestion(input.question, randomUUID(), placements.get(input.topicId)!);
      const [id] = await db.transaction((tx) =>
        insertNewQuestions(tx, scoped, [{ question, topicId: input.topicId }], () => ''),
      );
      return getDetail(db, scoped.instituteId, id!);
    },

    /** Saves a new immutable version; the previous versions stay for every exam that used them. */
    async updateQuestion(
      actor: Actor,
      id: string,
      input: { question: QuestionBody; topicId: string; changeNote?: string | undefined },
    ): Promise<QuestionDetailView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      await db.transaction(async (tx) => {
        const row = await findOwnRow(tx, scoped.instituteId, id, { forUpdate: true });
        const placements = await loadPlacements(tx, scoped.instituteId, [input.topicId], () => 'topicId');
        const placement = placements.get(input.topicId)!;
        const question = toCoreQuestion(input.question, id, placement);
        assertQuestionsValid([{ question, pathPrefix: '' }]);
        await assertImagesExist(tx, scoped.instituteId, [{ question, pathPrefix: '' }]);
        const versionId = randomUUID();
        const version = row.versionNumber + 1;
        await repo.insertVersion(tx, {
          id: versionId,
          questionId: id,
          instituteId: scoped.instituteId,
          version,
          body: toStoredBody(question),
          changeNote: input.changeNote?.trim() || null,
          createdBy: actor.userId,
        });
        await repo.updateQuestionRow(tx, id, {
          ...deriveQuestionColumns(question, placement),
          currentVersionId: versionId,
          versionNumber: version,
          updatedBy: actor.userId,
        });
      });
      return getDetail(db, scoped.instituteId, id);
    },

    async listVersions(actor: Actor, id: string) {
      const scoped = authorizeInInstitute(actor, 'questions:read');
      await findOwnRow(readDb, scoped.instituteId, id);
      const versions = await repo.listVersions(readDb, id);
      const userNames = await deps.users.findUserNames(
        versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])),
      );
      return { items: versions.map((version) => presentVersion(version, userNames)) };
    },

    /** A new question (version 1) with the current content, tags and topic of another. */
    async duplicateQuestion(actor: Actor, id: string): Promise<QuestionDetailView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const row = await findOwnRow(db, scoped.instituteId, id);
      const body = (await loadCurrentBodies(db, scoped.instituteId, [row])).get(id);
      if (!body) throw notFound('Question not found.');
      const question = presentCurrentBody(row, body, new Map());
      const [newId] = await db.transaction((tx) =>
        insertNewQuestions(tx, scoped, [{ question, topicId: row.topicId }], () => ''),
      );
      return getDetail(db, scoped.instituteId, newId!);
    },

    async setQuestionStatus(
      actor: Actor,
      id: string,
      status: 'active' | 'archived',
    ): Promise<QuestionDetailView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      await findOwnRow(db, scoped.instituteId, id);
      await repo.updateQuestionRows(db, [id], { status, updatedBy: actor.userId });
      return getDetail(db, scoped.instituteId, id);
    },

    async listTags(actor: Actor): Promise<{ items: { tag: string; count: number }[] }> {
      const scoped = authorizeInInstitute(actor, 'questions:read');
      return { items: await repo.listTagCounts(readDb, scoped.instituteId) };
    },

    /** Duplicate detection for imports: content hash -> the oldest active question with it. */
    async findQuestionIdsByContentHash(instituteId: string, hashes: string[]): Promise<Map<string, string>> {
      const result = new Map<string, string>();
      const unique = [...new Set(hashes)];
      for (let start = 0; start < unique.length; start += LOAD_CHUNK) {
        for (const row of await repo.findActiveIdsByContentHash(
          db,
          instituteId,
          unique.slice(start, start + LOAD_CHUNK),
        )) {
          if (!result.has(row.contentHash)) result.set(row.contentHash, row.id);
        }
      }
      return result;
    },

    /**
     * The questions an export selects (every one the list filter matches, no paging, at most
     * MAX_EXPORT_QUESTIONS), as current core Questions, read a page at a time: the list rows (ids,
     * syllabus) once, then the bodies of `pageSize` questions per page, so a 20,000-question export
     * never holds every body at once. `readPages` may be iterated more than once (the export measures
     * its header in a first pass).
     */
    async openQuestionExport(actor: Actor, filter: QuestionFilter, pageSize = LOAD_CHUNK) {
      const scoped = authorizeInInstitute(actor, 'questions:read');
      const criteria = await resolveCriteria(readDb, scoped.instituteId, filter);
      const rows = await repo.listQuestionRows(readDb, criteria, { limit: MAX_EXPORT_QUESTIONS, offset: 0 });
      const nodeNames = await deps.syllabus.findNodeNames(
        readDb,
        scoped.instituteId,
        rows.flatMap((row) => [row.subjectId, row.chapterId, row.topicId]),
      );
      return {
        count: rows.length,
        async *readPages(): AsyncGenerator<Question[]> {
          for (let start = 0; start < rows.length; start += pageSize) {
            const page = rows.slice(start, start + pageSize);
            const bodies = await loadCurrentBodies(readDb, scoped.instituteId, page);
            yield page.flatMap((row) => {
              const body = bodies.get(row.id);
              return body ? [presentCurrentBody(row, body, nodeNames)] : [];
            });
          }
        },
      };
    },
  };
}
