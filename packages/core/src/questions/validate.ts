/**
 * Semantic validation of a question (shape is the server's Zod schema's job). Every problem is
 * reported, not just the first, so a teacher fixing an import sees them all at once.
 */
import { createIssue, joinPath, type ValidationIssue } from '../errors.js';
import { findDuplicates, validateKey } from './validate-key.js';
import { listImageRefs } from './text.js';
import { validateContentMath } from './validate-math.js';
import {
  DIFFICULTIES,
  type ChoiceSpec,
  type LocalizedChoice,
  type Question,
  type QuestionContent,
} from './types.js';

const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;
const MAX_DECIMALS = 10;

type ChoiceField = 'options' | 'rows' | 'columns';
const CHOICE_LABEL: Readonly<Record<ChoiceField, string>> = {
  options: 'OPTION',
  rows: 'ROW',
  columns: 'COLUMN',
};

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** The language-independent ids of a choice list must be unique and non-empty. */
function validateChoiceIds(
  specs: readonly ChoiceSpec[],
  field: ChoiceField,
  minimum: number,
): ValidationIssue[] {
  const label = CHOICE_LABEL[field];
  const issues: ValidationIssue[] = [];
  if (specs.length < minimum)
    issues.push(createIssue(`${label}S_TOO_FEW`, field, `at least ${minimum} ${field} are needed`));
  specs.forEach((spec, index) => {
    if (isBlank(spec.id))
      issues.push(
        createIssue(`${label}_ID_EMPTY`, joinPath(field, index, 'id'), `${field} ${index + 1} has no id`),
      );
  });
  for (const id of findDuplicates(specs.map((spec) => spec.id))) {
    issues.push(createIssue(`${label}_DUPLICATE_ID`, field, `id "${id}" is used by two ${field}`));
  }
  return issues;
}

/** Every language must list the same choices with the same ids, in the same order. */
function validateLocalizedChoices(
  language: string,
  localized: readonly LocalizedChoice[] | undefined,
  specs: readonly ChoiceSpec[],
  field: ChoiceField,
): ValidationIssue[] {
  const label = CHOICE_LABEL[field];
  const path = joinPath('content', language, field);
  if (localized === undefined)
    return [createIssue(`LANGUAGE_${label}S_MISSING`, path, `the "${language}" version has no ${field}`)];
  if (localized.length !== specs.length) {
    return [
      createIssue(
        `LANGUAGE_${label}_COUNT_MISMATCH`,
        path,
        `the "${language}" version has ${localized.length} ${field}, the question has ${specs.length}`,
      ),
    ];
  }
  const issues: ValidationIssue[] = [];
  localized.forEach((choice, index) => {
    const expected = specs[index]?.id;
    if (choice.id !== expected) {
      issues.push(
        createIssue(
          `LANGUAGE_${label}_ID_MISMATCH`,
          joinPath(path, index, 'id'),
          `expected id "${expected}", found "${choice.id}"`,
        ),
      );
    }
    if (isBlank(choice.text))
      issues.push(
        createIssue(
          `${label}_TEXT_EMPTY`,
          joinPath(path, index, 'text'),
          `the "${language}" text of ${field} "${choice.id}" is blank`,
        ),
      );
  });
  return issues;
}

const FIELDS_BY_TYPE: Readonly<Record<Question['type'], readonly (keyof QuestionContent)[]>> = {
  mcq_single: ['options'],
  mcq_multi: ['options'],
  numerical: [],
  matrix_match: ['rows', 'columns'],
  assertion_reason: ['assertion', 'reason'],
  tita: [],
};
const TYPE_SPECIFIC_FIELDS: readonly (keyof QuestionContent)[] = [
  'options',
  'rows',
  'columns',
  'assertion',
  'reason',
];

