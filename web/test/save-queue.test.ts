// What happens to answers saved while a proctor has paused the attempt (issue 14): the server
// answers ATTEMPT_PAUSED, and the answers must neither be lost nor shown as refused; once the
// attempt is resumed the very same saves go out again and settle.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  closeJournal,
  listJournal,
  writeJournal,
  type JournalEntry,
} from '../src/features/exam-room/journal';
import { PendingSaves } from '../src/features/exam-room/save-queue';
import type { SaveResult } from '../src/features/exam-room/types';

let counter = 0;
const newAttempt = () => `paused-attempt-${++counter}`;

function entry(attemptId: string, questionId: string, seq: number): JournalEntry {
  return {
    attemptId,
    questionId,
    seq,
    answer: { type: 'mcq_single', optionIds: ['a'] },
    state: 'answered',
    visits: 1,
    timeSpentMs: 0,
    isPending: true,
  };
}

async function journalled(saves: PendingSaves, attemptId: string, questionId: string, seq: number) {
  const e = entry(attemptId, questionId, seq);
  await writeJournal(e);
  saves.add(e);
}

const paused = (questionId: string, seq: number): SaveResult => ({
  questionId,
  seq,
  status: 'rejected',
  code: 'ATTEMPT_PAUSED',
});
const pendingInJournal = async (attemptId: string) =>
  (await listJournal(attemptId)).filter((e) => e.isPending).map((e) => [e.questionId, e.seq]);

describe('saves refused because the attempt is paused', () => {
  it('stay pending, are not shown as refused, and are not sent again until the attempt resumes', async () => {
    const attemptId = newAttempt();
    const saves = new PendingSaves(attemptId);
    await journalled(saves, attemptId, 'q1', 1);
    await journalled(saves, attemptId, 'q2', 2);
    const sent = saves.nextBatch(500);
    expect(sent.map((s) => s.questionId)).toEqual(['q1', 'q2']);

    expect(await saves.apply([paused('q1', 1), paused('q2', 2)])).toBe('held');
    expect([...saves.ids()]).toEqual(['q1', 'q2']);
    expect(saves.rejections()).toEqual({});
    expect(saves.nextBatch(500)).toEqual([]);
    expect(await pendingInJournal(attemptId)).toEqual([
      ['q1', 1],
      ['q2', 2],
    ]);
  });

  it('go out again, the same seqs, after the resume, and settle when saved', async () => {
    const attemptId = newAttempt();
    const saves = new PendingSaves(attemptId);
    await journalled(saves, attemptId, 'q1', 1);
    await saves.apply([paused('q1', 1)]);

    expect(saves.release()).toBe(true);
    const resent = saves.nextBatch(500);
    expect(resent.map((s) => [s.questionId, s.seq])).toEqual([['q1', 1]]);
    expect(await saves.apply([{ questionId: 'q1', seq: 1, status: 'saved' }])).toBe('done');
    expect(saves.size).toBe(0);
    expect(await pendingInJournal(attemptId)).toEqual([]);
  });

  it('survive a reload during the pause (the journal still holds them as pending)', async () => {
    const attemptId = newAttempt();
    const saves = new PendingSaves(attemptId);
    await journalled(saves, attemptId, 'q3', 5);
    await saves.apply([paused('q3', 5)]);
    await closeJournal();
    expect(await pendingInJournal(attemptId)).toEqual([['q3', 5]]);
  });

  it('unlike a refusal for good, which settles and is shown', async () => {
    const attemptId = newAttempt();
    const saves = new PendingSaves(attemptId);
    await journalled(saves, attemptId, 'q1', 1);
    await journalled(saves, attemptId, 'q2', 2);
    const outcome = await saves.apply([
      { questionId: 'q1', seq: 1, status: 'rejected', code: 'SECTION_CLOSED' },
      paused('q2', 2),
    ]);
    expect(outcome).toBe('held');
    expect(saves.rejections()).toEqual({ q1: 'SECTION_CLOSED' });
    expect([...saves.ids()]).toEqual(['q2']);
    expect(await pendingInJournal(attemptId)).toEqual([['q2', 2]]);
  });
});
