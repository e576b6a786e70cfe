import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { createClientGoneSignal } from '../../platform/http/client-gone.js';
import { readUpload } from '../../platform/http/multipart.js';
import { requireActor } from '../../platform/http/session-auth.js';
import { questionListQuerySchema } from '../questions/question-service.js';
import type { QuestionExportService } from './export-service.js';
import type { QuestionImportService, UploadedFile } from './import-service.js';
import { MAX_IMPORT_BYTES, type ImportFormat } from './upload-file.js';

const idParams = z.object({ id: z.uuid() });
const CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function sendFile(reply: FastifyReply, format: ImportFormat, fileName: string, body: Buffer | Readable) {
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}

/** The sheet (`file`), the optional images zip (`images`) and `createMissingSyllabus`, with the 50 MB limit per file. */
async function readImportUpload(request: FastifyRequest) {
  const { files, fields } = await readUpload(request, {
    limitBytes: MAX_IMPORT_BYTES,
    advice: 'Split it into smaller files.',
    maxFiles: 2,
    maxFields: 5,
  });
  const asUpload = (part: { fileName: string; body: Buffer } | undefined): UploadedFile | null =>
    part ? { fileName: part.fileName, body: part.body } : null;
  const file = asUpload(files.get('file'));
  if (!file) throw new AppError('BAD_REQUEST', 'Attach the CSV or Excel file in the "file" field.');
  return {
    file,
    images: asUpload(files.get('images')),
    createMissingSyllabus: fields.get('createMissingSyllabus') === 'true',
  };
}

export const questionTransferRoutes: FastifyPluginAsyncZod<{
  imports: QuestionImportService;
  exports: QuestionExportService;
}> = async (app, { imports, exports }) => {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/api/question-imports/template.${format}`, async (request, reply) => {
      const template = await exports.buildTemplate(requireActor(request), format);
      return sendFile(reply, format, `questions-template.${format}`, template);
    });

    app.get(
      `/api/questions/export.${format}`,
      { schema: { querystring: questionListQuerySchema } },
      async (request, reply) => {
        const body = await exports.exportQuestions(
          requireActor(request),
          request.query,
          format,
          createClientGoneSignal(reply),
        );
        return sendFile(reply, format, exports.fileNameOf(format), body);
      },
    );
  }

  app.post('/api/question-imports', async (request, reply) => {
    const view = await imports.startImport(requireActor(request), () => readImportUpload(request));
    return reply.status(202).send({ import: view });
  });

  app.get('/api/question-imports/:id', { schema: { params: idParams } }, async (request) => ({
    import: await imports.getImport(requireActor(request), request.params.id),
  }));

  app.get('/api/question-imports/:id/errors.csv', { schema: { params: idParams } }, async (request, reply) =>
    sendFile(
      reply,
      'csv',
      'import-errors.csv',
      await imports.buildErrorsCsv(requireActor(request), request.params.id),
    ),
  );

  app.post(
    '/api/question-imports/:id/commit',
    { schema: { params: idParams, body: z.object({ duplicates: z.enum(['skip', 'import']) }) } },
    async (request, reply) =>
      reply
        .status(202)
        .send({ import: await imports.commitImport(requireActor(request), request.params.id, request.body) }),
  );
};
