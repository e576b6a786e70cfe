import {
  computeRankKeys,
  findTieBreakRule,
  formatRankKey,
  type AttemptScore,
  type ScoreSummary,
  type TieBreakRule,
} from '@examtech/core';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { SubmitReason } from '../attempts/attempt-service.js';
import type { BatchService } from '../batches/batch-service.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { ExamService } from '../exams/exam-service.js';
import type { UserDirectory } from '../users/user-service.js';
import { listMyResults, type SubmittedAttempt } from './my-results.js';
import { createResultChanges, type RevisionRef } from './result-changes.js';
import * as changesRepo from './result-changes-repo.js';
import { presentResultRow, presentStanding, presentStatistics } from './results-presenter.js';
import * as boardRepo from './board-repo.js';
import type { BoardScope, BoardWindow } from './board-types.js';
import * as repo from './results-repo.js';
import type { ResultStatus, ResultSummary } from './results-types.js';

export type ResultListQuery = {
  sort: repo.ListQuery['sort'];
  order: repo.ListQuery['order'];
  batchId?: string | undefined;
  search?: string | undefined;
  page: number;
  pageSize: number;
};

/** What the attempts module answers about one attempt: the summaries of its score, never its questions. */
export type ResultSource = {
  attemptId: string;
  userId: string;
  status: 'prepared' | 'in_progress' | 'submitted';
  submitReason: SubmitReason | null;
  submittedAt: Date | null;
  score: Pick<AttemptScore, 'total' | 'sections' | 'subjects'> | null;
};

type ExamRow = Awaited<ReturnType<ExamService['loadReadableExam']>>;

function summarise(summary: ScoreSummary): ResultSummary {
  return {
    marks: formatRankKey(summary.exact),
    maxMarks: summary.maxMarks,
    correct: summary.correct,
    wrong: summary.wrong,
    partial: summary.partial,
    unanswered: summary.unanswered,
  };
}

const mapValues = <T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** An exam's settings may carry its own tie-break rule; otherwise its template's (core data). */
function ruleOf(exam: Pick<ExamRow, 'templateId' | 'settings'>): TieBreakRule {
  const own = (exam.settings as { tieBreakRule?: TieBreakRule }).tieBreakRule;
  return findTieBreakRule(exam.templateId, own);
}

/**
 * Results of scheduled exams: computed from the attempts' stored scores (the attempts module),
 * ranked and given NTA percentiles in the database, in the institute and in each batch. Teachers
 * and admins read them in the exams module's scope; withholding or disqualifying a result takes it
 * out of every rank and N. Release (who may see their own result, when) is not decided here.
 */
