import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { DomainEvents } from './domain-events.js';
import type { SessionStore } from './kv/session-store.js';
import type { Metrics } from './metrics.js';
import { SESSION_COOKIE } from './http/session-auth.js';

export type SocketUser = { userId: string; role: string; instituteId: string | null };

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
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

  io.use((socket, next) => {
    const sessionId = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!sessionId) return next(new Error('AUTH_REQUIRED'));
    deps.sessions.get(sessionId).then(
      (session) => {
        if (!session) return next(new Error('AUTH_REQUIRED'));
        (socket.data as { user: SocketUser }).user = {
          userId: session.userId,
          role: session.role,
          instituteId: session.instituteId,
        };
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error('AUTH_FAILED')),
    );
  });

  io.on('connection', (socket: Socket) => {
    const user = (socket.data as { user: SocketUser }).user;
    void socket.join(`user:${user.userId}`);
    if (user.instituteId) void socket.join(`institute:${user.instituteId}`);
    deps.metrics.connectedSockets.inc();
    socket.on('disconnect', () => deps.metrics.connectedSockets.dec());
    for (const register of deps.socketHandlers) register(socket, user);
    socket.on('session:whoami', (ack: unknown) => {
      if (typeof ack === 'function') (ack as (u: SocketUser) => void)(user);
    });
  });

  deps.events.on('attempt.deviceChanged', ({ attemptId, deviceId }) => {
    io.to(`attempt:${attemptId}`).emit('attempt:device-replaced', { deviceId });
  });

  deps.events.on('user.sessionsRevoked', ({ userId }) => {
    io.to(`user:${userId}`).emit('session:revoked');
    io.in(`user:${userId}`).disconnectSockets(true);
  });

  return io;
}
