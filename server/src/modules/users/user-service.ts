import type { Database, Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { loadInScope } from '../../platform/auth/access.js';
import { generateTemporaryPassword, hashPassword } from '../../platform/auth/passwords.js';
import {
  authorizeInInstitute,
  isRestrictedToOwnBatches,
  type Actor,
  type InstituteRole,
} from '../../platform/auth/policies.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ErrorCode } from '../../platform/errors/catalogue.js';
import type { SessionStore } from '../../platform/kv/session-store.js';
import type { BatchService } from '../batches/batch-service.js';
import { presentUser, type UserInstitute, type UserRow, type UserView } from './user-presenter.js';
import * as repo from './user-repo.js';

export { normaliseEmail } from './user-repo.js';

/** What this module needs from the institutes module (wired in app.ts, so the dependency stays one-way). */
export type UserInstitutes = {
  findInstituteSummary(id: string | null, options: { mayLag: boolean }): Promise<UserInstitute | null>;
};

export type CreateUserInput = {
  name: string;
  email: string;
  role: InstituteRole;
  phone?: string | null | undefined;
  rollNumber?: string | null | undefined;
  batchIds?: string[] | undefined;
  password?: string | undefined;
};

export type UpdateUserInput = {
  name?: string | undefined;
  phone?: string | null | undefined;
  rollNumber?: string | null | undefined;
  batchIds?: string[] | undefined;
  active?: boolean | undefined;
};

export type ListUsersInput = {
  role?: InstituteRole | undefined;
  batchId?: string | undefined;
  q?: string | undefined;
  includeInactive: boolean;
  page: number;
  pageSize: number;
};

const emptyToNull = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

function rethrowUniqueViolation(err: unknown): never {
  if (isUniqueViolation(err, 'users_email_key')) {
    throw new AppError('USER_EMAIL_TAKEN', undefined, {
      fields: [{ path: 'email', message: 'This email is already registered.' }],
    });
  }
  if (isUniqueViolation(err, 'users_institute_roll_key')) {
    throw new AppError('VALIDATION_FAILED', 'This roll number is already used in the institute.', {
      fields: [{ path: 'rollNumber', message: 'This roll number is already used.' }],
    });
  }
  throw err;
}

/**
 * Emails are unique across institutes (sign-in is by email alone), so an address with an account in
 * another institute cannot be used again. An admin is told so with USER_EMAIL_UNAVAILABLE, which says
 * neither that an account exists nor where: only their own institute's accounts are named as such
 * (USER_EMAIL_TAKEN), and those they can see anyway. Checks that write nothing (the import's dry run)
 * look at their own institute only, so they cannot be used to probe other institutes' students.
 */
export function emailProblem(where: 'inInstitute' | 'elsewhere'): { code: ErrorCode; message: string } {
  return where === 'inInstitute'
    ? { code: 'USER_EMAIL_TAKEN', message: 'A user of this institute already has this email.' }
    : {
        code: 'USER_EMAIL_UNAVAILABLE',
        message: 'This email cannot be used for a new account. Use another one.',
      };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;

/**
 * The reads the batches module needs about its members, and the results module about its
 * candidates. Separate from the service because the service depends on the batches module: this
 * keeps the dependency one-way (wired in app.ts).
 */
export function createUserDirectory(database: Database) {
  return {
    findPeople(instituteId: string, ids: string[], options: { mayLag: boolean }) {
      return repo.findPeople(options.mayLag ? database.readDb : database.db, instituteId, ids);
    },
    /** Name, email and roll number of each user (the results module's candidate rows). */
    findProfiles(instituteId: string, ids: string[]) {
      return repo.findProfiles(database.db, instituteId, ids);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;

export function createUserService(deps: {
  database: Database;
  sessions: SessionStore;
  batches: Pick<
    BatchService,
    | 'listBatchIdsOfMember'
    | 'listBatchIdsOfUsers'
    | 'listMemberIds'
    | 'assertBatchesExist'
    | 'replaceMembershipsOfUser'
  >;
  institutes: UserInstitutes;
}) {
  const { db } = deps.database;

  async function present(user: UserRow): Promise<UserView> {
    const [institute, batchIds] = await Promise.all([
      deps.institutes.findInstituteSummary(user.instituteId, { mayLag: false }),
      deps.batches.listBatchIdsOfUsers([user.id], { mayLag: false }),
    ]);
    return presentUser(user, institute, batchIds.get(user.id) ?? []);
  }

  /** Finds a user the actor may see: admins see their institute; staff see students of their batches. */
  async function findVisibleUser(actor: Actor, id: string): Promise<UserRow> {
    const scoped = authorizeInInstitute(actor, 'users:read');
    return loadInScope(
      scoped,
      'User',
      () => repo.findUserInInstitute(db, scoped.instituteId, id),
      async (user) => {
        if (!isRestrictedToOwnBatches(actor)) return true;
        const [ownBatches, theirBatches] = await Promise.all([
          deps.batches.listBatchIdsOfMember(actor.userId),
          deps.batches.listBatchIdsOfMember(user.id),
        ]);
        return user.role === 'student' && theirBatches.some((b) => ownBatches.includes(b));
      },
    );
  }

  /**
   * Creates an account inside an existing transaction, so institute creation and bulk imports can
   * commit many users atomically. The temporary password is returned once and never stored.
   */
  async function createUserInTx(
    tx: Tx,
    instituteId: string | null,
    input: CreateUserInput | (Omit<CreateUserInput, 'role'> & { role: 'platform_operator' }),
    options: { mustChangePassword: boolean } = { mustChangePassword: true },
  ): Promise<{ user: UserRow; temporaryPassword: string }> {
    const temporaryPassword = input.password ?? generateTemporaryPassword();
    if (instituteId && input.batchIds?.length)
      await deps.batches.assertBatchesExist(tx, instituteId, input.batchIds);
    const user = await repo.insertUser(tx, {
      instituteId,
      email: input.email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(temporaryPassword),
      phone: emptyToNull(input.phone),
      rollNumber: emptyToNull(input.rollNumber),
      mustChangePassword: options.mustChangePassword,
    });
    if (instituteId && input.batchIds?.length) {
      await replaceBatchMemberships(tx, instituteId, user.id, input.batchIds);
    }
    return { user, temporaryPassword };
  }

  /** The user row is locked first so that two replacements of one user's batches run in turn. */
  async function replaceBatchMemberships(
    tx: Tx,
    instituteId: string,
    userId: string,
    batchIds: string[],
  ): Promise<void> {
    await repo.lockUserRow(tx, userId);
    await deps.batches.replaceMembershipsOfUser(tx, instituteId, userId, batchIds);
  }

  async function assertEmailUsable(instituteId: string, email: string): Promise<void> {
    const owners = await repo.findEmailOwners(db, instituteId, [email]);
    const where =
      owners.inInstitute.size > 0 ? 'inInstitute' : owners.elsewhere.size > 0 ? 'elsewhere' : null;
    if (!where) return;
    const { code, message } = emailProblem(where);
    throw new AppError(code, undefined, { fields: [{ path: 'email', message }] });
  }

  return {
    present,
    createUserInTx,

    async listUsers(actor: Actor, input: ListUsersInput) {
      const scoped = authorizeInInstitute(actor, 'users:read');
      const restricted = isRestrictedToOwnBatches(actor);
      const memberIds = (batchIds: string[]) => deps.batches.listMemberIds(batchIds, { mayLag: true });
      const filter: repo.UserFilter = {
        instituteId: scoped.instituteId,
        // Staff see students only, and only those of their own batches.
        ...(restricted
          ? {
              role: 'student' as const,
              withinMemberIds: await memberIds(await deps.batches.listBatchIdsOfMember(actor.userId)),
            }
          : {}),
        ...(!restricted && input.role ? { role: input.role } : {}),
        ...(input.batchId ? { batchMemberIds: await memberIds([input.batchId]) } : {}),
        ...(input.q?.trim() ? { query: input.q.trim() } : {}),
        includeInactive: input.includeInactive,
      };
      const { rows, total } = await repo.listUsers(deps.database.readDb, filter, input);
      const [institute, batchIds] = await Promise.all([
        deps.institutes.findInstituteSummary(scoped.instituteId, { mayLag: true }),
        deps.batches.listBatchIdsOfUsers(
          rows.map((r) => r.id),
          { mayLag: true },
        ),
      ]);
      return {
        items: rows.map((row) => presentUser(row, institute, batchIds.get(row.id) ?? [])),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    },

    async getUser(actor: Actor, id: string): Promise<UserView> {
      return present(await findVisibleUser(actor, id));
    },

    async createUser(
      actor: Actor,
      input: CreateUserInput,
    ): Promise<{ user: UserView; temporaryPassword: string }> {
      const scoped = authorizeInInstitute(actor, 'users:manage');
      await assertEmailUsable(scoped.instituteId, input.email);
      try {
        const created = await db.transaction((tx) => createUserInTx(tx, scoped.instituteId, input));
        return { user: await present(created.user), temporaryPassword: created.temporaryPassword };
      } catch (err) {
        rethrowUniqueViolation(err);
      }
    },

    async updateUser(actor: Actor, id: string, input: UpdateUserInput): Promise<UserView> {
      const scoped = authorizeInInstitute(actor, 'users:manage');
      const user = await findVisibleUser(actor, id);
      if (input.active === false && user.id === actor.userId)
        throw new AppError('USER_CANNOT_DEACTIVATE_SELF');
      try {
        const updated = await db.transaction(async (tx) => {
          if (input.batchIds) {
            await deps.batches.assertBatchesExist(tx, scoped.instituteId, input.batchIds);
            await replaceBatchMemberships(tx, scoped.instituteId, id, input.batchIds);
          }
          return repo.updateUserRow(tx, id, {
            ...(input.name !== undefined ? { name: input.name.trim() } : {}),
            ...(input.phone !== undefined ? { phone: emptyToNull(input.phone) } : {}),
            ...(input.rollNumber !== undefined ? { rollNumber: emptyToNull(input.rollNumber) } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
          });
        });
        if (input.active === false) await deps.sessions.revokeAllForUser(id);
        return await present(updated);
      } catch (err) {
        rethrowUniqueViolation(err);
      }
    },

    /** Any signed-in user sets their own preferences; there is no one else's row to reach. */
    async updateOwnPreferences(
      actor: Actor,
      input: { uiLanguage: UserRow['uiLanguage'] },
    ): Promise<UserView> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user?.active) throw new AppError('AUTH_REQUIRED');
      return present(await repo.updateUserRow(db, user.id, { uiLanguage: input.uiLanguage }));
    },

    async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
      authorizeInInstitute(actor, 'users:manage');
      await findVisibleUser(actor, id);
      const temporaryPassword = generateTemporaryPassword();
      await repo.updateUserRow(db, id, {
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
      });
      await deps.sessions.revokeAllForUser(id);
      return { temporaryPassword };
    },

    rethrowUniqueViolation,

    /** The account behind a sign-in (the row holds the password hash: for the auth module only). */
    findAccountByEmail(email: string): Promise<UserRow | null> {
      return repo.findUserByEmail(db, email);
    },

    findAccountById(id: string): Promise<UserRow | null> {
      return repo.findUserById(db, id);
    },

    async setPasswordHash(id: string, passwordHash: string, options: { mustChangePassword: boolean }) {
      await repo.updateUserRow(db, id, { passwordHash, mustChangePassword: options.mustChangePassword });
    },

    /** Which of `emails` have an account here or elsewhere (see `emailProblem` for what may be said). */
    findEmailOwners(instituteId: string, emails: string[]) {
      return repo.findEmailOwners(db, instituteId, emails);
    },

    findExistingRollNumbers(instituteId: string, rollNumbers: string[]): Promise<Set<string>> {
      return repo.findExistingRollNumbers(db, instituteId, rollNumbers);
    },

    /** Bulk insert inside the caller's transaction (student import); the caller hashed the passwords. */
    insertUsersInTx(tx: Tx, input: repo.NewUser[]): Promise<UserRow[]> {
      return repo.insertUsers(tx, input);
    },

    countActiveUsersByRole(instituteId: string): Promise<Map<string, number>> {
      return repo.countActiveUsersByRole(deps.database.readDb, instituteId);
    },

    /** Display names by user id, for "created by" / "edited by" in other modules' responses. */
    async findUserNames(ids: string[]): Promise<Map<string, string>> {
      const rows = await repo.findUserNames(deps.database.readDb, [...new Set(ids)]);
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    /** Which of `ids` are students of the institute, in the caller's transaction (an exam's schedule names them). */
    findStudentIds(conn: Db | Tx, instituteId: string, ids: string[]): Promise<string[]> {
      return repo.findStudentIds(conn, instituteId, [...new Set(ids)]);
    },
  };
}
