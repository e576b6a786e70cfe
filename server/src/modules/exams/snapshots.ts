import { applyRevisions, toCandidatePaper, type Paper } from '@examtech/core';
import type { Db, Tx } from '../../platform/db/database.js';
import type { ExamSettings } from './exam-draft.js';
import * as repo from './exam-repo.js';
import { listKeyRevisions } from './key-revision-repo.js';
import type { BankQuestion } from '../questions/question-bank-service.js';

/**
 * Published papers. A snapshot is written once, when an exam or practice test is published, and
 * never changes; that is what lets every reader share one cached copy. What is served is the
 * effective paper: the snapshot's paper plus its exam's key revisions in order (exam_key_revisions),
 * so a revision drops the exam's entries (`forgetExam`, on every instance).
 */

export type CachedPaper = {
  /** Full paper with keys and the exam's answer-key revisions applied: server only, for scoring. */
  paper: Paper;
  examId: string;
  /**
   * The candidate-safe paper, serialised and UTF-8 encoded once for every candidate of the exam: a
   * paper request copies these bytes instead of building and encoding a 12 KB string each time.
   */
  candidateJson: Buffer;
  /** Bank version of each question as frozen, for the builder's read-only view. */
  questionVersions: ReadonlyMap<string, number>;
  /** The proctoring settings as published: what the exam room watches and its thresholds. */
  proctoring: ExamSettings['proctoring'];
};

type SnapshotSettings = ExamSettings & { questionVersions: Record<string, number> };

/** Freezes `paper` (built from `loaded` current versions) as the exam's snapshot; returns its id. */
export async function freezeSnapshot(
  tx: Tx,
  input: {
    examId: string;
    instituteId: string;
    paper: Paper;
    loaded: ReadonlyMap<string, BankQuestion>;
    settings: ExamSettings;
    createdBy: string;
  },
): Promise<string> {
  const settings: SnapshotSettings = {
    ...input.settings,
    questionVersions: Object.fromEntries([...input.loaded].map(([id, q]) => [id, q.version])),
  };
  const snapshot = await repo.insertSnapshot(tx, {
    examId: input.examId,
    instituteId: input.instituteId,
    paper: input.paper,
    candidatePaper: toCandidatePaper(input.paper),
    settings,
    questionIds: [...input.loaded.keys()],
    createdBy: input.createdBy,
  });
  return snapshot.id;
}

/** Per-snapshot cache; the bound only limits memory when an instance serves many exams over its lifetime. */
export function createSnapshotCache(
  db: Db,
  maxEntries = 64,
  /** Hits and misses, for the metrics (`examtech_cache_requests_total{cache="snapshots"}`). */
  lookups?: { hit(): void; miss(): void },
) {
  const entries = new Map<string, Promise<CachedPaper>>();
  const examOf = new Map<string, string>();
  // A load that began before a forgetExam may have read the old revisions: it is not kept.
  let generation = 0;
  return {
    /** After a key revision: the exam's papers are read again, with it. */
    forgetExam(examId: string): void {
      generation += 1;
      for (const [snapshotId, owner] of examOf) {
        if (owner !== examId) continue;
        entries.delete(snapshotId);
        examOf.delete(snapshotId);
      }
    },

    get(snapshotId: string): Promise<CachedPaper> {
      let entry = entries.get(snapshotId);
      if (entry) {
        lookups?.hit();
        entries.delete(snapshotId);
        entries.set(snapshotId, entry);
        return entry;
      }
      lookups?.miss();
      const startedAt = generation;
      entry = repo.findSnapshot(db, snapshotId).then(async (row) => {
        if (!row) throw new Error(`snapshot ${snapshotId} not found`);
        examOf.set(snapshotId, row.examId);
        const revisions = await listKeyRevisions(db, row.examId);
        if (generation !== startedAt && entries.get(snapshotId) === entry) entries.delete(snapshotId);
        const paper = applyRevisions(
          row.paper,
          revisions.map((r) => r.revision),
        );
        const recorded = row.settings.questionVersions ?? {};
        return {
          paper,
          examId: row.examId,
          // Projected again rather than read from the row: a snapshot frozen before a fix to the
          // projection (solution-only images, issue 9) is served by today's rule.
          candidateJson: Buffer.from(JSON.stringify(toCandidatePaper(paper))),
          questionVersions: new Map(Object.entries(recorded)),
          proctoring: row.settings.proctoring,
        };
      });
      entry.catch(() => entries.delete(snapshotId));
      entries.set(snapshotId, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
        examOf.delete(oldest);
      }
      return entry;
    },
  };
}

export type SnapshotCache = ReturnType<typeof createSnapshotCache>;

/** Among `snapshotIds`, the papers that carry the image `assetId` (for the assets' access rule). */
export function findSnapshotsWithImage(
  db: Db,
  snapshotIds: readonly string[],
  assetId: string,
): Promise<string[]> {
  return repo.findSnapshotIdsWithImage(db, snapshotIds, assetId);
}
