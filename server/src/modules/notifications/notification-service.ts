import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { notFound } from '../../platform/errors/app-error.js';
import * as repo from './notification-repo.js';

const LIST_LIMIT = 50;

export const RESULTS_RELEASED = 'results.released';
/** A key revision changed the user's marks or rank in a released result. */
export const RESULTS_REVISED = 'results.revised';
export const PROVISIONAL_KEY_PUBLISHED = 'key.provisionalPublished';
export const KEY_CHALLENGES_DECIDED = 'key.challengeDecided';

function present(row: repo.NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export type NotificationView = ReturnType<typeof present>;

/**
 * A user's notices (the dashboard's bell). Other modules do not write here: app.ts turns their
 * domain events into calls of `notify`, which stores one row per user and then emits
 * `notifications.created` for the real-time module to push to the users' sockets.
 */
export function createNotificationService(deps: { database: Database; clock: Clock; events: DomainEvents }) {
  const { db } = deps.database;

  return {
    async notify(input: {
      instituteId: string;
      userIds: readonly string[];
      kind: string;
      payload: Record<string, unknown>;
    }): Promise<number> {
      const userIds = [...new Set(input.userIds)];
      if (userIds.length === 0) return 0;
      const createdAt = nowDate(deps.clock);
      await repo.insertMany(
        db,
        userIds.map((userId) => ({
          instituteId: input.instituteId,
          userId,
          kind: input.kind,
          payload: input.payload,
          createdAt,
        })),
      );
      deps.events.emit('notifications.created', { userIds, kind: input.kind, payload: input.payload });
      return userIds.length;
    },

    async listOwn(actor: Actor) {
      authorizeInInstitute(actor, 'notifications:read');
      const [rows, unread] = await Promise.all([
        repo.listOwn(deps.database.readDb, actor.userId, LIST_LIMIT),
        repo.countUnread(deps.database.readDb, actor.userId),
      ]);
      return { items: rows.map(present), unread };
    },

    async markRead(actor: Actor, id: string) {
      authorizeInInstitute(actor, 'notifications:read');
      if (!(await repo.markRead(db, actor.userId, id, nowDate(deps.clock))))
        throw notFound('Notification not found.');
      return { unread: await repo.countUnread(db, actor.userId) };
    },

    async markAllRead(actor: Actor) {
      authorizeInInstitute(actor, 'notifications:read');
      await repo.markAllRead(db, actor.userId, nowDate(deps.clock));
      return { unread: 0 };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
