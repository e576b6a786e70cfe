import type { ProctorDecision, ProctorEventKind, TrustWeights } from '@examtech/core';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import {
  proctorActions,
  proctorDecisions,
  proctorEvents,
  proctorEvidence,
  proctorEvidenceViews,
  proctorWeights,
} from './proctoring-tables.js';
import type { EvidenceKind, ProctorActionKind } from './proctoring-types.js';

type Conn = Db | Tx;
export type EventRow = typeof proctorEvents.$inferSelect;
export type EvidenceRow = typeof proctorEvidence.$inferSelect;
export type ActionRow = typeof proctorActions.$inferSelect;
export type DecisionRow = typeof proctorDecisions.$inferSelect;

export type EventWrite = {
  attemptId: string;
  id: string;
  examId: string;
  kind: ProctorEventKind;
  startedAt: Date;
  durationMs: number;
  questionId: string | null;
  evidenceId: string | null;
};

/**
 * Stores events idempotently by (attempt, client id). A resend of an event still lasting keeps the
 * longest duration and the first evidence. Returns the ids that were new rows.
 */
export async function upsertEvents(db: Conn, writes: EventWrite[], receivedAt: Date): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const rows = await db
    .insert(proctorEvents)
    .values(writes.map((w) => ({ ...w, receivedAt })))
    .onConflictDoUpdate({
      target: [proctorEvents.attemptId, proctorEvents.id],
      set: {
        durationMs: sql`greatest(${proctorEvents.durationMs}, excluded.duration_ms)`,
        evidenceId: sql`coalesce(${proctorEvents.evidenceId}, excluded.evidence_id)`,
      },
    })
    // xmax = 0 only on a freshly inserted row.
    .returning({ id: proctorEvents.id, isNew: sql<boolean>`(xmax = 0)` });
  return new Set(rows.filter((r) => r.isNew).map((r) => r.id));
}

export type KindTotal = { attemptId: string; kind: ProctorEventKind; count: number; durationMs: number };

/**
 * Per attempt and kind: how many events and how long in total (the trust score's input), for some
 * attempts or for every attempt of an exam.
 */
export async function sumEventsByKind(
  db: Conn,
  of: { attemptIds: readonly string[] } | { examId: string },
): Promise<KindTotal[]> {
  if ('attemptIds' in of && of.attemptIds.length === 0) return [];
  const rows = await db
    .select({
      attemptId: proctorEvents.attemptId,
      kind: proctorEvents.kind,
      count: sql<number>`count(*)::int`,
      durationMs: sql<number>`coalesce(sum(${proctorEvents.durationMs}), 0)::bigint`,
    })
    .from(proctorEvents)
    .where(
      'examId' in of
        ? eq(proctorEvents.examId, of.examId)
        : inArray(proctorEvents.attemptId, [...of.attemptIds]),
    )
    .groupBy(proctorEvents.attemptId, proctorEvents.kind);
  return rows.map((r) => ({ ...r, count: Number(r.count), durationMs: Number(r.durationMs) }));
}

export function listEvents(db: Conn, attemptId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(proctorEvents)
    .where(eq(proctorEvents.attemptId, attemptId))
    .orderBy(asc(proctorEvents.startedAt));
}

export async function insertEvidence(
  db: Conn,
  row: Omit<EvidenceRow, 'status' | 'id'> & { id: string },
): Promise<EvidenceRow> {
  const [inserted] = await db.insert(proctorEvidence).values(row).returning();
  return inserted!;
}

export async function findEvidence(db: Conn, id: string): Promise<EvidenceRow | null> {
  const [row] = await db.select().from(proctorEvidence).where(eq(proctorEvidence.id, id));
  return row ?? null;
}

export async function markEvidenceStored(db: Conn, id: string): Promise<void> {
  await db.update(proctorEvidence).set({ status: 'stored' }).where(eq(proctorEvidence.id, id));
}

