import { LEADERBOARD_PERIODS } from '@examtech/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { LeaderboardService } from './leaderboard-service.js';

const top = z.coerce.number().int().min(1).max(100).default(10);
const periodQuery = z.object({ period: z.enum(LEADERBOARD_PERIODS).default('30d'), top });

export const leaderboardRoutes: FastifyPluginAsyncZod<{ leaderboards: LeaderboardService }> = async (
  app,
  { leaderboards },
) => {
  app.get('/api/leaderboards/institute', { schema: { querystring: periodQuery } }, (request) =>
    leaderboards.getInstituteBoard(requireActor(request), request.query.period, { top: request.query.top }),
  );

  app.get(
    '/api/leaderboards/batches/:batchId',
    { schema: { params: z.object({ batchId: z.uuid() }), querystring: periodQuery } },
    (request) =>
      leaderboards.getBatchBoard(requireActor(request), request.params.batchId, request.query.period, {
        top: request.query.top,
      }),
  );

  app.get('/api/leaderboards/exams', (request) => leaderboards.listExams(requireActor(request)));

  app.get(
    '/api/leaderboards/exams/:examId',
    { schema: { params: z.object({ examId: z.uuid() }), querystring: z.object({ top }) } },
    (request) =>
      leaderboards.getExamBoard(requireActor(request), request.params.examId, { top: request.query.top }),
  );
};
