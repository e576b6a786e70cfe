import { formatRankKey, type AttemptScore } from '@examtech/core';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { ExamRelease } from '../exams/result-release.js';
import { marks, percentile } from './results-presenter.js';

/** How many of a student's submitted attempts the summary lists (newest first). */
export const MY_RESULTS_LIMIT = 100;

export type SubmittedAttempt = {
  id: string;
  examId: string;
  submittedAt: Date | null;
  score: Pick<AttemptScore, 'total'> | null;
};

export type Standing = {
  status: string;
  total: string | null;
  institute: { rank: number | null; percentile: string | null; count: number };
};

type ExamRow = NonNullable<Awaited<ReturnType<ExamDirectory['findExam']>>>;

export type MyResultsDeps = {
  directory: Pick<ExamDirectory, 'findExam' | 'findExamTitles' | 'findReleases'>;
  listSubmittedOf(userId: string, limit: number): Promise<SubmittedAttempt[]>;
  /** Recomputes the exam's results when its attempts changed since they were last ranked. */
  ensureFresh(exam: ExamRow): Promise<void>;
  getStanding(examId: string, userId: string): Promise<Standing | null>;
};

function presentItem(
  attempt: SubmittedAttempt,
  exam: { title: string; kind: 'practice' | 'scheduled' },
  release: ExamRelease | undefined,
  standing: Standing | null,
) {
  const released = release?.isReleased ?? false;
  const common = {
    attemptId: attempt.id,
    examId: attempt.examId,
    title: exam.title,
    kind: exam.kind,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    released,
    releasesAt: release?.releasesAt?.toISOString() ?? null,
  };
  // Before release nothing about the score leaves the server: not the marks, not the rank.
  if (!released || !attempt.score)
    return {
      ...common,
      total: null,
      maxTotal: null,
      resultStatus: null,
      rank: null,
      percentile: null,
      rankedCount: null,
    };
  const total = marks(formatRankKey(attempt.score.total.exact));
  const maxTotal = marks(formatRankKey(attempt.score.total.maxExact));
  if (exam.kind === 'practice')
    return {
      ...common,
      total,
      maxTotal,
      resultStatus: null,
      rank: null,
      percentile: null,
      rankedCount: null,
    };
  return {
    ...common,
    // A withheld or disqualified result shows its status, not a score or a rank.
    total: standing?.status === 'ranked' ? (marks(standing.total) ?? total) : null,
    maxTotal,
    resultStatus: standing?.status ?? null,
    rank: standing?.status === 'ranked' ? standing.institute.rank : null,
    percentile: standing?.status === 'ranked' ? percentile(standing.institute.percentile) : null,
    rankedCount: standing?.status === 'ranked' ? standing.institute.count : null,
  };
}

/**
 * A student's own submitted attempts, mocks and practice, newest first: for each, whether its
 * result is released (exams' release rule) and, once it is, the marks and for a mock the rank,
 * NTA percentile and N in the institute. The caller has authorised the student; only their
 * own attempts are read.
 */
export async function listMyResults(deps: MyResultsDeps, userId: string, now: number) {
  const attempts = await deps.listSubmittedOf(userId, MY_RESULTS_LIMIT);
  const examIds = attempts.map((a) => a.examId);
  const [titles, releases] = await Promise.all([
    deps.directory.findExamTitles(examIds),
    deps.directory.findReleases(examIds, now),
  ]);
  const items = [];
  for (const attempt of attempts) {
    const exam = titles.get(attempt.examId);
    if (!exam) continue;
    const release = releases.get(attempt.examId);
    let standing: Standing | null = null;
    if (exam.kind === 'scheduled' && release?.isReleased) {
      const row = await deps.directory.findExam(attempt.examId);
      if (row) await deps.ensureFresh(row);
      standing = await deps.getStanding(attempt.examId, userId);
    }
    items.push(presentItem(attempt, exam, release, standing));
  }
  return { items };
}
