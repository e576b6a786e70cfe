import { describe, expect, it } from 'vitest';
import { normalizeAnswer, type Answer } from '../src/index.js';

const junk = 'x'.repeat(100_000);

describe('normalizeAnswer', () => {
  it('keeps only the fields of each answer type, at every level', () => {
    const cases: [unknown, Answer][] = [
      [
        { type: 'mcq_single', optionIds: ['b'], junk, nested: { junk } },
        { type: 'mcq_single', optionIds: ['b'] },
      ],
      [
        { type: 'mcq_multi', optionIds: ['a', 'c'], junk },
        { type: 'mcq_multi', optionIds: ['a', 'c'] },
      ],
      [
        { type: 'numerical', value: '2.50', junk },
        { type: 'numerical', value: '2.50' },
      ],
      [
        { type: 'tita', text: '42', junk },
        { type: 'tita', text: '42' },
      ],
      [
        { type: 'assertion_reason', optionId: 'both_true_reason_explains', junk },
        { type: 'assertion_reason', optionId: 'both_true_reason_explains' },
      ],
      [
        { type: 'matrix_match', matches: { P: ['1', '2'] }, junk },
        { type: 'matrix_match', matches: { P: ['1', '2'] } },
      ],
    ];
    for (const [sent, stored] of cases) {
      const normalized = normalizeAnswer(sent as Answer);
      expect(normalized).toStrictEqual(stored);
      expect(JSON.stringify(normalized)).not.toContain('xxxx');
    }
  });

  it('copies, so later changes to the input do not reach the stored answer', () => {
    const sent = { type: 'mcq_multi' as const, optionIds: ['a'] };
    const normalized = normalizeAnswer(sent);
    sent.optionIds.push('b');
    expect(normalized).toEqual({ type: 'mcq_multi', optionIds: ['a'] });
  });
});
