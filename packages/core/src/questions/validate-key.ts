/**
 * Key checks are separate from the rest of question validation because answer-key revisions
 * must check a proposed key against a question without re-validating its text. Keys may come
 * from JSON, so the shape is checked too.
 */
import { createIssue, joinPath, type ValidationIssue } from '../errors.js';
import { compareDecimals, isIntegerDecimal, toDecimal, type Decimal } from '../math/decimal.js';
import { normaliseTitaText } from './text.js';
import { listOptionIds, type Question, type QuestionKey } from './types.js';

type Loose = Readonly<Record<string, unknown>>;

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function findDuplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
}

function validateOptionKey(question: Question, key: Loose, path: string): ValidationIssue[] {
  const optionIds = new Set(listOptionIds(question));
  if (question.type === 'mcq_multi') {
    if (!isStringArray(key.optionIds))
      return [createIssue('KEY_SHAPE_INVALID', path, 'a multi-correct key lists optionIds')];
    const issues: ValidationIssue[] = [];
    if (key.optionIds.length === 0) {
      issues.push(
        createIssue(
          'MULTI_NO_CORRECT_OPTION',
          joinPath(path, 'optionIds'),
          'a multi-correct question needs at least one correct option',
        ),
      );
    }
    for (const id of key.optionIds.filter((optionId) => !optionIds.has(optionId))) {
      issues.push(
        createIssue(
          'KEY_UNKNOWN_OPTION',
          joinPath(path, 'optionIds'),
          `the key names option "${id}", which the question does not have`,
        ),
      );
    }
    for (const id of findDuplicates(key.optionIds)) {
      issues.push(
        createIssue(
          'KEY_DUPLICATE_OPTION',
          joinPath(path, 'optionIds'),
          `option "${id}" is listed twice in the key`,
        ),
      );
    }
    return issues;
  }
  if (typeof key.optionId !== 'string')
    return [createIssue('KEY_SHAPE_INVALID', path, 'the key names one optionId')];
  if (!optionIds.has(key.optionId)) {
    return [
      createIssue(
        'KEY_UNKNOWN_OPTION',
        joinPath(path, 'optionId'),
        `the key names option "${key.optionId}", which the question does not have`,
      ),
    ];
  }
  return [];
}

function validateNumericalKey(
  question: Question & { type: 'numerical' },
  key: Loose,
  path: string,
): ValidationIssue[] {
  const readNumber = (field: string): Decimal | ValidationIssue => {
    const value = key[field];
    const decimal = typeof value === 'number' || typeof value === 'string' ? toDecimal(value) : null;
    return (
      decimal ??
      createIssue('NUMERICAL_KEY_NOT_A_NUMBER', joinPath(path, field), `${field} must be a decimal number`)
    );
  };
  const isIssue = (value: Decimal | ValidationIssue): value is ValidationIssue => 'code' in value;
  switch (key.kind) {
    case 'exact':
    case 'tolerance': {
      const value = readNumber('value');
      if (isIssue(value)) return [value];
      const issues: ValidationIssue[] = [];
      if (question.format.integerOnly === true && !isIntegerDecimal(value)) {
        issues.push(
          createIssue(
            'NUMERICAL_KEY_NOT_INTEGER',
            joinPath(path, 'value'),
            'the question takes integer answers but the key is not an integer',
          ),
        );
      }
      if (key.kind === 'tolerance') {
        const tolerance = readNumber('tolerance');
        if (isIssue(tolerance)) issues.push(tolerance);
        else if (tolerance.units < 0n) {
          issues.push(
            createIssue(
              'NUMERICAL_TOLERANCE_NEGATIVE',
              joinPath(path, 'tolerance'),
              'tolerance cannot be negative',
            ),
          );
        }
      }
      return issues;
    }
    case 'range': {
      const min = readNumber('min');
      const max = readNumber('max');
      if (isIssue(min) || isIssue(max)) return [min, max].filter(isIssue);
      if (compareDecimals(min, max) > 0) {
        return [
          createIssue('NUMERICAL_RANGE_INVERTED', joinPath(path, 'min'), 'range min is greater than max'),
        ];
      }
      return [];
    }
    default:
      return [
        createIssue(
          'KEY_SHAPE_INVALID',
          joinPath(path, 'kind'),
          'a numerical key is exact, tolerance or range',
        ),
      ];
  }
}

