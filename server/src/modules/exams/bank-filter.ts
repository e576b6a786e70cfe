import type { Db, Tx } from '../../platform/db/database.js';
import type { CandidateFilter } from '../questions/question-bank-service.js';
import * as repo from './exam-repo.js';

/** A selection filter in the exam builder's terms: the exam facts it names are resolved here. */
export type ExamBankFilter = Omit<CandidateFilter, 'usageExamIds' | 'onlyIds'> & {
  /** Count only exams given to these batches when excluding recently used questions. */
  excludeUsedForBatchIds?: readonly string[];
  /** Only questions that appeared in a scheduled exam that has ended (released to students). */
  releasedOnly?: boolean;
};

/**
 * Turns the exam facts of a filter into ids for the question bank, which reads its own tables
 * only: the exams given to some batches, the questions of ended exams.
 */
export async function resolveBankFilter(
  conn: Db | Tx,
  instituteId: string,
  filter: ExamBankFilter,
  /** The clock's time: an exam has ended when its end is before it. */
  now: number,
): Promise<CandidateFilter> {
  const { excludeUsedForBatchIds, releasedOnly, ...rest } = filter;
  return {
    ...rest,
    ...(rest.excludeUsedInLastExams && excludeUsedForBatchIds?.length
      ? { usageExamIds: await repo.findExamIdsOfBatches(conn, excludeUsedForBatchIds) }
      : {}),
    ...(releasedOnly
      ? { onlyIds: await repo.findQuestionIdsOfEndedExams(conn, instituteId, new Date(now)) }
      : {}),
  };
}
