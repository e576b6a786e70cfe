import type { EvidenceOutcome } from './api';

// Reason codes and outcomes read as `progress.reasons.<CODE>` / `progress.outcomes.<outcome>` (i18n).

export const outcomeColor: Record<EvidenceOutcome, string> = {
  correct: 'teal',
  partial: 'yellow',
  wrong: 'red',
  unanswered: 'gray',
};

export function masteryColor(mastery: number | null): string {
  if (mastery === null) return 'gray';
  if (mastery < 0.4) return 'red';
  if (mastery < 0.7) return 'yellow';
  return 'teal';
}

const percentFormats = {
  en: new Intl.NumberFormat('en-IN', { style: 'percent', maximumFractionDigits: 0 }),
  hi: new Intl.NumberFormat('hi-IN', { style: 'percent', maximumFractionDigits: 0 }),
};

/** A 0..1 share as a whole percentage in the interface language; a dash when unknown. */
export const percent = (value: number | null, language = 'en') =>
  value === null ? '–' : (language === 'hi' ? percentFormats.hi : percentFormats.en).format(value);
