import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { PracticeService } from './practice-service.js';

export const practiceRoutes: FastifyPluginAsyncZod<{ practice: PracticeService }> = async (
  app,
  { practice },
) => {
  app.get('/api/practice-settings', (request) => practice.getSettings(requireActor(request)));
  app.put(
    '/api/practice-settings',
    {
      schema: {
        body: z.object({ disabledSubjectIds: z.array(z.uuid()).max(200), releasedOnly: z.boolean() }),
      },
    },
    (request) => practice.saveSettings(requireActor(request), request.body),
  );
  app.get('/api/practice-tests', async (request) => ({
    items: await practice.listPracticeTests(requireActor(request)),
  }));
  app.post(
    '/api/practice-tests',
    {
      schema: {
        body: z.object({
          scope: z.enum(['chapter', 'subject', 'template', 'topic']),
          chapterIds: z.array(z.uuid()).max(100).optional(),
          topicIds: z.array(z.uuid()).max(100).optional(),
          excludeSeen: z.boolean().optional(),
          subjectIds: z.array(z.uuid()).max(20).optional(),
          templateId: z.string().max(64).optional(),
          questionCount: z.number().int().min(5).max(200),
          difficulty: z.enum(['easy', 'medium', 'hard', 'mixed']),
          durationMinutes: z.number().int().min(5).max(600).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await practice.createPracticeTest(requireActor(request), request.body)),
  );
};
