// The question editor's draft: every language stays aligned with the shared choice ids, a key never
// points at a removed choice, and a draft round-trips to the core model that the server validates.
import { validateQuestion, type Classification, type Question } from '@examtech/core';
import { describe, expect, it } from 'vitest';
import {
  createDraft,
  fromQuestion,
  toQuestion,
  type QuestionDraft,
} from '../src/features/question-bank/draft';
import {
  addChoice,
  moveChoice,
  removeChoice,
  setChoiceText,
  setLanguageEnabled,
  setText,
} from '../src/features/question-bank/draft-ops';

const classification: Classification = {
  subject: 'Physics',
  chapter: 'Kinematics',
  topic: 'Motion in a line',
};
const topic = { subjectId: 's1', chapterId: 'c1', topicId: 't1' };

function filledMcq(): QuestionDraft {
  let draft = createDraft();
  draft = setText(draft, 'en', 'stem', 'Which is a vector?');
  draft = setText(draft, 'hi', 'stem', 'सदिश कौन-सा है?');
  ['Speed', 'Velocity', 'Mass', 'Time'].forEach((text, index) => {
    draft = setChoiceText(draft, 'en', 'options', index, text);
  });
  ['चाल', 'वेग', 'द्रव्यमान', 'समय'].forEach((text, index) => {
    draft = setChoiceText(draft, 'hi', 'options', index, text);
  });
  return { ...draft, singleKey: 'b' };
}

describe('choice operations keep every language aligned', () => {
  it('adding an option gives it the next free id and an empty text in every language', () => {
    const draft = addChoice(filledMcq(), 'options');
    expect(draft.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(draft.content.en.options).toEqual(['Speed', 'Velocity', 'Mass', 'Time', '']);
    expect(draft.content.hi.options).toHaveLength(5);
  });

  it('removing the keyed option removes its text in both languages and clears the key', () => {
    const draft = removeChoice(filledMcq(), 'options', 1);
    expect(draft.options.map((o) => o.id)).toEqual(['a', 'c', 'd']);
    expect(draft.content.en.options).toEqual(['Speed', 'Mass', 'Time']);
    expect(draft.content.hi.options).toEqual(['चाल', 'द्रव्यमान', 'समय']);
    expect(draft.singleKey).toBeNull();
    // Another option removed keeps the key.
    expect(removeChoice(filledMcq(), 'options', 3).singleKey).toBe('b');
  });

  it('removing a matrix column drops it from every row of the key', () => {
    const draft = { ...createDraft(), type: 'matrix_match' as const, matrixKey: { p: ['1', '2'], q: ['2'] } };
    const next = removeChoice(draft, 'columns', 1);
    expect(next.columns).toEqual(['1', '3', '4']);
    expect(next.matrixKey).toEqual({ p: ['1'], q: [] });
    expect(removeChoice(draft, 'rows', 0).matrixKey).toEqual({ q: ['2'] });
  });

  it('moving an option carries its id, so the key still names the same answer', () => {
    const draft = moveChoice(filledMcq(), 'options', 1, -1);
    expect(draft.options.map((o) => o.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(draft.content.en.options.slice(0, 2)).toEqual(['Velocity', 'Speed']);
    expect(draft.content.hi.options.slice(0, 2)).toEqual(['वेग', 'चाल']);
    expect(draft.singleKey).toBe('b');
    // Past either end nothing moves.
    expect(moveChoice(filledMcq(), 'options', 0, -1).options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('the last language cannot be switched off', () => {
    const englishOnly = setLanguageEnabled(createDraft(), 'hi', false);
    expect(englishOnly.languages).toEqual(['en']);
    expect(setLanguageEnabled(englishOnly, 'en', false).languages).toEqual(['en']);
    expect(setLanguageEnabled(englishOnly, 'hi', true).languages).toEqual(['en', 'hi']);
  });
});

describe('draft ⇄ core question', () => {
  it('a filled two-language MCQ is a valid core question with the chosen key', () => {
    const question = toQuestion(filledMcq(), classification);
    expect(validateQuestion(question)).toEqual([]);
    expect(question).toMatchObject({ type: 'mcq_single', key: { optionId: 'b' } });
    expect(Object.keys(question.content)).toEqual(['en', 'hi']);
    expect(question.content.hi?.options?.[1]).toEqual({ id: 'b', text: 'वेग' });
  });

  it('a switched-off language is not saved', () => {
    const question = toQuestion(setLanguageEnabled(filledMcq(), 'hi', false), classification);
    expect(Object.keys(question.content)).toEqual(['en']);
  });

  it('an unanswered key is reported by the core, not silently saved', () => {
    const question = toQuestion({ ...filledMcq(), singleKey: null }, classification);
    expect(validateQuestion(question).length).toBeGreaterThan(0);
  });

  it('a saved question opens in the editor as it was and saves back unchanged', () => {
    const original = toQuestion(filledMcq(), classification);
    const reopened = fromQuestion(original, topic);
    expect(reopened.topic).toEqual(topic);
    expect(reopened.content.hi.options).toEqual(['चाल', 'वेग', 'द्रव्यमान', 'समय']);
    expect(toQuestion(reopened, classification)).toEqual(original);
  });

  it('a numerical question with a tolerance keeps its key and format through a round trip', () => {
    const saved: Question = {
      ...toQuestion(setLanguageEnabled(filledMcq(), 'hi', false), classification),
      type: 'numerical',
      format: { decimals: 2, rounding: 'round' },
      key: { kind: 'tolerance', value: '9.81', tolerance: '0.05' },
      content: { en: { stem: 'g in m/s²?' } },
    };
    const reopened = fromQuestion(saved, topic);
    expect(reopened.languages).toEqual(['en']);
    expect(reopened.numericalKey).toMatchObject({ kind: 'tolerance', value: '9.81', tolerance: '0.05' });
    expect(toQuestion(reopened, classification)).toMatchObject({
      type: 'numerical',
      key: { kind: 'tolerance', value: '9.81', tolerance: '0.05' },
      format: { decimals: 2, rounding: 'round' },
    });
  });
});
