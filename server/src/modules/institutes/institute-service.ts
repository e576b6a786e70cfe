import type { Database } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { authorize, authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { BatchService } from '../batches/batch-service.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import type { UserService } from '../users/user-service.js';
import {
  presentInstitute,
  presentInstituteSummary,
  presentStats,
  type InstituteStats,
  type InstituteSummary,
  type InstituteView,
} from './institute-presenter.js';
import * as repo from './institute-repo.js';
import { isTimeZoneName } from './institute-time-zone.js';

export type { InstituteStats, InstituteView } from './institute-presenter.js';

export type InstituteDirectory = ReturnType<typeof createInstituteDirectory>;

/**
 * The read the users module needs (a user's profile names the institute). Separate from the
 * service because the service depends on the users module: this keeps the dependency one-way.
 */
export function createInstituteDirectory(database: Database) {
  return {
    /** What students see of each other's names on leaderboards (read on the primary: an admin's change shows at once). */
    async findLeaderboardNames(id: string): Promise<InstituteView['settings']['leaderboardNames']> {
      const row = await repo.findInstituteRow(database.db, id);
      return row?.leaderboardNames ?? 'full';
    },
    async findInstituteSummary(
      id: string | null,
      options: { mayLag: boolean },
    ): Promise<InstituteSummary | null> {
      if (!id) return null;
      const row = await repo.findInstituteRow(options.mayLag ? database.readDb : database.db, id);
      return row ? presentInstituteSummary(row) : null;
    },
  };
}

export type InstituteService = ReturnType<typeof createInstituteService>;

export function createInstituteService(deps: {
  database: Database;
  users: Pick<
    UserService,
    'createUserInTx' | 'present' | 'rethrowUniqueViolation' | 'countActiveUsersByRole'
  >;
  batches: Pick<BatchService, 'countActiveBatches'>;
  syllabus: Pick<SyllabusService, 'seedDefaultSyllabus'>;
}) {
  const { db, readDb } = deps.database;

  async function loadStats(instituteId: string): Promise<InstituteStats> {
    const [byRole, batches] = await Promise.all([
      deps.users.countActiveUsersByRole(instituteId),
      deps.batches.countActiveBatches(instituteId),
    ]);
    return presentStats(byRole, batches);
  }

  return {
    async getOwnInstitute(actor: Actor): Promise<{ institute: InstituteView; stats: InstituteStats }> {
      const scoped = authorizeInInstitute(actor, 'institute:read');
      const row = await repo.findInstituteRow(readDb, scoped.instituteId);
      if (!row) throw notFound('Institute not found.');
      return { institute: presentInstitute(row), stats: await loadStats(row.id) };
    },

    /** The admin's settings of their own institute: the leaderboards' name privacy, the time zone. */
    async updateSettings(actor: Actor, settings: Partial<InstituteView['settings']>) {
      const scoped = authorizeInInstitute(actor, 'institute:settings');
      if (settings.timeZone !== undefined && !isTimeZoneName(settings.timeZone)) {
        throw new AppError('INSTITUTE_TIME_ZONE_INVALID', undefined, {
          fields: [{ path: 'timeZone', message: 'Choose a time zone by its name, such as Asia/Kolkata.' }],
        });
      }
      const row = await repo.updateInstituteSettings(db, scoped.instituteId, settings);
      if (!row) throw notFound('Institute not found.');
      return { institute: presentInstitute(row) };
    },

    async listInstitutes(actor: Actor) {
      authorize(actor, 'institutes:manage');
      const rows = await repo.listInstituteRows(readDb);
      return Promise.all(
        rows.map(async (row) => ({ ...presentInstitute(row), stats: await loadStats(row.id) })),
      );
    },

    /** Creates an institute and its first admin together: an institute nobody can administer is useless. */
    async createInstitute(
      actor: Actor,
      input: {
        name: string;
        slug: string;
        admin: { name: string; email: string; password?: string | undefined };
      },
    ) {
      authorize(actor, 'institutes:manage');
      try {
        const { institute, admin, temporaryPassword } = await db.transaction(async (tx) => {
          const created = await repo.insertInstitute(tx, {
            name: input.name.trim(),
            slug: input.slug.trim().toLowerCase(),
          });
          // A new institute opens with the default syllabus, so its bank is usable at once.
          await deps.syllabus.seedDefaultSyllabus(tx, created.id);
          const { user, temporaryPassword } = await deps.users.createUserInTx(tx, created.id, {
            ...input.admin,
            role: 'institute_admin',
          });
          return { institute: created, admin: user, temporaryPassword };
        });
        return {
          institute: presentInstitute(institute),
          admin: await deps.users.present(admin),
          temporaryPassword,
        };
      } catch (err) {
        if (isUniqueViolation(err, 'institutes_slug_unique')) {
          throw new AppError('INSTITUTE_SLUG_TAKEN', undefined, {
            fields: [{ path: 'slug', message: 'This short name is taken.' }],
          });
        }
        return deps.users.rethrowUniqueViolation(err);
      }
    },
  };
}
