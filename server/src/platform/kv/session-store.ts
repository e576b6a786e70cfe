import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { nowDate, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { sessions } from '../db/schema.js';

export type SessionData = {
  userId: string;
  instituteId: string | null;
  role: string;
  csrfToken: string;
  createdAt: number;
  /** Signed in with a temporary password: only the password change is open until it is done. */
  mustChangePassword?: boolean;
};

export type Session = SessionData & { id: string };

/**
 * Server-side sessions behind an opaque id, so any session can be revoked. Stores keep only a hash
 * of the id. Redis when configured (shared by every instance); the database otherwise, so an
 * embedded restart does not sign anyone out.
 */
export type SessionStore = {
  create(data: Omit<SessionData, 'csrfToken' | 'createdAt'>, ttlSeconds: number): Promise<Session>;
  get(id: string): Promise<Session | null>;
  revoke(id: string): Promise<void>;
  revokeAllForUser(userId: string, exceptId?: string): Promise<void>;
  /** The password was changed on this session: it is a full session from now on. */
  markPasswordChanged(id: string): Promise<void>;
};

/** Stores and socket rooms name a session by this hash, never by the id that signs a user in. */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');
const hashId = hashSessionId;
const newToken = () => randomBytes(32).toString('base64url');

function newSession(data: Omit<SessionData, 'csrfToken' | 'createdAt'>, now: number): Session {
  return { ...data, id: newToken(), csrfToken: newToken(), createdAt: now };
}

function toStored(session: Session): string {
  const { id: _id, ...data } = session;
  return JSON.stringify(data);
}

/** Redis expires the session itself (EX, Redis's own clock); the clock dates its creation. */
export function createRedisSessionStore(redis: Redis, clock: Clock): SessionStore {
  const key = (idHash: string) => `sess:${idHash}`;
  const userKey = (userId: string) => `user-sess:${userId}`;
  return {
    async create(data, ttlSeconds) {
      const session = newSession(data, clock.now());
      const idHash = hashId(session.id);
      await redis
        .multi()
        .set(key(idHash), toStored(session), 'EX', ttlSeconds)
        .sadd(userKey(data.userId), idHash)
        .expire(userKey(data.userId), ttlSeconds)
        .exec();
      return session;
    },
    async get(id) {
      const raw = await redis.get(key(hashId(id)));
      return raw ? { ...(JSON.parse(raw) as SessionData), id } : null;
    },
    async revoke(id) {
      const idHash = hashId(id);
      const raw = await redis.get(key(idHash));
      const pipeline = redis.multi().del(key(idHash));
      if (raw) pipeline.srem(userKey((JSON.parse(raw) as SessionData).userId), idHash);
      await pipeline.exec();
    },
    async revokeAllForUser(userId, exceptId) {
      const exceptHash = exceptId ? hashId(exceptId) : null;
      const hashes = (await redis.smembers(userKey(userId))).filter((h) => h !== exceptHash);
      if (hashes.length === 0) return;
      await redis
        .multi()
        .del(...hashes.map(key))
        .srem(userKey(userId), ...hashes)
        .exec();
    },
    async markPasswordChanged(id) {
      const raw = await redis.get(key(hashId(id)));
      if (!raw) return;
      const data: SessionData = { ...(JSON.parse(raw) as SessionData), mustChangePassword: false };
      // XX: a session revoked meanwhile stays revoked; KEEPTTL: it expires when it would have.
      await redis.set(key(hashId(id)), JSON.stringify(data), 'KEEPTTL', 'XX');
    },
  };
}

/** Expiry is judged against the clock. */
export function createDatabaseSessionStore(db: Db, clock: Clock): SessionStore {
  return {
    async create(data, ttlSeconds) {
      const session = newSession(data, clock.now());
      await db.insert(sessions).values({
        idHash: hashId(session.id),
        userId: data.userId,
        data: toStored(session),
        expiresAt: new Date(clock.now() + ttlSeconds * 1000),
      });
      // Expired rows are swept on creation; cheap with the expires_at index and keeps the table small.
      await db.delete(sessions).where(lt(sessions.expiresAt, nowDate(clock)));
      return session;
    },
    async get(id) {
      const [row] = await db
        .select({ data: sessions.data })
        .from(sessions)
        .where(and(eq(sessions.idHash, hashId(id)), gt(sessions.expiresAt, nowDate(clock))));
      return row ? { ...(JSON.parse(row.data) as SessionData), id } : null;
    },
    async revoke(id) {
      await db.delete(sessions).where(eq(sessions.idHash, hashId(id)));
    },
    async revokeAllForUser(userId, exceptId) {
      const byUser = eq(sessions.userId, userId);
      await db.delete(sessions).where(exceptId ? and(byUser, ne(sessions.idHash, hashId(exceptId))) : byUser);
    },
    async markPasswordChanged(id) {
      const [row] = await db
        .select({ data: sessions.data })
        .from(sessions)
        .where(eq(sessions.idHash, hashId(id)));
      if (!row) return;
      const data: SessionData = { ...(JSON.parse(row.data) as SessionData), mustChangePassword: false };
      await db
        .update(sessions)
        .set({ data: JSON.stringify(data) })
        .where(eq(sessions.idHash, hashId(id)));
    },
  };
}
