import { createHash } from 'node:crypto';
import type { AppConfig } from '../../platform/config.js';
import { hashPassword, isPasswordCorrect, spendPasswordCheckTime } from '../../platform/auth/passwords.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { RateLimiter } from '../../platform/kv/rate-limiter.js';
import type { Session, SessionStore } from '../../platform/kv/session-store.js';
import type { UserView } from '../users/user-presenter.js';
import { normaliseEmail, type UserService } from '../users/user-service.js';

export type AuthService = ReturnType<typeof createAuthService>;

// Account keys are hashed so rate-limit keys in Redis do not list who is being attacked.
const accountKey = (email: string) =>
  `login:acct:${createHash('sha256').update(normaliseEmail(email)).digest('hex')}`;
// One account from one client: a stranger's wrong passwords fill their own counter, not the owner's.
const accountClientKey = (email: string, ip: string) => `${accountKey(email)}:ip:${ip}`;
const ipKey = (ip: string) => `login:ip:${ip}`;
// Tries from one client before each further one must wait (1 s, then doubling).
const LOGIN_FREE_ATTEMPTS = 5;

export function createAuthService(deps: {
  sessions: SessionStore;
  limiter: RateLimiter;
  users: UserService;
  config: Pick<AppConfig, 'loginLimits' | 'sessionTtlSeconds'>;
}) {
  const limits = deps.config.loginLimits;

  /**
   * Three counters, checked in turn; an attempt refused by one is not counted by the next:
   * - one client over every account (1,000 a window), counting every attempt that does not sign in
   *   (wrong passwords, unknown accounts, attempts refused by any limit), so spraying passwords over
   *   many accounts, or hammering while refused, stops. A sign-in is given back: an exam centre
   *   behind one NAT is one client, and its 2,000 candidates signing in within minutes must not be
   *   refused (their own typos count, a few hundred at most);
   * - one account from one client (10): 5 tries at once, then each waits twice as long as the one
   *   before (1, 2, 4, 8, 16 s), then none until the window ends. A user who mistypes waits seconds;
   *   a stranger's guesses stop the stranger only, never the owner elsewhere;
   * - one account from every client (100), counting only attempts that reach the password check,
   *   so a refused client cannot use it up: a guess spread over many addresses still stops, and a
   *   proctor or admin lifts it for the owner (unlockSignIn).
   */
  async function enforceLoginLimits(email: string, ip: string): Promise<void> {
    const checks = [
      () => deps.limiter.hit(ipKey(ip), limits.perIp, limits.windowSeconds),
      () =>
        deps.limiter.hitWithBackoff(accountClientKey(email, ip), {
          limit: limits.perAccount,
          freeAttempts: Math.min(LOGIN_FREE_ATTEMPTS, limits.perAccount),
          windowSeconds: limits.windowSeconds,
          group: accountKey(email),
        }),
      () => deps.limiter.hit(accountKey(email), limits.perAccountAllClients, limits.windowSeconds),
    ];
    for (const check of checks) {
      const decision = await check();
      if (!decision.allowed)
        throw new AppError('AUTH_RATE_LIMITED', undefined, {
          extra: { retryAfterSeconds: decision.retryAfterSeconds },
        });
    }
  }

  return {
    async login(email: string, password: string, ip: string): Promise<{ session: Session; user: UserView }> {
      await enforceLoginLimits(email, ip);
      const user = await deps.users.findAccountByEmail(email);
      if (!user) {
        await spendPasswordCheckTime(password);
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      }
      if (!(await isPasswordCorrect(user.passwordHash, password)))
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');
      // A successful login clears this client's counter: a user who mistyped twice is not punished
      // later. The all-clients counter stays, or a guesser who also knows one password could reset it.
      // The per-IP counter takes the sign-in back (see enforceLoginLimits).
      await Promise.all([deps.limiter.reset(accountClientKey(email, ip)), deps.limiter.refund(ipKey(ip))]);
      const session = await deps.sessions.create(
        {
          userId: user.id,
          instituteId: user.instituteId,
          role: user.role,
          ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
        },
        deps.config.sessionTtlSeconds,
      );
      return { session, user: await deps.users.present(user) };
    },

    /**
     * Lifts every sign-in limit on one account, for the owner locked out by someone else's guesses
     * (on exam morning, by the proctor in the room). Staff may unlock whom they may see.
     */
    async unlockSignIn(actor: Actor, userId: string): Promise<void> {
      authorizeInInstitute(actor, 'users:unlock-sign-in');
      const user = await deps.users.getUser(actor, userId);
      await Promise.all([
        deps.limiter.reset(accountKey(user.email)),
        deps.limiter.resetGroup(accountKey(user.email)),
      ]);
    },

    async logout(sessionId: string): Promise<void> {
      await deps.sessions.revoke(sessionId);
    },

    async currentUser(session: Session): Promise<UserView> {
      const user = await deps.users.findAccountById(session.userId);
      if (!user?.active) {
        await deps.sessions.revoke(session.id);
        throw new AppError('AUTH_REQUIRED');
      }
      return deps.users.present(user);
    },

    /** Changes the password and signs out every other device of the user. */
    async changePassword(session: Session, currentPassword: string, newPassword: string): Promise<void> {
      const user = await deps.users.findAccountById(session.userId);
      if (!user) throw new AppError('AUTH_REQUIRED');
      if (!(await isPasswordCorrect(user.passwordHash, currentPassword))) {
        throw new AppError('AUTH_WRONG_PASSWORD', undefined, {
          fields: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
        });
      }
      if (currentPassword === newPassword) {
        throw new AppError('AUTH_PASSWORD_REUSED', undefined, {
          fields: [{ path: 'newPassword', message: 'Choose a password different from the current one.' }],
        });
      }
      await deps.users.setPasswordHash(user.id, await hashPassword(newPassword), {
        mustChangePassword: false,
      });
      await deps.sessions.markPasswordChanged(session.id);
      await deps.sessions.revokeAllForUser(user.id, session.id);
    },
  };
}
