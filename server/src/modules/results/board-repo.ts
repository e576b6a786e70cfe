import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';

import type { BoardRecord, BoardScope, BoardWindow } from './board-types.js';

type Conn = Db | Tx;

/** A ranked result that counts on a board: submitted, ranked (not withheld or disqualified), with a percentile. */
const counts = sql`e.attempt_status = 'submitted' and e.status = 'ranked' and e.rank is not null and e.percentile is not null`;

// Names compare in the "C" collation so PostgreSQL and PGlite (different default locales) agree.
const byName = sql`lower(name) collate "C", name collate "C", user_id`;

function rowsOf(scope: BoardScope): SQL {
  if (scope.kind === 'exam')
    return sql`
      select e.user_id, e.candidate_name as name, e.percentile as value, 1 as exams, e.submitted_at as oldest,
        e.rank as position_key
      from exam_results e
      where e.exam_id = ${scope.examId} and e.institute_id = ${scope.instituteId} and ${counts}`;
  const filters = [
    sql`e.institute_id = ${scope.instituteId}`,
    sql`e.exam_id = any(${sql.param([...scope.examIds])}::uuid[])`,
    counts,
  ];
  if (scope.since) filters.push(sql`e.submitted_at >= ${scope.since.toISOString()}::timestamptz`);
  if (scope.batchId) filters.push(sql`${scope.batchId}::uuid = any(e.batch_ids)`);
  return sql`
    select e.user_id, (array_agg(e.candidate_name order by e.submitted_at desc))[1] as name,
      round(avg(e.percentile), 7) as value, count(*)::int as exams, min(e.submitted_at) as oldest,
      null::int as position_key
    from exam_results e where ${sql.join(filters, sql` and `)}
    group by e.user_id`;
}

/**
 * One board in one statement. An exam's board is its ranked results in rank order (the result's
 * rank is the position); a period's ranks students by their average percentile over the counted
 * results, then by how many exams they sat (more first), positions shared on both equal.
 */
export async function readBoard(db: Conn, scope: BoardScope, window: BoardWindow): Promise<BoardRecord> {
  if (scope.kind === 'period' && scope.examIds.length === 0) return { rows: [], count: 0, oldestAt: null };
  const order = scope.kind === 'exam' ? sql`position_key, ${byName}` : sql`value desc, exams desc, ${byName}`;
  const position =
    scope.kind === 'exam' ? sql`position_key` : sql`rank() over (order by value desc, exams desc)`;
  const pick = window
    ? sql`where ordinal <= ${window.top} or user_id = ${window.userId ?? null}::uuid`
    : sql``;
  const result = await db.execute(sql`
    with board as (${rowsOf(scope)}),
    ordered as (
      select user_id, name, value, exams, row_number() over (order by ${order}) as ordinal,
        ${position} as position, count(*) over () as n, min(oldest) over () as oldest_at
      from board
    )
    select * from ordered ${pick} order by ordinal`);
  type Row = {
    user_id: string;
    name: string;
    value: string | number;
    exams: number | string;
    ordinal: number | string;
    position: number | string;
    n: number | string;
    oldest_at: Date | string | null;
  };
  const rows = (result as { rows: Row[] }).rows;
  const first = rows[0];
  // The top is empty only when the board is, so a window without rows is an empty board.
  const count = first ? Number(first.n) : 0;
  const oldestAt = first?.oldest_at ? new Date(first.oldest_at) : null;
  return {
    rows: rows.map((r) => ({
      ordinal: Number(r.ordinal),
      position: Number(r.position),
      userId: r.user_id,
      name: r.name,
      percentile: Number(r.value).toFixed(7),
      exams: Number(r.exams),
    })),
    count,
    oldestAt,
  };
}

/**
 * The institute's exams with counted results, with the last submission among them: which exams a
 * period board may draw on (the caller keeps the released ones). `userId`: only exams with a result
 * row of that user (a student's own exams, sat or not).
 */
export async function listBoardExams(
  db: Conn,
  instituteId: string,
  options: { userId: string | null; since: Date | null },
): Promise<{ examId: string; lastSubmittedAt: Date }[]> {
  const filters = [sql`e.institute_id = ${instituteId}`, counts];
  if (options.since) filters.push(sql`e.submitted_at >= ${options.since.toISOString()}::timestamptz`);
  if (options.userId)
    filters.push(
      sql`e.exam_id in (select exam_id from exam_results where user_id = ${options.userId} and institute_id = ${instituteId})`,
    );
  const result = await db.execute(sql`
    select e.exam_id, max(e.submitted_at) as last_at from exam_results e
    where ${sql.join(filters, sql` and `)}
    group by e.exam_id order by max(e.submitted_at) desc, e.exam_id`);
  return (result as { rows: { exam_id: string; last_at: Date | string }[] }).rows.map((r) => ({
    examId: r.exam_id,
    lastSubmittedAt: new Date(r.last_at),
  }));
}

/** The institute's exams with at least one ranked result as last computed (one small table). */
export async function listRankedExamIds(db: Conn, instituteId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select exam_id from exam_result_runs where institute_id = ${instituteId} and ranked_count > 0`,
  );
  return (result as { rows: { exam_id: string }[] }).rows.map((r) => r.exam_id);
}
