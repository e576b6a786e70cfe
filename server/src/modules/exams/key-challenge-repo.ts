import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examKeyChallenges, examProvisionalKeys } from './exam-tables.js';

type Conn = Db | Tx;
export type ProvisionalKeyRow = typeof examProvisionalKeys.$inferSelect;
export type KeyChallengeRow = typeof examKeyChallenges.$inferSelect;
export type ChallengeStatus = KeyChallengeRow['status'];

export async function findProvisionalKey(db: Conn, examId: string): Promise<ProvisionalKeyRow | null> {
  const [row] = await db.select().from(examProvisionalKeys).where(eq(examProvisionalKeys.examId, examId));
  return row ?? null;
}

/** Records the publication once: false when the exam's key was already published. */
export async function insertProvisionalKey(tx: Tx, values: ProvisionalKeyRow): Promise<boolean> {
  const rows = await tx
    .insert(examProvisionalKeys)
    .values(values)
    .onConflictDoNothing()
    .returning({ examId: examProvisionalKeys.examId });
  return rows.length > 0;
}

/** The exam's challenges, oldest first; only `userId`'s when given. */
export async function listChallenges(db: Conn, examId: string, userId?: string): Promise<KeyChallengeRow[]> {
  return db
    .select()
    .from(examKeyChallenges)
    .where(
      and(
        eq(examKeyChallenges.examId, examId),
        userId === undefined ? undefined : eq(examKeyChallenges.userId, userId),
      ),
    )
    .orderBy(asc(examKeyChallenges.createdAt), asc(examKeyChallenges.id));
}

export async function findChallenge(db: Conn, examId: string, id: string): Promise<KeyChallengeRow | null> {
  const [row] = await db
    .select()
    .from(examKeyChallenges)
    .where(and(eq(examKeyChallenges.examId, examId), eq(examKeyChallenges.id, id)));
  return row ?? null;
}

/** The statuses of a candidate's challenges of one question (withdrawn ones included). */
export async function listStatusesOf(
  db: Conn,
  examId: string,
  questionId: string,
  userId: string,
): Promise<ChallengeStatus[]> {
  const rows = await db
    .select({ status: examKeyChallenges.status })
    .from(examKeyChallenges)
    .where(
      and(
        eq(examKeyChallenges.examId, examId),
        eq(examKeyChallenges.questionId, questionId),
        eq(examKeyChallenges.userId, userId),
      ),
    );
  return rows.map((r) => r.status);
}

/** Stores a challenge; null when the candidate already has one standing (the partial unique index). */
export async function insertChallenge(
  db: Conn,
  values: Omit<
    KeyChallengeRow,
    'id' | 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'revisionId'
  >,
): Promise<KeyChallengeRow | null> {
  const [row] = await db.insert(examKeyChallenges).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Withdraws a pending challenge of its owner; false when it was no longer pending. */
export async function markWithdrawn(db: Conn, id: string, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(examKeyChallenges)
    .set({ status: 'withdrawn', decidedAt: at })
    .where(
      and(
        eq(examKeyChallenges.id, id),
        eq(examKeyChallenges.userId, userId),
        eq(examKeyChallenges.status, 'pending'),
      ),
    )
    .returning({ id: examKeyChallenges.id });
  return rows.length > 0;
}

/** Decides every pending challenge of a question at once; returns the challengers (none: nothing was pending). */
export async function decidePending(
  tx: Tx,
  examId: string,
  questionId: string,
  decision: {
    status: 'accepted' | 'rejected';
    decidedBy: string;
    decidedAt: Date;
    decisionReason: string;
    revisionId: string | null;
  },
): Promise<string[]> {
  const rows = await tx
    .update(examKeyChallenges)
    .set(decision)
    .where(
      and(
        eq(examKeyChallenges.examId, examId),
        eq(examKeyChallenges.questionId, questionId),
        eq(examKeyChallenges.status, 'pending'),
      ),
    )
    .returning({ userId: examKeyChallenges.userId });
  return rows.map((r) => r.userId);
}

/** How many challenges of the question are pending (read before deciding, to refuse early). */
export async function countPending(db: Conn, examId: string, questionId: string): Promise<number> {
  const rows = await db
    .select({ id: examKeyChallenges.id })
    .from(examKeyChallenges)
    .where(
      and(
        eq(examKeyChallenges.examId, examId),
        eq(examKeyChallenges.questionId, questionId),
        eq(examKeyChallenges.status, 'pending'),
      ),
    );
  return rows.length;
}
