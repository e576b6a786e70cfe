import { useTranslation } from 'react-i18next';

const locale = (language: string) => (language === 'hi' ? 'hi-IN' : 'en-IN');

/** Durations, shares and numbers in the interface language (Intl with en-IN / hi-IN). */
export function useAnalysisFormat() {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(locale(i18n.language), {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const number = new Intl.NumberFormat(locale(i18n.language), { maximumFractionDigits: 2 });
  return {
    /** Minutes and seconds, e.g. 1 min 05 s; under a minute, seconds. */
    duration(ms: number): string {
      const seconds = Math.round(ms / 1000);
      if (seconds < 60) return t('analysis.seconds', { seconds: number.format(seconds) });
      return t('analysis.minutesSeconds', {
        minutes: number.format(Math.floor(seconds / 60)),
        seconds: String(seconds % 60).padStart(2, '0'),
      });
    },
    /** A 0..1 share as a whole percentage; a dash when unknown. */
    share(share: number | null): string {
      return share === null ? '—' : percent.format(share);
    },
    number(value: number | string | null): string {
      if (value === null) return '—';
      const n = typeof value === 'string' ? Number(value) : value;
      return Number.isFinite(n) ? number.format(n) : String(value);
    },
  };
}

export const difficultyColour: Record<string, string> = { easy: 'teal', medium: 'yellow', hard: 'red' };
export const outcomeColour: Record<string, string> = {
  correct: 'teal',
  partial: 'yellow',
  wrong: 'red',
  unanswered: 'gray',
  not_evaluated: 'gray',
  bonus: 'blue',
};
