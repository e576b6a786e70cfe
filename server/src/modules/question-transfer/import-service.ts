import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { nowDate } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { assertStorableText } from '../../platform/http/text-guard.js';
import { writeCsv } from './csv-format.js';
import { listArchiveNames } from './image-archive.js';
import * as repo from './import-repo.js';
import { createImportRunner, emptyReport, STALE_AFTER_MS, type RunnerDeps } from './import-runner.js';
import { detectImportFormat, readImportSheet, type ImportFormat } from './upload-file.js';

export type UploadedFile = { fileName: string; body: Buffer };

export type ImportView = {
  id: string;
  status: repo.ImportStatus;
  fileName: string;
  format: string;
  totalRows: number;
  processedRows: number;
  summary: repo.ImportSummary;
  errors: repo.ImportReport['errors'];
  errorCount: number;
  duplicates: repo.DuplicateRow[];
  committedCount: number;
  failure: string | null;
  createdAt: string;
};

function presentImport(row: repo.ImportRow): ImportView {
  const report = row.report ?? emptyReport('');
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    format: row.format,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    summary: report.summary,
    errors: report.errors,
    errorCount: report.errorCount,
    duplicates: report.duplicates,
    committedCount: report.committedCount,
    failure: report.failure ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type QuestionImportService = ReturnType<typeof createQuestionImportService>;

export function createQuestionImportService(deps: RunnerDeps & { log: FastifyBaseLogger }) {
  const { db } = deps.database;
  const runner = createImportRunner(deps);

  /** Background work never rejects into the void: any failure marks the import failed and is logged. */
  function runInBackground(importId: string, report: repo.ImportReport, work: () => Promise<void>): void {
    work().catch(async (err: unknown) => {
      if (!(err instanceof AppError)) deps.log.error({ err, importId }, 'question import job failed');
      await runner.markFailed(importId, report, err).catch((markErr: unknown) => {
        deps.log.error({ err: markErr, importId }, 'could not mark question import failed');
      });
    });
  }

  async function findOwnImport(actor: Actor, id: string): Promise<repo.ImportRow> {
    const scoped = authorizeInInstitute(actor, 'questions:manage');
    const row = await repo.findImport(db, scoped.instituteId, id);
    if (!row) throw notFound('Import not found.');
    if (
      (row.status === 'validating' || row.status === 'committing') &&
      deps.clock.now() - row.updatedAt.getTime() > STALE_AFTER_MS
    ) {
      // The instance running the job stopped (restart, crash): nothing was committed, say so.
      const failure =
        'Processing stopped unexpectedly (the server restarted). Nothing was imported; upload the file again.';
      const staleBefore = new Date(deps.clock.now() - STALE_AFTER_MS);
      if (
        await repo.transitionImport(
          db,
          scoped.instituteId,
          id,
          row.status,
          'failed',
          { failure },
          { at: nowDate(deps.clock), staleBefore },
        )
      ) {
        return (await repo.findImport(db, scoped.instituteId, id)) ?? row;
      }
    }
    return row;
  }

  return {
    /**
     * Reads the whole file now (so an unreadable file is a 400), then validates in the background.
     * `readInput` is called only once the actor may import: nobody else gets to upload 50 MB.
     */
    async startImport(
      actor: Actor,
      readInput: () => Promise<{
        file: UploadedFile;
        images: UploadedFile | null;
        createMissingSyllabus: boolean;
      }>,
    ): Promise<ImportView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const input = await readInput();
      assertStorableText({
        file: { filename: input.file.fileName },
        images: { filename: input.images?.fileName },
      });
      const format: ImportFormat = detectImportFormat(input.file.body, input.file.fileName);
      const sheet = await readImportSheet(input.file.body, format);
      if (input.images) listArchiveNames(input.images.body);
      const id = randomUUID();
      // The parsed sheet, not the upload, is kept for the commit: re-reading JSON is far cheaper than re-parsing XLSX.
      const fileKey = `institutes/${scoped.instituteId}/question-imports/${id}.sheet.json`;
      await deps.storage.put(fileKey, Buffer.from(JSON.stringify(sheet)), 'application/json');
      const report = emptyReport(fileKey, input.createMissingSyllabus);
      const startedAt = nowDate(deps.clock);
      const row = await repo.insertImport(db, {
        id,
        createdAt: startedAt,
        updatedAt: startedAt,
        instituteId: scoped.instituteId,
        status: 'validating',
        fileName: input.file.fileName.slice(0, 200),
        format,
        totalRows: sheet.rows.length,
        processedRows: 0,
        report,
        createdBy: scoped.userId,
      });
      runInBackground(id, report, () =>
        runner.validate({ importId: id, actor: scoped, sheet, images: input.images?.body ?? null, report }),
      );
      return presentImport(row);
    },

    async getImport(actor: Actor, id: string): Promise<ImportView> {
      return presentImport(await findOwnImport(actor, id));
    },

    async buildErrorsCsv(actor: Actor, id: string): Promise<Buffer> {
      const row = await findOwnImport(actor, id);
      const errors = (await repo.findAllErrors(db, row.instituteId, id)) ?? [];
      return writeCsv(
        ['row', 'column', 'message'],
        errors.map((error) => [String(error.row), error.column, error.message]),
      );
    },

    async commitImport(
      actor: Actor,
      id: string,
      options: { duplicates: 'skip' | 'import' },
    ): Promise<ImportView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const row = await findOwnImport(scoped, id);
      const moved = await repo.transitionImport(
        db,
        scoped.instituteId,
        id,
        'ready',
        'committing',
        { duplicatesChoice: options.duplicates },
        { at: nowDate(deps.clock) },
      );
      if (!moved || !row.report)
        throw new AppError('IMPORT_NOT_READY', undefined, { extra: { status: row.status } });
      const report: repo.ImportReport = { ...row.report, duplicatesChoice: options.duplicates };
      runInBackground(id, report, () => runner.commit(id, scoped, report));
      return presentImport((await repo.findImport(db, scoped.instituteId, id)) ?? row);
    },
  };
}
