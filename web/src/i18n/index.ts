// The web app's interface language: i18next with the two catalogues bundled into the build (no
// backend, nothing fetched at run time). English is the default and the fallback for a missing key.
import { isLanguage, type Language } from '@examtech/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { hi } from './hi';

export const resources = { en: { translation: en }, hi: { translation: hi } } as const;

/** Where the choice is kept before sign-in (and between sessions on this device). */
export const UI_LANGUAGE_STORAGE_KEY = 'examtech.uiLanguage';

export function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(UI_LANGUAGE_STORAGE_KEY) ?? null;
    return stored !== null && isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(UI_LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or a full store: the choice lasts for this page only.
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage() ?? 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'hi'],
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  initAsync: false,
});

/** The `lang` of the page follows the interface, so fonts, hyphenation and screen readers do. */
function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
