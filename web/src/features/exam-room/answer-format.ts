// A response and a key as Markdown for the result pages (rendered with MathMarkdown): options by the
// number the candidate saw with their text, matrix matches as pairs of the lists' items, so that a
// student can read what they answered without the question open beside it.
import {
  pickLanguageText,
  type Answer,
  type CandidateContent,
  type CandidateQuestion,
  type LocalizedChoice,
  type Question,
} from '@examtech/core';
import { currentLanguage, i18n } from '../../i18n';

type Shown = Question | CandidateQuestion;

/** The question's text in `language`, or in the language it has when not in that one. */
const contentOf = (question: Shown, language: string): CandidateContent | undefined =>
  pickLanguageText<CandidateContent>(question.content, language);

/** Choice texts are one line in the editor; a stray line break would end the Markdown line early. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/gu, ' ').trim();

/** Option ids as the numbers the candidate saw in the paper's own order ((1)..(n)), with their text. */
function optionLabel(question: Shown, id: string, language: string): string {
  if (question.type !== 'mcq_single' && question.type !== 'mcq_multi') return id;
  const index = question.options.findIndex((o) => o.id === id);
  const text = contentOf(question, language)?.options?.find((o) => o.id === id)?.text;
  return index < 0 ? id : `(${index + 1})${text ? ` ${oneLine(text)}` : ''}`;
}

function itemLabel(choices: readonly LocalizedChoice[] | undefined, id: string): string {
  const text = choices?.find((choice) => choice.id === id)?.text;
  return `**${id.toUpperCase()}**${text ? ` ${oneLine(text)}` : ''}`;
}

/**
 * One line per row, in the question's row order: "**P** row text → **2** column text", joined with
 * Markdown hard breaks. A response lists only the rows it matched; a key also the rows that match
 * nothing ("→ none"), since that is part of the answer.
 */
function formatMatches(
  question: Shown,
  matches: Readonly<Record<string, readonly string[]>>,
  language: string,
  rowsMatchingNothing: 'hide' | 'show',
): string | null {
  const content = contentOf(question, language);
  const rowIds = question.type === 'matrix_match' ? question.rows.map((row) => row.id) : [];
  const listed = Object.keys(matches);
  const ordered = [
    ...rowIds.filter((id) => listed.includes(id)),
    ...listed.filter((id) => !rowIds.includes(id)),
  ];
  const lines = ordered.flatMap((rowId) => {
    const columnIds = matches[rowId] ?? [];
    if (columnIds.length === 0 && rowsMatchingNothing === 'hide') return [];
    const columns = columnIds.map((columnId) => itemLabel(content?.columns, columnId)).join(', ');
    return [
      `${itemLabel(content?.rows, rowId)} → ${columns || i18n.t('answers.noMatch', { lng: language })}`,
    ];
  });
  return lines.length > 0 ? lines.join('  \n') : null;
}

const notAnswered = () => i18n.t('answers.notAnswered');

/**
 * A candidate's response. Item texts are in `language` (the content language; the interface's by
 * default), "Not answered" in the interface's language.
 */
export function formatAnswer(question: Shown, answer: Answer | null, language = currentLanguage()): string {
  if (!answer) return notAnswered();
  switch (answer.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return answer.optionIds.length
        ? answer.optionIds.map((id) => optionLabel(question, id, language)).join(', ')
        : notAnswered();
    case 'numerical':
      return answer.value || notAnswered();
    case 'tita':
      return answer.text || notAnswered();
    case 'assertion_reason':
      return answer.optionId.replaceAll('_', ' ');
    case 'matrix_match':
      return formatMatches(question, answer.matches, language, 'hide') ?? notAnswered();
  }
}

export function formatKey(question: Question, language = currentLanguage()): string {
  switch (question.type) {
    case 'mcq_single':
      return optionLabel(question, question.key.optionId, language);
    case 'mcq_multi':
      return question.key.optionIds.map((id) => optionLabel(question, id, language)).join(', ');
    case 'assertion_reason':
      return question.key.optionId.replaceAll('_', ' ');
    case 'numerical': {
      const key = question.key;
      if (key.kind === 'exact') return String(key.value);
      if (key.kind === 'tolerance') return `${String(key.value)} ± ${String(key.tolerance)}`;
      return `${String(key.min)} to ${String(key.max)}`;
    }
    case 'matrix_match':
      return (
        formatMatches(question, question.key.matches, language, 'show') ??
        i18n.t('answers.noMatch', { lng: language })
      );
    case 'tita':
      return question.key.accepted.join(' / ');
  }
}
