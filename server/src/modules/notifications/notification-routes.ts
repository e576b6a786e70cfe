import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session-auth.js';
import type { NotificationService } from './notification-service.js';

export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  app.get('/api/notifications', async (request) => notifications.listOwn(requireActor(request)));

  app.post('/api/notifications/read-all', async (request) =>
    notifications.markAllRead(requireActor(request)),
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { params: z.object({ id: z.uuid() }) } },
    async (request) => notifications.markRead(requireActor(request), request.params.id),
  );
};
