import { buildTrendSeries, type TrendInput, type TrendSeries } from '@examtech/core';
import type { AttemptService } from '../attempts/attempt-service.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { ResultsService } from '../results/results-service.js';

/** What the trends ask of the other modules (wired in app.ts). */
export type TrendSources = {
  attempts: Pick<AttemptService, 'listSubmittedWithAnswers'>;
  exams: Pick<ExamDirectory, 'findExamTitles' | 'findReleases'>;
  results: Pick<ResultsService, 'listStandingsOf'>;
};

/** The attempts read, newest first (as for weak areas): bounded per request. */
const MAX_ATTEMPTS = 300;

/**
 * Score, accuracy and (for mocks) NTA percentile of every submitted attempt whose result is out to
 * the student (findReleases: practice at submit, a mock by its release rule), overall and per
 * subject, oldest first. Only totals and per-subject counts are used, never a question's outcome,
 * so a mock released without its key still counts; an unreleased one adds nothing. The percentile
 * is the results module's, as last computed (null until the exam's results are computed).
 */
export async function gatherTrends(sources: TrendSources, userId: string, now: number): Promise<TrendSeries> {
  const attempts = await sources.attempts.listSubmittedWithAnswers(userId, MAX_ATTEMPTS);
  const examIds = attempts.map((a) => a.examId);
  const [releases, titles, standings] = await Promise.all([
    sources.exams.findReleases(examIds, now),
    sources.exams.findExamTitles(examIds),
    sources.results.listStandingsOf(userId),
  ]);
  const inputs = attempts.flatMap((attempt): TrendInput[] => {
    const score = attempt.score;
    if (releases.get(attempt.examId)?.isReleased !== true || !score || !attempt.submittedAt) return [];
    const exam = titles.get(attempt.examId);
    const source = exam?.kind === 'scheduled' ? 'mock' : 'practice';
    return [
      {
        examId: attempt.examId,
        title: exam?.title ?? '',
        source,
        at: attempt.submittedAt.getTime(),
        score,
        percentile: source === 'mock' ? (standings.get(attempt.examId)?.percentile ?? null) : null,
      },
    ];
  });
  return buildTrendSeries(inputs);
}

export function presentTrends(series: TrendSeries, now: number) {
  const iso = (at: number) => new Date(at).toISOString();
  return {
    generatedAt: iso(now),
    overall: series.overall.map((p) => ({ ...p, at: iso(p.at) })),
    subjects: series.subjects.map((s) => ({
      subject: s.subject,
      points: s.points.map((p) => ({ ...p, at: iso(p.at) })),
    })),
  };
}
