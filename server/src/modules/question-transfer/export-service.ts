import type { Actor } from '../../platform/auth/policies.js';
import type { QuestionFilter, QuestionService } from '../questions/question-service.js';
import { writeCsv } from './csv-format.js';
import { mapQuestionsToTable } from './question-to-row.js';
import { buildTemplateCsv, buildTemplateXlsx } from './template.js';
import type { ImportFormat } from './upload-file.js';
import { QUESTIONS_SHEET, writeXlsx } from './xlsx-format.js';

export type QuestionExportService = ReturnType<typeof createQuestionExportService>;

/** Exports in exactly the import layout, so export -> import gives the same questions. */
export function createQuestionExportService(deps: {
  questions: Pick<QuestionService, 'listQuestionsForExport'>;
}) {
  return {
    async exportQuestions(actor: Actor, filter: QuestionFilter, format: ImportFormat): Promise<Buffer> {
      const { header, rows } = mapQuestionsToTable(
        await deps.questions.listQuestionsForExport(actor, filter),
      );
      return format === 'csv' ? writeCsv(header, rows) : writeXlsx([{ name: QUESTIONS_SHEET, header, rows }]);
    },

    buildTemplate(format: ImportFormat): Promise<Buffer> {
      return format === 'csv' ? Promise.resolve(buildTemplateCsv()) : buildTemplateXlsx();
    },
  };
}
