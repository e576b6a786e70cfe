/** Minutes and seconds, e.g. 1 min 05 s; under a minute, seconds. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** A 0..1 share as a whole percentage; a dash when unknown. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
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
export const flagLabel: Record<string, string> = {
  slow_correct: 'Slow but correct',
  careless: 'Quick wrong answer',
  unanswered_time: 'Time spent, not answered',
};
