import { toCandidatePaper, type Paper } from '@examtech/core';
import type { Db } from '../../platform/db/database.js';
import * as examRepo from '../exams/exam-repo.js';

export type CachedPaper = {
  /** Full paper with keys: server only, for validation and scoring. */
  paper: Paper;
  /** The candidate-safe paper, serialised once for every candidate of the exam. */
  candidateJson: string;
};

/**
 * Per-snapshot cache. Snapshots never change, so entries never go stale; the bound only limits
 * memory when an instance serves many exams over its lifetime.
 */
export function createPaperCache(db: Db, maxEntries = 64) {
  const entries = new Map<string, Promise<CachedPaper>>();
  return {
    get(snapshotId: string): Promise<CachedPaper> {
      let entry = entries.get(snapshotId);
      if (entry) {
        entries.delete(snapshotId);
        entries.set(snapshotId, entry);
        return entry;
      }
      entry = examRepo.findSnapshot(db, snapshotId).then((row) => {
        if (!row) throw new Error(`snapshot ${snapshotId} not found`);
        const paper = row.paper as Paper;
        return { paper, candidateJson: JSON.stringify(toCandidatePaper(paper)) };
      });
      entry.catch(() => entries.delete(snapshotId));
      entries.set(snapshotId, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return entry;
    },
  };
}

export type PaperCache = ReturnType<typeof createPaperCache>;
