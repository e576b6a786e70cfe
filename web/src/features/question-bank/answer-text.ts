import { ASSERTION_REASON_OPTION_IDS, type Question } from '@examtech/core';
import { choiceLabel } from './ChoiceListEditor';

function labelOf(ids: readonly string[], id: string, list: 'options' | 'rows' | 'columns'): string {
  const index = ids.indexOf(id);
  return index < 0 ? id : choiceLabel(list, index);
}

/** The key in the words a teacher reads on an answer sheet: "(B)", "P → 1, 3", "2.50 ± 0.01". */
export function describeKey(question: Question): string {
  switch (question.type) {
    case 'mcq_single':
      return `(${labelOf(
        question.options.map((option) => option.id),
        question.key.optionId,
        'options',
      )})`;
    case 'mcq_multi': {
      const ids = question.options.map((option) => option.id);
      return question.key.optionIds.map((id) => `(${labelOf(ids, id, 'options')})`).join(', ') || '—';
    }
    case 'assertion_reason':
      return `(${labelOf(ASSERTION_REASON_OPTION_IDS, question.key.optionId, 'options')})`;
    case 'numerical': {
      const key = question.key;
      const value =
        key.kind === 'exact'
          ? String(key.value)
          : key.kind === 'tolerance'
            ? `${key.value} ± ${key.tolerance}`
            : `${key.min} to ${key.max}`;
      const { decimals, integerOnly } = question.format;
      const notes = [
        integerOnly ? 'integer' : '',
        decimals === undefined ? '' : `${decimals} decimal places`,
      ].filter(Boolean);
      return notes.length ? `${value} (${notes.join(', ')})` : value;
    }
    case 'matrix_match': {
      const rows = question.rows.map((row) => row.id);
      const columns = question.columns.map((column) => column.id);
      return Object.entries(question.key.matches)
        .map(
          ([row, matched]) =>
            `${labelOf(rows, row, 'rows')} → ${matched.map((id) => labelOf(columns, id, 'columns')).join(', ')}`,
        )
        .join('; ');
    }
    case 'tita':
      return `${question.key.accepted.join(' | ')} (compared as ${question.key.compare})`;
  }
}

/** Which option ids are right, to highlight them in a preview. */
export function listCorrectOptionIds(question: Question): readonly string[] {
  switch (question.type) {
    case 'mcq_single':
    case 'assertion_reason':
      return [question.key.optionId];
    case 'mcq_multi':
      return question.key.optionIds;
    case 'numerical':
    case 'matrix_match':
    case 'tita':
      return [];
  }
}
