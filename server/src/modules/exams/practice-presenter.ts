import type { ExamRow } from './exam-repo.js';

/** A practice test just created; `shortfalls` name the parts the bank could not fill. */
export function presentPracticeTest(
  practice: ExamRow,
  questionCount: number,
  durationMinutes: number,
  shortfalls: readonly string[],
) {
  return {
    id: practice.id,
    title: practice.title,
    questionCount,
    durationMinutes,
    createdAt: practice.createdAt.toISOString(),
    ...(shortfalls.length ? { shortfall: shortfalls.join('; ') } : {}),
  };
}

/** A practice test in the student's list. */
export function presentPracticeTestItem(row: ExamRow) {
  const draft = row.draft;
  return {
    id: row.id,
    title: row.title,
    questionCount: draft.sections.reduce((n, s) => n + s.items.length, 0),
    durationMinutes: draft.durationMinutes,
    createdAt: row.createdAt.toISOString(),
  };
}
