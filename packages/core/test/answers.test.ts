import { describe, expect, it } from 'vitest';
import {
  derivePaletteState,
  isAnswerEmpty,
  isEvaluated,
  PALETTE_STATES,
  validateAnswer,
  type Answer,
} from '../src/index.js';
import {
  makeAssertionReason,
  makeMatrix,
  makeMulti,
  makeNumerical,
  makeSingle,
  makeTita,
} from './fixtures.js';

const codes = (...args: Parameters<typeof validateAnswer>) =>
  validateAnswer(...args).map((issue) => issue.code);

describe('validateAnswer', () => {
  it('an option id that does not exist is an error, not a wrong answer', () => {
    expect(codes(makeSingle('q'), { type: 'mcq_single', optionIds: ['e'] })).toEqual([
      'ANSWER_UNKNOWN_OPTION',
    ]);
    expect(codes(makeMulti('q', ['a']), { type: 'mcq_multi', optionIds: ['a', 'x'] })).toEqual([
      'ANSWER_UNKNOWN_OPTION',
    ]);
    expect(codes(makeSingle('q'), { type: 'mcq_single', optionIds: ['b'] })).toEqual([]);
  });

  it.each<[string, Parameters<typeof validateAnswer>, string[]]>([
    ['wrong type', [makeSingle('q'), { type: 'tita', text: 'a' }], ['ANSWER_TYPE_MISMATCH']],
    [
      'duplicate option',
      [makeMulti('q', ['a']), { type: 'mcq_multi', optionIds: ['a', 'a'] }],
      ['ANSWER_DUPLICATE_OPTION'],
    ],
    [
      'two options on single-correct',
      [makeSingle('q'), { type: 'mcq_single', optionIds: ['a', 'b'] }],
      ['ANSWER_MULTIPLE_OPTIONS'],
    ],
    [
      'two options allowed for OMR-style mocks',
      [makeSingle('q'), { type: 'mcq_single', optionIds: ['a', 'b'] }, { allowMultipleMarks: true }],
      [],
    ],
    [
      'not a number',
      [makeNumerical('q', { kind: 'exact', value: 1 }), { type: 'numerical', value: '1,5' }],
      ['ANSWER_NOT_A_NUMBER'],
    ],
    [
      'decimal in an integer question',
      [
        makeNumerical('q', { kind: 'exact', value: 1 }, { integerOnly: true }),
        { type: 'numerical', value: '1.5' },
      ],
      ['ANSWER_NOT_INTEGER'],
    ],
    [
      'integer written 2.0 is an integer',
      [
        makeNumerical('q', { kind: 'exact', value: 1 }, { integerOnly: true }),
        { type: 'numerical', value: '2.0' },
      ],
      [],
    ],
    [
      'unknown matrix column',
      [
        makeMatrix('q', { p: ['1'], q: ['2'], r: ['3'], s: ['4'] }),
        { type: 'matrix_match', matches: { p: ['9'] } },
      ],
      ['ANSWER_UNKNOWN_COLUMN'],
    ],
    [
      'unknown matrix row',
      [
        makeMatrix('q', { p: ['1'], q: ['2'], r: ['3'], s: ['4'] }),
        { type: 'matrix_match', matches: { z: ['1'] } },
      ],
      ['ANSWER_UNKNOWN_ROW'],
    ],
    [
      'two columns where one is allowed',
      [
        makeMatrix('q', { p: ['1'], q: ['2'], r: ['3'], s: ['4'] }, false),
        { type: 'matrix_match', matches: { p: ['1', '2'] } },
      ],
      ['ANSWER_MULTIPLE_PER_ROW'],
    ],
    [
      'assertion-reason unknown option',
      [makeAssertionReason('q'), { type: 'assertion_reason', optionId: 'e' } as unknown as Answer],
      ['ANSWER_UNKNOWN_OPTION'],
    ],
    ['TITA too long', [makeTita('q', ['1']), { type: 'tita', text: 'x'.repeat(201) }], ['ANSWER_TOO_LONG']],
  ])('%s', (_name, args, expected) => {
    expect(codes(...args)).toEqual(expected);
  });
});

describe('empty answers', () => {
  it.each<[Answer | null, boolean]>([
    [null, true],
    [{ type: 'mcq_single', optionIds: [] }, true],
    [{ type: 'numerical', value: '  ' }, true],
    [{ type: 'tita', text: '' }, true],
    [{ type: 'matrix_match', matches: { p: [] } }, true],
    [{ type: 'numerical', value: '0' }, false],
    [{ type: 'matrix_match', matches: { p: ['1'] } }, false],
    [{ type: 'assertion_reason', optionId: 'assertion_true_reason_false' }, false],
  ])('%j -> %s', (answer, expected) => {
    expect(isAnswerEmpty(answer)).toBe(expected);
  });
});

describe('NTA palette states', () => {
  it('has the five states and evaluates exactly the two answered ones', () => {
    expect(PALETTE_STATES).toHaveLength(5);
    expect(PALETTE_STATES.filter(isEvaluated)).toEqual(['answered', 'answered_marked_for_review']);
  });

  it.each([
    [{ isVisited: false, hasAnswer: false, isMarkedForReview: false }, 'not_visited'],
    [{ isVisited: true, hasAnswer: false, isMarkedForReview: false }, 'not_answered'],
    [{ isVisited: true, hasAnswer: true, isMarkedForReview: false }, 'answered'],
    [{ isVisited: true, hasAnswer: false, isMarkedForReview: true }, 'marked_for_review'],
    [{ isVisited: true, hasAnswer: true, isMarkedForReview: true }, 'answered_marked_for_review'],
  ] as const)('%j -> %s', (input, state) => {
    expect(derivePaletteState(input)).toBe(state);
  });
});
