import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { AttemptService } from './attempt-service.js';
import { saveBatchSchema } from './save-schema.js';

const idParams = z.object({ id: z.uuid() });
const deviceId = z.string().min(8).max(64);

export const attemptRoutes: FastifyPluginAsyncZod<{ attempts: AttemptService }> = async (
  app,
  { attempts },
) => {
  app.get('/api/exams/:id/candidate-info', { schema: { params: idParams } }, (request) =>
    attempts.getCandidateInfo(requireActor(request), request.params.id),
  );

  app.post(
    '/api/exams/:id/start',
    {
      schema: {
        params: idParams,
        // The candidate's consent to a proctored exam's recording, given on the pre-exam screen.
        body: z.object({ deviceId, proctoringConsent: z.boolean().optional() }),
      },
    },
    (request) =>
      attempts.startAttempt(requireActor(request), request.params.id, request.body.deviceId, {
        proctoring: request.body.proctoringConsent === true,
      }),
  );

  app.get('/api/attempts/:id/paper', { schema: { params: idParams } }, async (request, reply) => {
    const json = await attempts.getPaperJson(requireActor(request), request.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(json);
  });

  app.get('/api/attempts/:id/state', { schema: { params: idParams } }, (request) =>
    attempts.getState(requireActor(request), request.params.id),
  );

  // The same saves as the socket's `answer:save`, for when the socket is unavailable.
  app.post(
    '/api/attempts/:id/answers',
    { schema: { params: idParams, body: saveBatchSchema } },
    async (request) => ({
      results: await attempts.saveAnswers(
        requireActor(request),
        request.params.id,
        request.body.deviceId,
        request.body.saves,
      ),
    }),
  );

  app.post('/api/attempts/:id/submit', { schema: { params: idParams } }, (request) =>
    attempts.submit(requireActor(request), request.params.id),
  );

  app.get('/api/attempts/:id/result', { schema: { params: idParams } }, (request) =>
    attempts.getResult(requireActor(request), request.params.id),
  );

  // The candidate's own analysis (released only); staff read any attempt of an exam in their scope.
  app.get('/api/attempts/:id/analysis', { schema: { params: idParams } }, (request) =>
    attempts.getOwnAnalysis(requireActor(request), request.params.id),
  );

  app.get(
    '/api/exams/:id/attempts/:attemptId/analysis',
    { schema: { params: z.object({ id: z.uuid(), attemptId: z.uuid() }) } },
    (request) =>
      attempts.getStaffAnalysis(requireActor(request), request.params.id, request.params.attemptId),
  );
};
