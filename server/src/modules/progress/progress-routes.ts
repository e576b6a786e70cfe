import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { ProgressService } from './progress-service.js';

export const progressRoutes: FastifyPluginAsyncZod<{ progress: ProgressService }> = async (
  app,
  { progress },
) => {
  app.get('/api/me/progress/weak-areas', (request) => progress.getMyWeakAreas(requireActor(request)));
  app.get('/api/me/progress/recommendations', (request) =>
    progress.getMyRecommendations(requireActor(request)),
  );
  app.get(
    '/api/students/:userId/progress/weak-areas',
    { schema: { params: z.object({ userId: z.uuid() }) } },
    (request) => progress.getStudentWeakAreas(requireActor(request), request.params.userId),
  );
  app.get('/api/me/progress/trends', (request) => progress.getMyTrends(requireActor(request)));
  app.get(
    '/api/students/:userId/progress/trends',
    { schema: { params: z.object({ userId: z.uuid() }) } },
    (request) => progress.getStudentTrends(requireActor(request), request.params.userId),
  );
};
