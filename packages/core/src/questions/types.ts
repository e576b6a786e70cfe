/**
 * The question model. Language-independent facts (option ids, fixed flags, keys) live on the
 * question; text lives per language in `content`, so switching language mid-exam never
 * changes what an answer means.
 */
import type { RoundingMode } from '../math/decimal.js';

export const QUESTION_TYPES = [
  'mcq_single',
  'mcq_multi',
  'numerical',
  'matrix_match',
  'assertion_reason',
  'tita',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** ISO 639-1 code such as `en` or `hi`. */
export type LanguageCode = string;

export interface Classification {
  readonly subject: string;
  readonly chapter: string;
  readonly topic: string;
}

/** Referenced from Markdown as `![alt](image:<id>)`; the server resolves ids to URLs. */
export interface ImageRef {
  readonly id: string;
  readonly alt?: string;
}

/** Text of an option, a matrix row or a matrix column in one language. */
export interface LocalizedChoice {
  readonly id: string;
  readonly text: string;
}

/** One language version. Markdown with `$…$` / `$$…$$` LaTeX. */
export interface QuestionContent {
  readonly stem: string;
  /** mcq_single, mcq_multi: same ids, in the same order, as `question.options`. */
  readonly options?: readonly LocalizedChoice[];
  /** matrix_match: list I. */
  readonly rows?: readonly LocalizedChoice[];
  /** matrix_match: list II. */
  readonly columns?: readonly LocalizedChoice[];
  /** assertion_reason: statement 1 (assertion) and statement 2 (reason). */
  readonly assertion?: string;
  readonly reason?: string;
  readonly solution?: string;
}

export interface OptionSpec {
  readonly id: string;
  /** Keeps its position when options are shuffled ("All of the above", "None of these"). */
  readonly fixed?: boolean;
}

export interface ChoiceSpec {
  readonly id: string;
}

interface QuestionCommon {
  readonly id: string;
  readonly content: Readonly<Record<LanguageCode, QuestionContent>>;
  readonly classification: Classification;
  readonly difficulty: Difficulty;
  readonly tags: readonly string[];
  readonly source?: string;
  /** Questions sharing a passage or data set; they stay together and in order when shuffled. */
  readonly groupId?: string;
  readonly images?: readonly ImageRef[];
}

export interface McqSingleKey {
  readonly optionId: string;
}
export interface McqMultiKey {
  readonly optionIds: readonly string[];
}
export type NumericalKey =
  | { readonly kind: 'exact'; readonly value: number | string }
  | { readonly kind: 'tolerance'; readonly value: number | string; readonly tolerance: number | string }
  | { readonly kind: 'range'; readonly min: number | string; readonly max: number | string };
export interface MatrixMatchKey {
  /** Row id -> the column ids that row matches (possibly none). Every row must be listed. */
  readonly matches: Readonly<Record<string, readonly string[]>>;
}
export interface AssertionReasonKey {
  readonly optionId: AssertionReasonOptionId;
}
export interface TitaKey {
  /** Any of these is correct. */
  readonly accepted: readonly string[];
  /** `text`: case- and whitespace-insensitive; `number`: numeric equality ("12" = "12.0"). */
  readonly compare: 'text' | 'number';
}

export interface NumericalFormat {
  /** JEE Main Section B: the answer is an integer. */
  readonly integerOnly?: boolean;
  /** "Give the answer to N decimal places": both key and answer are cut/rounded to N places before comparing. */
  readonly decimals?: number;
  /**
   * How answers with more places are brought to `decimals` (default `round`, half away from
   * zero). `truncate_or_round` accepts either, as JEE Advanced's "truncate/round-off" says.
   */
  readonly rounding?: NumericalRounding;
}

export type NumericalRounding = RoundingMode | 'truncate_or_round';

export interface McqSingleQuestion extends QuestionCommon {
  readonly type: 'mcq_single';
  readonly options: readonly OptionSpec[];
  readonly key: McqSingleKey;
}
export interface McqMultiQuestion extends QuestionCommon {
  readonly type: 'mcq_multi';
  readonly options: readonly OptionSpec[];
  readonly key: McqMultiKey;
}
export interface NumericalQuestion extends QuestionCommon {
  readonly type: 'numerical';
  readonly format: NumericalFormat;
  readonly key: NumericalKey;
}
export interface MatrixMatchQuestion extends QuestionCommon {
  readonly type: 'matrix_match';
  readonly rows: readonly ChoiceSpec[];
  readonly columns: readonly ChoiceSpec[];
  /** False: each row matches exactly one column. */
  readonly allowMultiplePerRow: boolean;
  readonly key: MatrixMatchKey;
}
export interface AssertionReasonQuestion extends QuestionCommon {
  readonly type: 'assertion_reason';
  readonly key: AssertionReasonKey;
}
export interface TitaQuestion extends QuestionCommon {
  readonly type: 'tita';
  readonly key: TitaKey;
}

export type Question =
  | McqSingleQuestion
  | McqMultiQuestion
  | NumericalQuestion
  | MatrixMatchQuestion
  | AssertionReasonQuestion
  | TitaQuestion;

export type QuestionKey = Question['key'];

/** The four standard assertion-reason options, in their fixed order. */
export const ASSERTION_REASON_OPTION_IDS = [
  'both_true_reason_explains',
  'both_true_reason_not_explains',
  'assertion_true_reason_false',
  'assertion_false_reason_true',
] as const;
export type AssertionReasonOptionId = (typeof ASSERTION_REASON_OPTION_IDS)[number];

export const ASSERTION_REASON_OPTION_TEXT: Readonly<
  Record<string, Readonly<Record<AssertionReasonOptionId, string>>>
> = {
  en: {
    both_true_reason_explains:
      'Both Statement I and Statement II are true, and Statement II is the correct explanation of Statement I.',
    both_true_reason_not_explains:
      'Both Statement I and Statement II are true, but Statement II is not the correct explanation of Statement I.',
    assertion_true_reason_false: 'Statement I is true, but Statement II is false.',
    assertion_false_reason_true: 'Statement I is false, but Statement II is true.',
  },
  hi: {
    both_true_reason_explains: 'कथन I और कथन II दोनों सत्य हैं, और कथन II, कथन I की सही व्याख्या है।',
    both_true_reason_not_explains: 'कथन I और कथन II दोनों सत्य हैं, परंतु कथन II, कथन I की सही व्याख्या नहीं है।',
    assertion_true_reason_false: 'कथन I सत्य है, परंतु कथन II असत्य है।',
    assertion_false_reason_true: 'कथन I असत्य है, परंतु कथन II सत्य है।',
  },
};

/** The option ids a candidate can choose from, for the types that have options. */
export function listOptionIds(question: Question): readonly string[] {
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return question.options.map((option) => option.id);
    case 'assertion_reason':
      return ASSERTION_REASON_OPTION_IDS;
    case 'numerical':
    case 'matrix_match':
    case 'tita':
      return [];
  }
}
