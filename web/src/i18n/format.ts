import { useTranslation } from 'react-i18next';

const locales = { en: 'en-IN', hi: 'hi-IN' } as const;
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: string): Intl.DateTimeFormat {
  const locale = language === 'hi' ? locales.hi : locales.en;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/** Durations and dates in the interface language (Indian locales; digits stay 0-9 as NTA shows them). */
export function useLocalFormat() {
  const { t, i18n } = useTranslation();
  return {
    minutes(total: number): string {
      const hours = Math.floor(total / 60);
      const minutes = total % 60;
      if (hours === 0) return t('duration.minutes', { minutes });
      return minutes === 0 ? t('duration.hours', { hours }) : t('duration.hoursMinutes', { hours, minutes });
    },
    date(iso: string): string {
      return new Date(iso).toLocaleDateString(i18n.language === 'hi' ? locales.hi : locales.en, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      });
    },
    dateTime(iso: string): string {
      return dateTimeFormat(i18n.language).format(new Date(iso));
    },
  };
}
