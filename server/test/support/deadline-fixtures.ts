// Many candidates whose time is up at once, for the deadline sweeper's tests: a new institute's
// students each start one scheduled exam through the API and save one right answer, then the clock
// moves past every deadline and the in-flight grace.
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.js';
import { settleExamNow } from './exam-fixtures.js';
import { createInstituteFixture } from './institute-fixture.js';
import { scheduleResultsExam, sitExam } from './results-fixtures.js';
import type { TestClock } from './test-clock.js';

export type SweptRow = {
  id: string;
  status: string;
  submit_reason: string | null;
  total_marks: string | null;
};

/** `count` started attempts of one exam (each with its first question right: +3), all expired now. */
export async function expireAttempts(
  app: App,
  clock: TestClock,
  count: number,
): Promise<{ examId: string; attemptIds: string[] }> {
  const school = await createInstituteFixture(app, { students: count });
  const { examId, questionIds } = await scheduleResultsExam(clock, school.admin, [school.batch.id], 2);
  const attemptIds: string[] = [];
  for (const student of school.students)
    attemptIds.push(await sitExam(app, student, examId, { [questionIds[0]!]: 'b' }, false));
  await settleExamNow(clock, school.admin, examId);
  return { examId, attemptIds };
}

/** The exam's attempts as stored, in id order. */
export async function readSweptRows(app: App, examId: string): Promise<SweptRow[]> {
  const result = await app.database.db.execute(
    sql`select id, status, submit_reason, total_marks from attempts where exam_id = ${examId} order by id`,
  );
  return (result as { rows: SweptRow[] }).rows;
}
