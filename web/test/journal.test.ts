// The local journal (integrity rule 4) on an in-memory IndexedDB: what a reload finds after an outage.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  cachePaper,
  listJournal,
  readCachedPaper,
  readMeta,
  rememberQuestion,
  settleJournal,
  writeJournal,
  type JournalEntry,
} from '../src/features/exam-room/journal';
import type { PaperResponse } from '../src/features/exam-room/types';

let attempts = 0;
const newAttempt = () => `attempt-${++attempts}`;

function entry(attemptId: string, questionId: string, seq: number, optionId = 'a'): JournalEntry {
  return {
    attemptId,
    questionId,
    seq,
    answer: { type: 'mcq_single', optionIds: [optionId] },
    state: 'answered',
    visits: 1,
    timeSpentMs: 0,
    isPending: true,
  };
}

describe('the exam-room journal', () => {
  it('keeps the newest seq of each question; an older write arriving late does not undo it', async () => {
    const attemptId = newAttempt();
    await writeJournal(entry(attemptId, 'q1', 2, 'b'));
    await writeJournal(entry(attemptId, 'q1', 1, 'a'));
    await writeJournal(entry(attemptId, 'q2', 3, 'c'));
    const entries = await listJournal(attemptId);
    expect(entries.map((e) => [e.questionId, e.seq, e.answer])).toEqual([
      ['q1', 2, { type: 'mcq_single', optionIds: ['b'] }],
      ['q2', 3, { type: 'mcq_single', optionIds: ['c'] }],
    ]);
    expect((await readMeta(attemptId))?.seq).toBe(3);
  });

  it('keeps each attempt apart', async () => {
    const [first, second] = [newAttempt(), newAttempt()];
    await writeJournal(entry(first, 'q1', 1));
    expect(await listJournal(second)).toEqual([]);
    expect(await readMeta(second)).toBeUndefined();
  });

  it('settling a seq stops it being resent, but a newer change of that question stays pending', async () => {
    const attemptId = newAttempt();
    await writeJournal(entry(attemptId, 'q1', 1));
    await writeJournal(entry(attemptId, 'q2', 2));
    await settleJournal(attemptId, 'q1', 1);
    await writeJournal(entry(attemptId, 'q2', 3));
    await settleJournal(attemptId, 'q2', 2); // acknowledged, but superseded by seq 3
    const pending = (await listJournal(attemptId)).filter((e) => e.isPending).map((e) => e.questionId);
    expect(pending).toEqual(['q2']);
  });

  it('remembers the question the candidate was on without losing the seq counter', async () => {
    const attemptId = newAttempt();
    await rememberQuestion(attemptId, 'q7');
    expect(await readMeta(attemptId)).toEqual({ attemptId, seq: 0, currentQuestionId: 'q7' });
    await writeJournal(entry(attemptId, 'q1', 4));
    await rememberQuestion(attemptId, 'q2');
    expect(await readMeta(attemptId)).toEqual({ attemptId, seq: 4, currentQuestionId: 'q2' });
  });

  it('keeps the paper for an offline reload', async () => {
    const attemptId = newAttempt();
    const paper = { paper: { id: 'exam-1' }, order: { sections: [] } } as unknown as PaperResponse;
    expect(await readCachedPaper(attemptId)).toBeUndefined();
    await cachePaper(attemptId, paper);
    expect(await readCachedPaper(attemptId)).toEqual(paper);
  });
});
