import { applyRevision, type KeyRevision, type Paper } from '@examtech/core';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { ExamService } from './exam-service.js';
import * as repo from './exam-repo.js';
import * as revisionRepo from './key-revision-repo.js';
import { findExamReleases, type ExamRelease } from './result-release.js';
import * as scheduleRepo from './schedule-repo.js';
import type { SnapshotCache } from './snapshots.js';

export type KeyRevisionInput = KeyRevision & { reason: string };

/** Position (1-based, in the published order) of each question of the paper. */
function numberQuestions(paper: Paper): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const section of paper.sections)
    for (const item of section.items) numbers.set(item.question.id, numbers.size + 1);
  return numbers;
}

function presentRevision(
  row: revisionRepo.KeyRevisionRow,
  numbers: ReadonlyMap<string, number>,
  withKeys: boolean,
) {
  const { revision } = row;
  return {
    id: row.id,
    seq: row.seq,
    questionId: revision.questionId,
    questionNumber: numbers.get(revision.questionId) ?? null,
    kind: revision.kind,
    award: revision.kind === 'drop' ? revision.award : null,
    keys: !withKeys
      ? null
      : revision.kind === 'accept_keys'
        ? revision.keys
        : revision.kind === 'change_key'
          ? [revision.key]
          : null,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Answer-key revisions after an exam (issue 11): a teacher changes a key, accepts several or drops
 * a question, with a reason. Each is appended to exam_key_revisions (never overwritten); the
 * exam's papers are then served revised (snapshots.ts) and `onRevised` (app.ts: rescoring every
 * submitted attempt, then the results) runs before the answer. Only once answers are final, the
 * same rule as a release: no candidate can still answer with a key they could infer.
 */
export function createKeyRevisionService(deps: {
  database: Database;
  clock: Clock;
  events: DomainEvents;
  snapshots: SnapshotCache;
  exams: Pick<ExamService, 'loadManageableExam'>;
  /** Runs after the revision is stored, with its id and number (rescoring, the results and what changed). */
  onRevised: (examId: string, revision: { id: string; seq: number }) => Promise<void>;
}) {
  const { db } = deps.database;

  async function releaseOf(examId: string, conn: Db | Tx = db): Promise<ExamRelease> {
    const release = (await findExamReleases(conn, [examId], deps.clock.now())).get(examId);
    if (!release) throw notFound('Exam not found.');
    return release;
  }

  async function listPresented(examId: string, snapshotId: string, withKeys: boolean) {
    const [rows, { paper }] = await Promise.all([
      revisionRepo.listKeyRevisions(db, examId),
      deps.snapshots.get(snapshotId),
    ]);
    const numbers = numberQuestions(paper);
    return rows.map((row) => presentRevision(row, numbers, withKeys));
  }

  return {
    /**
     * `options.inTransaction` runs in the revision's transaction, under the exam's row lock, with
     * the stored revision: a caller that records something with it (a challenge decision) commits
     * or fails together with the revision.
     */
    async revise(
      actor: Actor,
      examId: string,
      input: KeyRevisionInput,
      options: { inTransaction?: (tx: Tx, stored: revisionRepo.KeyRevisionRow) => Promise<void> } = {},
    ) {
      authorizeInInstitute(actor, 'results:release');
      const exam = await deps.exams.loadManageableExam(actor, examId);
      const { reason, ...revision } = input;
      // Read before the transaction: embedded PGlite has one connection, so no query may run beside it.
      const current = exam.publishedSnapshotId ? await deps.snapshots.get(exam.publishedSnapshotId) : null;
      const stored = await db.transaction(async (tx) => {
        // One revision of an exam at a time: `seq` is the next number and the check sees the last.
        const locked = await repo.lockExam(tx, examId);
        if (
          !locked?.publishedSnapshotId ||
          !current ||
          locked.publishedSnapshotId !== exam.publishedSnapshotId
        )
          throw new AppError('RESULTS_NOT_SCHEDULED');
        const { facts } = await releaseOf(examId, tx);
        if (facts.kind === 'practice' || facts.answersFinalAt === null)
          throw new AppError('RESULTS_NOT_SCHEDULED');
        if (deps.clock.now() < facts.answersFinalAt)
          throw new AppError('RESULTS_NOT_FINAL', undefined, {
            extra: { possibleAt: new Date(facts.answersFinalAt).toISOString() },
          });
        // Checked against the current effective paper (unknown question, invalid key: 422).
        applyRevision(current.paper, revision);
        const appended = await revisionRepo.appendKeyRevision(tx, {
          examId,
          instituteId: exam.instituteId,
          revision,
          reason,
          createdBy: actor.userId,
          createdAt: new Date(deps.clock.now()),
        });
        await options.inTransaction?.(tx, appended);
        return appended;
      });
      deps.snapshots.forgetExam(examId);
      deps.events.emit('exam.keyRevised', { examId });
      await deps.onRevised(examId, { id: stored.id, seq: stored.seq });
      const snapshotId = exam.publishedSnapshotId as string;
      const numbers = numberQuestions((await deps.snapshots.get(snapshotId)).paper);
      return presentRevision(stored, numbers, true);
    },

    /**
     * The exam's revisions. Staff who may see the exam: all, with keys. Its candidates: only once
     * results are released, with keys only when the exam shows its key after release.
     */
    async list(actor: Actor, examId: string) {
      if (actor.role !== 'student') {
        const exam = await deps.exams.loadManageableExam(actor, examId);
        if (!exam.publishedSnapshotId) return [];
        return listPresented(examId, exam.publishedSnapshotId, true);
      }
      const scoped = authorizeInInstitute(actor, 'exams:take');
      const exam = await repo.findExam(db, scoped.instituteId, examId, 'scheduled');
      const isCandidate =
        exam !== null && (await scheduleRepo.listExamCandidates(db, examId, actor.userId)).length > 0;
      if (!exam?.publishedSnapshotId || !isCandidate) throw notFound('Exam not found.');
      const release = await releaseOf(examId);
      if (!release.isReleased) throw new AppError('RESULT_NOT_RELEASED');
      return listPresented(examId, exam.publishedSnapshotId, release.showsAnswerKey);
    },
  };
}

export type KeyRevisionService = ReturnType<typeof createKeyRevisionService>;
