import { describe, expect, it } from 'vitest';
import {
  applyRevision,
  applyRevisions,
  createAcceptAllOptionsRevision,
  CoreError,
  JEE_ADVANCED_SCHEMES,
  scoreAttempt,
  type Answer,
  type AttemptResponses,
} from '../src/index.js';
import { JEE_MAIN_LIKE, makeMulti, makeNumerical, makePaper, makeSection, makeSingle } from './fixtures.js';

const single = (id: string): { answer: Answer } => ({ answer: { type: 'mcq_single', optionIds: [id] } });
const paper = makePaper([
  makeSection('s', JEE_MAIN_LIKE, [makeSingle('q1', 'a'), makeSingle('q2', 'b'), makeSingle('q3', 'c')]),
]);
const marksOf = (revised: typeof paper, responses: AttemptResponses) =>
  scoreAttempt(revised, responses).questions.map((score) => score.marks);

describe('answer-key revisions (NTA rules)', () => {
  const candidates: Record<string, AttemptResponses> = {
    right: { q1: single('a') },
    wrong: { q1: single('d') },
    blank: {},
  };

  it('dropped question, award to everyone: +4 for all, even the blank', () => {
    const revised = applyRevision(paper, { kind: 'drop', questionId: 'q1', award: 'everyone' });
    for (const responses of Object.values(candidates)) {
      const first = scoreAttempt(revised, responses).questions[0];
      expect(first).toMatchObject({ marks: 4, outcome: 'bonus', reason: 'DROPPED_AWARDED' });
    }
  });

  it('dropped question, award to those who attempted: the blank gets 0', () => {
    const revised = applyRevision(paper, { kind: 'drop', questionId: 'q1', award: 'attempted' });
    expect(marksOf(revised, candidates.right ?? {})[0]).toBe(4);
    expect(marksOf(revised, candidates.wrong ?? {})[0]).toBe(4);
    expect(scoreAttempt(revised, {}).questions[0]).toMatchObject({
      marks: 0,
      reason: 'DROPPED_NOT_ATTEMPTED',
    });
  });

  it('several correct options: +4 to anyone who chose any of them', () => {
    const revised = applyRevision(paper, {
      kind: 'accept_keys',
      questionId: 'q1',
      keys: [{ optionId: 'a' }, { optionId: 'c' }],
    });
    expect(
      [single('a'), single('c'), single('b')].map((response) => marksOf(revised, { q1: response })[0]),
    ).toEqual([4, 4, -1]);
  });

  it('all options correct: everyone who attempted gets +4, the blank 0', () => {
    const revised = applyRevision(paper, createAcceptAllOptionsRevision(makeSingle('q1', 'a')));
    expect(['a', 'b', 'c', 'd'].map((id) => marksOf(revised, { q1: single(id) })[0])).toEqual([4, 4, 4, 4]);
    expect(marksOf(revised, {})[0]).toBe(0);
  });

  it('all options correct on a multi-correct question: any attempt gets full marks', () => {
    const multiPaper = makePaper([
      makeSection('m', JEE_ADVANCED_SCHEMES.multiCorrectPartial, [makeMulti('m1', ['a'])]),
    ]);
    const revised = applyRevision(multiPaper, createAcceptAllOptionsRevision(makeMulti('m1', ['a'])));
    expect(
      scoreAttempt(revised, { m1: { answer: { type: 'mcq_multi', optionIds: ['b', 'c'] } } }).total.marks,
    ).toBe(4);
    expect(scoreAttempt(revised, {}).total.marks).toBe(0);
  });

  it('changed key: the old key is now wrong, the new one right', () => {
    const revised = applyRevision(paper, { kind: 'change_key', questionId: 'q1', key: { optionId: 'b' } });
    expect(marksOf(revised, { q1: single('a') })[0]).toBe(-1);
    expect(marksOf(revised, { q1: single('b') })[0]).toBe(4);
  });

  it('changing a numerical key to a range', () => {
    const numericalPaper = makePaper([
      makeSection('n', JEE_MAIN_LIKE, [makeNumerical('n1', { kind: 'exact', value: 3 })]),
    ]);
    const revised = applyRevision(numericalPaper, {
      kind: 'change_key',
      questionId: 'n1',
      key: { kind: 'range', min: 3, max: 3.5 },
    });
    expect(scoreAttempt(revised, { n1: { answer: { type: 'numerical', value: '3.4' } } }).total.marks).toBe(
      4,
    );
  });

  it('never touches other questions, and leaves the original paper unchanged', () => {
    const responses: AttemptResponses = { q1: single('d'), q2: single('b'), q3: single('a') };
    const before = marksOf(paper, responses);
    const revised = applyRevisions(paper, [
      { kind: 'drop', questionId: 'q1', award: 'everyone' },
      { kind: 'change_key', questionId: 'q1', key: { optionId: 'd' } },
    ]);
    const after = marksOf(revised, responses);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(before).toEqual([-1, 4, -1]);
    expect(revised.sections[0]?.items[1]).toBe(paper.sections[0]?.items[1]);
    expect(paper.sections[0]?.items[0]?.revision).toBeUndefined();
  });

  it('rejects a revision for a question not in the paper or with a key naming a missing option', () => {
    expect(() => applyRevision(paper, { kind: 'drop', questionId: 'nope', award: 'everyone' })).toThrow(
      CoreError,
    );
    try {
      applyRevision(paper, { kind: 'change_key', questionId: 'q1', key: { optionId: 'z' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('REVISION_INVALID_KEY');
      expect((error as CoreError).issues[0]?.code).toBe('KEY_UNKNOWN_OPTION');
    }
    expect(() => applyRevision(paper, { kind: 'accept_keys', questionId: 'q1', keys: [] })).toThrow(
      /accepts no key/,
    );
  });
});
