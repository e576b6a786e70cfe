import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { questionImports } from './import-tables.js';
import type { RowError } from './sheet-layout.js';

type Conn = Db | Tx;
export type ImportStatus = (typeof questionImports.$inferSelect)['status'];

export type DuplicateRow = {
  row: number;
  existingQuestionId: string | null;
  duplicateOfRow: number | null;
  stemPreview: string;
};
export type ImportSummary = {
  valid: number;
  invalid: number;
  duplicates: number;
  byType: Record<string, number>;
  missingSyllabus: { subject: string; chapter: string; topic: string }[];
};

/** What `question_imports.report` holds; `allErrors` is only read by errors.csv. */
export type ImportReport = {
  createMissingSyllabus: boolean;
  /** FileStorage key of the uploaded sheet: commit re-reads it, on whichever instance commits. */
  fileKey: string;
  /** Image lookup key -> asset id, for the files of the images zip stored during validation. */
  imageAssets: Record<string, string>;
  summary: ImportSummary;
  errors: RowError[];
  errorCount: number;
  allErrors?: RowError[];
  duplicates: DuplicateRow[];
  duplicatesChoice?: 'skip' | 'import';
  committedCount: number;
  failure?: string;
};

export type ImportRow = typeof questionImports.$inferSelect;

const withoutAllErrors = sql<ImportReport | null>`${questionImports.report} - 'allErrors'`;
const viewColumns = {
  id: questionImports.id,
  instituteId: questionImports.instituteId,
  status: questionImports.status,
  fileName: questionImports.fileName,
  format: questionImports.format,
  totalRows: questionImports.totalRows,
  processedRows: questionImports.processedRows,
  report: withoutAllErrors,
  createdBy: questionImports.createdBy,
  createdAt: questionImports.createdAt,
  updatedAt: questionImports.updatedAt,
};

export async function insertImport(
  conn: Conn,
  values: typeof questionImports.$inferInsert,
): Promise<ImportRow> {
  const [row] = await conn.insert(questionImports).values(values).returning(viewColumns);
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findImport(conn: Conn, instituteId: string, id: string): Promise<ImportRow | null> {
  const [row] = await conn
    .select(viewColumns)
    .from(questionImports)
    .where(and(eq(questionImports.instituteId, instituteId), eq(questionImports.id, id)));
  return row ?? null;
}

export async function findAllErrors(conn: Conn, instituteId: string, id: string): Promise<RowError[] | null> {
  const [row] = await conn
    .select({
      errors: sql<
        RowError[] | null
      >`coalesce(${questionImports.report} -> 'allErrors', ${questionImports.report} -> 'errors')`,
    })
    .from(questionImports)
    .where(and(eq(questionImports.instituteId, instituteId), eq(questionImports.id, id)));
  return row ? (row.errors ?? []) : null;
}

/** `at` (the clock's time) is the job's heartbeat: a running import not touched for a while is dead. */
export async function updateProgress(conn: Conn, id: string, processedRows: number, at: Date): Promise<void> {
  await conn.update(questionImports).set({ processedRows, updatedAt: at }).where(eq(questionImports.id, id));
}

/** Keeps `updated_at` fresh while a job runs, so other instances can tell a live job from a dead one. */
export async function touchRunning(conn: Conn, id: string, at: Date): Promise<void> {
  await conn
    .update(questionImports)
    .set({ updatedAt: at })
    .where(and(eq(questionImports.id, id), inArray(questionImports.status, ['validating', 'committing'])));
}

export async function finishImport(
  conn: Conn,
  id: string,
  values: { status: ImportStatus; report: ImportReport; processedRows?: number; updatedAt: Date },
): Promise<void> {
  await conn.update(questionImports).set(values).where(eq(questionImports.id, id));
}

/** Moves `from` -> `to` only if the import is still in `from`; returns whether it moved. */
export async function transitionImport(
  conn: Conn,
  instituteId: string,
  id: string,
  from: ImportStatus,
  to: ImportStatus,
  reportPatch: Partial<ImportReport>,
  options: { at: Date; staleBefore?: Date },
): Promise<boolean> {
  const rows = await conn
    .update(questionImports)
    .set({
      status: to,
      report: sql`coalesce(${questionImports.report}, '{}'::jsonb) || ${JSON.stringify(reportPatch)}::jsonb`,
      updatedAt: options.at,
    })
    .where(
      and(
        eq(questionImports.instituteId, instituteId),
        eq(questionImports.id, id),
        eq(questionImports.status, from),
        ...(options.staleBefore ? [lt(questionImports.updatedAt, options.staleBefore)] : []),
      ),
    )
    .returning({ id: questionImports.id });
  return rows.length > 0;
}
