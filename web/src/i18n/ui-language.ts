import { isLanguage, type Language } from '@examtech/core';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import type { User } from '../lib/types';
import { i18n, storeLanguage } from './index';

/** The session's query key (features/auth/session.ts), repeated here to keep this module below auth. */
const sessionKey = ['auth', 'me'] as const;

/**
 * A language picked before signing in, on this visit's login page: it wins over the one stored on
 * the account (the candidate just chose it) and is saved to the account after sign-in.
 */
let chosenBeforeSignIn: Language | null = null;

function saveToAccount(queryClient: QueryClient, language: Language): void {
  void api<{ user: User }>('/api/me/preferences', { method: 'PATCH', body: { uiLanguage: language } }).then(
    ({ user }) => queryClient.setQueryData(sessionKey, user),
    // Offline or refused: the choice stays on this device; the next change tries again.
    () => undefined,
  );
}

function apply(language: Language): void {
  storeLanguage(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The interface language and its setter: this device at once, the account when signed in. */
export function useUiLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n: instance } = useTranslation();
  const queryClient = useQueryClient();
  const language: Language = isLanguage(instance.language) ? instance.language : 'en';
  const setLanguage = (next: Language) => {
    apply(next);
    const user = queryClient.getQueryData<User | null>(sessionKey);
    if (!user) {
      chosenBeforeSignIn = next;
      return;
    }
    if (user.uiLanguage === next) return;
    queryClient.setQueryData(sessionKey, { ...user, uiLanguage: next });
    saveToAccount(queryClient, next);
  };
  return { language, setLanguage };
}

/**
 * After sign-in: a choice made on the login page is saved to the account; otherwise the account's
 * language is adopted (a returning user on a new device gets their language back).
 */
export function settleLanguageAfterSignIn(queryClient: QueryClient, user: User): User {
  const chosen = chosenBeforeSignIn;
  chosenBeforeSignIn = null;
  if (chosen === null || chosen === user.uiLanguage) return user;
  saveToAccount(queryClient, chosen);
  return { ...user, uiLanguage: chosen };
}

/** Keeps the interface in the signed-in user's language whenever the session is (re)read. */
export function useAccountLanguage(user: User | null | undefined): void {
  const accountLanguage = user?.uiLanguage;
  useEffect(() => {
    if (accountLanguage && chosenBeforeSignIn === null) apply(accountLanguage);
  }, [accountLanguage]);
}
