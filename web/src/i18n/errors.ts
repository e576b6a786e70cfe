import { isApiError } from '../lib/api';
import { currentLanguage, i18n, resources } from './index';

type ErrorCode = keyof (typeof resources)['en']['translation']['errors'];

function isTranslatedCode(code: string): code is ErrorCode {
  return code in resources.en.translation.errors;
}

/**
 * What to show for a failed request. English shows the server's own message (it can be more specific
 * than the code, e.g. which field); another language shows the code's translation, and the server's
 * message only for a code the catalogue does not have.
 */
export function translateError(error: unknown): string {
  if (isApiError(error)) {
    const code = error.status >= 500 && !isTranslatedCode(error.code) ? 'SERVER_ERROR' : error.code;
    if (currentLanguage() !== 'en' && isTranslatedCode(code)) return i18n.t(`errors.${code}`);
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return i18n.t('common.unexpectedError');
}
