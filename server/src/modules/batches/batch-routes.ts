import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { BatchService } from './batch-service.js';

const idParams = z.object({ id: z.uuid() });
const batchCode = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_" only.');

export const batchRoutes: FastifyPluginAsyncZod<{ batches: BatchService }> = async (app, { batches }) => {
  app.get(
    '/api/batches',
    { schema: { querystring: z.object({ includeArchived: z.stringbool().default(false) }) } },
    async (request) => ({ items: await batches.listBatches(requireActor(request), request.query) }),
  );

  app.post(
    '/api/batches',
    {
      schema: {
        body: z.object({
          name: z.string().trim().min(1).max(120),
          code: batchCode,
          description: z.string().max(2000).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ batch: await batches.createBatch(requireActor(request), request.body) }),
  );

  app.get('/api/batches/:id', { schema: { params: idParams } }, async (request) => ({
    batch: await batches.getBatch(requireActor(request), request.params.id),
  }));

  app.patch(
    '/api/batches/:id',
    {
      schema: {
        params: idParams,
        body: z.object({
          name: z.string().trim().min(1).max(120).optional(),
          description: z.string().max(2000).optional(),
          archived: z.boolean().optional(),
        }),
      },
    },
    async (request) => ({
      batch: await batches.updateBatch(requireActor(request), request.params.id, request.body),
    }),
  );

  app.put(
    '/api/batches/:id/staff',
    { schema: { params: idParams, body: z.object({ userIds: z.array(z.uuid()).max(200) }) } },
    async (request) => ({
      batch: await batches.setBatchStaff(requireActor(request), request.params.id, request.body.userIds),
    }),
  );
};
