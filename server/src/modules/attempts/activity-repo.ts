import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { attempts } from './attempt-tables.js';

/**
 * Attempts in progress per exam, the `limit` largest exams: one grouped scan of the running
 * attempts (the sweeper's partial index holds exactly those), read for the metrics on each scrape.
 */
export async function countActiveCandidatesByExam(
  db: Db,
  limit: number,
): Promise<{ examId: string; candidates: number }[]> {
  const candidates = count();
  return db
    .select({ examId: attempts.examId, candidates })
    .from(attempts)
    .where(eq(attempts.status, 'in_progress'))
    .groupBy(attempts.examId)
    .orderBy(desc(candidates))
    .limit(limit);
}
