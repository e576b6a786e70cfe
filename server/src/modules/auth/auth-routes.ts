import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../platform/config.js';
import { AppError } from '../../platform/errors/app-error.js';
import { passwordSchema } from '../../platform/http/password-schema.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../platform/http/session-auth.js';
import type { AuthService } from './auth-service.js';

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; config: AppConfig }> = async (
  app,
  { auth, config },
) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        body: z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(128) }),
      },
    },
    async (request, reply) => {
      const { session, user } = await auth.login(request.body.email, request.body.password, request.ip);
      // Signing in again replaces any session this browser had.
      if (request.session) await auth.logout(request.session.id);
      setSessionCookie(reply, request, session, {
        ttlSeconds: config.sessionTtlSeconds,
        secure: config.cookieSecure,
      });
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    if (request.session) await auth.logout(request.session.id);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request) => {
    if (!request.session) throw new AppError('AUTH_REQUIRED');
    return { user: await auth.currentUser(request.session), csrfToken: request.session.csrfToken };
  });

  app.post(
    '/api/auth/change-password',
    {
      schema: {
        body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema }),
      },
    },
    async (request, reply) => {
      if (!request.session) throw new AppError('AUTH_REQUIRED');
      await auth.changePassword(request.session, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );

  // Under /api/users because it acts on a user; here because the sign-in limits are the auth module's.
  app.post(
    '/api/users/:id/unlock-sign-in',
    { schema: { params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      await auth.unlockSignIn(requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
