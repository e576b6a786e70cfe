import { useTranslation } from 'react-i18next';
import { splitDuration } from './time';

/** Times to the second and short durations, in the interface language. */
export function useClockFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'hi' ? 'hi-IN' : 'en-IN';
  return {
    time(ms: number): string {
      return new Date(ms).toLocaleTimeString(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    },
    duration(ms: number): string {
      const { minutes, seconds } = splitDuration(ms);
      return minutes === 0
        ? t('proctoring.seconds', { seconds })
        : t('proctoring.minutesSeconds', { minutes, seconds });
    },
  };
}
