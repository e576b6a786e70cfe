import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import * as changesRepo from './result-changes-repo.js';
import { marks } from './results-presenter.js';
import * as repo from './results-repo.js';

export type { RevisionRef } from './result-changes-repo.js';

function presentChange(row: changesRepo.ResultChangeRow) {
  return {
    revisionId: row.revisionId,
    seq: row.revisionSeq,
    totalBefore: marks(row.totalBefore),
    totalAfter: marks(row.totalAfter),
    rankBefore: row.rankBefore,
    rankAfter: row.rankAfter,
  };
}

export type ResultChangeView = ReturnType<typeof presentChange>;

/**
 * What each answer-key revision did to a candidate's marks and rank (the rows are captured by the
 * results computation, results-service.ts). Candidates read their own once results are released,
 * and are told of a change then; before release nothing of it leaves the server.
 */
export function createResultChanges(deps: {
  db: Db;
  clock: Clock;
  events: DomainEvents;
  directory: Pick<ExamDirectory, 'findExam' | 'findReleases'>;
}) {
  const { db } = deps;

  return {
    /**
     * After a revision's results are stored: the affected candidates hear of it, only when the
     * exam's results are out (before release the general "results released" notice follows later).
     */
    async announce(examId: string, revision: changesRepo.RevisionRef): Promise<void> {
      const [exam, releases] = await Promise.all([
        deps.directory.findExam(examId),
        deps.directory.findReleases([examId], deps.clock.now()),
      ]);
      if (!exam || !releases.get(examId)?.isReleased) return;
      const userIds = await changesRepo.listNotifiableUsers(db, revision.id);
      if (userIds.length === 0) return;
      deps.events.emit('results.revised', {
        examId,
        instituteId: exam.instituteId,
        title: exam.title,
        revisionSeq: revision.seq,
        userIds,
      });
    },

    /**
     * The student's own changes in one exam, in revision order: 404 unless they sat it in their
     * institute, 403 before release; null for a withheld or disqualified result (it shows no marks).
     */
    async listMine(actor: Actor, examId: string) {
      const scoped = authorizeInInstitute(actor, 'exams:take');
      const exam = await deps.directory.findExam(examId);
      if (!exam || exam.kind !== 'scheduled' || exam.instituteId !== scoped.instituteId)
        throw notFound('Exam not found.');
      const own = await repo.findResultOfUser(db, examId, actor.userId);
      if (own?.attemptStatus !== 'submitted') throw notFound('Exam not found.');
      const release = (await deps.directory.findReleases([examId], deps.clock.now())).get(examId);
      if (!release?.isReleased) throw new AppError('RESULT_NOT_RELEASED');
      if (own.status !== 'ranked') return null;
      return (await changesRepo.listChangesOfUser(db, examId, actor.userId)).map(presentChange);
    },
  };
}
