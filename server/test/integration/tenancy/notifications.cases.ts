import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TenancyCase, TenancyContext } from './cases.js';

/** Notifications: a user reads and marks only their own; institute A's admin's notice stays unread. */
export function notificationTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  let noticeA: Promise<string> | null = null;
  const ensureNoticeA = () =>
    (noticeA ??= (async () => {
      const me = (await context.adminA.get('/api/auth/me')).json<{
        user: { id: string; instituteId: string };
      }>();
      const result = await context.app.database.db.execute(sql`
        insert into notifications (institute_id, user_id, kind, payload, created_at)
        select institute_id, id, 'results.released', '{"title":"A secret mock"}', now() from users where id = ${me.user.id}
        returning id`);
      return (result as { rows: { id: string }[] }).rows[0]!.id;
    })());
  const stillUnread = async (id: string) => {
    const mine = (await context.adminA.get('/api/notifications')).json<{
      items: { id: string; readAt: string | null }[];
    }>();
    expect(mine.items.find((n) => n.id === id)?.readAt).toBeNull();
  };
  return {
    'GET /api/notifications': async (client) => {
      await ensureNoticeA();
      const res = await client.get('/api/notifications');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('A secret mock');
    },
    'POST /api/notifications/:id/read': async (client) => {
      const id = await ensureNoticeA();
      expect((await client.post(`/api/notifications/${id}/read`, {})).statusCode).toBe(404);
      await stillUnread(id);
    },
    'POST /api/notifications/read-all': async (client) => {
      const id = await ensureNoticeA();
      expect((await client.post('/api/notifications/read-all', {})).statusCode).toBe(200);
      await stillUnread(id);
    },
  };
}
