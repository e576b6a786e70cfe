/**
 * One core Question -> one spreadsheet row in the import layout, so that importing the row gives
 * the same question back. Choices are written by position (options A, B…, rows P, Q…, columns
 * 1, 2…), which is also how the importer names them.
 */
import type { ChoiceSpec, LocalizedChoice, Question } from '@examtech/core';
import {
  formatAssertionReasonAnswer,
  formatMatrixAnswer,
  formatNumericalAnswer,
  formatOptionLetters,
  formatTitaAnswer,
} from './answer-notation.js';
import { joinList } from './cell-text.js';
import { buildHeader, choiceColumn, choiceIdAt, textColumn, type ChoiceField } from './question-columns.js';

export type QuestionRow = Record<string, string>;

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no';
}

function writeChoices(
  row: QuestionRow,
  field: ChoiceField,
  language: string,
  choices: readonly LocalizedChoice[] | undefined,
  specs: readonly ChoiceSpec[],
) {
  specs.forEach((spec, index) => {
    row[choiceColumn(field, choiceIdAt(field, index), language)] =
      choices?.find((choice) => choice.id === spec.id)?.text ?? '';
  });
}

export function mapQuestionToRow(question: Question): QuestionRow {
  const row: QuestionRow = {
    type: question.type,
    subject: question.classification.subject,
    chapter: question.classification.chapter,
    topic: question.classification.topic,
    difficulty: question.difficulty,
    tags: joinList(question.tags),
    source: question.source ?? '',
    group_id: question.groupId ?? '',
  };
  for (const [language, content] of Object.entries(question.content)) {
    row[textColumn('stem', language)] = content.stem;
    row[textColumn('solution', language)] = content.solution ?? '';
    switch (question.type) {
      case 'mcq_single':
      case 'mcq_multi':
        writeChoices(row, 'option', language, content.options, question.options);
        break;
      case 'matrix_match':
        writeChoices(row, 'row', language, content.rows, question.rows);
        writeChoices(row, 'column', language, content.columns, question.columns);
        break;
      case 'assertion_reason':
        row[textColumn('assertion', language)] = content.assertion ?? '';
        row[textColumn('reason', language)] = content.reason ?? '';
        break;
      case 'numerical':
      case 'tita':
        break;
    }
  }
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi': {
      const ids = question.options.map((option) => option.id);
      const keyIds = question.type === 'mcq_single' ? [question.key.optionId] : question.key.optionIds;
      row.answer = formatOptionLetters(keyIds, ids);
      row.fixed_options = formatOptionLetters(
        question.options.filter((option) => option.fixed === true).map((option) => option.id),
        ids,
      );
      break;
    }
    case 'numerical':
      row.answer = formatNumericalAnswer(question.key);
      row.decimals = question.format.decimals === undefined ? '' : String(question.format.decimals);
      row.rounding = question.format.rounding ?? '';
      row.integer_only = yesNo(question.format.integerOnly);
      break;
    case 'matrix_match':
      row.answer = formatMatrixAnswer(
        question.key.matches,
        question.rows.map((spec) => spec.id),
        question.columns.map((spec) => spec.id),
      );
      row.allow_multiple_per_row = yesNo(question.allowMultiplePerRow);
      break;
    case 'assertion_reason':
      row.answer = formatAssertionReasonAnswer(question.key.optionId);
      break;
    case 'tita':
      row.answer = formatTitaAnswer(question.key);
      row.tita_compare = question.key.compare;
      break;
  }
  return row;
}

export type TableNeeds = { languages: Set<string>; options: number; rows: number; columns: number };

export function createTableNeeds(): TableNeeds {
  return { languages: new Set<string>(), options: 0, rows: 0, columns: 0 };
}

/** Widens `needs` so the header has a column for every language and choice of these questions. */
export function measureTableNeeds(needs: TableNeeds, questions: readonly Question[]): TableNeeds {
  for (const question of questions) {
    for (const language of Object.keys(question.content)) needs.languages.add(language);
    if (question.type === 'mcq_single' || question.type === 'mcq_multi')
      needs.options = Math.max(needs.options, question.options.length);
    if (question.type === 'matrix_match') {
      needs.rows = Math.max(needs.rows, question.rows.length);
      needs.columns = Math.max(needs.columns, question.columns.length);
    }
  }
  return needs;
}

export function buildTableHeader(needs: TableNeeds): string[] {
  return buildHeader({ ...needs, languages: [...needs.languages].sort() });
}

/** One question's cells in header order. */
export function mapQuestionToCells(header: readonly string[], question: Question): string[] {
  const row = mapQuestionToRow(question);
  return header.map((name) => row[name] ?? '');
}

/** Header wide enough for every question, then each question's cells in header order. */
export function mapQuestionsToTable(questions: readonly Question[]): { header: string[]; rows: string[][] } {
  const header = buildTableHeader(measureTableNeeds(createTableNeeds(), questions));
  return { header, rows: questions.map((question) => mapQuestionToCells(header, question)) };
}
