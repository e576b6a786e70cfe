/**
 * Translates the core's validation paths (`content.hi.options.2.text`, `key.matches.q`,
 * `format.decimals`) into the spreadsheet column a teacher must edit (`option_c_hi`, `answer`,
 * `decimals`), and rewords the issues teachers meet most in the sheet's own terms.
 */
import { languageLabel, type QuestionContent, type QuestionType, type ValidationIssue } from '@examtech/core';
import { choiceColumn, textColumn, type ChoiceField } from './question-columns.js';

export type IssueContext = {
  type: QuestionType;
  languages: readonly string[];
  choiceIds: Partial<Record<ChoiceField, readonly string[]>>;
  content: Readonly<Record<string, QuestionContent>>;
};

const CONTENT_FIELD_TO_CHOICE: Readonly<Record<string, ChoiceField>> = {
  options: 'option',
  rows: 'row',
  columns: 'column',
};
const PLAIN_PATHS: Readonly<Record<string, string>> = {
  'classification.subject': 'subject',
  'classification.chapter': 'chapter',
  'classification.topic': 'topic',
  difficulty: 'difficulty',
  tags: 'tags',
  groupId: 'group_id',
  'format.decimals': 'decimals',
  'format.rounding': 'rounding',
  'format.integerOnly': 'integer_only',
  allowMultiplePerRow: 'allow_multiple_per_row',
};

export function languageName(language: string): string {
  return languageLabel(language, 'english') ?? `"${language}"`;
}

function firstLanguage(context: IssueContext): string {
  return context.languages[0] ?? 'en';
}

/** The column for a choice list of one language: the named item, else the first missing one. */
function choiceListColumn(
  field: ChoiceField,
  language: string,
  index: string | undefined,
  context: IssueContext,
): string {
  const ids = context.choiceIds[field] ?? [];
  if (index !== undefined) return choiceColumn(field, ids[Number(index)] ?? ids[0] ?? 'a', language);
  const localized = context.content[language]?.[`${field}s`] ?? [];
  const firstEmpty = ids.find((_, position) => (localized[position]?.text ?? '') === '');
  return choiceColumn(field, firstEmpty ?? ids[0] ?? defaultChoiceId(field), language);
}

function defaultChoiceId(field: ChoiceField): string {
  return field === 'option' ? 'a' : field === 'row' ? 'p' : '1';
}

export function columnForIssue(issue: ValidationIssue, context: IssueContext): string {
  const path = issue.path;
  const plain = PLAIN_PATHS[path] ?? PLAIN_PATHS[path.replace(/\.\d+$/, '')];
  if (plain) return plain;
  const parts = path.split('.');
  const [head, second, third, fourth] = parts;
  if (head === 'key') return 'answer';
  if (head === 'classification') return 'topic';
  if (head === 'options' || head === 'rows' || head === 'columns') {
    const field = CONTENT_FIELD_TO_CHOICE[head] ?? 'option';
    const ids = context.choiceIds[field] ?? [];
    const id =
      second !== undefined ? ids[Number(second)] : issue.code.endsWith('_TOO_FEW') ? undefined : ids[0];
    return choiceColumn(field, id ?? defaultChoiceId(field), firstLanguage(context));
  }
  if (head === 'content' && second !== undefined) {
    const language = second;
    if (third === undefined) {
      if (issue.code === 'AR_STATEMENT_MISSING') {
        return (context.content[language]?.assertion ?? '') === ''
          ? textColumn('assertion', language)
          : textColumn('reason', language);
      }
      return textColumn('stem', language);
    }
    const choice = CONTENT_FIELD_TO_CHOICE[third];
    if (choice) return choiceListColumn(choice, language, fourth, context);
    if (third === 'stem' || third === 'solution' || third === 'assertion' || third === 'reason')
      return textColumn(third, language);
    return textColumn('stem', language);
  }
  if (head === 'content' || head === 'images') return textColumn('stem', firstLanguage(context));
  return 'type';
}

export function messageForIssue(issue: ValidationIssue, context: IssueContext): string {
  const [, language = '', field, index] = issue.path.split('.');
  const choice = field ? CONTENT_FIELD_TO_CHOICE[field] : undefined;
  switch (issue.code) {
    case 'STEM_EMPTY':
      return `The ${languageName(language)} question text is empty, but other ${languageName(language)} columns are filled.`;
    case 'OPTION_TEXT_EMPTY':
    case 'ROW_TEXT_EMPTY':
    case 'COLUMN_TEXT_EMPTY': {
      const ids = (choice && context.choiceIds[choice]) ?? [];
      const label = choice === 'option' ? 'Option' : choice === 'row' ? 'Row' : 'Column';
      return `${label} ${(ids[Number(index)] ?? '').toUpperCase()} has no ${languageName(language)} text.`;
    }
    case 'OPTIONS_TOO_FEW':
      return 'A multiple-choice question needs at least two options.';
    case 'AR_STATEMENT_MISSING':
      return `The ${languageName(language)} version needs both the assertion and the reason.`;
    case 'KEY_UNKNOWN_OPTION':
      return `The answer names an option that has no text in this row. ${capitalise(issue.message)}.`;
    default:
      return `${capitalise(issue.message)}.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
