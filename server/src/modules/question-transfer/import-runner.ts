/**
 * The background half of an import. Validation and commit run in the instance that received the
 * request; their state lives only in the `question_imports` row, so any instance answers GET. If
 * the instance dies mid-way, the row stops being touched and the next read after STALE_AFTER_MS
 * marks it failed. Nothing is ever half-committed: the commit is one transaction, and the row
 * becomes `committed` inside that same transaction.
 */
import type { Question } from '@examtech/core';
import type { Database, Tx } from '../../platform/db/database.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { InstituteActor } from '../../platform/auth/policies.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { AssetService } from '../assets/asset-service.js';
import { computeContentHash } from '../questions/question-hash.js';
import type { QuestionService } from '../questions/question-service.js';
import { toSyllabusPathKey, type SyllabusService } from '../syllabus/syllabus-service.js';
import { readArchiveImages } from './image-archive.js';
import { imageLookupKey, listImageFileNames } from './image-refs.js';
import * as repo from './import-repo.js';
import { buildImageResolver, findDuplicateRows, listSheetTexts, mapSheetRows } from './import-rows.js';
import type { RowError, Sheet } from './sheet-layout.js';

export const STALE_AFTER_MS = 2 * 60 * 1000;
const HEARTBEAT_MS = 10 * 1000;
const VIEW_ERROR_LIMIT = 1000;
const STORED_ERROR_LIMIT = 50_000;
const INSERT_CHUNK = 1000;

export type RunnerDeps = {
  database: Database;
  storage: FileStorage;
  syllabus: Pick<SyllabusService, 'resolveSyllabusPaths' | 'forgetTree'>;
  questions: Pick<QuestionService, 'createQuestionsInTx' | 'findQuestionIdsByContentHash'>;
  assets: Pick<AssetService, 'storeAsset'>;
  /** The heartbeat and the stale-job check read this clock. */
  clock: Clock;
};

export type ValidationJob = {
  importId: string;
  actor: InstituteActor;
  sheet: Sheet;
  images: Buffer | null;
  report: repo.ImportReport;
};

function sortErrors(errors: RowError[]): RowError[] {
  return errors.sort((a, b) => a.row - b.row);
}

