import type { Database, Db, Tx } from '../../platform/db/database.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { TopicPlacement } from '../syllabus/syllabus-service.js';
import { buildSearchVector, type StoredBody } from './question-record.js';
import * as repo from './question-repo.js';
import { normaliseTag, type BulkAction } from './question-schema.js';

type BulkDeps = {
  database: Database;
  loadPlacements: (
    conn: Db | Tx,
    instituteId: string,
    topicIds: string[],
    pathOf: (topicId: string) => string,
  ) => Promise<Map<string, TopicPlacement>>;
  loadCurrentBodies: (
    conn: Db | Tx,
    instituteId: string,
    rows: repo.QuestionRow[],
  ) => Promise<Map<string, StoredBody>>;
};

function requireField<T>(value: T | undefined, path: string, message: string): T {
  if (value === undefined) throw new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] });
  return value;
}

/**
 * Tag, untag, move, archive and restore many questions at once: one transaction, all or nothing.
 * None of these makes a new version: they change where a question is filed, not what it says.
 */
export function createBulkActions(deps: BulkDeps) {
  /** Tags feed the search vector, so changing them rebuilds each question's vector. */
  async function retag(
    tx: Tx,
    instituteId: string,
    rows: repo.QuestionRow[],
    change: (tags: string[]) => string[],
    userId: string,
  ) {
    const bodies = await deps.loadCurrentBodies(tx, instituteId, rows);
    const updates = rows.map((row) => {
      const tags = change(row.tags);
      return {
        id: row.id,
        tags,
        searchVector: buildSearchVector(bodies.get(row.id) ?? { content: {} }, tags),
      };
    });
    await repo.updateTagsAndVectors(tx, updates, userId);
  }

  return {
    async bulkUpdate(actor: Actor, input: BulkAction): Promise<{ updated: number }> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const ids = [...new Set(input.ids)];
      const tags = [...new Set((input.tags ?? []).map(normaliseTag).filter((tag) => tag !== ''))];
      if ((input.action === 'tag' || input.action === 'untag') && tags.length === 0) {
        requireField(undefined, 'tags', 'List at least one tag.');
      }
      await deps.database.db.transaction(async (tx) => {
        const rows = await repo.findQuestionRows(tx, scoped.instituteId, ids, { forUpdate: true });
        if (rows.length !== ids.length) throw notFound('One or more questions were not found.');
        switch (input.action) {
          case 'tag':
            return retag(
              tx,
              scoped.instituteId,
              rows,
              (current) => [...new Set([...current, ...tags])],
              actor.userId,
            );
          case 'untag':
            return retag(
              tx,
              scoped.instituteId,
              rows,
              (current) => current.filter((tag) => !tags.includes(tag)),
              actor.userId,
            );
          case 'move': {
            const topicId = requireField(
              input.topicId,
              'topicId',
              'Choose the topic to move the questions to.',
            );
            const placement = (
              await deps.loadPlacements(tx, scoped.instituteId, [topicId], () => 'topicId')
            ).get(topicId)!;
            return repo.updateQuestionRows(tx, ids, {
              subjectId: placement.subject.id,
              chapterId: placement.chapter.id,
              topicId: placement.topic.id,
              updatedBy: actor.userId,
            });
          }
          case 'archive':
          case 'restore':
            return repo.updateQuestionRows(tx, ids, {
              status: input.action === 'archive' ? 'archived' : 'active',
              updatedBy: actor.userId,
            });
        }
      });
      return { updated: ids.length };
    },
  };
}
