import type { Answer, CandidateQuestion, Question } from '@examtech/core';

/** Option ids as the numbers the candidate saw in the paper's own order ((1)..(n)). */
function optionLabel(question: Question | CandidateQuestion, id: string): string {
  if (question.type !== 'mcq_single' && question.type !== 'mcq_multi') return id;
  const index = question.options.findIndex((o) => o.id === id);
  const text = question.content.en?.options?.find((o) => o.id === id)?.text;
  return index < 0 ? id : `(${index + 1})${text ? ` ${text}` : ''}`;
}

export function formatAnswer(question: Question | CandidateQuestion, answer: Answer | null): string {
  if (!answer) return 'Not answered';
  switch (answer.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return answer.optionIds.length
        ? answer.optionIds.map((id) => optionLabel(question, id)).join(', ')
        : 'Not answered';
    case 'numerical':
      return answer.value || 'Not answered';
    case 'tita':
      return answer.text || 'Not answered';
    case 'assertion_reason':
      return answer.optionId.replaceAll('_', ' ');
    case 'matrix_match':
      return Object.entries(answer.matches)
        .map(([row, cols]) => `${row.toUpperCase()}→${cols.join('/').toUpperCase()}`)
        .join(', ');
  }
}

export function formatKey(question: Question): string {
  switch (question.type) {
    case 'mcq_single':
      return optionLabel(question, question.key.optionId);
    case 'mcq_multi':
      return question.key.optionIds.map((id) => optionLabel(question, id)).join(', ');
    case 'assertion_reason':
      return question.key.optionId.replaceAll('_', ' ');
    case 'numerical': {
      const key = question.key;
      if (key.kind === 'exact') return String(key.value);
      if (key.kind === 'tolerance') return `${String(key.value)} ± ${String(key.tolerance)}`;
      return `${String(key.min)} to ${String(key.max)}`;
    }
    case 'matrix_match':
      return Object.entries(question.key.matches)
        .map(([row, cols]) => `${row.toUpperCase()}→${cols.join('/').toUpperCase()}`)
        .join(', ');
    case 'tita':
      return question.key.accepted.join(' / ');
  }
}
