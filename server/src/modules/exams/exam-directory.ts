import type { Database, Db, Tx } from '../../platform/db/database.js';
import * as examRepo from './exam-repo.js';
import { findExamReleases } from './result-release.js';
import * as scheduleRepo from './schedule-repo.js';

export type { ExamCandidate } from './schedule-repo.js';

/**
 * The exams module's answers for the other modules: for the attempts module an exam and its
 * schedule as Start needs them, and who its candidates are (each the single query it was when the
 * attempts module ran it itself, so Start at T0 costs what it did); for the results and progress
 * modules exams' titles and releases; for app.ts's notices the candidates. The callers authorise
 * (they pass the institute they scoped the actor to); this service reads only.
 */
export function createExamDirectory(database: Database) {
  const { db } = database;
  return {
    /** A published exam of the institute, with only what Start needs. */
    findExamForStart: (examId: string, instituteId: string) =>
      scheduleRepo.findExamForStart(db, examId, instituteId),

    /** The exam's row (title, draft, settings, published snapshot). */
    findExam: (examId: string) => scheduleRepo.findExamById(db, examId),

    /** The title, instructions and settings a candidate reads before Start. */
    findCandidateDetails: (examId: string) => scheduleRepo.findCandidateDetails(db, examId),

    findSchedule: (examId: string) => scheduleRepo.findSchedule(db, examId),

    /** The institute's published scheduled exams with their schedules and batches (the proctor room's list). */
    listScheduledExams: (instituteId: string) => scheduleRepo.listScheduledExamsWithBatches(db, instituteId),

    /** Who may sit the scheduled exam (students-only, active-only), or one of them. */
    listCandidates: (conn: Db | Tx, examId: string, onlyUserId?: string) =>
      scheduleRepo.listExamCandidates(conn, examId, onlyUserId),

    /** Title and kind of each given exam, by id (progress names its evidence's exams, results a history's). */
    async findExamTitles(examIds: readonly string[]) {
      const rows = await examRepo.findExamTitles(db, [...new Set(examIds)]);
      return new Map(rows.map((row) => [row.id, { title: row.title, kind: row.kind }]));
    },

    /** Whether each exam's results (and keys) are released at `now` (result-release.ts). */
    findReleases: (examIds: readonly string[], now: number) => findExamReleases(db, examIds, now),
  };
}

export type ExamDirectory = ReturnType<typeof createExamDirectory>;
