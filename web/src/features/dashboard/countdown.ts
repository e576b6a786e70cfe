import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalFormat } from '../../i18n/format';

/** The current time, refreshed every `everyMs` (countdowns on the dashboard). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "3 days", "2 h 5 min", "4 min": how long until `ms` from now, in the interface language. */
export function useCountdownText() {
  const { t } = useTranslation();
  const format = useLocalFormat();
  return (remainingMs: number): string => {
    const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
    if (minutes >= 48 * 60) return t('upcoming.days', { count: Math.floor(minutes / (24 * 60)) });
    return format.minutes(minutes);
  };
}
