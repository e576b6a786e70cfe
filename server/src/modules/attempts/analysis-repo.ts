import type { ClassQuestionStats } from '@examtech/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { attemptAnswers, attempts } from './attempt-tables.js';

/**
 * What the class's per-question figures depend on: how many attempts of the exam are submitted
 * and when the last of them changed (a submit, a late journal save, a rescore). One indexed read;
 * the figures themselves are recomputed only when it moves.
 */
export async function findClassFingerprint(db: Db, examId: string): Promise<string> {
  const result = await db.execute(sql`
    select count(*)::int as n, coalesce(max(${attempts.updatedAt})::text, '') as latest
    from ${attempts}
    where ${attempts.examId} = ${examId} and ${attempts.status} = 'submitted'`);
  const [row] = (result as { rows: { n: number; latest: string }[] }).rows;
  return `${row?.n ?? 0}|${row?.latest ?? ''}`;
}

/**
 * The class on each question, over the exam's submitted, scored attempts: candidates, attempts and
 * right answers (from each attempt's stored per-question outcomes), and the mean time among those
 * who spent any time on it. One grouped scan in the database.
 */
export async function listClassQuestionStats(
  db: Db,
  examId: string,
): Promise<Record<string, ClassQuestionStats>> {
  const result = await db.execute(sql`
    select q.value->>'questionId' as question_id,
      count(*)::int as candidates,
      count(*) filter (where q.value->>'outcome' in ('correct', 'partial', 'wrong'))::int as attempted,
      count(*) filter (where q.value->>'outcome' = 'correct')::int as correct,
      avg(${attemptAnswers.timeSpentMs}) filter (where ${attemptAnswers.timeSpentMs} > 0)::float8 as average_ms
    from ${attempts} a
    cross join lateral jsonb_array_elements(a.score->'questions') q
    left join ${attemptAnswers} on ${attemptAnswers.attemptId} = a.id
      and ${attemptAnswers.questionId}::text = q.value->>'questionId'
    where a.exam_id = ${examId} and a.status = 'submitted' and a.score is not null
    group by 1`);
  const rows = (
    result as {
      rows: {
        question_id: string;
        candidates: number;
        attempted: number;
        correct: number;
        average_ms: number | null;
      }[];
    }
  ).rows;
  return Object.fromEntries(
    rows.map((r) => [
      r.question_id,
      {
        candidates: Number(r.candidates),
        attempted: Number(r.attempted),
        correct: Number(r.correct),
        averageTimeMs: r.average_ms === null ? null : Math.round(Number(r.average_ms)),
      },
    ]),
  );
}
