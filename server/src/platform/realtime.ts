import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { DomainEvents } from './domain-events.js';
import { hashSessionId, type Session, type SessionStore } from './kv/session-store.js';
import type { Metrics } from './metrics.js';
import { isOriginAllowed, SESSION_COOKIE } from './http/session-auth.js';

export type SocketUser = { userId: string; role: string; instituteId: string | null };

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

// Handshake refusals reach the browser as `connect_error` with this message: stable, like HTTP codes.
export const SOCKET_ERRORS = {
  originRefused: 'ORIGIN_NOT_ALLOWED',
  authRequired: 'AUTH_REQUIRED',
  passwordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  tooManySockets: 'SOCKET_LIMIT_REACHED',
} as const;

const NOTIFY_ROOMS_PER_EMIT = 1000;

const sessionRoom = (sessionId: string) => `session:${hashSessionId(sessionId)}`;

/** Sockets of `room` on this instance, not counting `socket` itself (a recovered socket rejoins first). */
function countOthersInRoom(io: Server, room: string, socket: Socket): number {
  const members = io.of('/').adapter.rooms.get(room);
  if (!members) return 0;
  return members.size - (members.has(socket.id) ? 1 : 0);
}

/**
 * Socket.IO on the Fastify server. Sockets authenticate with the same session cookie as HTTP and
 * join rooms per user and per institute. Services never touch sockets: they emit domain events
 * and this module maps them to rooms. With Redis the streams adapter fans out across instances and
 * keeps connection-state recovery working.
 */
export function attachRealtime(deps: {
  app: FastifyInstance;
  sessions: SessionStore;
  events: DomainEvents;
  metrics: Metrics;
  /** Redis for cross-instance fan-out; the key prefix keeps deployments sharing one Redis apart. */
  redis: { client: Redis; keyPrefix: string } | null;
  /**
   * Concurrent sockets per session and per user, counted on this instance: a browser needs one or
   * two (a reload overlaps), so a handful is plenty and a script cannot open hundreds.
   */
  socketLimits: { perSession: number; perUser: number };
  /** How often sockets that send nothing have their session re-checked (an expired one is closed). */
  idleSessionCheckMs: number;
  /** TRUST_PROXY's addresses, whose X-Forwarded-Host is believed for the Origin check. */
  isTrustedProxy: (address: string | undefined) => boolean;
  /** Modules' socket events (e.g. answer saves), registered on every authenticated connection. */
  socketHandlers: ((socket: Socket, user: SocketUser) => void)[];
}): Server {
  const io = new Server(deps.app.server, {
    serveClient: false,
    // WebSocket first; polling stays as a fallback for networks that block upgrades.
    transports: ['websocket', 'polling'],
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    ...(deps.redis
      ? {
          adapter: createAdapter(deps.redis.client, {
            streamName: `${deps.redis.keyPrefix}socket.io`,
            channelPrefix: `${deps.redis.keyPrefix}socket.io`,
            sessionKeyPrefix: `${deps.redis.keyPrefix}sio:session:`,
          }),
        }
      : {}),
  });

  // The host the browser addressed, as Fastify's request.host reads it: a trusted proxy's
  // X-Forwarded-Host, else Host.
  const handshakeHost = (socket: Socket): string | undefined => {
    const forwarded = socket.handshake.headers['x-forwarded-host'];
    if (typeof forwarded === 'string' && deps.isTrustedProxy(socket.conn.remoteAddress))
      return forwarded.split(',')[0]?.trim();
    return socket.handshake.headers.host;
  };

  // The handshake is checked like an HTTP write: a foreign Origin (a page on another site opening a
  // socket with the candidate's cookie) is refused, then the session, then the socket limits.
  io.use((socket, next) => {
    if (!isOriginAllowed(socket.handshake.headers.origin, handshakeHost(socket)))
      return next(new Error(SOCKET_ERRORS.originRefused));
    const sessionId = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!sessionId) return next(new Error(SOCKET_ERRORS.authRequired));
    deps.sessions.get(sessionId).then(
      (session) => {
        if (!session) return next(new Error(SOCKET_ERRORS.authRequired));
        if (session.mustChangePassword) return next(new Error(SOCKET_ERRORS.passwordChangeRequired));
        const room = sessionRoom(sessionId);
        const userRoom = `user:${session.userId}`;
        if (
          countOthersInRoom(io, room, socket) >= deps.socketLimits.perSession ||
          countOthersInRoom(io, userRoom, socket) >= deps.socketLimits.perUser
        )
          return next(new Error(SOCKET_ERRORS.tooManySockets));
        // Joined here, in the same tick as the count, so two handshakes cannot both take the last
        // place; a handshake that fails later leaves its rooms when Socket.IO cleans it up.
        void socket.join([room, userRoom]);
        (socket.data as { user: SocketUser; sessionId: string }).user = {
          userId: session.userId,
          role: session.role,
          instituteId: session.instituteId,
        };
        (socket.data as { sessionId: string }).sessionId = sessionId;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error('AUTH_FAILED')),
    );
  });

  // Both through the adapter, so the notice arrives before the disconnect (a socket's own emit
  // would be overtaken by it when connection-state recovery routes emits through Redis).
  const endSessionSockets = (sessionId: string) => {
    io.to(sessionRoom(sessionId)).emit('session:revoked');
    io.in(sessionRoom(sessionId)).disconnectSockets(true);
  };

  let isSweeping = false;
  const sweeper = setInterval(() => {
    if (isSweeping) return;
    isSweeping = true;
    endLapsedSessions(io, deps.sessions, endSessionSockets)
      .catch((err: unknown) => deps.app.log.warn({ err }, 'checking idle sockets’ sessions failed'))
      .finally(() => {
        isSweeping = false;
      });
  }, deps.idleSessionCheckMs);
  sweeper.unref();
  deps.app.addHook('onClose', async () => clearInterval(sweeper));

  io.on('connection', (socket: Socket) => {
    const { user, sessionId } = socket.data as { user: SocketUser; sessionId: string };
    if (user.instituteId) void socket.join(`institute:${user.instituteId}`);
    deps.metrics.connectedSockets.inc();
    socket.on('disconnect', () => deps.metrics.connectedSockets.dec());
    guardPacketsWithSession(socket, sessionId, deps.sessions, endSessionSockets, deps.app.log);
    for (const register of deps.socketHandlers) register(socket, user);
    socket.on('session:whoami', (ack: unknown) => {
      if (typeof ack === 'function') (ack as (u: SocketUser) => void)(user);
    });
  });

  deps.events.on('attempt.deviceChanged', ({ attemptId, deviceId }) => {
    io.to(`attempt:${attemptId}`).emit('attempt:device-replaced', { deviceId });
  });

  // Through the adapter these reach the user's or session's sockets on every instance.
  deps.events.on('user.sessionsRevoked', ({ userId, exceptSessionId }) => {
    const kept = exceptSessionId ? [sessionRoom(exceptSessionId)] : [];
    io.to(`user:${userId}`).except(kept).emit('session:revoked');
    io.in(`user:${userId}`).except(kept).disconnectSockets(true);
  });

  deps.events.on('session.revoked', ({ sessionId }) => endSessionSockets(sessionId));

  // A notice for each user's sockets, wherever they are connected; rooms in batches keep each
  // adapter message small (10,000 candidates are ten messages).
  deps.events.on('notifications.created', ({ userIds, kind, payload }) => {
    for (let i = 0; i < userIds.length; i += NOTIFY_ROOMS_PER_EMIT)
      io.to(userIds.slice(i, i + NOTIFY_ROOMS_PER_EMIT).map((id) => `user:${id}`)).emit('notification', {
        kind,
        payload,
      });
  });

  return io;
}

