/**
 * Scores one saved, non-empty answer against the question's key(s). Whether the answer is
 * evaluated at all (palette state, best-k-of-n, dropped questions) is decided by the caller.
 */
import type { Answer, MatrixMatchAnswer } from '../answers/types.js';
import {
  absDecimal,
  compareDecimals,
  parseDecimal,
  quantizeDecimal,
  subtractDecimals,
  toDecimal,
  type Decimal,
  type RoundingMode,
} from '../math/decimal.js';
import { addRationals, compareRationals, multiplyRational, ZERO, type Rational } from '../math/rational.js';
import { normaliseTitaText } from '../questions/text.js';
import type {
  MatrixMatchQuestion,
  NumericalFormat,
  NumericalKey,
  Question,
  QuestionKey,
  TitaKey,
} from '../questions/types.js';
import type { ResolvedMarking } from './schemes.js';

export type Outcome = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'not_evaluated' | 'bonus';

export type ScoreReason =
  | 'CORRECT'
  | 'WRONG'
  /** Several options marked on a single-correct question (UPSC: counts as wrong). */
  | 'MULTIPLE_OPTIONS_MARKED'
  | 'PARTIAL_MULTI'
  | 'PARTIAL_MATRIX'
  | 'UNANSWERED'
  /** An answer exists but the palette state is not evaluated (marked for review only, or never saved). */
  | 'NOT_SAVED_AS_ANSWER'
  /** Answered beyond the first k of a best-k-of-n section. */
  | 'BEYOND_BEST_OF'
  | 'DROPPED_AWARDED'
  | 'DROPPED_NOT_ATTEMPTED'
  /** The stored answer does not fit the question (e.g. unknown option): treated as unanswered, never as wrong. */
  | 'INVALID_ANSWER';

export interface QuestionMark {
  readonly outcome: Outcome;
  readonly reason: ScoreReason;
  readonly exact: Rational;
}

const CORRECT_REASON = 'CORRECT';

function grade(isCorrect: boolean, marking: ResolvedMarking): QuestionMark {
  return isCorrect
    ? { outcome: 'correct', reason: CORRECT_REASON, exact: marking.correct }
    : { outcome: 'wrong', reason: 'WRONG', exact: marking.wrong };
}

function hasSameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
}

function scoreMulti(
  chosen: readonly string[],
  correct: readonly string[],
  marking: ResolvedMarking,
): QuestionMark {
  const correctSet = new Set(correct);
  const chosenSet = new Set(chosen);
  const isExact = chosenSet.size === correctSet.size && chosen.every((id) => correctSet.has(id));
  if (isExact) return grade(true, marking);
  const hasWrongOption = chosen.some((id) => !correctSet.has(id));
  if (hasWrongOption || marking.multi.mode === 'all_or_nothing') return grade(false, marking);
  // Only correct options chosen, but not all of them: +1 per chosen option gives exactly
  // JEE Advanced's +3 (4 correct, 3 chosen), +2 (3+ correct, 2 chosen), +1 (2+ correct, 1 chosen).
  return {
    outcome: 'partial',
    reason: 'PARTIAL_MULTI',
    exact: multiplyRational(marking.multi.perCorrectOption, chosenSet.size),
  };
}

function listRoundings(format: NumericalFormat): readonly RoundingMode[] {
  const rounding = format.rounding ?? 'round';
  return rounding === 'truncate_or_round' ? ['truncate', 'round'] : [rounding];
}

function isNumericalCorrect(format: NumericalFormat, key: NumericalKey, answer: Decimal): boolean {
  const places = format.decimals;
  const variants =
    places === undefined
      ? [{ mode: undefined, value: answer }]
      : listRoundings(format).map((mode) => ({ mode, value: quantizeDecimal(answer, places, mode) }));
  return variants.some(({ mode, value }) => {
    const normalise = (decimal: Decimal): Decimal =>
      places === undefined || mode === undefined ? decimal : quantizeDecimal(decimal, places, mode);
    switch (key.kind) {
      case 'exact':
      case 'tolerance': {
        const expected = toDecimal(key.value);
        if (expected === null) return false;
        const difference = absDecimal(subtractDecimals(value, normalise(expected)));
        const tolerance = key.kind === 'tolerance' ? toDecimal(key.tolerance) : { units: 0n, scale: 0 };
        return tolerance !== null && compareDecimals(difference, tolerance) <= 0;
      }
      case 'range': {
        const min = toDecimal(key.min);
        const max = toDecimal(key.max);
        return (
          min !== null && max !== null && compareDecimals(min, value) <= 0 && compareDecimals(value, max) <= 0
        );
      }
    }
  });
}

