// Generated attempts with scores, inserted in bulk: for the ranking test and the results benchmark only,
// whose subject is the ranking query, not how attempts are sat (no vitest import: the bench uses it too).
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.js';

type GeneratedSummary = {
  exact: { num: number; den: number };
  marks: number;
  maxExact: { num: number; den: number };
  maxMarks: number;
  correct: number;
  partial: number;
  wrong: number;
  unanswered: number;
  notEvaluated: number;
  bonus: number;
};
export type GeneratedScore = {
  total: GeneratedSummary;
  sections: Record<string, GeneratedSummary>;
  subjects: Record<string, GeneratedSummary>;
};
export type GeneratedAttempt = {
  userId: string;
  status: 'in_progress' | 'submitted';
  score: GeneratedScore | null;
  batchIds: string[];
};

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
export function createSeededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

const summaryOf = (thirds: number, correct: number, wrong: number): GeneratedSummary => ({
  exact: thirds % 3 === 0 ? { num: thirds / 3, den: 1 } : { num: thirds, den: 3 },
  marks: thirds / 3,
  maxExact: { num: 100, den: 1 },
  maxMarks: 100,
  correct,
  partial: 0,
  wrong,
  unanswered: 25 - correct - wrong,
  notEvaluated: 0,
  bonus: 0,
});

/**
 * A JEE Main-like score: marks in thirds (exact fractions) from a narrow range, so totals, subject
 * marks and ratios all tie often and every tie-break level is exercised.
 */
export function generateScore(random: (n: number) => number): GeneratedScore {
  const subjects: Record<string, GeneratedSummary> = {};
  let thirds = 0;
  let correct = 0;
  let wrong = 0;
  for (const subject of ['Physics', 'Chemistry', 'Mathematics']) {
    const c = random(4);
    const w = random(3);
    const extra = random(2) * 3 - random(2); // a -1/3 penalty now and then
    const subjectThirds = (4 * c - w) * 3 + extra;
    subjects[subject] = summaryOf(subjectThirds, c, w);
    thirds += subjectThirds;
    correct += c;
    wrong += w;
  }
  const total = summaryOf(thirds, correct, wrong);
  return {
    total: { ...total, maxExact: { num: 300, den: 1 }, maxMarks: 300 },
    sections: { all: total },
    subjects,
  };
}

/**
 * Bulk rows for the ranking test only (its subject is the ranking query, not submitting): `count`
 * students of the institute in the given batches, each with an attempt of the exam, as one
 * statement each.
 */
export async function insertGeneratedAttempts(
  app: App,
  input: { examId: string; instituteId: string; batchIds: string[]; count: number; seed: number },
): Promise<GeneratedAttempt[]> {
  const db = app.database.db;
  const random = createSeededRandom(input.seed);
  const created = await db.execute(sql`
    insert into users (institute_id, email, name, role, password_hash, roll_number)
    select ${input.instituteId}::uuid, 'gen' || g || '-' || ${input.seed} || '@generated.example', 'Generated ' || g,
      'student', 'not-a-hash', 'R' || ${input.seed} || '-' || g
    from generate_series(1, ${input.count}) g order by g returning id`);
  const userIds = (created as { rows: { id: string }[] }).rows.map((r) => r.id);
  const rows = userIds.map((userId, i): GeneratedAttempt => {
    const batchIds = [input.batchIds[i % input.batchIds.length]!];
    if (i % 7 === 0 && input.batchIds.length > 1)
      batchIds.push(input.batchIds[(i + 1) % input.batchIds.length]!);
    const submitted = i % 50 !== 0;
    return {
      userId,
      status: submitted ? 'submitted' : 'in_progress',
      score: submitted ? generateScore(random) : null,
      batchIds,
    };
  });
  await db.execute(sql`
    insert into batch_members (batch_id, user_id, institute_id)
    select b.batch_id, r."userId", ${input.instituteId}::uuid
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("userId" uuid, "batchIds" uuid[])
    cross join lateral unnest(r."batchIds") as b(batch_id)`);
  await db.execute(sql`
    insert into attempts (exam_id, snapshot_id, institute_id, user_id, seed, status, started_at, deadline_at,
      submitted_at, submit_reason, score)
    select ${input.examId}::uuid, e.published_snapshot_id, ${input.instituteId}::uuid, r."userId", 'gen', r.status::attempt_status,
      now() - interval '1 hour', now() + interval '3 hours', case when r.status = 'submitted' then now() end,
      case when r.status = 'submitted' then 'deadline' end, r.score
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("userId" uuid, status text, score jsonb)
    cross join exams e where e.id = ${input.examId}::uuid`);
  return rows;
}