export function listEvidence(db: Conn, attemptId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(proctorEvidence)
    .where(and(eq(proctorEvidence.attemptId, attemptId), eq(proctorEvidence.status, 'stored')))
    .orderBy(asc(proctorEvidence.takenAt));
}

/** The newest stored snapshot of each attempt of the exam. */
export async function listLatestSnapshots(
  db: Conn,
  examId: string,
): Promise<{ attemptId: string; id: string; takenAt: Date }[]> {
  return db
    .selectDistinctOn([proctorEvidence.attemptId], {
      attemptId: proctorEvidence.attemptId,
      id: proctorEvidence.id,
      takenAt: proctorEvidence.takenAt,
    })
    .from(proctorEvidence)
    .where(
      and(
        eq(proctorEvidence.examId, examId),
        eq(proctorEvidence.kind, 'snapshot' satisfies EvidenceKind),
        eq(proctorEvidence.status, 'stored'),
      ),
    )
    .orderBy(proctorEvidence.attemptId, desc(proctorEvidence.takenAt));
}

/** Evidence created before `before`, oldest first (the retention job's batch). */
export function listExpiredEvidence(db: Conn, before: Date, limit: number) {
  return db
    .select({ id: proctorEvidence.id, storageKey: proctorEvidence.storageKey })
    .from(proctorEvidence)
    .where(lt(proctorEvidence.createdAt, before))
    .orderBy(asc(proctorEvidence.createdAt))
    .limit(limit);
}

export async function deleteEvidence(db: Conn, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(proctorEvidence).where(inArray(proctorEvidence.id, ids));
}

export async function insertAction(
  db: Conn,
  row: {
    attemptId: string;
    examId: string;
    actorId: string;
    kind: ProctorActionKind;
    reason: string;
    text: string | null;
    minutes: number | null;
    at: Date;
  },
): Promise<ActionRow> {
  const [inserted] = await db.insert(proctorActions).values(row).returning();
  return inserted!;
}

export function listActions(db: Conn, attemptId: string): Promise<ActionRow[]> {
  return db
    .select()
    .from(proctorActions)
    .where(eq(proctorActions.attemptId, attemptId))
    .orderBy(asc(proctorActions.at));
}

export async function upsertDecision(
  db: Conn,
  row: {
    attemptId: string;
    examId: string;
    decision: ProctorDecision;
    reason: string;
    decidedBy: string;
    decidedAt: Date;
  },
): Promise<DecisionRow> {
  const [saved] = await db
    .insert(proctorDecisions)
    .values(row)
    .onConflictDoUpdate({
      target: proctorDecisions.attemptId,
      set: { decision: row.decision, reason: row.reason, decidedBy: row.decidedBy, decidedAt: row.decidedAt },
    })
    .returning();
  return saved!;
}

export function listDecisions(db: Conn, examId: string): Promise<DecisionRow[]> {
  return db.select().from(proctorDecisions).where(eq(proctorDecisions.examId, examId));
}

export async function findDecision(db: Conn, attemptId: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(proctorDecisions).where(eq(proctorDecisions.attemptId, attemptId));
  return row ?? null;
}

export async function findWeights(db: Conn, examId: string): Promise<TrustWeights | null> {
  const [row] = await db.select().from(proctorWeights).where(eq(proctorWeights.examId, examId));
  return row?.weights ?? null;
}

export async function saveWeights(db: Conn, examId: string, weights: TrustWeights, by: string, at: Date) {
  await db
    .insert(proctorWeights)
    .values({ examId, weights, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: proctorWeights.examId, set: { weights, updatedBy: by, updatedAt: at } });
}

export async function logEvidenceView(
  db: Conn,
  row: { evidenceId: string; attemptId: string; viewerId: string; viewedAt: Date },
): Promise<void> {
  await db.insert(proctorEvidenceViews).values(row);
}

export async function countEvidenceViews(db: Conn, attemptId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proctorEvidenceViews)
    .where(eq(proctorEvidenceViews.attemptId, attemptId));
  return Number(row?.n ?? 0);
}
