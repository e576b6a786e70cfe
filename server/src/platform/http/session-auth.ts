import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.js';
import type { Actor } from '../auth/policies.js';
import { AppError } from '../errors/app-error.js';
import type { Session, SessionStore } from '../kv/session-store.js';

export const SESSION_COOKIE = 'et_sid';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Login makes a new session; it has no token to present yet. Origin checking still applies.
const CSRF_EXEMPT_ROUTES = new Set(['/api/auth/login']);
// All a session on a temporary password may do: see who it is, change the password, or leave.
const TEMPORARY_PASSWORD_ROUTES = new Set([
  'GET /api/auth/me',
  'POST /api/auth/change-password',
  'POST /api/auth/logout',
  'POST /api/auth/login',
]);

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

/** Resolves the session cookie on every request and enforces CSRF for cookie-authenticated writes. */
export function registerSessionAuth(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) {
      request.session = await sessions.get(sessionId);
      if (!request.session) clearSessionCookie(reply);
    }
    if (request.session?.mustChangePassword && isLockedUntilPasswordChange(request))
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (SAFE_METHODS.has(request.method)) return;
    if (!isSameOrigin(request))
      throw new AppError('CSRF_TOKEN_INVALID', 'Cross-site requests are not allowed.');
    if (request.session && !CSRF_EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) {
      if (request.headers[CSRF_HEADER] !== request.session.csrfToken)
        throw new AppError('CSRF_TOKEN_INVALID');
    }
  });
}

/** The API is closed to a temporary-password session; the web app's files are not (it must load). */
function isLockedUntilPasswordChange(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/')) return false;
  return !TEMPORARY_PASSWORD_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`);
}

/** Browsers send Origin on cross-site writes; a mismatch with our host is a forged request. */
function isSameOrigin(request: FastifyRequest): boolean {
  return isOriginAllowed(request.headers.origin, request.host);
}

/**
 * The one origin rule, for HTTP writes and Socket.IO handshakes: no Origin (not a browser, or a
 * same-origin GET) passes; otherwise its host must be the host the request was sent to.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session) throw new AppError('AUTH_REQUIRED');
  return { userId: session.userId, role: session.role as Actor['role'], instituteId: session.instituteId };
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  session: Session,
  options: { ttlSeconds: number; secure: AppConfig['cookieSecure'] },
): void {
  reply.setCookie(SESSION_COOKIE, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure === 'auto' ? request.protocol === 'https' : options.secure,
    maxAge: options.ttlSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
