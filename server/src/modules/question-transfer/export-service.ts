import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Question } from '@examtech/core';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { QuestionFilter, QuestionService } from '../questions/question-service.js';
import { CSV_BOM, formatCsvRecords } from './csv-format.js';
import {
  buildTableHeader,
  createTableNeeds,
  mapQuestionToCells,
  measureTableNeeds,
} from './question-to-row.js';
import { buildTemplateCsv, buildTemplateXlsx } from './template.js';
import type { ImportFormat } from './upload-file.js';
import { createXlsxStreamWriter, QUESTIONS_SHEET } from './xlsx-format.js';
import { nowDate, type Clock } from '../../platform/clock.js';

/** Questions whose bodies are in memory at once while exporting. */
const EXPORT_PAGE_SIZE = 500;
/**
 * Rows formatted between two turns of the event loop. Formatting is synchronous (about 1 ms a row
 * for XLSX), so a whole page at once would stall every other request for half a second.
 */
const ROWS_PER_TURN = 20;

function* sliceRows<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_TURN)
    yield rows.slice(start, start + ROWS_PER_TURN);
}

/**
 * Exports one institute may run at once on one instance. An export is the heaviest read there is
 * (every body of the bank); two keep the instance responsive for everyone else, a third is
 * refused with 429 EXPORT_BUSY and can be retried. Counted per instance: memory and the event loop
 * are per process.
 */
export const MAX_EXPORTS_PER_INSTITUTE = 2;

type ExportSource = { readPages(): AsyncGenerator<Question[]> };

export type QuestionExportService = ReturnType<typeof createQuestionExportService>;

/** The header needs every question's languages and choice counts: a first pass over the pages. */
async function measureHeader(source: ExportSource, signal: AbortSignal): Promise<string[]> {
  const needs = createTableNeeds();
  for await (const page of source.readPages()) {
    signal.throwIfAborted();
    measureTableNeeds(needs, page);
    await yieldToEventLoop();
  }
  return buildTableHeader(needs);
}

/** Pulled by the response: a page is read and formatted only when the client has taken the last. */
function streamCsv(source: ExportSource, signal: AbortSignal): Readable {
  async function* produce() {
    const header = await measureHeader(source, signal);
    yield `${CSV_BOM}${formatCsvRecords([header])}`;
    for await (const page of source.readPages()) {
      for (const slice of sliceRows(page)) {
        signal.throwIfAborted();
        yield formatCsvRecords(slice.map((question) => mapQuestionToCells(header, question)));
        await yieldToEventLoop();
      }
    }
  }
  return Readable.from(produce(), { objectMode: false });
}

function streamXlsx(source: ExportSource, signal: AbortSignal): Readable {
  const out = new PassThrough();
  async function produce() {
    const header = await measureHeader(source, signal);
    const writer = createXlsxStreamWriter(out, QUESTIONS_SHEET, header);
    for await (const page of source.readPages()) {
      for (const slice of sliceRows(page)) {
        signal.throwIfAborted();
        writer.addRows(slice.map((question) => mapQuestionToCells(header, question)));
        // Wait for a slow client instead of buffering the zip in memory.
        if (out.writableNeedDrain) await once(out, 'drain', { signal });
        await yieldToEventLoop();
      }
    }
    await writer.finish();
  }
  produce().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** Exports in exactly the import layout, so export -> import gives the same questions. */
export function createQuestionExportService(deps: {
  questions: Pick<QuestionService, 'openQuestionExport'>;
  clock: Clock;
}) {
  const running = new Map<string, number>();

  function takeSlot(instituteId: string): () => void {
    const current = running.get(instituteId) ?? 0;
    if (current >= MAX_EXPORTS_PER_INSTITUTE) throw new AppError('EXPORT_BUSY');
    running.set(instituteId, current + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = (running.get(instituteId) ?? 1) - 1;
      if (left > 0) running.set(instituteId, left);
      else running.delete(instituteId);
    };
  }

  return {
    /** The download's name, dated by the clock: `questions-2026-12-01.csv`. */
    fileNameOf: (format: string) => `questions-${nowDate(deps.clock).toISOString().slice(0, 10)}.${format}`,

    /**
     * A stream of the export, written page by page (the event loop gets a turn between pages) and
     * stopped when `signal` aborts. The institute's slot is held until the stream closes.
     */
    async exportQuestions(
      actor: Actor,
      filter: QuestionFilter,
      format: ImportFormat,
      signal: AbortSignal,
    ): Promise<Readable> {
      const { instituteId } = authorizeInInstitute(actor, 'questions:read');
      const release = takeSlot(instituteId);
      try {
        const source = await deps.questions.openQuestionExport(actor, filter, EXPORT_PAGE_SIZE);
        // The client may have left while the list was read: nothing to write for.
        signal.throwIfAborted();
        const stream = format === 'csv' ? streamCsv(source, signal) : streamXlsx(source, signal);
        stream.once('close', release);
        signal.addEventListener('abort', () => stream.destroy(), { once: true });
        return stream;
      } catch (err) {
        release();
        throw err;
      }
    },

    /** The empty sheet to fill in, for those who may import. */
    buildTemplate(actor: Actor, format: ImportFormat): Promise<Buffer> {
      authorizeInInstitute(actor, 'questions:manage');
      return format === 'csv' ? Promise.resolve(buildTemplateCsv()) : buildTemplateXlsx();
    },
  };
}
