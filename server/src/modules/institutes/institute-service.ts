import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { batches, institutes, users } from '../../platform/db/schema.js';
import { authorize, authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { InstituteRow } from '../users/user-presenter.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import type { UserService } from '../users/user-service.js';

export type InstituteStats = {
  students: number;
  teachers: number;
  proctors: number;
  admins: number;
  batches: number;
};
export type InstituteView = { id: string; name: string; slug: string; createdAt: string };

const presentInstitute = (row: InstituteRow): InstituteView => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  createdAt: row.createdAt.toISOString(),
});

async function loadStats(db: Db, instituteId: string): Promise<InstituteStats> {
  const [byRole, [batchCount]] = await Promise.all([
    db
      .select({ role: users.role, n: count() })
      .from(users)
      .where(and(eq(users.instituteId, instituteId), eq(users.active, true)))
      .groupBy(users.role),
    db
      .select({ n: count() })
      .from(batches)
      .where(and(eq(batches.instituteId, instituteId), isNull(batches.archivedAt))),
  ]);
  const roleCount = (role: string) => Number(byRole.find((r) => r.role === role)?.n ?? 0);
  return {
    students: roleCount('student'),
    teachers: roleCount('teacher'),
    proctors: roleCount('proctor'),
    admins: roleCount('institute_admin'),
    batches: Number(batchCount?.n ?? 0),
  };
}

export type InstituteService = ReturnType<typeof createInstituteService>;

export function createInstituteService(deps: {
  database: Database;
  users: UserService;
  syllabus: Pick<SyllabusService, 'seedDefaultSyllabus'>;
}) {
  const { db, readDb } = deps.database;
  return {
    async getOwnInstitute(actor: Actor): Promise<{ institute: InstituteView; stats: InstituteStats }> {
      const scoped = authorizeInInstitute(actor, 'institute:read');
      const [row] = await readDb.select().from(institutes).where(eq(institutes.id, scoped.instituteId));
      if (!row) throw notFound('Institute not found.');
      return { institute: presentInstitute(row), stats: await loadStats(readDb, row.id) };
    },

    async listInstitutes(actor: Actor) {
      authorize(actor, 'institutes:manage');
      const rows = await readDb.select().from(institutes).orderBy(institutes.name);
      return Promise.all(
        rows.map(async (row) => ({ ...presentInstitute(row), stats: await loadStats(readDb, row.id) })),
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
          const [created] = await tx
            .insert(institutes)
            .values({ name: input.name.trim(), slug: input.slug.trim().toLowerCase() })
            .returning();
          if (!created) throw new Error('insert returned no row');
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
