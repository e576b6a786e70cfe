import type { Database } from '../../platform/db/database.js';
import { generateTemporaryPassword, hashPassword } from '../../platform/auth/passwords.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError } from '../../platform/errors/app-error.js';
import { normaliseBatchCode, type BatchService } from '../batches/batch-service.js';
import { emailProblem, type UserService } from '../users/user-service.js';
import { studentCsvTemplate } from './student-csv.js';
import {
  decodeCsv,
  findDuplicatesInFile,
  parseStudentCsv,
  sortProblems,
  type ImportProblem,
  type StudentCsvRow,
} from './student-csv.js';

export type ImportResult =
  | { valid: true; rowCount: number; created?: { email: string; name: string; temporaryPassword: string }[] }
  | { valid: false; rowCount: number; errors: ImportProblem[] };

async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

export type StudentImportService = ReturnType<typeof createStudentImportService>;

export function createStudentImportService(deps: {
  database: Database;
  batches: Pick<BatchService, 'resolveBatchCodes' | 'addMemberships'>;
  users: Pick<
    UserService,
    'findEmailOwners' | 'findExistingRollNumbers' | 'insertUsersInTx' | 'rethrowUniqueViolation'
  >;
}) {
  const { db } = deps.database;

  /** Every check that does not need to write: the file is judged whole before anything is stored. */
  async function validate(
    instituteId: string,
    rows: StudentCsvRow[],
    problems: ImportProblem[],
    options: { dryRun: boolean },
  ): Promise<{ problems: ImportProblem[]; batchIdsByCode: Map<string, string> }> {
    const allProblems = [...problems, ...findDuplicatesInFile(rows)];
    const [emailOwners, existingRolls, batchIdsByCode] = await Promise.all([
      deps.users.findEmailOwners(instituteId, rows.map((r) => r.email).filter(Boolean)),
      deps.users.findExistingRollNumbers(
        instituteId,
        rows.flatMap((r) => (r.rollNumber ? [r.rollNumber] : [])),
      ),
      deps.batches.resolveBatchCodes(
        instituteId,
        rows.flatMap((r) => r.batchCodes),
      ),
    ]);
    // A dry run writes nothing, so it is free to repeat: it names only this institute's accounts,
    // or it would tell whether any address is a student elsewhere. The commit must refuse those too
    // (emails are unique everywhere), with the message that says neither that nor where.
    const where = (email: string) =>
      emailOwners.inInstitute.has(email)
        ? 'inInstitute'
        : !options.dryRun && emailOwners.elsewhere.has(email)
          ? 'elsewhere'
          : null;
    for (const row of rows) {
      const owner = where(row.email);
      if (owner) {
        allProblems.push({
          row: row.row,
          column: 'email',
          value: row.email,
          message: emailProblem(owner).message,
        });
      }
      if (row.rollNumber && existingRolls.has(row.rollNumber)) {
        allProblems.push({
          row: row.row,
          column: 'roll_number',
          value: row.rollNumber,
          message: 'This roll number is already used.',
        });
      }
      for (const code of row.batchCodes) {
        if (!batchIdsByCode.has(normaliseBatchCode(code))) {
          allProblems.push({
            row: row.row,
            column: 'batch_codes',
            value: code,
            message: `No active batch has the code "${code}".`,
          });
        }
      }
    }
    return { problems: sortProblems(allProblems), batchIdsByCode };
  }

  return {
    /** The CSV template, for those who may import. */
    getTemplate(actor: Actor): string {
      authorizeInInstitute(actor, 'students:import');
      return studentCsvTemplate;
    },

    /**
     * `readFile` is called only once the actor may import: nobody else gets to upload the file.
     */
    async importStudents(
      actor: Actor,
      readFile: () => Promise<Buffer>,
      options: { dryRun: boolean },
    ): Promise<ImportResult> {
      const scoped = authorizeInInstitute(actor, 'students:import');
      const file = await readFile();
      const parsed = parseStudentCsv(decodeCsv(file));
      const { problems, batchIdsByCode } = await validate(
        scoped.instituteId,
        parsed.rows,
        parsed.problems,
        options,
      );
      if (problems.length > 0) return { valid: false, rowCount: parsed.rows.length, errors: problems };
      if (options.dryRun) return { valid: true, rowCount: parsed.rows.length };

      // Hash before the transaction: argon2 is slow by design and must not hold database locks.
      const prepared = await mapWithConcurrency(parsed.rows, 4, async (row) => {
        const temporaryPassword = row.password ?? generateTemporaryPassword();
        return { row, temporaryPassword, passwordHash: await hashPassword(temporaryPassword) };
      });
      try {
        await db.transaction(async (tx) => {
          const inserted = await deps.users.insertUsersInTx(
            tx,
            prepared.map(({ row, passwordHash }) => ({
              instituteId: scoped.instituteId,
              email: row.email,
              name: row.name,
              role: 'student',
              passwordHash,
              phone: row.phone,
              rollNumber: row.rollNumber,
              mustChangePassword: true,
            })),
          );
          const idByEmail = new Map(inserted.map((u) => [u.email, u.id]));
          await deps.batches.addMemberships(
            tx,
            prepared.flatMap(({ row }) =>
              [...new Set(row.batchCodes.map(normaliseBatchCode))].map((code) => ({
                batchId: batchIdsByCode.get(code) ?? '',
                userId: idByEmail.get(row.email) ?? '',
                instituteId: scoped.instituteId,
              })),
            ),
          );
        });
      } catch (err) {
        // Someone added the same email between validation and commit: nothing was written.
        deps.users.rethrowUniqueViolation(err);
      }
      return {
        valid: true,
        rowCount: prepared.length,
        created: prepared.map(({ row, temporaryPassword }) => ({
          email: row.email,
          name: row.name,
          temporaryPassword,
        })),
      };
    },
  };
}

export function assertFilePresent<T>(file: T | undefined): T {
  if (!file) throw new AppError('BAD_REQUEST', 'Attach the CSV file in the "file" field.');
  return file;
}
