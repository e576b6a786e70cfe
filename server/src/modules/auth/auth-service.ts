import { createHash } from 'node:crypto';
import type { AppConfig } from '../../platform/config.js';
import type { Database } from '../../platform/db/database.js';
import { hashPassword, isPasswordCorrect, spendPasswordCheckTime } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { RateLimiter } from '../../platform/kv/rate-limiter.js';
import type { Session, SessionStore } from '../../platform/kv/session-store.js';
import type { UserService } from '../users/user-service.js';
import type { UserView } from '../users/user-presenter.js';
import * as userRepo from '../users/user-repo.js';

export type AuthService = ReturnType<typeof createAuthService>;

// Account keys are hashed so rate-limit keys in Redis do not list who is being attacked.
const accountKey = (email: string) =>
  `login:acct:${createHash('sha256').update(userRepo.normaliseEmail(email)).digest('hex')}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

export function createAuthService(deps: {
  database: Database;
  sessions: SessionStore;
  limiter: RateLimiter;
  users: UserService;
  config: Pick<AppConfig, 'loginLimits' | 'sessionTtlSeconds'>;
}) {
  const { db } = deps.database;
  const limits = deps.config.loginLimits;

  async function enforceLoginLimits(email: string, ip: string): Promise<void> {
    // Both counters are hit on every attempt so a blocked IP cannot probe accounts for free.
    const [byAccount, byIp] = await Promise.all([
      deps.limiter.hit(accountKey(email), limits.perAccount, limits.windowSeconds),
      deps.limiter.hit(ipKey(ip), limits.perIp, limits.windowSeconds),
    ]);
    if (!byAccount.allowed || !byIp.allowed) {
      const retryAfterSeconds = Math.max(
        byAccount.allowed ? 0 : byAccount.retryAfterSeconds,
        byIp.allowed ? 0 : byIp.retryAfterSeconds,
      );
      throw new AppError('AUTH_RATE_LIMITED', undefined, { extra: { retryAfterSeconds } });
    }
  }

  return {
    async login(email: string, password: string, ip: string): Promise<{ session: Session; user: UserView }> {
      await enforceLoginLimits(email, ip);
      const user = await userRepo.findUserByEmail(db, email);
      if (!user) {
        await spendPasswordCheckTime(password);
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      }
      if (!(await isPasswordCorrect(user.passwordHash, password)))
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');
      // A successful login clears the account's counter: a user who mistyped twice is not punished later.
      await deps.limiter.reset(accountKey(email));
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

    async logout(sessionId: string): Promise<void> {
      await deps.sessions.revoke(sessionId);
    },

    async currentUser(session: Session): Promise<UserView> {
      const user = await userRepo.findUserById(db, session.userId);
      if (!user?.active) {
        await deps.sessions.revoke(session.id);
        throw new AppError('AUTH_REQUIRED');
      }
      return deps.users.present(user);
    },

    /** Changes the password and signs out every other device of the user. */
    async changePassword(session: Session, currentPassword: string, newPassword: string): Promise<void> {
      const user = await userRepo.findUserById(db, session.userId);
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
      await userRepo.updateUserRow(db, user.id, {
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: false,
      });
      await deps.sessions.markPasswordChanged(session.id);
      await deps.sessions.revokeAllForUser(user.id, session.id);
    },
  };
}
