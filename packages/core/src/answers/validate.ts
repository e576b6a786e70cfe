/**
 * An answer that names an option the question does not have is a broken client or a forged
 * request, not a wrong answer: it is rejected with an issue and never scored as -1.
 */
import { createIssue, joinPath, type ValidationIssue } from '../errors.js';
import { isIntegerDecimal, parseDecimal } from '../math/decimal.js';
import { findDuplicates } from '../questions/validate-key.js';
import { listOptionIds, type Question } from '../questions/types.js';
import type { Answer } from './types.js';

/** Long enough for any CAT TITA answer, short enough to keep junk out of the database. */
export const MAX_TEXT_ANSWER_LENGTH = 200;

export interface AnswerValidationOptions {
  /** Accept several marked options on a single-correct question (OMR-style mocks); they score as wrong. */
  readonly allowMultipleMarks?: boolean;
}

/** Answers are validated on every save and again when scoring; questions are immutable, so their id sets are cached. */
const optionIdCache = new WeakMap<Question, ReadonlySet<string>>();

function getOptionIdSet(question: Question): ReadonlySet<string> {
  let known = optionIdCache.get(question);
  if (known === undefined) {
    known = new Set(listOptionIds(question));
    optionIdCache.set(question, known);
  }
  return known;
}

function validateOptionIds(
  question: Question,
  optionIds: readonly string[],
  path: string,
): ValidationIssue[] {
  const known = getOptionIdSet(question);
  const issues = optionIds
    .filter((id) => !known.has(id))
    .map((id) =>
      createIssue('ANSWER_UNKNOWN_OPTION', path, `option "${id}" does not exist in question ${question.id}`),
    );
  if (optionIds.length > 1)
    for (const id of findDuplicates(optionIds))
      issues.push(createIssue('ANSWER_DUPLICATE_OPTION', path, `option "${id}" is chosen twice`));
  return issues;
}

function validateMatrixAnswer(
  question: Question & { type: 'matrix_match' },
  matches: Readonly<Record<string, readonly string[]>>,
): ValidationIssue[] {
  const rows = new Set(question.rows.map((row) => row.id));
  const columns = new Set(question.columns.map((column) => column.id));
  const issues: ValidationIssue[] = [];
  for (const [rowId, chosen] of Object.entries(matches)) {
    const path = joinPath('matches', rowId);
    if (!rows.has(rowId))
      issues.push(
        createIssue('ANSWER_UNKNOWN_ROW', path, `row "${rowId}" does not exist in question ${question.id}`),
      );
    for (const columnId of chosen.filter((id) => !columns.has(id))) {
      issues.push(
        createIssue(
          'ANSWER_UNKNOWN_COLUMN',
          path,
          `column "${columnId}" does not exist in question ${question.id}`,
        ),
      );
    }
    for (const columnId of findDuplicates(chosen))
      issues.push(createIssue('ANSWER_DUPLICATE_COLUMN', path, `column "${columnId}" is chosen twice`));
    if (chosen.length > 1 && !question.allowMultiplePerRow) {
      issues.push(createIssue('ANSWER_MULTIPLE_PER_ROW', path, `row "${rowId}" takes one column only`));
    }
  }
  return issues;
}

/** Problems of `answer` as an answer to `question`; empty means it can be saved. */
export function validateAnswer(
  question: Question,
  answer: Answer,
  options: AnswerValidationOptions = {},
): ValidationIssue[] {
  if (answer.type !== question.type) {
    return [
      createIssue(
        'ANSWER_TYPE_MISMATCH',
        'type',
        `question ${question.id} is ${question.type}, the answer is ${answer.type}`,
      ),
    ];
  }
  switch (answer.type) {
    case 'mcq_single': {
      const issues = validateOptionIds(question, answer.optionIds, 'optionIds');
      if (answer.optionIds.length > 1 && options.allowMultipleMarks !== true) {
        issues.push(
          createIssue('ANSWER_MULTIPLE_OPTIONS', 'optionIds', 'a single-correct question takes one option'),
        );
      }
      return issues;
    }
    case 'mcq_multi':
      return validateOptionIds(question, answer.optionIds, 'optionIds');
    case 'assertion_reason':
      return validateOptionIds(question, [answer.optionId], 'optionId');
    case 'numerical': {
      if (answer.value.trim() === '') return [];
      const value = parseDecimal(answer.value);
      if (value === null)
        return [createIssue('ANSWER_NOT_A_NUMBER', 'value', `"${answer.value}" is not a number`)];
      if (question.type === 'numerical' && question.format.integerOnly === true && !isIntegerDecimal(value)) {
        return [createIssue('ANSWER_NOT_INTEGER', 'value', 'this question takes an integer')];
      }
      return [];
    }
    case 'matrix_match':
      return question.type === 'matrix_match' ? validateMatrixAnswer(question, answer.matches) : [];
    case 'tita':
      return answer.text.length > MAX_TEXT_ANSWER_LENGTH
        ? [
            createIssue(
              'ANSWER_TOO_LONG',
              'text',
              `an answer has at most ${MAX_TEXT_ANSWER_LENGTH} characters`,
            ),
          ]
        : [];
  }
}

export function isAnswerValid(
  question: Question,
  answer: Answer,
  options?: AnswerValidationOptions,
): boolean {
  return validateAnswer(question, answer, options).length === 0;
}
