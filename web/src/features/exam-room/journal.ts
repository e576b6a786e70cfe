// The local journal (integrity rule 4): every answer change is written here before it is sent, so
// nothing typed during an outage or before a crash is lost. One database per browser profile;
// entries are keyed by attempt and question, and only the newest seq of a question is kept.
// Proctoring events (issue 14) are journalled the same way, keyed by attempt and event id.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ClientEvent } from './proctoring/kinds';
import type { PaperResponse, SavedAnswer } from './types';

export interface JournalEntry extends SavedAnswer {
  attemptId: string;
  /** True until the server acknowledged this seq (saved or superseded) or refused it for good. */
  isPending: boolean;
}

interface Meta {
  attemptId: string;
  seq: number;
  currentQuestionId?: string;
}

export interface EventEntry extends ClientEvent {
  attemptId: string;
  /** True until the server acknowledged this version of the event (its durationMs and evidenceId). */
  isPending: boolean;
}

interface ExamJournalDb extends DBSchema {
  answers: { key: [string, string]; value: JournalEntry; indexes: { byAttempt: string } };
  meta: { key: string; value: Meta };
  papers: { key: string; value: { attemptId: string; response: PaperResponse } };
  events: { key: [string, string]; value: EventEntry; indexes: { byAttempt: string } };
}

const JOURNAL_VERSION = 2;
let dbPromise: Promise<IDBPDatabase<ExamJournalDb>> | null = null;

function openJournal(): Promise<IDBPDatabase<ExamJournalDb>> {
  dbPromise ??= openDB<ExamJournalDb>('examtech-exam-journal', JOURNAL_VERSION, {
    // Step by step from the version this browser has, so a journal from before proctoring keeps its
    // answers (a candidate may reload into the new build in the middle of an exam).
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const answers = db.createObjectStore('answers', { keyPath: ['attemptId', 'questionId'] });
        answers.createIndex('byAttempt', 'attemptId');
        db.createObjectStore('meta', { keyPath: 'attemptId' });
        db.createObjectStore('papers', { keyPath: 'attemptId' });
      }
      if (oldVersion < 2) {
        const events = db.createObjectStore('events', { keyPath: ['attemptId', 'id'] });
        events.createIndex('byAttempt', 'attemptId');
      }
    },
    // Another tab (a newer build) wants to upgrade: let it, and open again on the next call here.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      dbPromise = null;
    },
  });
  return dbPromise;
}

/** Closes the journal; the next call opens it again (a reload, as far as the database is concerned). */
export async function closeJournal(): Promise<void> {
  const open = dbPromise;
  dbPromise = null;
  if (open) (await open).close();
}

export async function listJournal(attemptId: string): Promise<JournalEntry[]> {
  const db = await openJournal();
  return db.getAllFromIndex('answers', 'byAttempt', attemptId);
}

/** Writes an entry unless the journal already holds a newer seq for that question. */
export async function writeJournal(entry: JournalEntry): Promise<void> {
  const db = await openJournal();
  const tx = db.transaction(['answers', 'meta'], 'readwrite');
  const answers = tx.objectStore('answers');
  const existing = await answers.get([entry.attemptId, entry.questionId]);
  if (!existing || existing.seq <= entry.seq) await answers.put(entry);
  const meta = tx.objectStore('meta');
  const current = await meta.get(entry.attemptId);
  if (!current || current.seq < entry.seq)
    await meta.put({ ...current, attemptId: entry.attemptId, seq: entry.seq });
  await tx.done;
}

/** Marks a seq as settled; a newer seq of the same question stays pending. */
export async function settleJournal(attemptId: string, questionId: string, seq: number): Promise<void> {
  const db = await openJournal();
  const tx = db.transaction('answers', 'readwrite');
  const existing = await tx.store.get([attemptId, questionId]);
  if (existing && existing.seq === seq && existing.isPending)
    await tx.store.put({ ...existing, isPending: false });
  await tx.done;
}

export async function readMeta(attemptId: string): Promise<Meta | undefined> {
  return (await openJournal()).get('meta', attemptId);
}

export async function rememberQuestion(attemptId: string, questionId: string): Promise<void> {
  const db = await openJournal();
  const tx = db.transaction('meta', 'readwrite');
  const current = await tx.store.get(attemptId);
  await tx.store.put({ seq: 0, ...current, attemptId, currentQuestionId: questionId });
  await tx.done;
}

export async function cachePaper(attemptId: string, response: PaperResponse): Promise<void> {
  await (await openJournal()).put('papers', { attemptId, response });
}

export async function readCachedPaper(attemptId: string): Promise<PaperResponse | undefined> {
  return (await (await openJournal()).get('papers', attemptId))?.response;
}

/** The proctoring events of an attempt not yet acknowledged by the server. */
export async function listPendingEvents(attemptId: string): Promise<EventEntry[]> {
  const db = await openJournal();
  return (await db.getAllFromIndex('events', 'byAttempt', attemptId)).filter((e) => e.isPending);
}

/**
 * Writes an event. A later write of the same id only ever lengthens it or adds its evidence, so a
 * late, shorter re-send cannot undo what was journalled; either makes it pending again.
 */
export async function writeEvent(entry: EventEntry): Promise<void> {
  const db = await openJournal();
  const tx = db.transaction('events', 'readwrite');
  const existing = await tx.store.get([entry.attemptId, entry.id]);
  if (!existing) await tx.store.put(entry);
  else {
    const merged: EventEntry = {
      ...existing,
      durationMs: Math.max(existing.durationMs, entry.durationMs),
      evidenceId: existing.evidenceId ?? entry.evidenceId,
    };
    if (merged.durationMs !== existing.durationMs || merged.evidenceId !== existing.evidenceId)
      await tx.store.put({ ...merged, isPending: true });
  }
  await tx.done;
}

/** Marks the version the server acknowledged as settled; a longer version written since stays pending. */
export async function settleEvent(attemptId: string, sent: ClientEvent): Promise<void> {
  const db = await openJournal();
  const tx = db.transaction('events', 'readwrite');
  const existing = await tx.store.get([attemptId, sent.id]);
  if (
    existing?.isPending &&
    existing.durationMs === sent.durationMs &&
    existing.evidenceId === sent.evidenceId
  )
    await tx.store.put({ ...existing, isPending: false });
  await tx.done;
}