function isTitaCorrect(key: TitaKey, text: string): boolean {
  if (key.compare === 'text') {
    const answer = normaliseTitaText(text);
    return key.accepted.some((accepted) => normaliseTitaText(accepted) === answer);
  }
  const answer = parseDecimal(normaliseTitaText(text));
  if (answer === null) return false;
  return key.accepted.some((accepted) => {
    const value = parseDecimal(normaliseTitaText(accepted));
    return value !== null && compareDecimals(value, answer) === 0;
  });
}

function scoreMatrix(
  question: MatrixMatchQuestion,
  answer: MatrixMatchAnswer,
  key: Readonly<Record<string, readonly string[]>>,
  marking: ResolvedMarking,
): QuestionMark {
  const rowResults = question.rows.map((row) => {
    const chosen = answer.matches[row.id] ?? [];
    if (chosen.length === 0) return 'blank';
    return hasSameMembers(chosen, key[row.id] ?? []) ? 'right' : 'wrong';
  });
  const isAllRight = rowResults.every((result) => result === 'right');
  if (marking.matrix.mode === 'all_or_nothing') return grade(isAllRight, marking);
  const { correctPerRow, wrongPerRow } = marking.matrix;
  let exact = ZERO;
  for (const result of rowResults) {
    if (result === 'right') exact = addRationals(exact, correctPerRow);
    if (result === 'wrong') exact = addRationals(exact, wrongPerRow);
  }
  if (isAllRight) return { outcome: 'correct', reason: CORRECT_REASON, exact };
  const isAnyRight = rowResults.includes('right');
  return isAnyRight
    ? { outcome: 'partial', reason: 'PARTIAL_MATRIX', exact }
    : { outcome: 'wrong', reason: 'WRONG', exact };
}

function scoreAgainstKey(
  question: Question,
  answer: Answer,
  key: QuestionKey,
  marking: ResolvedMarking,
): QuestionMark {
  // The key's shape follows the question's type (validated when the paper or revision was made).
  const loose = key as Partial<Record<string, unknown>>;
  switch (answer.type) {
    case 'mcq_single': {
      if (answer.optionIds.length > 1)
        return { outcome: 'wrong', reason: 'MULTIPLE_OPTIONS_MARKED', exact: marking.wrong };
      return grade(answer.optionIds[0] === loose.optionId, marking);
    }
    case 'assertion_reason':
      return grade(answer.optionId === loose.optionId, marking);
    case 'mcq_multi':
      return scoreMulti(answer.optionIds, (loose.optionIds as readonly string[] | undefined) ?? [], marking);
    case 'numerical': {
      const value = parseDecimal(answer.value);
      return grade(
        question.type === 'numerical' &&
          value !== null &&
          isNumericalCorrect(question.format, key as NumericalKey, value),
        marking,
      );
    }
    case 'tita':
      return grade(isTitaCorrect(key as TitaKey, answer.text), marking);
    case 'matrix_match':
      return question.type === 'matrix_match'
        ? scoreMatrix(
            question,
            answer,
            (loose.matches as Readonly<Record<string, readonly string[]>> | undefined) ?? {},
            marking,
          )
        : grade(false, marking);
  }
}

/** Marks for a saved answer: the best result over all accepted keys ("any of them gets full marks"). */
export function scoreAnswer(
  question: Question,
  answer: Answer,
  keys: readonly QuestionKey[],
  marking: ResolvedMarking,
): QuestionMark {
  let best: QuestionMark | undefined;
  for (const key of keys) {
    const mark = scoreAgainstKey(question, answer, key, marking);
    if (best === undefined || compareRationals(mark.exact, best.exact) > 0) best = mark;
  }
  return best ?? grade(false, marking);
}
