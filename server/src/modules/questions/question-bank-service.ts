import type { Difficulty, Question, QuestionType } from '@examtech/core';
import type { Db, Tx } from '../../platform/db/database.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import * as repo from './question-repo.js';
import { buildStemPreview } from './question-text.js';

/**
 * The bank as the exams module reads and marks it: current versions of active questions,
 * candidates for auto-selection, and the usage an exam records when it is published; and where
 * questions sit, for the progress module (findPlacements). Every function takes the caller's
 * connection, because the exam builder calls them inside its own transaction (PGlite has one
 * connection).
 */

type Conn = Db | Tx;

export type BankQuestion = {
  question: Question;
  versionId: string;
  version: number;
  groupId: string | null;
  summary: {
    version: number;
    type: QuestionType;
    difficulty: Difficulty;
    stemPreview: string;
    subject: { id: string; name: string };
    chapter: { id: string; name: string };
    topic: { id: string; name: string };
    languages: string[];
  };
};

export type CandidateFilter = repo.BankCandidateCriteria;
export type CandidateRow = repo.BankCandidateRow;

export function createQuestionBankService(deps: { syllabus: Pick<SyllabusService, 'findNodeNames'> }) {
  return {
    /** Current versions of the given active questions of the institute, keyed by question id. */
    async loadCurrentQuestions(
      conn: Conn,
      instituteId: string,
      ids: readonly string[],
    ): Promise<Map<string, BankQuestion>> {
      const rows = await repo.findActiveCurrentVersions(conn, instituteId, [...new Set(ids)]);
      if (rows.length === 0) return new Map();
      const names = await deps.syllabus.findNodeNames(
        conn,
        instituteId,
        rows.flatMap((row) => [row.subjectId, row.chapterId, row.topicId]),
      );
      return new Map(
        rows.flatMap((row) => {
          const subject = names.get(row.subjectId);
          const chapter = names.get(row.chapterId);
          const topic = names.get(row.topicId);
          // A question whose placement is gone is not in the bank for an exam (as with the inner joins before).
          if (subject === undefined || chapter === undefined || topic === undefined) return [];
          const body = row.body as Omit<Question, 'id'>;
          const question = {
            ...body,
            id: row.id,
            classification: { subject, chapter, topic },
          } as Question;
          const entry: BankQuestion = {
            question,
            versionId: row.versionId,
            version: row.version,
            groupId: row.groupId,
            summary: {
              version: row.version,
              type: question.type,
              difficulty: question.difficulty,
              stemPreview: buildStemPreview(question),
              subject: { id: row.subjectId, name: subject },
              chapter: { id: row.chapterId, name: chapter },
              topic: { id: row.topicId, name: topic },
              languages: row.languages,
            },
          };
          return [[row.id, entry] as const];
        }),
      );
    },

    /** Active questions matching the filter, in a stable order (creation), for selection. */
    findCandidateQuestions(
      conn: Conn,
      instituteId: string,
      filter: CandidateFilter,
    ): Promise<CandidateRow[]> {
      return repo.findBankCandidates(conn, instituteId, filter);
    },

    /** The subject, chapter and topic ids each given question of the institute is filed under now. */
    findPlacements: (conn: Conn, instituteId: string, ids: readonly string[]) =>
      repo.findPlacements(conn, instituteId, [...new Set(ids)]),

    /** Records that a published exam uses these versions (the "not used in the last N exams" filter reads it). */
    recordUsages(
      tx: Tx,
      instituteId: string,
      examId: string,
      used: { questionId: string; versionId: string }[],
      /** When the exam was published (the clock's time): "the last N exams" are ordered by it. */
      usedAt: Date,
    ): Promise<void> {
      return repo.insertUsages(
        tx,
        used.map((u) => ({ instituteId, examId, usedAt, ...u })),
      );
    },

    /** An unpublished exam no longer counts as having used its questions. */
    clearUsages(tx: Tx, examId: string): Promise<void> {
      return repo.deleteUsagesOfExam(tx, examId);
    },
  };
}

export type QuestionBankService = ReturnType<typeof createQuestionBankService>;
