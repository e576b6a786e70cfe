import { listCandidateImageIds, type Paper } from '@examtech/core';
import type { Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { findExamReleases } from '../exams/result-release.js';
import { findSnapshotsWithImage, type SnapshotCache } from '../exams/snapshots.js';
import * as repo from './attempt-repo.js';

/**
 * Which images a student may download (integrity rule 1): those of a paper they are sitting, as
 * the candidate projection shows them, and those of a result released to them — solution images
 * only when that result shows the key. Anything else (tomorrow's mock, a solution figure) is not
 * theirs to see, even inside their institute.
 */
export function createAttemptAssetAccess(deps: { database: Database; papers: SnapshotCache; clock: Clock }) {
  const { db } = deps.database;

  function hasImage(paper: Paper, assetId: string, isKeyShown: boolean): boolean {
    return paper.sections.some((section) =>
      section.items.some(({ question }) => {
        if (!question.images?.some((image) => image.id === assetId)) return false;
        return isKeyShown || listCandidateImageIds(question).has(assetId);
      }),
    );
  }

  return {
    async mayStudentSeeAsset(actor: Actor, assetId: string): Promise<boolean> {
      const started = await repo.listStartedAttemptsOf(db, actor.userId);
      // The exam room at T0: the paper being sat is in the snapshot cache, no further query.
      for (const attempt of started.filter((a) => a.status === 'in_progress')) {
        const { paper } = await deps.papers.get(attempt.snapshotId);
        if (hasImage(paper, assetId, false)) return true;
      }
      const submitted = started.filter((a) => a.status === 'submitted');
      const carrying = new Set(
        await findSnapshotsWithImage(
          db,
          submitted.map((a) => a.snapshotId),
          assetId,
        ),
      );
      const candidates = submitted.filter((a) => carrying.has(a.snapshotId));
      const releases = await findExamReleases(
        db,
        candidates.map((a) => a.examId),
        deps.clock.now(),
      );
      for (const attempt of candidates) {
        const release = releases.get(attempt.examId);
        if (!release?.isReleased) continue;
        const { paper } = await deps.papers.get(attempt.snapshotId);
        if (hasImage(paper, assetId, release.showsAnswerKey)) return true;
      }
      return false;
    },
  };
}

export type AttemptAssetAccess = ReturnType<typeof createAttemptAssetAccess>;
