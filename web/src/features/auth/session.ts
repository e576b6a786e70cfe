import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { settleLanguageAfterSignIn } from '../../i18n/ui-language';
import { api, isApiError, setCsrfToken } from '../../lib/api';
import type { Session, User } from '../../lib/types';
import { fileOfflineAnswer, forgetOfflineData } from '../../service-worker/offline-cache';

export const sessionKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
async function fetchSession(): Promise<User | null> {
  try {
    const session = await api<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });
}

/** For screens inside the authenticated shell, where the user is known to exist. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside an authenticated route');
  return data;
}

export interface Credentials {
  email: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      api<Session>('/api/auth/login', { method: 'POST', body: credentials }),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, settleLanguageAfterSignIn(queryClient, session.user));
      // A previous user's offline copies go; this session is what /api/auth/me would answer, so an
      // offline reload knows who is signed in even if /me was never fetched since.
      await forgetOfflineData();
      await fileOfflineAnswer('/api/auth/me', session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    // Forget everything cached for this user even if the server call failed, offline copies included.
    onSettled: async () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      await forgetOfflineData();
    },
  });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) =>
      api<void>('/api/auth/change-password', { method: 'POST', body: change }),
    // Re-read the session: mustChangePassword flips and the server may rotate the CSRF token.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
