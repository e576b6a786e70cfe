import type { Database, Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { loadInScope } from '../../platform/auth/access.js';
import { authorizeInInstitute, isRestrictedToOwnBatches, type Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import {
  presentBatch,
  type BatchStaffView,
  type BatchView,
  type BatchWithPeople,
} from './batch-presenter.js';
import * as repo from './batch-repo.js';

/** What this module needs to know about a member; the users module answers (wired in app.ts). */
export type BatchPerson = {
  id: string;
  name: string;
  role: 'platform_operator' | 'institute_admin' | 'teacher' | 'proctor' | 'student';
  active: boolean;
};
export type BatchPeople = {
  /** The institute's users among `ids`, ordered by name. */
  findPeople(instituteId: string, ids: string[], options: { mayLag: boolean }): Promise<BatchPerson[]>;
};

const isStaff = (p: BatchPerson): p is BatchPerson & { role: BatchStaffView['role'] } =>
  p.role === 'teacher' || p.role === 'proctor';

export function normaliseBatchCode(code: string): string {
  return code.trim().toUpperCase();
}

export type BatchService = ReturnType<typeof createBatchService>;

export function createBatchService(database: Database, deps: { people: BatchPeople; clock: Clock }) {
  const { db } = database;

  /** Adds student counts and assigned staff to batch rows in two queries, whatever the number of batches. */
  async function withPeople(
    instituteId: string,
    rows: repo.BatchRow[],
    options: { mayLag: boolean },
  ): Promise<BatchWithPeople[]> {
    if (rows.length === 0) return [];
    const conn: Db = options.mayLag ? database.readDb : db;
    const memberships = await repo.listMemberships(
      conn,
      rows.map((r) => r.id),
    );
    const memberIds = [...new Set(memberships.map((m) => m.userId))];
    const people = await deps.people.findPeople(instituteId, memberIds, options);
    return rows.map((row) => {
      const memberIds = new Set(memberships.filter((m) => m.batchId === row.id).map((m) => m.userId));
      const own = people.filter((p) => memberIds.has(p.id));
      return {
        ...row,
        studentCount: own.filter((p) => p.role === 'student' && p.active).length,
        staff: own.filter(isStaff).map(({ id, name, role }) => ({ id, name, role })),
      };
    });
  }

  async function getVisibleBatch(actor: Actor, id: string): Promise<BatchWithPeople> {
    const scoped = authorizeInInstitute(actor, 'batches:read');
    const row = await loadInScope(
      scoped,
      'Batch',
      () => repo.findBatchRow(db, scoped.instituteId, id),
      async () =>
        !isRestrictedToOwnBatches(actor) || (await repo.listBatchIdsOfMember(db, actor.userId)).includes(id),
    );
    const [found] = await withPeople(scoped.instituteId, [row], { mayLag: false });
    if (!found) throw notFound('Batch not found.');
    return found;
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
      return (await withPeople(scoped.instituteId, rows, { mayLag: true })).map(presentBatch);
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
          ? { archivedAt: patch.archived ? (existing.archivedAt ?? nowDate(deps.clock)) : null }
          : {}),
      });
      return presentBatch(await getVisibleBatch(actor, id));
    },

    /** Replaces the teachers and proctors of a batch, leaving its students alone. */
    async setBatchStaff(actor: Actor, id: string, userIds: string[]): Promise<BatchView> {
      const scoped = authorizeInInstitute(actor, 'batches:manage');
      await getVisibleBatch(actor, id);
      const unique = [...new Set(userIds)];
      const chosen = await deps.people.findPeople(scoped.instituteId, unique, { mayLag: false });
      if (chosen.filter((p) => isStaff(p) && p.active).length !== unique.length)
        throw new AppError('BATCH_STAFF_INVALID');
      // Who is staff is the users module's to say, so it is asked before the transaction opens
      // (embedded mode has one connection: a query outside an open transaction would wait for it).
      const memberIds = (await repo.listMemberships(db, [id])).map((m) => m.userId);
      const currentStaff = (
        await deps.people.findPeople(scoped.instituteId, memberIds, { mayLag: false })
      ).filter(isStaff);
      await db.transaction(async (tx) => {
        await repo.deleteMembers(
          tx,
          id,
          currentStaff.map((p) => p.id),
        );
        await repo.insertMemberships(
          tx,
          unique.map((userId) => ({ batchId: id, userId, instituteId: scoped.instituteId })),
        );
      });
      return presentBatch(await getVisibleBatch(actor, id));
    },

    /** Batch ids a member belongs to (students) or is assigned to (staff): the scope of what they see. */
    listBatchIdsOfMember(userId: string): Promise<string[]> {
      return repo.listBatchIdsOfMember(db, userId);
    },

    /**
     * Each user's batch ids in batch-name order. `mayLag` reads from a replica (lists); a response
     * to a write reads the primary, which has the write.
     */
    listBatchIdsOfUsers(userIds: string[], options: { mayLag: boolean }): Promise<Map<string, string[]>> {
      return repo.listBatchIdsByUsers(options.mayLag ? database.readDb : db, userIds);
    },

    /** Ids of every member (students and staff) of the given batches, for filtering lists of users. */
    async listMemberIds(batchIds: string[], options: { mayLag: boolean }): Promise<string[]> {
      const rows = await repo.listMemberships(options.mayLag ? database.readDb : db, batchIds);
      return [...new Set(rows.map((r) => r.userId))];
    },

    countActiveBatches(instituteId: string): Promise<number> {
      return repo.countActiveBatches(database.readDb, instituteId);
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

    /**
     * Replaces a user's batches inside the caller's transaction (the users module locks the user
     * row first, so two replacements of one user run one after the other).
     */
    replaceMembershipsOfUser(tx: Tx, instituteId: string, userId: string, batchIds: string[]): Promise<void> {
      return repo.replaceMembershipsOfUser(tx, instituteId, userId, [...new Set(batchIds)]);
    },

    /** Adds memberships inside the caller's transaction (student import commits users and batches together). */
    addMemberships(tx: Tx, rows: repo.MembershipRow[]): Promise<void> {
      return repo.insertMemberships(tx, rows);
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
