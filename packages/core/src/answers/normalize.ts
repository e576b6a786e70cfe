import type { Answer } from './types.js';

/**
 * The answer as it is stored and scored: only the fields its type defines, copied into a fresh
 * object. Whatever else a client sends (extra properties at any level) is dropped, so the database
 * and every later reader see the same small shape the core validated.
 */
export function normalizeAnswer(answer: Answer): Answer {
  switch (answer.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return { type: answer.type, optionIds: [...answer.optionIds] };
    case 'numerical':
      return { type: 'numerical', value: answer.value };
    case 'tita':
      return { type: 'tita', text: answer.text };
    case 'assertion_reason':
      return { type: 'assertion_reason', optionId: answer.optionId };
    case 'matrix_match':
      return {
        type: 'matrix_match',
        matches: Object.fromEntries(
          Object.entries(answer.matches).map(([rowId, columnIds]) => [rowId, [...columnIds]]),
        ),
      };
  }
}
