/**
 * Answers always carry canonical ids (never display positions), so a shuffled paper and the
 * canonical paper score the same.
 */
import type { AssertionReasonOptionId } from '../questions/types.js';

/**
 * The options a candidate marked. Normally one; several only where the medium allows it
 * (an OMR sheet in a UPSC mock), and then it is scored as wrong, never as correct.
 */
export interface McqSingleAnswer {
  readonly type: 'mcq_single';
  readonly optionIds: readonly string[];
}
export interface McqMultiAnswer {
  readonly type: 'mcq_multi';
  readonly optionIds: readonly string[];
}
/** The value as typed ("2.50"), kept as text so that no precision is lost before comparing. */
export interface NumericalAnswer {
  readonly type: 'numerical';
  readonly value: string;
}
export interface MatrixMatchAnswer {
  readonly type: 'matrix_match';
  /** Row id -> chosen column ids; rows left out or empty are unanswered rows. */
  readonly matches: Readonly<Record<string, readonly string[]>>;
}
export interface AssertionReasonAnswer {
  readonly type: 'assertion_reason';
  readonly optionId: AssertionReasonOptionId;
}
export interface TitaAnswer {
  readonly type: 'tita';
  readonly text: string;
}

export type Answer =
  McqSingleAnswer | McqMultiAnswer | NumericalAnswer | MatrixMatchAnswer | AssertionReasonAnswer | TitaAnswer;

/** A cleared response, an empty selection or blank text counts as not answered. */
export function isAnswerEmpty(answer: Answer | null | undefined): boolean {
  if (answer === null || answer === undefined) return true;
  switch (answer.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return answer.optionIds.length === 0;
    case 'numerical':
      return answer.value.trim() === '';
    case 'tita':
      return answer.text.trim() === '';
    case 'matrix_match':
      return Object.values(answer.matches).every((columns) => columns.length === 0);
    case 'assertion_reason':
      return false;
  }
}
