// The exam room's NTA button semantics and reload merge, as a candidate sees them in the palette.
import type { Answer } from '@examtech/core';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../src/features/exam-room/journal';
import {
  countStates,
  editState,
  enterQuestion,
  leaveState,
  mergeAnswers,
  saveState,
} from '../src/features/exam-room/session-model';
import type { SavedAnswer } from '../src/features/exam-room/types';

const optionB: Answer = { type: 'mcq_single', optionIds: ['b'] };
const optionC: Answer = { type: 'mcq_single', optionIds: ['c'] };
const noOption: Answer = { type: 'mcq_multi', optionIds: [] };

function saved(questionId: string, overrides: Partial<SavedAnswer> = {}): SavedAnswer {
  return { questionId, answer: null, state: 'not_answered', seq: 1, visits: 1, timeSpentMs: 0, ...overrides };
}

describe('the palette state each exam-room button leaves', () => {
  it('Save & Next with a chosen option is Answered; with nothing chosen it stays Not Answered', () => {
    expect(saveState(optionB, false)).toEqual({ answer: optionB, state: 'answered' });
    expect(saveState(null, false)).toEqual({ answer: null, state: 'not_answered' });
    // An empty multi-select is no answer: nothing is sent for evaluation.
    expect(saveState(noOption, false)).toEqual({ answer: null, state: 'not_answered' });
  });

  it('Mark for Review with an answer is Answered & Marked (evaluated); without one it is Marked', () => {
    expect(saveState(optionB, true)).toEqual({ answer: optionB, state: 'answered_marked_for_review' });
    expect(saveState(null, true)).toEqual({ answer: null, state: 'marked_for_review' });
  });

  it('choosing an option without saving leaves the question Not Answered', () => {
    expect(editState('not_answered', optionB)).toBe('not_answered');
    expect(editState('answered', optionC)).toBe('not_answered');
    expect(editState(undefined, optionB)).toBe('not_answered');
  });

  it('choosing or clearing an option of a marked question keeps it marked, answered or not', () => {
    expect(editState('marked_for_review', optionB)).toBe('answered_marked_for_review');
    expect(editState('answered_marked_for_review', null)).toBe('marked_for_review');
  });
});

describe('entering and leaving a question', () => {
  it('entering counts a visit and turns Not Visited into Not Answered, keeping the rest', () => {
    const before = { q1: saved('q1', { state: 'not_visited', visits: 0, seq: 0 }), q2: saved('q2') };
    const after = enterQuestion(before, 'q1');
    expect(after.q1).toMatchObject({ state: 'not_answered', visits: 1 });
    expect(after.q2).toBe(before.q2);
    expect(before.q1?.state).toBe('not_visited'); // the previous snapshot is not changed
  });

  it('entering a question never seen creates it; entering a saved one keeps its state and answer', () => {
    expect(enterQuestion({}, 'q9').q9).toMatchObject({
      state: 'not_answered',
      visits: 1,
      seq: 0,
      answer: null,
    });
    const answered = saved('q1', { state: 'answered', answer: optionB, visits: 2, timeSpentMs: 5_000 });
    expect(enterQuestion({ q1: answered }, 'q1').q1).toMatchObject({
      state: 'answered',
      answer: optionB,
      visits: 3,
      timeSpentMs: 5_000,
    });
  });

  it('leaving after changing a saved answer without saving puts the saved answer back', () => {
    const committed = { answer: optionB, state: 'answered' as const };
    const onScreen = saved('q1', { answer: optionC, state: 'not_answered' });
    expect(leaveState(onScreen, committed)).toEqual(committed);
  });

  it('leaving an unchanged or never-saved question records what is on screen', () => {
    const committed = { answer: optionB, state: 'answered' as const };
    expect(leaveState(saved('q1', { answer: optionB, state: 'answered' }), committed)).toEqual(committed);
    expect(leaveState(saved('q1', { answer: optionC }), undefined)).toEqual({
      answer: optionC,
      state: 'not_answered',
    });
    expect(leaveState(undefined, undefined)).toEqual({ answer: null, state: 'not_answered' });
    expect(leaveState(saved('q1', { state: 'not_visited' }), undefined).state).toBe('not_answered');
  });
});

describe('after a reload: the server copy and the local journal', () => {
  const entry = (questionId: string, seq: number, isPending: boolean, answer: Answer): JournalEntry => ({
    ...saved(questionId, { seq, answer, state: 'answered' }),
    attemptId: 'attempt-1',
    isPending,
  });

  it('the higher seq wins per question, and only pending newer entries are sent again', () => {
    const server = [saved('q1', { seq: 4, answer: optionB, state: 'answered' }), saved('q2', { seq: 2 })];
    const journal = [
      entry('q1', 3, true, optionC), // older than the server's copy: ignored
      entry('q2', 5, true, optionC), // typed offline: shown and resent
      entry('q3', 6, false, optionB), // already acknowledged: shown, not resent
    ];
    const merged = mergeAnswers(server, journal, 6);
    expect(merged.responses.q1?.answer).toEqual(optionB);
    expect(merged.responses.q2).toMatchObject({ answer: optionC, seq: 5 });
    expect(merged.responses.q3?.answer).toEqual(optionB);
    expect(merged.responses.q2).not.toHaveProperty('isPending');
    expect(merged.unsent.map((e) => e.questionId)).toEqual(['q2']);
    expect(merged.lastSeq).toBe(6);
  });

  it('the next seq continues after the highest one known anywhere', () => {
    expect(mergeAnswers([saved('q1', { seq: 9 })], [], 3).lastSeq).toBe(9);
    expect(mergeAnswers([], [], 12).lastSeq).toBe(12);
  });
});

describe('the palette legend counts', () => {
  it('counts each question of a section under its state', () => {
    const states: Record<string, 'answered' | 'marked_for_review'> = {
      q1: 'answered',
      q3: 'marked_for_review',
    };
    const counts = countStates(['q1', 'q2', 'q3'], (id) => states[id] ?? 'not_visited');
    expect(counts).toEqual({
      not_visited: 1,
      not_answered: 0,
      answered: 1,
      marked_for_review: 1,
      answered_marked_for_review: 0,
    });
  });
});
