import { findResultReleaseTime, type ResultReleaseFacts } from '@examtech/core';
import type { Db, Tx } from '../../platform/db/database.js';
import type { ExamSettings } from './exam-draft.js';
import * as repo from './exam-repo.js';

/**
 * When an exam's results (and with them its keys) are released, for everyone who asks: the
 * result page, a result's images, the question bank's reservations, the release service and key
 * revisions, and (through the exam directory's findReleases) progress and the students' results.
 * The rule itself is the core's findResultReleaseTime; this file only gathers its facts.
 */

type Conn = Db | Tx;

/**
 * How long after a scheduled exam's last deadline answers can still arrive: saves in flight
 * (15 s, the attempts' SAVE_GRACE_MS) and an offline journal typed before the deadline (30 min,
 * OFFLINE_SYNC_WINDOW_MS). Releasing keys earlier would let a candidate still "offline" answer
 * with them. Kept as a number here because attempts import this module.
 */
export const ANSWERS_SETTLE_MS = 15_000 + 30 * 60_000;

export type ExamRelease = {
  /** null: no release time yet (manual release, or not scheduled). */
  releasesAt: Date | null;
  /** The rule's facts, for the release service's checks. */
  facts: ResultReleaseFacts;
  isReleased: boolean;
  /** Keys and solutions go with a released result only when the exam's setting allows it. */
  showsAnswerKey: boolean;
};

type ReleaseRow = {
  kind: 'practice' | 'scheduled';
  settings: unknown;
  endsAt: Date | null;
  releasedAt: Date | null;
};

export function decideRelease(row: ReleaseRow, now: number): ExamRelease {
  const settings = row.settings as ExamSettings;
  const facts: ResultReleaseFacts = {
    kind: row.kind,
    release: settings.resultRelease,
    // endsAt: the window's last start + duration + the largest compensatory time (schedule-service).
    answersFinalAt: row.endsAt ? row.endsAt.getTime() + ANSWERS_SETTLE_MS : null,
    releasedAt: row.releasedAt?.getTime() ?? null,
  };
  const at = findResultReleaseTime(facts);
  return {
    releasesAt: at === null ? null : new Date(at),
    facts,
    isReleased: at !== null && now >= at,
    showsAnswerKey: settings.showAnswerKeyAfterRelease,
  };
}

/** The release of each given exam, by exam id. */
export async function findExamReleases(
  db: Conn,
  examIds: readonly string[],
  now: number,
): Promise<Map<string, ExamRelease>> {
  const unique = [...new Set(examIds)];
  if (unique.length === 0) return new Map();
  const rows = await repo.findReleaseFacts(db, unique);
  return new Map(rows.map((row) => [row.id, decideRelease(row, now)]));
}

export type Reservation = { examId: string; title: string; releasesAt: Date | null };

/**
 * Questions reserved by the institute's published exams whose results are not released yet,
 * by question id (a question in two such exams lists both). A reserved question is never drawn
 * into a practice test: its key would come back with the practice result.
 */
export async function findReservedQuestions(
  db: Conn,
  instituteId: string,
  now: number,
): Promise<Map<string, Reservation[]>> {
  const published = await repo.listPublishedScheduledExams(db, instituteId);
  const pending = published.filter((row) => !decideRelease(row, now).isReleased);
  if (pending.length === 0) return new Map();
  const snapshots = await repo.findSnapshotQuestionIds(
    db,
    pending.map((row) => row.snapshotId as string),
  );
  const questionsOf = new Map(snapshots.map((s) => [s.id, s.questionIds]));
  const reserved = new Map<string, Reservation[]>();
  for (const row of pending) {
    const reservation = { examId: row.id, title: row.title, releasesAt: decideRelease(row, now).releasesAt };
    for (const questionId of questionsOf.get(row.snapshotId as string) ?? [])
      reserved.set(questionId, [...(reserved.get(questionId) ?? []), reservation]);
  }
  return reserved;
}
