import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { examResultRuns, examResults } from './results-tables.js';
import type { ResultBreakdown, ResultStatus } from './results-types.js';

type Conn = Db | Tx;
export type ResultRow = typeof examResults.$inferSelect;
export type RunRow = typeof examResultRuns.$inferSelect;

/** What a computation writes for one attempt; the teacher's status is never part of it. */
export type ResultWrite = {
  attemptId: string;
  examId: string;
  instituteId: string;
  userId: string;
  candidateName: string;
  candidateEmail: string;
  rollNumber: string | null;
  batchIds: string[];
  attemptStatus: ResultRow['attemptStatus'];
  submitReason: ResultRow['submitReason'];
  submittedAt: Date | null;
  total: string | null;
  maxTotal: string | null;
  breakdown: ResultBreakdown | null;
  correct: number | null;
  wrong: number | null;
  partial: number | null;
  unanswered: number | null;
  rankKeys: string[] | null;
  computedAt: Date;
};

/** One writer per exam at a time (a teacher's page and a job may both compute). */
export async function lockExamResults(tx: Tx, examId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`exam_results:${examId}`}, 0))`);
}

const UPSERT_CHUNK = 2_000;

/**
 * Rows go as one jsonb parameter per chunk, unpacked by jsonb_to_recordset: a handful of
 * statements for 10,000 attempts, never near the 65,535-parameter limit.
 */
export async function upsertResults(tx: Tx, rows: readonly ResultWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const chunk = rows.slice(i, i + UPSERT_CHUNK).map((r) => ({
      ...r,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      computedAt: r.computedAt.toISOString(),
    }));
    await tx.execute(sql`
      insert into exam_results (attempt_id, exam_id, institute_id, user_id, candidate_name, candidate_email,
        roll_number, batch_ids, attempt_status, submit_reason, submitted_at, total, max_total, breakdown,
        correct, wrong, partial, unanswered, rank_keys, computed_at)
      select r."attemptId", r."examId", r."instituteId", r."userId", r."candidateName", r."candidateEmail",
        r."rollNumber", r."batchIds", r."attemptStatus", r."submitReason", r."submittedAt", r.total,
        r."maxTotal", r.breakdown, r.correct, r.wrong, r.partial, r.unanswered, r."rankKeys", r."computedAt"
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r("attemptId" uuid, "examId" uuid,
        "instituteId" uuid, "userId" uuid, "candidateName" text, "candidateEmail" text, "rollNumber" text,
        "batchIds" uuid[], "attemptStatus" text, "submitReason" text, "submittedAt" timestamptz,
        total numeric, "maxTotal" numeric, breakdown jsonb, correct int, wrong int, partial int,
        unanswered int, "rankKeys" numeric[], "computedAt" timestamptz)
      on conflict (attempt_id) do update set candidate_name = excluded.candidate_name,
        candidate_email = excluded.candidate_email, roll_number = excluded.roll_number,
        batch_ids = excluded.batch_ids, attempt_status = excluded.attempt_status,
        submit_reason = excluded.submit_reason, submitted_at = excluded.submitted_at, total = excluded.total,
        max_total = excluded.max_total, breakdown = excluded.breakdown, correct = excluded.correct,
        wrong = excluded.wrong, partial = excluded.partial, unanswered = excluded.unanswered,
        rank_keys = excluded.rank_keys, computed_at = excluded.computed_at
      where (exam_results.candidate_name, exam_results.candidate_email, exam_results.roll_number,
          exam_results.batch_ids, exam_results.attempt_status, exam_results.submit_reason,
          exam_results.submitted_at, exam_results.total, exam_results.max_total, exam_results.breakdown,
          exam_results.rank_keys)
        is distinct from (excluded.candidate_name, excluded.candidate_email, excluded.roll_number,
          excluded.batch_ids, excluded.attempt_status, excluded.submit_reason, excluded.submitted_at,
          excluded.total, excluded.max_total, excluded.breakdown, excluded.rank_keys)`);
  }
}

/** Rows of a past computation whose attempt is gone are removed by the foreign key; this drops the rest. */
export async function deleteResultsExcept(tx: Tx, examId: string, keepAttemptIds: string[]): Promise<void> {
  await tx.execute(
    sql`delete from exam_results where exam_id = ${examId} and attempt_id <> all(${sql.param(keepAttemptIds)}::uuid[])`,
  );
}

const isRanked = sql`attempt_status = 'submitted' and status = 'ranked' and total is not null`;

/**
 * Institute ranks and NTA percentiles in one statement: competition rank by total then the keys
 * (arrays compare element by element), percentile = 100 x (ranked rows with total <= mine) / N,
 * in numeric and rounded half up to 7 decimals. Rows outside the ranking lose rank and percentile.
 */
export async function rankInInstitute(tx: Tx, examId: string): Promise<number> {
  const result = await tx.execute(sql`
    with ranked as (
      select attempt_id, (${isRanked}) as ok,
        rank() over (partition by (${isRanked}) order by total desc, rank_keys desc) as r,
        round(100 * (count(*) over (partition by (${isRanked}) order by total))::numeric
          / count(*) over (partition by (${isRanked})), 7) as p
      from exam_results where exam_id = ${examId}
    ), changed as (
      update exam_results e set rank = case when ranked.ok then ranked.r end,
        percentile = case when ranked.ok then ranked.p end
      from ranked where e.attempt_id = ranked.attempt_id
        and (e.rank, e.percentile) is distinct from (case when ranked.ok then ranked.r end, case when ranked.ok then ranked.p end)
      returning 1
    )
    select count(*) filter (where ok) as ranked from ranked`);
  return Number((result as { rows: { ranked: string | number }[] }).rows[0]?.ranked ?? 0);
}

/**
 * Ranks and percentiles within each batch (the batches each candidate was in), in one statement.
 * Only what moved is written: a changed rank is updated, a row no longer ranked (withheld, left
 * the batch) deleted, a new one inserted; a recomputation that changes nothing writes nothing.
 */
export async function rankInBatches(tx: Tx, examId: string): Promise<void> {
  await tx.execute(sql`
    with ranked as (
      select e.attempt_id, b.batch_id, e.exam_id,
        rank() over (partition by b.batch_id order by e.total desc, e.rank_keys desc) as rank,
        round(100 * (count(*) over (partition by b.batch_id order by e.total))::numeric
          / count(*) over (partition by b.batch_id), 7) as percentile
      from exam_results e cross join lateral unnest(e.batch_ids) as b(batch_id)
      where e.exam_id = ${examId} and ${isRanked}
    ), stale as (
      delete from exam_result_batch_ranks o where o.exam_id = ${examId}
        and not exists (select 1 from ranked r where r.attempt_id = o.attempt_id and r.batch_id = o.batch_id)
    )
    insert into exam_result_batch_ranks (attempt_id, batch_id, exam_id, rank, percentile)
    select attempt_id, batch_id, exam_id, rank, percentile from ranked
    on conflict (attempt_id, batch_id) do update set rank = excluded.rank, percentile = excluded.percentile,
      exam_id = excluded.exam_id
    where (exam_result_batch_ranks.rank, exam_result_batch_ranks.percentile, exam_result_batch_ranks.exam_id)
      is distinct from (excluded.rank, excluded.percentile, excluded.exam_id)`);
}

export async function upsertRun(tx: Tx, run: RunRow): Promise<void> {
  await tx
    .insert(examResultRuns)
    .values(run)
    .onConflictDoUpdate({
      target: examResultRuns.examId,
      set: { sourceStamp: run.sourceStamp, rankedCount: run.rankedCount, computedAt: run.computedAt },
    });
}

export async function findRun(db: Conn, examId: string): Promise<RunRow | null> {
  const [row] = await db.select().from(examResultRuns).where(eq(examResultRuns.examId, examId));
  return row ?? null;
}

export type ListQuery = {
  examId: string;
  batchId: string | null;
  search: string | null;
  sort: 'rank' | 'name' | 'score' | 'submittedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export type ListedRow = ResultRow & { batchRank: number | null; batchPercentile: string | null };

function orderOf(query: ListQuery): SQL {
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  const rank = query.batchId ? sql`b.rank` : sql`e.rank`;
  const column = {
    rank,
    name: sql`lower(e.candidate_name)`,
    score: sql`e.total`,
    submittedAt: sql`e.submitted_at`,
  }[query.sort];
  return sql`${column} ${direction} nulls last, lower(e.candidate_name) asc, e.attempt_id asc`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A page of the exam's results with the chosen batch's rank, and how many rows match. */
export async function listResults(db: Conn, query: ListQuery): Promise<{ rows: ListedRow[]; total: number }> {
  const filters = [sql`e.exam_id = ${query.examId}`];
  if (query.batchId) filters.push(sql`${query.batchId}::uuid = any(e.batch_ids)`);
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    filters.push(
      sql`(e.candidate_name ilike ${pattern} or e.candidate_email ilike ${pattern} or e.roll_number ilike ${pattern})`,
    );
  }
  const where = sql.join(filters, sql` and `);
  const batchJoin = query.batchId
    ? sql`left join exam_result_batch_ranks b on b.attempt_id = e.attempt_id and b.batch_id = ${query.batchId}::uuid`
    : sql`left join (select null::uuid as attempt_id, null::int as rank, null::numeric as percentile) b on false`;
  const result = await db.execute(sql`
    select e.attempt_id, count(*) over () as matched, b.rank as batch_rank, b.percentile as batch_percentile
    from exam_results e ${batchJoin}
    where ${where}
    order by ${orderOf(query)}
    limit ${query.limit} offset ${query.offset}`);
  type Row = {
    attempt_id: string;
    matched: string | number;
    batch_rank: number | null;
    batch_percentile: string | null;
  };
  const page = (result as { rows: Row[] }).rows;
  if (page.length === 0) {
    const counted = await db.execute(sql`select count(*) as n from exam_results e where ${where}`);
    return { rows: [], total: Number((counted as { rows: { n: string | number }[] }).rows[0]?.n ?? 0) };
  }
  const full = await db
    .select()
    .from(examResults)
    .where(sql`${examResults.attemptId} = any(${sql.param(page.map((r) => r.attempt_id))}::uuid[])`);
  const byId = new Map(full.map((row) => [row.attemptId, row]));
  const rows = page.flatMap((r) => {
    const row = byId.get(r.attempt_id);
    return row
      ? [
          {
            ...row,
            batchRank: r.batch_rank === null ? null : Number(r.batch_rank),
            batchPercentile: r.batch_percentile,
          },
        ]
      : [];
  });
  return { rows, total: Number(page[0]?.matched ?? 0) };
}

export async function findResult(db: Conn, examId: string, attemptId: string): Promise<ResultRow | null> {
  const [row] = await db
    .select()
    .from(examResults)
    .where(and(eq(examResults.examId, examId), eq(examResults.attemptId, attemptId)));
  return row ?? null;
}

export async function findResultOfUser(db: Conn, examId: string, userId: string): Promise<ResultRow | null> {
  const [row] = await db
    .select()
    .from(examResults)
    .where(and(eq(examResults.examId, examId), eq(examResults.userId, userId)));
  return row ?? null;
}

export async function setStatus(
  db: Conn,
  attemptId: string,
  change: { status: ResultStatus; reason: string; by: string; at: Date },
): Promise<void> {
  await db
    .update(examResults)
    .set({
      status: change.status,
      statusReason: change.reason,
      statusChangedBy: change.by,
      statusChangedAt: change.at,
    })
    .where(eq(examResults.attemptId, attemptId));
}

/** Every batch any candidate of the exam was in (for the batch filter). */
export async function listBatchIdsOfExam(db: Conn, examId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select distinct unnest(batch_ids) as batch_id from exam_results where exam_id = ${examId}`,
  );
  return (result as { rows: { batch_id: string }[] }).rows.map((r) => r.batch_id);
}