export function createResultsService(deps: {
  database: Database;
  clock: Clock;
  /** Hears of every change to an exam's ranks (the leaderboards rebuild from it) and of revised results. */
  events: DomainEvents;
  exams: Pick<ExamService, 'loadReadableExam' | 'loadManageableExam' | 'resolvePaper'>;
  directory: Pick<ExamDirectory, 'findExam' | 'findExamTitles' | 'findReleases'>;
  attempts: {
    listSubmittedOf(userId: string, limit: number): Promise<SubmittedAttempt[]>;
    listResultSources(examId: string): Promise<ResultSource[]>;
    findResultSourceStamp(examId: string): Promise<string>;
  };
  people: Pick<UserDirectory, 'findProfiles'>;
  batches: Pick<BatchService, 'listBatchIdsOfUsers' | 'listBatches'>;
}) {
  const { db } = deps.database;
  const changes = createResultChanges({
    db,
    clock: deps.clock,
    events: deps.events,
    directory: deps.directory,
  });

  /** `revision`: the computation applies that key revision, whose before was captured (captureBeforeRevision). */
  async function compute(
    exam: Pick<ExamRow, 'id' | 'instituteId' | 'templateId' | 'settings'>,
    revision?: RevisionRef,
  ) {
    // Everything another module answers is read before the transaction opens (embedded mode has
    // one connection). The stamp is read first: a change during the read makes the next look compute again.
    const stamp = await deps.attempts.findResultSourceStamp(exam.id);
    const sources = await deps.attempts.listResultSources(exam.id);
    const userIds = sources.map((s) => s.userId);
    const [profiles, batchIds] = await Promise.all([
      deps.people.findProfiles(exam.instituteId, userIds),
      deps.batches.listBatchIdsOfUsers(userIds, { mayLag: false }),
    ]);
    const profileOf = new Map(profiles.map((p) => [p.id, p]));
    const rule = ruleOf(exam);
    const computedAt = nowDate(deps.clock);
    const writes = sources.map((source): repo.ResultWrite => {
      const profile = profileOf.get(source.userId);
      const score = source.status === 'submitted' ? source.score : null;
      return {
        attemptId: source.attemptId,
        examId: exam.id,
        instituteId: exam.instituteId,
        userId: source.userId,
        candidateName: profile?.name ?? '',
        candidateEmail: profile?.email ?? '',
        rollNumber: profile?.rollNumber ?? null,
        batchIds: batchIds.get(source.userId) ?? [],
        attemptStatus: source.status,
        submitReason: source.submitReason,
        submittedAt: source.submittedAt,
        total: score ? formatRankKey(score.total.exact) : null,
        maxTotal: score ? formatRankKey(score.total.maxExact) : null,
        breakdown: score
          ? { sections: mapValues(score.sections, summarise), subjects: mapValues(score.subjects, summarise) }
          : null,
        correct: score?.total.correct ?? null,
        wrong: score?.total.wrong ?? null,
        partial: score?.total.partial ?? null,
        unanswered: score?.total.unanswered ?? null,
        rankKeys: score ? computeRankKeys(score, rule).map(formatRankKey) : null,
        computedAt,
      };
    });
    const ranked = await db.transaction(async (tx) => {
      await repo.lockExamResults(tx, exam.id);
      await repo.upsertResults(tx, writes);
      await repo.deleteResultsExcept(
        tx,
        exam.id,
        writes.map((w) => w.attemptId),
      );
      const rankedCount = await rerank(tx, exam, stamp, computedAt);
      // Same transaction: the after is exactly the results this computation stored.
      if (revision) await changesRepo.completeChanges(tx, revision.id);
      return rankedCount;
    });
    deps.events.emit('results.computed', { examId: exam.id, instituteId: exam.instituteId });
    if (revision) await changes.announce(exam.id, revision);
    return { examId: exam.id, ranked, candidates: writes.length, computedAt };
  }

  async function rerank(
    tx: Tx,
    exam: Pick<ExamRow, 'id' | 'instituteId'>,
    stamp: string,
    computedAt: Date,
  ): Promise<number> {
    const rankedCount = await repo.rankInInstitute(tx, exam.id);
    await repo.rankInBatches(tx, exam.id);
    await repo.upsertRun(tx, {
      examId: exam.id,
      instituteId: exam.instituteId,
      sourceStamp: stamp,
      rankedCount,
      computedAt,
    });
    return rankedCount;
  }

  /** Computes the exam's results again when an attempt started, was submitted or rescored since. */
  async function ensureFresh(
    exam: Pick<ExamRow, 'id' | 'instituteId' | 'templateId' | 'settings'>,
  ): Promise<void> {
    const [run, stamp] = await Promise.all([
      repo.findRun(db, exam.id),
      deps.attempts.findResultSourceStamp(exam.id),
    ]);
    if (run?.sourceStamp !== stamp) await compute(exam);
  }

  async function findScheduledExam(examId: string) {
    const exam = await deps.directory.findExam(examId);
    if (!exam || exam.kind !== 'scheduled') throw notFound('Exam not found.');
    return exam;
  }

  /** With `options.revision`: the results after that key revision, and what it changed for each candidate. */
  async function computeExamResults(examId: string, options: { revision?: RevisionRef } = {}) {
    return compute(await findScheduledExam(examId), options.revision);
  }

  /**
   * A candidate's standing as last computed: rank and percentile in the institute and in each of
   * their batches, with N, and the result's status. null when the user has no attempt. The caller
   * authorises (a student only their own, and only once released).
   */
  async function getStanding(examId: string, userId: string) {
    const row = await repo.findResultOfUser(db, examId, userId);
    if (!row) return null;
    const [run, batches] = await Promise.all([
      repo.findRun(db, examId),
      repo.findBatchStandings(db, examId, row.attemptId),
    ]);
    return {
      attemptId: row.attemptId,
      attemptStatus: row.attemptStatus,
      status: row.status,
      total: row.total,
      institute: { rank: row.rank, percentile: row.percentile, count: run?.rankedCount ?? 0 },
      batches,
    };
  }

  /** Ranked results' count, average, topper and 90th percentile, overall and per subject. The caller authorises. */
  async function getExamStatistics(examId: string) {
    const rows = await repo.computeStatistics(db, examId);
    const overall = rows.find((r) => r.subject === null);
    return {
      overall: overall ? presentStatistics(overall) : { count: 0, average: null, topper: null, p90: null },
      subjects: rows.flatMap((r) =>
        r.subject === null ? [] : [{ subject: r.subject, ...presentStatistics(r) }],
      ),
    };
  }

  const service = {
    /**
     * Computes (or recomputes) every result, rank and percentile of a scheduled exam. Idempotent;
     * for the release service's hooks (answers final, every release), key revisions after rescoring,
     * benchmarks and tests (the results page computes through ensureFresh).
     */
    computeExamResults,
    recomputeExam: computeExamResults,

    /**
     * Before a key revision rescores the attempts: the results brought up to date, then every
     * submitted candidate's total and rank kept as the revision's before (one INSERT … SELECT).
     */
    async captureBeforeRevision(examId: string, revision: RevisionRef): Promise<void> {
      const exam = await findScheduledExam(examId);
      await ensureFresh(exam);
      await db.transaction(async (tx) => {
        await repo.lockExamResults(tx, examId);
        await changesRepo.captureBefore(tx, examId, revision);
      });
    },

    /** The student's own marks and rank before and after each key revision (released results only). */
    listMyResultChanges: (actor: Actor, examId: string) => changes.listMine(actor, examId),

    async listResults(actor: Actor, examId: string, query: ResultListQuery) {
      const exam = await deps.exams.loadReadableExam(actor, examId);
      await ensureFresh(exam);
      const [{ paper }, page, examBatchIds, visibleBatches, run] = await Promise.all([
        deps.exams.resolvePaper(exam),
        repo.listResults(db, {
          examId,
          batchId: query.batchId ?? null,
          search: query.search?.trim() || null,
          sort: query.sort,
          order: query.order,
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        repo.listBatchIdsOfExam(db, examId),
        deps.batches.listBatches(actor, { includeArchived: true }),
        repo.findRun(db, examId),
      ]);
      const sections = paper.sections.map((s) => ({ id: s.id, name: s.name }));
      const inExam = new Set(examBatchIds);
      return {
        items: page.rows.map((row) => presentResultRow(row, sections)),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
        sections,
        batches: visibleBatches.filter((b) => inExam.has(b.id)).map((b) => ({ id: b.id, name: b.name })),
        rankedCount: run?.rankedCount ?? 0,
        computedAt: run?.computedAt.toISOString() ?? null,
      };
    },

    /** Withholds, disqualifies or restores a submitted result (with the reason, on record) and re-ranks. */
    async setResultStatus(
      actor: Actor,
      examId: string,
      attemptId: string,
      change: { status: ResultStatus; reason: string },
    ) {
      const exam = await deps.exams.loadManageableExam(actor, examId);
      await ensureFresh(exam);
      const row = await repo.findResult(db, examId, attemptId);
      if (!row) throw notFound('Result not found.');
      if (row.attemptStatus !== 'submitted') throw new AppError('RESULT_NOT_SUBMITTED');
      const at = nowDate(deps.clock);
      const run = await repo.findRun(db, examId);
      await db.transaction(async (tx) => {
        await repo.lockExamResults(tx, examId);
        await repo.setStatus(tx, attemptId, {
          ...change,
          reason: change.reason.trim(),
          by: actor.userId,
          at,
        });
        await rerank(tx, exam, run?.sourceStamp ?? '', run?.computedAt ?? at);
      });
      deps.events.emit('results.computed', { examId, instituteId: exam.instituteId });
      const { paper } = await deps.exams.resolvePaper(exam);
      const updated = await repo.findResult(db, examId, attemptId);
      if (!updated) throw notFound('Result not found.');
      const sections = paper.sections.map((s) => ({ id: s.id, name: s.name }));
      return presentResultRow({ ...updated, batchRank: null, batchPercentile: null }, sections);
    },

    /**
     * What a candidate's analysis shows of the results (for the attempts module, through app.ts):
     * their standing (null without a submitted result) and the class comparison. Computed first
     * when stale. The caller authorises (the candidate's own attempt, once released).
     */
    async getCandidateView(examId: string, userId: string) {
      const exam = await deps.directory.findExam(examId);
      if (!exam || exam.kind !== 'scheduled') return { standing: null, comparison: null };
      const [run, stamp] = await Promise.all([
        repo.findRun(db, examId),
        deps.attempts.findResultSourceStamp(examId),
      ]);
      if (run?.sourceStamp !== stamp) await compute(exam);
      const [standing, comparison] = await Promise.all([
        getStanding(examId, userId),
        getExamStatistics(examId),
      ]);
      return {
        standing: standing?.attemptStatus === 'submitted' ? presentStanding(standing) : null,
        comparison,
      };
    },

    /**
     * The user's ranked results across exams, exam id to institute rank and NTA percentile as last
     * computed. The caller authorises and decides which exams are released to the user.
     */
    async listStandingsOf(userId: string) {
      const rows = await repo.listStandingsOf(db, userId);
      return new Map(
        rows.map((r) => [
          r.examId,
          { rank: r.rank, percentile: r.percentile === null ? null : Number(r.percentile) },
        ]),
      );
    },

    /**
     * The student's own submitted mocks and practice tests with their release state; marks, rank
     * and percentile only once released (GET /api/me/results, the dashboard).
     */
    async listMyResults(actor: Actor) {
      authorizeInInstitute(actor, 'exams:take');
      return listMyResults(
        {
          directory: deps.directory,
          listSubmittedOf: (userId, limit) => deps.attempts.listSubmittedOf(userId, limit),
          ensureFresh,
          getStanding: (examId, userId) => service.getStanding(examId, userId),
        },
        actor.userId,
        deps.clock.now(),
      );
    },

    getStanding,
    getExamStatistics,

    /**
     * A leaderboard over the ranked results (board-repo.ts): an exam's, or a period's across the
     * given exams. The caller authorises and passes only released exams.
     */
    readBoard: (scope: BoardScope, window: BoardWindow) => boardRepo.readBoard(db, scope, window),
    /** The institute's exams with ranked results, latest first (the caller keeps the released ones). */
    listBoardExams: (instituteId: string, options: { userId: string | null; since: Date | null }) =>
      boardRepo.listBoardExams(db, instituteId, options),
    /** Ids of the institute's exams with ranked results: what period boards may draw on. */
    listRankedExamIds: (instituteId: string) => boardRepo.listRankedExamIds(db, instituteId),
  };
  return service;
}

export type ResultsService = ReturnType<typeof createResultsService>;
