import type { Database } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Tx } from '../../platform/db/database.js';
import { authorizeInInstitute, isRestrictedToOwnBatches, type Actor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import * as repo from './batch-repo.js';

export type BatchView = {
  id: string;
  name: string;
  code: string;
  description: string;
  archived: boolean;
  studentCount: number;
  staff: { id: string; name: string; role: 'teacher' | 'proctor' }[];
  createdAt: string;
};

function presentBatch(batch: repo.BatchWithPeople): BatchView {
  return {
    id: batch.id,
    name: batch.name,
    code: batch.code,
    description: batch.description,
    archived: batch.archivedAt !== null,
    studentCount: batch.studentCount,
    staff: batch.staff,
    createdAt: batch.createdAt.toISOString(),
  };
}

export function normaliseBatchCode(code: string): string {
  return code.trim().toUpperCase();
}

export type BatchService = ReturnType<typeof createBatchService>;

export function createBatchService(database: Database) {
  const { db } = database;

  async function getVisibleBatch(actor: Actor, id: string): Promise<repo.BatchWithPeople> {
    const scoped = authorizeInInstitute(actor, 'batches:read');
    const row = await repo.findBatchRow(db, scoped.instituteId, id);
    if (!row) throw notFound('Batch not found.');
    if (isRestrictedToOwnBatches(actor)) {
      const own = await repo.listBatchIdsOfMember(db, actor.userId);
      if (!own.includes(id)) throw notFound('Batch not found.');
    }
    const [withPeople] = await repo.withPeople(db, [row]);
    if (!withPeople) throw notFound('Batch not found.');
    return withPeople;
  }

  return {
    async listBatches(actor: Actor, options: { includeArchived: boolean }): Promise<BatchView[]> {
      const scoped = authorizeInInstitute(actor, 'batches:read');
      const onlyIds = isRestrictedToOwnBatches(actor)
        ? await repo.listBatchIdsOfMember(db, actor.userId)
        : undefined;
      const rows = await repo.listBatchRows(database.readDb, scoped.instituteId, {
        ...options,
        ...(onlyIds ? { onlyIds } : {}),
      });
      return (await repo.withPeople(database.readDb, rows)).map(presentBatch);
    },

    async getBatch(actor: Actor, id: string): Promise<BatchView> {
      return presentBatch(await getVisibleBatch(actor, id));
    },

    async createBatch(
      actor: Actor,
      input: { name: string; code: string; description?: string | undefined },
    ): Promise<BatchView> {
      const scoped = authorizeInInstitute(actor, 'batches:manage');
      try {
        const row = await repo.insertBatch(db, {
          instituteId: scoped.instituteId,
          name: input.name.trim(),
          code: normaliseBatchCode(input.code),
          description: input.description?.trim() ?? '',
        });
        return presentBatch({ ...row, studentCount: 0, staff: [] });
      } catch (err) {
        if (isUniqueViolation(err, 'batches_institute_code_key')) {
          throw new AppError('BATCH_CODE_TAKEN', undefined, {
            fields: [{ path: 'code', message: 'This code is already used by another batch.' }],
          });
        }
        throw err;
      }
    },

    async updateBatch(
      actor: Actor,
      id: string,
      patch: { name?: string | undefined; description?: string | undefined; archived?: boolean | undefined },
    ): Promise<BatchView> {
      authorizeInInstitute(actor, 'batches:manage');
      const existing = await getVisibleBatch(actor, id);
      await repo.updateBatchRow(db, id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
        ...(patch.archived !== undefined
          ? { archivedAt: patch.archived ? (existing.archivedAt ?? new Date()) : null }
          : {}),
      });
      return presentBatch(await getVisibleBatch(actor, id));
    },

    async setBatchStaff(actor: Actor, id: string, userIds: string[]): Promise<BatchView> {
      const scoped = authorizeInInstitute(actor, 'batches:manage');
      await getVisibleBatch(actor, id);
      const unique = [...new Set(userIds)];
      const staff = await repo.findStaffUsers(db, scoped.instituteId, unique);
      if (staff.length !== unique.length) throw new AppError('BATCH_STAFF_INVALID');
      await db.transaction(async (tx) => repo.replaceBatchStaff(tx, scoped.instituteId, id, unique));
      return presentBatch(await getVisibleBatch(actor, id));
    },

    /** Batch ids a member belongs to (students) or is assigned to (staff): the scope of what they see. */
    listBatchIdsOfMember(userId: string): Promise<string[]> {
      return repo.listBatchIdsOfMember(db, userId);
    },

    async assertBatchesExist(conn: Tx, instituteId: string, ids: string[]): Promise<void> {
      const unique = [...new Set(ids)];
      const found = await repo.findBatchesByIds(conn, instituteId, unique);
      if (found.length !== unique.length) {
        throw new AppError('BATCH_INVALID', undefined, {
          fields: [{ path: 'batchIds', message: 'Unknown batch.' }],
        });
      }
    },

    /** Maps batch codes (any case) to ids for the institute; unknown codes are absent from the map. */
    async resolveBatchCodes(instituteId: string, codes: string[]): Promise<Map<string, string>> {
      const rows = await repo.findBatchesByCodes(db, instituteId, [
        ...new Set(codes.map(normaliseBatchCode)),
      ]);
      return new Map(rows.filter((r) => r.archivedAt === null).map((r) => [r.code, r.id]));
    },
  };
}