export function createImportRunner(deps: RunnerDeps) {
  const { db } = deps.database;

  /** Touches the row every few seconds until `work` settles. */
  async function withHeartbeat<T>(importId: string, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      repo.touchRunning(db, importId, nowDate(deps.clock)).catch(() => undefined);
    }, HEARTBEAT_MS);
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Stores the zip's images that the sheet refers to; returns lookup key -> asset id and per-file failures. */
  async function storeReferencedImages(
    job: ValidationJob,
  ): Promise<{ assets: Record<string, string>; failures: Map<string, string> }> {
    const assets: Record<string, string> = {};
    const failures = new Map<string, string>();
    if (!job.images) return { assets, failures };
    const wanted = new Set(listSheetTexts(job.sheet).flatMap(listImageFileNames).map(imageLookupKey));
    for (const [key, image] of readArchiveImages(job.images, wanted)) {
      try {
        assets[key] = (
          await deps.assets.storeAsset(job.actor, { body: image.body, originalName: image.name })
        ).id;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        failures.set(key, err.details.fields?.[0]?.message ?? err.message);
      }
    }
    return { assets, failures };
  }

  async function validate(job: ValidationJob): Promise<void> {
    const { assets, failures } = await storeReferencedImages(job);
    const resolver = buildImageResolver(assets, job.images !== null, failures);
    const { headerErrors, rows } = await mapSheetRows(job.sheet, resolver, (processed) =>
      repo.updateProgress(db, job.importId, processed, nowDate(deps.clock)),
    );
    const errors = [...headerErrors, ...rows.flatMap((row) => row.errors)];
    const valid = rows.flatMap((row) =>
      row.question ? [{ rowNumber: row.rowNumber, question: row.question }] : [],
    );

    const paths = valid.map(({ question }) => question.classification);
    const { missing } = await deps.syllabus.resolveSyllabusPaths(db, job.actor.instituteId, paths, {
      createMissing: false,
    });
    const missingKeys = new Set(missing.map(toSyllabusPathKey));
    if (!job.report.createMissingSyllabus) {
      for (const { rowNumber, question } of valid) {
        if (!missingKeys.has(toSyllabusPathKey(question.classification))) continue;
        const { subject, chapter, topic } = question.classification;
        errors.push({
          row: rowNumber,
          column: 'topic',
          message: `"${subject} > ${chapter} > ${topic}" is not in the syllabus. Add it, fix the names, or upload with "create missing syllabus".`,
        });
      }
    }
    const bank = await deps.questions.findQuestionIdsByContentHash(
      job.actor.instituteId,
      valid.map(({ question }) => computeContentHash(question)),
    );
    const duplicates = findDuplicateRows(valid, bank);

    const sorted = sortErrors(errors);
    const invalidRows = new Set(sorted.map((error) => error.row));
    const byType: Record<string, number> = {};
    for (const { question } of valid) byType[question.type] = (byType[question.type] ?? 0) + 1;
    const report: repo.ImportReport = {
      ...job.report,
      imageAssets: assets,
      summary: {
        valid: rows.length - rows.filter((row) => invalidRows.has(row.rowNumber)).length,
        invalid: rows.filter((row) => invalidRows.has(row.rowNumber)).length,
        duplicates: duplicates.length,
        byType,
        missingSyllabus: missing,
      },
      errors: sorted.slice(0, VIEW_ERROR_LIMIT),
      errorCount: sorted.length,
      ...(sorted.length > VIEW_ERROR_LIMIT ? { allErrors: sorted.slice(0, STORED_ERROR_LIMIT) } : {}),
      duplicates: duplicates.slice(0, VIEW_ERROR_LIMIT),
    };
    await repo.finishImport(db, job.importId, {
      status: sorted.length > 0 ? 'invalid' : 'ready',
      report,
      processedRows: job.sheet.rows.length,
      updatedAt: nowDate(deps.clock),
    });
  }

  /** Re-reads the stored sheet and maps it again: the commit may run on another instance than the upload. */
  async function loadQuestions(
    report: repo.ImportReport,
  ): Promise<{ rowNumber: number; question: Question }[]> {
    const stored = await deps.storage.get(report.fileKey);
    if (!stored)
      throw new AppError('IMPORT_NOT_READY', 'The uploaded file is no longer available. Upload it again.');
    const chunks: Buffer[] = [];
    for await (const chunk of stored.body) chunks.push(chunk as Buffer);
    const sheet = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Sheet;
    const { headerErrors, rows } = await mapSheetRows(
      sheet,
      buildImageResolver(report.imageAssets, false, new Map()),
      async () => {},
    );
    if (headerErrors.length > 0 || rows.some((row) => !row.question))
      throw new AppError('IMPORT_NOT_READY', 'The file no longer validates. Upload it again.');
    return rows.map((row) => ({ rowNumber: row.rowNumber, question: row.question as Question }));
  }

  async function commit(importId: string, actor: InstituteActor, report: repo.ImportReport): Promise<void> {
    const rows = await loadQuestions(report);
    // Looked up before the transaction: PGlite runs one statement stream, and the bank may have changed since validation.
    const bank = await deps.questions.findQuestionIdsByContentHash(
      actor.instituteId,
      rows.map(({ question }) => computeContentHash(question)),
    );
    const skipped = new Set(
      report.duplicatesChoice === 'skip'
        ? findDuplicateRows(rows, bank).map((duplicate) => duplicate.row)
        : [],
    );
    const toInsert = rows.filter((row) => !skipped.has(row.rowNumber));
    await db.transaction(async (tx: Tx) => {
      const { topicIds, missing } = await deps.syllabus.resolveSyllabusPaths(
        tx,
        actor.instituteId,
        toInsert.map(({ question }) => question.classification),
        { createMissing: report.createMissingSyllabus },
      );
      if (missing.length > 0)
        throw new AppError(
          'IMPORT_NOT_READY',
          'Part of the syllabus was removed since validation. Upload the file again.',
        );
      for (let start = 0; start < toInsert.length; start += INSERT_CHUNK) {
        const items = toInsert.slice(start, start + INSERT_CHUNK).map(({ question }) => ({
          question,
          topicId: topicIds.get(toSyllabusPathKey(question.classification)) ?? '',
        }));
        await deps.questions.createQuestionsInTx(tx, actor, items);
      }
      await repo.finishImport(tx, importId, {
        status: 'committed',
        report: { ...report, committedCount: toInsert.length },
        updatedAt: nowDate(deps.clock),
      });
    });
    // Nodes it created are in the tree now that the transaction committed.
    if (report.createMissingSyllabus) deps.syllabus.forgetTree(actor.instituteId);
  }

  async function markFailed(importId: string, report: repo.ImportReport | null, err: unknown): Promise<void> {
    const failure =
      err instanceof AppError
        ? err.message
        : 'Something went wrong while processing the file. Nothing was imported; try again.';
    await repo.finishImport(db, importId, {
      status: 'failed',
      report: { ...(report ?? emptyReport('')), failure },
      updatedAt: nowDate(deps.clock),
    });
  }

  return {
    validate: (job: ValidationJob) => withHeartbeat(job.importId, () => validate(job)),
    commit: (importId: string, actor: InstituteActor, report: repo.ImportReport) =>
      withHeartbeat(importId, () => commit(importId, actor, report)),
    markFailed,
  };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;

export function emptyReport(fileKey: string, createMissingSyllabus = false): repo.ImportReport {
  return {
    createMissingSyllabus,
    fileKey,
    imageAssets: {},
    summary: { valid: 0, invalid: 0, duplicates: 0, byType: {}, missingSyllabus: [] },
    errors: [],
    errorCount: 0,
    duplicates: [],
    committedCount: 0,
  };
}
