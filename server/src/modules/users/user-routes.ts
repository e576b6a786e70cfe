import { LANGUAGES } from '@examtech/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { instituteRoles } from '../../platform/auth/policies.js';
import { requireActor } from '../../platform/http/session-auth.js';
import { passwordSchema } from '../../platform/http/password-schema.js';
import type { UserService } from './user-service.js';

const idParams = z.object({ id: z.uuid() });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  app.get(
    '/api/users',
    {
      schema: {
        querystring: z.object({
          role: z.enum(instituteRoles).optional(),
          batchId: z.uuid().optional(),
          q: z.string().max(200).optional(),
          includeInactive: z.stringbool().default(false),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(25),
        }),
      },
    },
    (request) => users.listUsers(requireActor(request), request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        body: z.object({
          name: z.string().trim().min(1).max(200),
          email: z.email().max(320),
          role: z.enum(instituteRoles),
          phone: optionalText(32),
          rollNumber: optionalText(64),
          batchIds: z.array(z.uuid()).max(100).optional(),
          password: passwordSchema.optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.createUser(requireActor(request), request.body)),
  );

  app.get('/api/users/:id', { schema: { params: idParams } }, async (request) => ({
    user: await users.getUser(requireActor(request), request.params.id),
  }));

  app.patch(
    '/api/users/:id',
    {
      schema: {
        params: idParams,
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          phone: optionalText(32),
          rollNumber: optionalText(64),
          batchIds: z.array(z.uuid()).max(100).optional(),
          active: z.boolean().optional(),
        }),
      },
    },
    async (request) => ({
      user: await users.updateUser(requireActor(request), request.params.id, request.body),
    }),
  );

  app.patch(
    '/api/me/preferences',
    { schema: { body: z.object({ uiLanguage: z.enum(LANGUAGES) }) } },
    async (request) => ({
      user: await users.updateOwnPreferences(requireActor(request), request.body),
    }),
  );

  app.post('/api/users/:id/reset-password', { schema: { params: idParams } }, (request) =>
    users.resetPassword(requireActor(request), request.params.id),
  );
};