function validateLanguage(question: Question, language: string, content: QuestionContent): ValidationIssue[] {
  const path = joinPath('content', language);
  const issues: ValidationIssue[] = [];
  if (!LANGUAGE_CODE_PATTERN.test(language))
    issues.push(
      createIssue('LANGUAGE_CODE_INVALID', path, `"${language}" is not a language code such as "en" or "hi"`),
    );
  if (isBlank(content.stem))
    issues.push(
      createIssue('STEM_EMPTY', joinPath(path, 'stem'), `the "${language}" version has no question text`),
    );
  const allowed = FIELDS_BY_TYPE[question.type];
  for (const field of TYPE_SPECIFIC_FIELDS) {
    if (content[field] !== undefined && !allowed.includes(field)) {
      issues.push(
        createIssue(
          'CONTENT_UNEXPECTED_FIELD',
          joinPath(path, field),
          `a ${question.type} question has no ${field}`,
        ),
      );
    }
  }
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi':
      issues.push(...validateLocalizedChoices(language, content.options, question.options, 'options'));
      break;
    case 'matrix_match':
      issues.push(...validateLocalizedChoices(language, content.rows, question.rows, 'rows'));
      issues.push(...validateLocalizedChoices(language, content.columns, question.columns, 'columns'));
      break;
    case 'assertion_reason':
      if (isBlank(content.assertion) || isBlank(content.reason)) {
        issues.push(
          createIssue(
            'AR_STATEMENT_MISSING',
            path,
            `the "${language}" version needs both the assertion and the reason`,
          ),
        );
      }
      break;
    case 'numerical':
    case 'tita':
      break;
  }
  issues.push(...validateContentMath(language, content));
  return issues;
}

function collectMarkdown(content: QuestionContent): string[] {
  const choices = [...(content.options ?? []), ...(content.rows ?? []), ...(content.columns ?? [])];
  return [
    content.stem,
    content.assertion ?? '',
    content.reason ?? '',
    content.solution ?? '',
    ...choices.map((choice) => choice.text),
  ];
}

function validateImages(question: Question): ValidationIssue[] {
  const declared = question.images ?? [];
  const issues: ValidationIssue[] = [];
  for (const id of findDuplicates(declared.map((image) => image.id))) {
    issues.push(createIssue('IMAGE_DUPLICATE_ID', 'images', `image id "${id}" is declared twice`));
  }
  const ids = new Set(declared.map((image) => image.id));
  for (const [language, content] of Object.entries(question.content)) {
    for (const ref of collectMarkdown(content).flatMap(listImageRefs)) {
      if (!ids.has(ref))
        issues.push(
          createIssue(
            'IMAGE_UNKNOWN_REF',
            joinPath('content', language),
            `image "${ref}" is used but not declared`,
          ),
        );
    }
  }
  return issues;
}

function validateCommon(question: Question): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (isBlank(question.id)) issues.push(createIssue('QUESTION_ID_EMPTY', 'id', 'the question has no id'));
  const { subject, chapter, topic } = question.classification;
  for (const [field, value] of Object.entries({ subject, chapter, topic })) {
    if (isBlank(value))
      issues.push(
        createIssue('CLASSIFICATION_MISSING', joinPath('classification', field), `${field} is required`),
      );
  }
  if (!DIFFICULTIES.includes(question.difficulty)) {
    issues.push(
      createIssue('DIFFICULTY_INVALID', 'difficulty', `difficulty must be one of ${DIFFICULTIES.join(', ')}`),
    );
  }
  question.tags.forEach((tag, index) => {
    if (isBlank(tag)) issues.push(createIssue('TAG_EMPTY', joinPath('tags', index), 'a tag is blank'));
  });
  for (const tag of findDuplicates(question.tags))
    issues.push(createIssue('TAG_DUPLICATE', 'tags', `tag "${tag}" is listed twice`));
  if (question.groupId !== undefined && isBlank(question.groupId))
    issues.push(createIssue('GROUP_ID_EMPTY', 'groupId', 'groupId is blank'));
  const languages = Object.entries(question.content);
  if (languages.length === 0)
    issues.push(createIssue('CONTENT_MISSING', 'content', 'the question has no language version'));
  for (const [language, content] of languages) issues.push(...validateLanguage(question, language, content));
  issues.push(...validateImages(question));
  return issues;
}

function validateTypeSpecific(question: Question): ValidationIssue[] {
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return validateChoiceIds(question.options, 'options', 2);
    case 'matrix_match':
      return [
        ...validateChoiceIds(question.rows, 'rows', 1),
        ...validateChoiceIds(question.columns, 'columns', 1),
      ];
    case 'numerical': {
      const { decimals } = question.format;
      if (
        decimals !== undefined &&
        (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)
      ) {
        return [
          createIssue(
            'NUMERICAL_DECIMALS_INVALID',
            'format.decimals',
            `decimals must be an integer from 0 to ${MAX_DECIMALS}`,
          ),
        ];
      }
      return [];
    }
    case 'assertion_reason':
    case 'tita':
      return [];
  }
}

/** All problems of a question; an empty list means it is valid. */
export function validateQuestion(question: Question): ValidationIssue[] {
  return [
    ...validateCommon(question),
    ...validateTypeSpecific(question),
    ...validateKey(question, question.key),
  ];
}

export function isQuestionValid(question: Question): boolean {
  return validateQuestion(question).length === 0;
}
