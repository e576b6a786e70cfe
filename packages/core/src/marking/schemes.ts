/**
 * Marking schemes are data so that a new exam pattern is a template edit, not a code change.
 * Precedence for a question's marks: the paper item's override, then the section scheme's
 * per-type override, then the section scheme.
 */
import { createIssue, joinPath, type ValidationIssue } from '../errors.js';
import {
  createRational,
  multiplyRational,
  toRational,
  type MarkValue,
  type Rational,
} from '../math/rational.js';
import { QUESTION_TYPES, type Question, type QuestionType } from '../questions/types.js';

export type MultiCorrectRule =
  | { readonly mode: 'all_or_nothing' }
  /**
   * JEE Advanced: full marks for exactly the correct set; with no wrong option chosen and some
   * correct ones left out, `perCorrectOption` for each chosen option (+3/+2/+1 with the default 1);
   * `wrong` as soon as any wrong option is chosen.
   */
  | { readonly mode: 'jee_advanced_partial'; readonly perCorrectOption?: MarkValue };

export type MatrixRule =
  | { readonly mode: 'all_or_nothing' }
  /** Each row scored on its own: exactly the right columns earn `correctPerRow`; a wrong row costs `wrongPerRow` (default 0). */
  | { readonly mode: 'per_row'; readonly correctPerRow: MarkValue; readonly wrongPerRow?: MarkValue };

export interface MarkOverride {
  readonly correct?: MarkValue;
  /** Marks for a wrong answer: 0 or negative. */
  readonly wrong?: MarkValue;
}

export interface MarkingScheme {
  readonly correct: MarkValue;
  /** Marks for a wrong answer: 0 or negative. Unanswered is always 0. */
  readonly wrong: MarkValue;
  readonly multi?: MultiCorrectRule;
  readonly matrix?: MatrixRule;
  /** E.g. CAT: `{ tita: { wrong: 0 } }`; JEE Advanced: `{ numerical: { wrong: 0 } }`. */
  readonly byType?: Partial<Readonly<Record<QuestionType, MarkOverride>>>;
}

export type ResolvedMultiRule =
  | { readonly mode: 'all_or_nothing' }
  | { readonly mode: 'jee_advanced_partial'; readonly perCorrectOption: Rational };
export type ResolvedMatrixRule =
  | { readonly mode: 'all_or_nothing' }
  | { readonly mode: 'per_row'; readonly correctPerRow: Rational; readonly wrongPerRow: Rational };

export interface ResolvedMarking {
  readonly correct: Rational;
  readonly wrong: Rational;
  readonly multi: ResolvedMultiRule;
  readonly matrix: ResolvedMatrixRule;
}

const ONE = createRational(1);

function resolveMulti(rule: MultiCorrectRule | undefined): ResolvedMultiRule {
  if (rule?.mode !== 'jee_advanced_partial') return { mode: 'all_or_nothing' };
  return {
    mode: 'jee_advanced_partial',
    perCorrectOption: rule.perCorrectOption === undefined ? ONE : toRational(rule.perCorrectOption),
  };
}

function resolveMatrix(rule: MatrixRule | undefined): ResolvedMatrixRule {
  if (rule?.mode !== 'per_row') return { mode: 'all_or_nothing' };
  return {
    mode: 'per_row',
    correctPerRow: toRational(rule.correctPerRow),
    wrongPerRow: toRational(rule.wrongPerRow ?? 0),
  };
}

export function resolveMarking(
  scheme: MarkingScheme,
  type: QuestionType,
  override?: MarkOverride,
): ResolvedMarking {
  const byType = scheme.byType?.[type];
  return {
    correct: toRational(override?.correct ?? byType?.correct ?? scheme.correct),
    wrong: toRational(override?.wrong ?? byType?.wrong ?? scheme.wrong),
    multi: resolveMulti(scheme.multi),
    matrix: resolveMatrix(scheme.matrix),
  };
}