function validateMatrixKey(
  question: Question & { type: 'matrix_match' },
  key: Loose,
  path: string,
): ValidationIssue[] {
  const matches = key.matches;
  if (typeof matches !== 'object' || matches === null)
    return [createIssue('KEY_SHAPE_INVALID', path, 'a matrix key has matches')];
  const rowIds = new Set(question.rows.map((row) => row.id));
  const columnIds = new Set(question.columns.map((column) => column.id));
  const issues: ValidationIssue[] = [];
  for (const [rowId, columns] of Object.entries(matches as Loose)) {
    const rowPath = joinPath(path, 'matches', rowId);
    if (!rowIds.has(rowId))
      issues.push(
        createIssue(
          'MATRIX_KEY_UNKNOWN_ROW',
          rowPath,
          `the key names row "${rowId}", which list I does not have`,
        ),
      );
    if (!isStringArray(columns)) {
      issues.push(createIssue('KEY_SHAPE_INVALID', rowPath, 'each row of a matrix key lists column ids'));
      continue;
    }
    for (const columnId of columns.filter((id) => !columnIds.has(id))) {
      issues.push(
        createIssue(
          'MATRIX_KEY_UNKNOWN_COLUMN',
          rowPath,
          `row "${rowId}" matches column "${columnId}", which list II does not have`,
        ),
      );
    }
    for (const columnId of findDuplicates(columns)) {
      issues.push(
        createIssue(
          'MATRIX_KEY_DUPLICATE_COLUMN',
          rowPath,
          `row "${rowId}" lists column "${columnId}" twice`,
        ),
      );
    }
    if (columns.length === 0)
      issues.push(createIssue('MATRIX_KEY_ROW_EMPTY', rowPath, `row "${rowId}" matches no column`));
    if (columns.length > 1 && !question.allowMultiplePerRow) {
      issues.push(
        createIssue(
          'MATRIX_KEY_MULTIPLE_PER_ROW',
          rowPath,
          `row "${rowId}" matches several columns but the question allows one per row`,
        ),
      );
    }
  }
  for (const rowId of rowIds) {
    if (!Object.hasOwn(matches, rowId))
      issues.push(
        createIssue(
          'MATRIX_KEY_ROW_MISSING',
          joinPath(path, 'matches', rowId),
          `the key does not give row "${rowId}"`,
        ),
      );
  }
  return issues;
}

function validateTitaKey(key: Loose, path: string): ValidationIssue[] {
  if (!isStringArray(key.accepted) || (key.compare !== 'text' && key.compare !== 'number')) {
    return [
      createIssue(
        'KEY_SHAPE_INVALID',
        path,
        'a TITA key has accepted answers and compare "text" or "number"',
      ),
    ];
  }
  if (key.accepted.length === 0)
    return [
      createIssue(
        'TITA_NO_ACCEPTED_ANSWER',
        joinPath(path, 'accepted'),
        'a TITA question needs at least one accepted answer',
      ),
    ];
  const issues: ValidationIssue[] = [];
  key.accepted.forEach((answer, index) => {
    const answerPath = joinPath(path, 'accepted', index);
    if (normaliseTitaText(answer) === '')
      issues.push(createIssue('TITA_ACCEPTED_EMPTY', answerPath, 'an accepted answer is blank'));
    else if (key.compare === 'number' && toDecimal(answer) === null) {
      issues.push(
        createIssue(
          'TITA_ACCEPTED_NOT_A_NUMBER',
          answerPath,
          `"${answer}" is compared as a number but is not one`,
        ),
      );
    }
  });
  return issues;
}

/** Checks `key` as a key of `question` (the question's own key is ignored). */
export function validateKey(question: Question, key: QuestionKey, path = 'key'): ValidationIssue[] {
  if (typeof key !== 'object' || (key as unknown) === null)
    return [createIssue('KEY_SHAPE_INVALID', path, 'the key is missing')];
  const loose = key as Loose;
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi':
    case 'assertion_reason':
      return validateOptionKey(question, loose, path);
    case 'numerical':
      return validateNumericalKey(question, loose, path);
    case 'matrix_match':
      return validateMatrixKey(question, loose, path);
    case 'tita':
      return validateTitaKey(loose, path);
  }
}
