// The proctoring events in the exam-room journal (issue 14), on an in-memory IndexedDB: a journal
// written by the build before proctoring upgrades without losing answers, events survive a reload,
// and only what the server acknowledged stops being sent.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  closeJournal,
  listJournal,
  listPendingEvents,
  readCachedPaper,
  settleEvent,
  writeEvent,
  type EventEntry,
} from '../src/features/exam-room/journal';

let counter = 0;
const newAttempt = () => `attempt-${++counter}`;

function event(
  attemptId: string,
  id: string,
  durationMs: number,
  extra: Partial<EventEntry> = {},
): EventEntry {
  return {
    attemptId,
    id,
    kind: 'tab_hidden',
    startedAt: 1_760_000_000_000,
    durationMs,
    questionId: 'q1',
    isPending: true,
    ...extra,
  };
}

describe('the proctoring event journal', () => {
  // Runs first: the database does not exist yet, so the old build's version 1 can be laid down.
  it('upgrades a journal of the build before proctoring and keeps its answers and paper', async () => {
    const old = await openDB('examtech-exam-journal', 1, {
      upgrade(db) {
        const answers = db.createObjectStore('answers', { keyPath: ['attemptId', 'questionId'] });
        answers.createIndex('byAttempt', 'attemptId');
        db.createObjectStore('meta', { keyPath: 'attemptId' });
        db.createObjectStore('papers', { keyPath: 'attemptId' });
      },
    });
    await old.put('answers', {
      attemptId: 'old-attempt',
      questionId: 'q1',
      seq: 4,
      answer: { type: 'mcq_single', optionIds: ['b'] },
      state: 'answered',
      visits: 1,
      timeSpentMs: 0,
      isPending: true,
    });
    await old.put('papers', { attemptId: 'old-attempt', response: { paper: { id: 'p' } } });
    old.close();

    expect((await listJournal('old-attempt')).map((e) => [e.questionId, e.seq, e.isPending])).toEqual([
      ['q1', 4, true],
    ]);
    expect(await readCachedPaper('old-attempt')).toEqual({ paper: { id: 'p' } });
    await writeEvent(event('old-attempt', 'e1', 0));
    expect((await listPendingEvents('old-attempt')).map((e) => e.id)).toEqual(['e1']);
  });

  it('still holds unsent events after the page is reloaded', async () => {
    const attemptId = newAttempt();
    await writeEvent(event(attemptId, 'e1', 0));
    await writeEvent(event(attemptId, 'e2', 0, { kind: 'copy' }));
    await closeJournal();
    const pending = await listPendingEvents(attemptId);
    expect(pending.map((e) => [e.id, e.kind])).toEqual([
      ['e1', 'tab_hidden'],
      ['e2', 'copy'],
    ]);
  });

  it('stops sending an event once the server acknowledged it', async () => {
    const attemptId = newAttempt();
    await writeEvent(event(attemptId, 'e1', 4_000));
    await settleEvent(attemptId, event(attemptId, 'e1', 4_000));
    expect(await listPendingEvents(attemptId)).toEqual([]);
  });

  it('keeps the longer duration pending when an older re-send is acknowledged after it', async () => {
    const attemptId = newAttempt();
    await writeEvent(event(attemptId, 'e1', 10_000));
    await writeEvent(event(attemptId, 'e1', 20_000));
    await settleEvent(attemptId, event(attemptId, 'e1', 10_000));
    expect((await listPendingEvents(attemptId)).map((e) => e.durationMs)).toEqual([20_000]);
    // A late write of the shorter version does not shorten it.
    await writeEvent(event(attemptId, 'e1', 10_000));
    expect((await listPendingEvents(attemptId)).map((e) => e.durationMs)).toEqual([20_000]);
  });

  it('sends a settled event again when its snapshot arrives later', async () => {
    const attemptId = newAttempt();
    await writeEvent(event(attemptId, 'e1', 0, { kind: 'paste' }));
    await settleEvent(attemptId, event(attemptId, 'e1', 0));
    await writeEvent(event(attemptId, 'e1', 0, { kind: 'paste', evidenceId: 'ev-1' }));
    expect((await listPendingEvents(attemptId)).map((e) => e.evidenceId)).toEqual(['ev-1']);
  });

  it('keeps each attempt apart', async () => {
    const [first, second] = [newAttempt(), newAttempt()];
    await writeEvent(event(first, 'e1', 0));
    expect(await listPendingEvents(second)).toEqual([]);
  });
});
