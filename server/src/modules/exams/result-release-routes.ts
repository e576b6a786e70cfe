import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { ResultReleaseService } from './result-release-service.js';

const idParams = z.object({ id: z.uuid() });

export const resultReleaseRoutes: FastifyPluginAsyncZod<{ releases: ResultReleaseService }> = async (
  app,
  { releases },
) => {
  app.get('/api/exams/:id/results/release', { schema: { params: idParams } }, async (request) => ({
    release: await releases.getState(requireActor(request), request.params.id),
  }));

  app.post('/api/exams/:id/results/release', { schema: { params: idParams } }, async (request) => ({
    release: await releases.release(requireActor(request), request.params.id),
  }));
};
