import { buildStemPreview } from '../questions/question-text.js';
/**
 * Turns a whole sheet into mapped rows in chunks, yielding to the event loop between chunks so
 * the instance keeps serving requests while it validates 20,000 rows, and reporting progress.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Question, ValidationIssue } from '@examtech/core';
import { questionBodySchema } from '../questions/question-schema.js';
import { computeContentHash } from '../questions/question-hash.js';
import { imageLookupKey, type ImageResolver } from './image-refs.js';
import { columnForIssue } from './issue-columns.js';
import { mapRowToQuestion, type MappedRow } from './row-to-question.js';
import type { DuplicateRow } from './import-repo.js';
import { readLayout, type RowError, type Sheet, type SheetLayout } from './sheet-layout.js';

export const PROGRESS_CHUNK = 500;

export function buildImageResolver(
  imageAssets: Readonly<Record<string, string>>,
  hasArchive: boolean,
  failures: ReadonlyMap<string, string>,
): ImageResolver {
  return (fileName) => {
    const key = imageLookupKey(fileName);
    const assetId = imageAssets[key];
    if (assetId) return { target: `image:${assetId}` };
    const failure = failures.get(key);
    if (failure) return { error: `Image "${fileName}": ${failure}` };
    return {
      error: hasArchive
        ? `Image "${fileName}" is not in the images zip.`
        : `Image "${fileName}" is referenced by file name: upload the images as a .zip with the sheet, or use an https:// URL.`,
    };
  };
}

/** The API's own shape limits (lengths, counts), so a row that passes here is accepted by the bank. */
function checkShape(question: Question, layout: SheetLayout, mapped: MappedRow): RowError[] {
  const parsed = questionBodySchema.safeParse(question);
  if (parsed.success) return [];
  const languages = Object.keys(question.content);
  const choiceIds = layout.choiceIds;
  return parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const core: ValidationIssue = { code: 'SHAPE', path, message: issue.message };
    return {
      row: mapped.rowNumber,
      column: columnForIssue(core, { type: question.type, languages, choiceIds, content: question.content }),
      message: `Too long or too many: ${issue.message}`,
    };
  });
}

export async function mapSheetRows(
  sheet: Sheet,
  resolveImage: ImageResolver,
  onProgress: (processed: number) => Promise<void>,
): Promise<{ headerErrors: RowError[]; rows: MappedRow[] }> {
  const { layout, errors: headerErrors } = readLayout(sheet.header);
  if (headerErrors.length > 0) return { headerErrors, rows: [] };
  const rows: MappedRow[] = [];
  for (let start = 0; start < sheet.rows.length; start += PROGRESS_CHUNK) {
    for (const row of sheet.rows.slice(start, start + PROGRESS_CHUNK)) {
      const mapped = mapRowToQuestion(layout, row, resolveImage);
      if (mapped.question) {
        const shapeErrors = checkShape(mapped.question, layout, mapped);
        rows.push(shapeErrors.length > 0 ? { ...mapped, question: null, errors: shapeErrors } : mapped);
      } else {
        rows.push(mapped);
      }
    }
    await onProgress(Math.min(start + PROGRESS_CHUNK, sheet.rows.length));
    await yieldToEventLoop();
  }
  return { headerErrors, rows };
}

/** Every text cell of a sheet, for finding the image files it refers to before mapping. */
export function listSheetTexts(sheet: Sheet): string[] {
  return sheet.rows.flatMap((row) => row.values.filter((value) => value.includes('![')));
}

/**
 * Rows whose content hash is already in the bank, or equals an earlier row of the same file.
 * The first occurrence in the file is never a duplicate of a later one.
 */
export function findDuplicateRows(
  rows: readonly { rowNumber: number; question: Question }[],
  bank: ReadonlyMap<string, string>,
): DuplicateRow[] {
  const firstRowByHash = new Map<string, number>();
  const duplicates: DuplicateRow[] = [];
  for (const { rowNumber, question } of rows) {
    const hash = computeContentHash(question);
    const existingQuestionId = bank.get(hash) ?? null;
    const duplicateOfRow = firstRowByHash.get(hash) ?? null;
    if (duplicateOfRow === null) firstRowByHash.set(hash, rowNumber);
    if (existingQuestionId !== null || duplicateOfRow !== null) {
      duplicates.push({
        row: rowNumber,
        existingQuestionId,
        duplicateOfRow,
        stemPreview: buildStemPreview(question),
      });
    }
  }
  return duplicates;
}
