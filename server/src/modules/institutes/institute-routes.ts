import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LEADERBOARD_NAME_MODES } from '@examtech/core';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import { passwordSchema } from '../../platform/http/password-schema.js';
import type { InstituteService } from './institute-service.js';

export const instituteRoutes: FastifyPluginAsyncZod<{ institutes: InstituteService }> = async (
  app,
  { institutes },
) => {
  app.get('/api/institute', (request) => institutes.getOwnInstitute(requireActor(request)));

  app.patch(
    '/api/institute/settings',
    {
      schema: {
        body: z
          .object({
            leaderboardNames: z.enum(LEADERBOARD_NAME_MODES).optional(),
            // The name is checked by the service (INSTITUTE_TIME_ZONE_INVALID): a code of its own.
            timeZone: z.string().trim().min(1).max(64).optional(),
          })
          .refine((body) => body.leaderboardNames !== undefined || body.timeZone !== undefined, {
            message: 'Send leaderboardNames, timeZone or both.',
          }),
      },
    },
    (request) => institutes.updateSettings(requireActor(request), request.body),
  );

  app.get('/api/institutes', async (request) => ({
    items: await institutes.listInstitutes(requireActor(request)),
  }));

  app.post(
    '/api/institutes',
    {
      schema: {
        body: z.object({
          name: z.string().trim().min(2).max(200),
          slug: z
            .string()
            .trim()
            .min(2)
            .max(48)
            .regex(/^[a-z0-9-]+$/i, 'Use letters, digits and "-" only.'),
          admin: z.object({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(320),
            password: passwordSchema.optional(),
          }),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await institutes.createInstitute(requireActor(request), request.body)),
  );
};
