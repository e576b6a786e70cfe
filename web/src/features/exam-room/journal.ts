// The local journal (integrity rule 4): every answer change is written here before it is sent, so
// nothing typed during an outage or before a crash is lost. One database per browser profile;
// entries are keyed by attempt and question, and only the newest seq of a question is kept.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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

interface ExamJournalDb extends DBSchema {
  answers: { key: [string, string]; value: JournalEntry; indexes: { byAttempt: string } };
  meta: { key: string; value: Meta };
  papers: { key: string; value: { attemptId: string; response: PaperResponse } };
}

let dbPromise: Promise<IDBPDatabase<ExamJournalDb>> | null = null;

function openJournal(): Promise<IDBPDatabase<ExamJournalDb>> {
  dbPromise ??= openDB<ExamJournalDb>('examtech-exam-journal', 1, {
    upgrade(db) {
      const answers = db.createObjectStore('answers', { keyPath: ['attemptId', 'questionId'] });
      answers.createIndex('byAttempt', 'attemptId');
      db.createObjectStore('meta', { keyPath: 'attemptId' });
      db.createObjectStore('papers', { keyPath: 'attemptId' });
    },
  });
  return dbPromise;
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
