import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import { RESULT_STATUSES } from './results-types.js';
import type { ResultsService } from './results-service.js';

const examParams = z.object({ id: z.uuid() });
const resultParams = z.object({ id: z.uuid(), attemptId: z.uuid() });

const listQuery = z.object({
  sort: z.enum(['rank', 'name', 'score', 'submittedAt']).default('rank'),
  order: z.enum(['asc', 'desc']).optional(),
  batchId: z.uuid().optional(),
  search: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Rank ascending by default; scores and submit times newest/highest first; names A to Z. */
const defaultOrder = { rank: 'asc', name: 'asc', score: 'desc', submittedAt: 'desc' } as const;

const statusBody = z.object({
  status: z.enum(RESULT_STATUSES),
  reason: z.string().trim().min(1).max(500),
});

export const resultsRoutes: FastifyPluginAsyncZod<{ results: ResultsService }> = async (app, { results }) => {
  app.get('/api/exams/:id/results', { schema: { params: examParams, querystring: listQuery } }, (request) => {
    const { order, ...query } = request.query;
    return results.listResults(requireActor(request), request.params.id, {
      ...query,
      order: order ?? defaultOrder[query.sort],
    });
  });

  // A student's own results summary: release state of each submitted attempt, marks and rank once released.
  app.get('/api/me/results', (request) => results.listMyResults(requireActor(request)));

  // The student's own marks and rank before and after each answer-key revision (released results only).
  app.get('/api/exams/:id/my-result-changes', { schema: { params: examParams } }, async (request) => ({
    changes: await results.listMyResultChanges(requireActor(request), request.params.id),
  }));

  app.post(
    '/api/exams/:id/results/:attemptId/status',
    { schema: { params: resultParams, body: statusBody } },
    async (request) => ({
      result: await results.setResultStatus(
        requireActor(request),
        request.params.id,
        request.params.attemptId,
        request.body,
      ),
    }),
  );
};
