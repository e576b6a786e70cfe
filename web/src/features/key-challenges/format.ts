import {
  isAnswerEmpty,
  type Answer,
  type CandidateQuestion,
  type Question,
  type QuestionKey,
} from '@examtech/core';

type Shown = CandidateQuestion | Question;

/** An option as the candidate saw it: its position in their order, "(2)". */
export function optionLabel(question: Shown, id: string): string {
  if (!('options' in question) || question.type === 'assertion_reason') return id.replaceAll('_', ' ');
  const index = question.options.findIndex((o) => o.id === id);
  return index < 0 ? id : `(${index + 1})`;
}

const numberText = (value: number | string) => String(value);

/** One key in the question's terms; keys have no type tag, so the question's type reads them. */
export function formatKey(question: Shown, key: QuestionKey): string {
  if ('optionIds' in key) return key.optionIds.map((id) => optionLabel(question, id)).join(', ');
  if ('optionId' in key) return optionLabel(question, key.optionId);
  if ('accepted' in key) return key.accepted.join(' / ');
  if ('matches' in key)
    return Object.entries(key.matches)
      .map(([row, cols]) => `${row.toUpperCase()}→${cols.join('/').toUpperCase()}`)
      .join(', ');
  if (key.kind === 'exact') return numberText(key.value);
  if (key.kind === 'tolerance') return `${numberText(key.value)} ± ${numberText(key.tolerance)}`;
  return `${numberText(key.min)} – ${numberText(key.max)}`;
}

/** Every key accepted now, "(2) or (3)" style joined by the caller's word. */
export function formatKeys(question: Shown, keys: readonly QuestionKey[], or: string): string {
  return keys.map((key) => formatKey(question, key)).join(` ${or} `);
}

/** A response or a claimed answer; null when nothing was answered. */
export function formatAnswer(question: Shown, answer: Answer | null): string | null {
  if (!answer || isAnswerEmpty(answer)) return null;
  switch (answer.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return answer.optionIds.map((id) => optionLabel(question, id)).join(', ');
    case 'numerical':
      return answer.value;
    case 'tita':
      return answer.text;
    case 'assertion_reason':
      return optionLabel(question, answer.optionId);
    case 'matrix_match':
      return Object.entries(answer.matches)
        .map(([row, cols]) => `${row.toUpperCase()}→${cols.join('/').toUpperCase()}`)
        .join(', ');
  }
}
