/** The five states of the NTA question palette. */
export const PALETTE_STATES = [
  'not_visited',
  'not_answered',
  'answered',
  'marked_for_review',
  'answered_marked_for_review',
] as const;
export type PaletteState = (typeof PALETTE_STATES)[number];

/**
 * "Answered & Marked for Review" is evaluated (NTA instructions); "Marked for Review" without
 * an answer, and an option selected but never saved ("not_answered"), are not.
 */
export function isEvaluated(state: PaletteState): boolean {
  switch (state) {
    case 'answered':
    case 'answered_marked_for_review':
      return true;
    case 'not_visited':
    case 'not_answered':
    case 'marked_for_review':
      return false;
  }
}

/** The state the palette shows for a saved answer, given whether the candidate marked it for review. */
export function derivePaletteState(input: {
  readonly isVisited: boolean;
  readonly hasAnswer: boolean;
  readonly isMarkedForReview: boolean;
}): PaletteState {
  if (input.hasAnswer) return input.isMarkedForReview ? 'answered_marked_for_review' : 'answered';
  if (input.isMarkedForReview) return 'marked_for_review';
  return input.isVisited ? 'not_answered' : 'not_visited';
}
