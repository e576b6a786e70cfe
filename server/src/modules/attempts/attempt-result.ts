import { toCandidateQuestion } from '@examtech/core';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findExamReleases, type ExamRelease } from '../exams/result-release.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import * as repo from './attempt-repo.js';

/**
 * The candidate's own attempt may be read as a result (the result page, the analysis) only once
 * submitted and released; before that RESULT_NOT_RELEASED, with the release time when one is known.
 */
export async function requireReleased(db: Db, attempt: repo.AttemptRow, now: number): Promise<ExamRelease> {
  if (attempt.status !== 'submitted')
    throw new AppError('RESULT_NOT_RELEASED', 'Submit the exam to see the result.');
  const release = (await findExamReleases(db, [attempt.examId], now)).get(attempt.examId);
  if (!release?.isReleased)
    throw new AppError('RESULT_NOT_RELEASED', undefined, {
      extra: { releasesAt: release?.releasesAt?.toISOString() ?? null },
    });
  return release;
}

/**
 * A candidate's result (integrity rule 1), once released by the core's findResultReleaseTime: a
 * scheduled exam only after its window closed for everyone. Keys, solutions and per-question
 * outcomes go with it only when the exam's showAnswerKeyAfterRelease allows; the score always does.
 */
export async function presentReleasedResult(
  deps: { db: Db; papers: SnapshotCache; clock: Clock },
  attempt: repo.AttemptRow,
) {
  const isKeyShown = (await requireReleased(deps.db, attempt, deps.clock.now())).showsAnswerKey;
  const { paper } = await deps.papers.get(attempt.snapshotId);
  const answers = new Map((await repo.listAnswers(deps.db, attempt.id)).map((a) => [a.questionId, a]));
  const score = attempt.score;
  return {
    answerKeyShown: isKeyShown,
    // Per-question outcomes would tell the key of every question answered right: they go with the key.
    score: score && !isKeyShown ? { ...score, questions: [] } : score,
    totalMarks: attempt.totalMarks,
    sections: paper.sections.map((s) => ({ id: s.id, name: s.name })),
    questions: paper.sections.flatMap((section) =>
      section.items.map((item) => ({
        sectionId: section.id,
        // Without the key: the candidate view (no key, no solution, no solution-only image).
        question: isKeyShown ? item.question : toCandidateQuestion(item.question),
        answer: answers.get(item.question.id)?.answer ?? null,
        state: answers.get(item.question.id)?.state ?? 'not_visited',
      })),
    ),
  };
}
