import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { SyllabusService } from './syllabus-service.js';

const nodeName = z.string().trim().min(1).max(120);

export const syllabusRoutes: FastifyPluginAsyncZod<{ syllabus: SyllabusService }> = async (
  app,
  { syllabus },
) => {
  app.get(
    '/api/syllabus',
    { schema: { querystring: z.object({ includeArchived: z.stringbool().default(false) }) } },
    (request) => syllabus.getTree(requireActor(request), request.query),
  );

  app.post(
    '/api/syllabus/nodes',
    {
      schema: {
        body: z.object({
          kind: z.enum(['subject', 'chapter', 'topic']),
          parentId: z.uuid().optional(),
          name: nodeName,
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ node: await syllabus.createNode(requireActor(request), request.body) }),
  );

  app.patch(
    '/api/syllabus/nodes/:id',
    {
      schema: {
        params: z.object({ id: z.uuid() }),
        body: z.object({
          name: nodeName.optional(),
          position: z.number().int().min(0).max(10_000).optional(),
          archived: z.boolean().optional(),
        }),
      },
    },
    async (request) => ({
      node: await syllabus.updateNode(requireActor(request), request.params.id, request.body),
    }),
  );
};