export type BatchStanding = { batchId: string; rank: number; percentile: string; count: number };

/** The result's rank in each of its batches, with how many ranked results each batch has. */
export async function findBatchStandings(
  db: Conn,
  examId: string,
  attemptId: string,
): Promise<BatchStanding[]> {
  const result = await db.execute(sql`
    select m.batch_id, m.rank, m.percentile, (select count(*) from exam_result_batch_ranks o
      where o.exam_id = ${examId} and o.batch_id = m.batch_id) as n
    from exam_result_batch_ranks m where m.attempt_id = ${attemptId}`);
  type Row = { batch_id: string; rank: number; percentile: string; n: string | number };
  return (result as { rows: Row[] }).rows.map((r) => ({
    batchId: r.batch_id,
    rank: Number(r.rank),
    percentile: String(r.percentile),
    count: Number(r.n),
  }));
}

export type StatisticsRow = {
  subject: string | null;
  count: number;
  average: string | null;
  topper: string | null;
  p90: string | null;
};

/**
 * Average, topper and 90th percentile (percentile_cont, linear interpolation) of the ranked
 * results, overall (subject null) and per subject, in one statement.
 */
export async function computeStatistics(db: Conn, examId: string): Promise<StatisticsRow[]> {
  const result = await db.execute(sql`
    with marks as (
      select null::text as subject, total as marks from exam_results where exam_id = ${examId} and ${isRanked}
      union all
      select s.key, (s.value->>'marks')::numeric from exam_results e, jsonb_each(e.breakdown->'subjects') s
      where e.exam_id = ${examId} and ${isRanked}
    )
    select subject, count(*) as n, round(avg(marks), 4) as average, max(marks) as topper,
      round((percentile_cont(0.9) within group (order by marks))::numeric, 4) as p90
    from marks group by subject order by subject nulls first`);
  type Row = { subject: string | null; n: string | number; average: unknown; topper: unknown; p90: unknown };
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  return (result as { rows: Row[] }).rows.map((r) => ({
    subject: r.subject,
    count: Number(r.n),
    average: text(r.average),
    topper: text(r.topper),
    p90: text(r.p90),
  }));
}

/** The user's computed, ranked results: exam and institute NTA percentile (for trends across exams). */
export async function listStandingsOf(db: Conn, userId: string) {
  return db
    .select({ examId: examResults.examId, percentile: examResults.percentile, rank: examResults.rank })
    .from(examResults)
    .where(and(eq(examResults.userId, userId), sql`${examResults.percentile} is not null`));
}