/**
 * Every packet is authorised against the live session, as every HTTP request is: an expired session,
 * or one whose revocation message this instance missed, processes nothing more. Checks run one after
 * another so packets are still handed on in the order they arrived.
 */
function guardPacketsWithSession(
  socket: Socket,
  sessionId: string,
  sessions: SessionStore,
  endSession: (sessionId: string) => void,
  log: FastifyBaseLogger,
): void {
  let checked: Promise<void> = Promise.resolve();
  const isUsable = (session: Session | null) => session !== null && !session.mustChangePassword;
  socket.use((packet, next) => {
    checked = checked.then(async () => {
      let session: Session | null;
      try {
        session = await sessions.get(sessionId);
      } catch (err) {
        // The store is unreachable: refuse the packet (fail closed); the client's ack times out.
        log.warn({ err, event: packet[0] }, 'socket packet refused: session store unavailable');
        return;
      }
      if (!isUsable(session)) return endSession(sessionId);
      try {
        next();
      } catch (err) {
        // A handler that throws must not break the chain for the socket's later packets.
        log.error({ err, event: packet[0] }, 'socket handler failed');
      }
    });
  });
}

/**
 * A socket that only listens sends no packet to be checked, yet still receives its rooms' messages:
 * every interval, each session with a socket on this instance is looked up once, and the sockets of
 * one that expired or ended unnoticed are closed.
 */
async function endLapsedSessions(
  io: Server,
  sessions: SessionStore,
  endSession: (sessionId: string) => void,
): Promise<void> {
  const sessionIds = new Set<string>();
  for (const socket of io.of('/').sockets.values()) {
    const { sessionId } = socket.data as { sessionId?: string };
    if (sessionId) sessionIds.add(sessionId);
  }
  for (const sessionId of sessionIds) {
    const session = await sessions.get(sessionId);
    if (!session || session.mustChangePassword) endSession(sessionId);
  }
}