/** The most a question can earn: full marks, or every row right under per-row matrix marking. */
export function computeMaxMarks(question: Question, marking: ResolvedMarking): Rational {
  if (question.type === 'matrix_match' && marking.matrix.mode === 'per_row') {
    return multiplyRational(marking.matrix.correctPerRow, question.rows.length);
  }
  return marking.correct;
}

/** UPSC: a wrong answer costs one third of the question's marks (exactly, e.g. -2/3). */
export function createOneThirdPenalty(correct: MarkValue): Rational {
  const value = toRational(correct);
  return createRational(-value.num, value.den * 3);
}

/** No pattern gives or takes more than this for one question (or one matrix row, or one option). */
export const MAX_MARK_MAGNITUDE = 100;
/**
 * Every allowed denominator divides this (the least common multiple of 1..12 and 100). A sum of
 * such marks keeps a denominator that divides it too, so the totals of any paper (at most 30
 * sections of 500 questions) stay far inside the safe integers instead of overflowing.
 */
const MARK_DENOMINATOR_BASE = 138_600;

/**
 * Why a mark cannot be used, or null: it must be finite, within +-100, and a whole number, a
 * decimal with up to 2 places or a fraction such as 2/3 (thirds for UPSC, sixths for 2.5 marks).
 * Checked when a scheme is saved, before anything is stored.
 */
export function findMarkValueProblem(value: MarkValue): string | null {
  let rational: Rational;
  try {
    rational = toRational(value);
  } catch {
    return 'marks must be a finite number or a fraction';
  }
  if (Math.abs(rational.num) > MAX_MARK_MAGNITUDE * rational.den)
    return `marks must be between -${MAX_MARK_MAGNITUDE} and ${MAX_MARK_MAGNITUDE}`;
  if (MARK_DENOMINATOR_BASE % rational.den !== 0)
    return 'use whole marks, decimals with up to 2 places, or a fraction with a denominator up to 12';
  return null;
}

function validateMarkValue(
  value: MarkValue | undefined,
  path: string,
  sign: 'positive' | 'non_positive',
): ValidationIssue[] {
  if (value === undefined) return [];
  const problem = findMarkValueProblem(value);
  if (problem !== null) return [createIssue('SCHEME_MARK_INVALID', path, problem)];
  const rational = toRational(value);
  if (sign === 'positive' && rational.num <= 0)
    return [createIssue('SCHEME_CORRECT_NOT_POSITIVE', path, 'marks for a correct answer must be positive')];
  if (sign === 'non_positive' && rational.num > 0)
    return [createIssue('SCHEME_WRONG_POSITIVE', path, 'marks for a wrong answer must be 0 or negative')];
  return [];
}

export function validateMarkingScheme(scheme: MarkingScheme, path = 'scheme'): ValidationIssue[] {
  const issues = [
    ...validateMarkValue(scheme.correct, joinPath(path, 'correct'), 'positive'),
    ...validateMarkValue(scheme.wrong, joinPath(path, 'wrong'), 'non_positive'),
  ];
  if (scheme.multi?.mode === 'jee_advanced_partial') {
    issues.push(
      ...validateMarkValue(
        scheme.multi.perCorrectOption,
        joinPath(path, 'multi', 'perCorrectOption'),
        'positive',
      ),
    );
  }
  if (scheme.matrix?.mode === 'per_row') {
    issues.push(
      ...validateMarkValue(
        scheme.matrix.correctPerRow,
        joinPath(path, 'matrix', 'correctPerRow'),
        'positive',
      ),
    );
    issues.push(
      ...validateMarkValue(
        scheme.matrix.wrongPerRow,
        joinPath(path, 'matrix', 'wrongPerRow'),
        'non_positive',
      ),
    );
  }
  for (const type of QUESTION_TYPES) {
    const override = scheme.byType?.[type];
    issues.push(
      ...validateMarkValue(override?.correct, joinPath(path, 'byType', type, 'correct'), 'positive'),
    );
    issues.push(
      ...validateMarkValue(override?.wrong, joinPath(path, 'byType', type, 'wrong'), 'non_positive'),
    );
  }
  return issues;
}
