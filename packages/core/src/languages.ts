/**
 * The languages ExamTech writes and shows questions in, their labels, and the one fallback rule
 * from a missing language to another. Server and web both read these, so a question never shows
 * in one language on screen and in another in an export.
 */

/** In the order they are shown; the first is the one a text falls back to first. */
export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** How a language is named: in its own script, in English, or both ("हिन्दी (Hindi)"). */
export type LanguageLabelStyle = 'native' | 'english' | 'both';

export const LANGUAGE_LABELS: Readonly<
  Record<Language, { readonly native: string; readonly english: string }>
> = {
  en: { native: 'English', english: 'English' },
  hi: { native: 'हिन्दी', english: 'Hindi' },
};

/** The label of a known language; undefined for a code ExamTech does not offer. */
export function languageLabel(code: string, style: LanguageLabelStyle): string | undefined {
  if (!isLanguage(code)) return undefined;
  const { native, english } = LANGUAGE_LABELS[code];
  if (style === 'native') return native;
  if (style === 'english') return english;
  return native === english ? native : `${native} (${english})`;
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null && (value as unknown) !== '';
}

/**
 * A text in the requested language; when that version is missing or empty, the first non-empty
 * one of the other offered languages (in `LANGUAGES` order), then any other language present.
 * Undefined only when no language has it.
 */
export function pickLanguageText<T>(
  text: Readonly<Partial<Record<string, T | null>>>,
  language: string,
): T | undefined {
  const requested = text[language];
  if (isPresent(requested)) return requested;
  for (const code of LANGUAGES) {
    const value = text[code];
    if (isPresent(value)) return value;
  }
  for (const value of Object.values(text)) if (isPresent(value)) return value;
  return undefined;
}
