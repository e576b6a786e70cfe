import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../../platform/http/multipart.js';
import { requireActor } from '../../platform/http/session-auth.js';
import { assertFilePresent, type StudentImportService } from './student-import-service.js';

export const studentImportRoutes: FastifyPluginAsyncZod<{ studentImport: StudentImportService }> = async (
  app,
  { studentImport },
) => {
  app.get('/api/students/import/template.csv', async (request, reply) => {
    const template = studentImport.getTemplate(requireActor(request));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="students-template.csv"')
      .send(template);
  });

  app.post(
    '/api/students/import',
    { schema: { querystring: z.object({ dryRun: z.stringbool().default(false) }) } },
    async (request, reply) => {
      const result = await studentImport.importStudents(
        requireActor(request),
        async () => assertFilePresent((await readUpload(request)).files.get('file')).body,
        request.query,
      );
      if (!result.valid) {
        return reply.status(422).send({
          error: {
            code: 'IMPORT_INVALID',
            message: `${result.errors.length} problem(s) found. Nothing was imported.`,
          },
          requestId: request.id,
          ...result,
        });
      }
      return reply.status(request.query.dryRun ? 200 : 201).send(result);
    },
  );
};
