import type { EvidenceOutcome, ReasonCode } from './api';

/** The sentence for each reason code of a recommendation (the server sends codes only). */
export const reasonText: Record<ReasonCode, string> = {
  LOW_MASTERY: 'Low mastery across several answers',
  LITTLE_EVIDENCE: 'Weak so far, on only a few answers',
  NOT_PRACTISED_RECENTLY: 'Not practised for three weeks',
  HIGH_EXAM_WEIGHT: 'Carries many questions in your mocks',
  RECENT_MISTAKES: 'Two of the last three answers were wrong',
};

export const outcomeText: Record<EvidenceOutcome, string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  wrong: 'Wrong',
  unanswered: 'Opened, not answered',
};

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

export const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
