import {
  analyseExam,
  buildAttemptPaper,
  toCandidateQuestion,
  type ClassQuestionStats,
  type Question,
} from '@examtech/core';
import type { Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { reorderOptions } from '../exams/candidate-arrangement.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import * as analysisRepo from './analysis-repo.js';
import { requireReleased } from './attempt-result.js';
import * as repo from './attempt-repo.js';

/**
 * One attempt's analysis (issue 11): the core's analyseExam over the attempt's score and answers
 * and the class's per-question figures, with each question as the candidate saw it.
 *
 * Who reads it: the candidate, on their own submitted attempt once its result is released (the
 * result page's rule, requireReleased); keys, solutions and per-question outcomes only when the
 * exam's showAnswerKeyAfterRelease allows (an outcome tells the key of a question answered right).
 * Staff (admins, teachers in their batch scope) read any submitted attempt of an exam they see,
 * with the key, through /api/exams/:id/attempts/:attemptId/analysis.
 *
 * The class figures are one grouped SQL scan over the exam's submitted attempts, kept per exam
 * until the exam's fingerprint (submitted count, last change) moves.
 */
/** A candidate's rank and percentile (or their result's status) and the class comparison. */
export type AnalysisStandings = (
  examId: string,
  userId: string,
) => Promise<{ standing: CandidateStanding | null; comparison: ClassComparison | null }>;

type Figures = { count: number; average: number | null; topper: number | null; p90: number | null };
export type ClassComparison = { overall: Figures; subjects: ({ subject: string } & Figures)[] };
type Place = { rank: number | null; percentile: string | null; count: number };
export type CandidateStanding = {
  status: 'ranked' | 'withheld' | 'disqualified';
  institute: Place | null;
  batches: ({ batchId: string } & Place)[];
};

export function createAttemptAnalysis(deps: {
  db: Db;
  papers: SnapshotCache;
  loadOwnAttempt: (actor: Actor, attemptId: string) => Promise<repo.AttemptRow>;
  /** The exams module's staff check: 404 unless the actor may read the (scheduled) exam. */
  loadExamForStaff: (actor: Actor, examId: string) => Promise<unknown>;
  clock: Clock;
  /** The results module's standing and class comparison for a candidate (wired in app.ts). */
  standings?: AnalysisStandings;
}) {
  const { db } = deps;
  const classCache = new Map<string, { fingerprint: string; stats: Record<string, ClassQuestionStats> }>();

  async function findClassStats(examId: string) {
    const fingerprint = await analysisRepo.findClassFingerprint(db, examId);
    const cached = classCache.get(examId);
    if (cached?.fingerprint === fingerprint) return cached.stats;
    const stats = await analysisRepo.listClassQuestionStats(db, examId);
    if (classCache.size > 1000) classCache.clear();
    classCache.set(examId, { fingerprint, stats });
    return stats;
  }

  async function present(attempt: repo.AttemptRow, isKeyShown: boolean) {
    const score = attempt.score;
    if (!score) throw new AppError('RESULT_NOT_RELEASED', 'The attempt has no score yet.');
    const { paper } = await deps.papers.get(attempt.snapshotId);
    const answerRows = await repo.listAnswers(db, attempt.id);
    const analysis = analyseExam({
      paper,
      seed: attempt.seed,
      score,
      answers: answerRows,
      classStats: await findClassStats(attempt.examId),
    });
    const order = buildAttemptPaper(paper, attempt.seed);
    const answers = new Map(answerRows.map((a) => [a.questionId, a.answer]));
    const items = new Map(
      paper.sections.flatMap((s) => s.items.map((item) => [item.question.id, { item, section: s }] as const)),
    );
    const numbers = (ids: readonly string[]) =>
      ids.map((id) => analysis.questions.find((q) => q.questionId === id)?.number ?? 0);
    return {
      attemptId: attempt.id,
      examId: attempt.examId,
      title: paper.name,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      answerKeyShown: isKeyShown,
      totalMarks: attempt.totalMarks,
      total: analysis.total,
      sections: analysis.sections,
      subjects: analysis.subjects,
      byDifficulty: analysis.byDifficulty,
      time: {
        totalMs: analysis.time.totalMs,
        bySubject: analysis.time.bySubject,
        byOutcome: analysis.time.byOutcome,
        unansweredTimeMs: analysis.time.unansweredTimeMs,
        // Which answers were right or wrong tells the key: the lists go with it.
        slowCorrect: isKeyShown ? numbers(analysis.time.slowCorrect) : [],
        careless: isKeyShown ? numbers(analysis.time.careless) : [],
        unansweredWithTime: numbers(analysis.time.unansweredWithTime),
      },
      navigation: analysis.navigation,
      questions: analysis.questions.map((q) => {
        const located = items.get(q.questionId)!;
        const question: Question = reorderOptions(located.item.question, order.optionOrder[q.questionId]);
        return {
          number: q.number,
          questionId: q.questionId,
          sectionId: q.sectionId,
          sectionName: located.section.name,
          subject: q.subject,
          difficulty: q.difficulty,
          question: isKeyShown ? question : toCandidateQuestion(question),
          // A key revision replaced the published key: these are what the marks were given against.
          revisedKeys: isKeyShown ? (located.item.revision?.acceptedKeys ?? null) : null,
          answer: answers.get(q.questionId) ?? null,
          state: q.state,
          outcome: isKeyShown ? q.outcome : null,
          marks: isKeyShown ? q.marks : null,
          maxMarks: q.maxMarks,
          timeSpentMs: q.timeSpentMs,
          visits: q.visits,
          classAverageMs: q.classAverageMs,
          classCorrectShare: q.classCorrectShare,
          timeFlag: isKeyShown || q.timeFlag === 'unanswered_time' ? q.timeFlag : null,
        };
      }),
      ...(await (deps.standings?.(attempt.examId, attempt.userId) ??
        Promise.resolve({ standing: null, comparison: null }))),
    };
  }

  return {
    /** The candidate's own released attempt. */
    getOwnAnalysis: async (actor: Actor, attemptId: string) => {
      const attempt = await deps.loadOwnAttempt(actor, attemptId);
      const release = await requireReleased(db, attempt, deps.clock.now());
      return present(attempt, release.showsAnswerKey);
    },

    /** Any submitted attempt of an exam the staff member sees; the key is theirs anyway. */
    getStaffAnalysis: async (actor: Actor, examId: string, attemptId: string) => {
      await deps.loadExamForStaff(actor, examId);
      const attempt = await repo.findAttempt(db, attemptId);
      if (!attempt || attempt.examId !== examId) throw notFound('Attempt not found.');
      if (attempt.status !== 'submitted') throw new AppError('ATTEMPT_NOT_SUBMITTED');
      return present(attempt, true);
    },
  };
}

export type AttemptAnalysisReads = ReturnType<typeof createAttemptAnalysis>;
export type AttemptAnalysis = Awaited<ReturnType<AttemptAnalysisReads['getOwnAnalysis']>>;
