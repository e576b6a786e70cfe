/**
 * Ranks and NTA percentiles over 10,000 generated attempts, computed by the database, equal the
 * core's reference ranking with JEE Main's tie-breaks, in the institute and in every batch; a
 * withheld result leaves ranks and N.
 */
import {
  computeNtaPercentiles,
  computeRankKeys,
  formatPercentile,
  JEE_MAIN_TIE_BREAK,
  rankCandidates,
  toNumber,
  type RankableScore,
} from '@examtech/core';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishExam } from '../support/exam-fixtures.js';
import { createInstituteFixture, type InstituteFixture } from '../support/institute-fixture.js';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { insertGeneratedAttempts, readResults, type GeneratedAttempt } from '../support/results-fixtures.js';
import { useTestApp } from '../support/test-app.js';

const COUNT = 10_000;
const ctx = useTestApp();
let school: InstituteFixture;
let examId: string;
let generated: GeneratedAttempt[];
let batchIds: string[];

type Stored = { user_id: string; rank: number | null; percentile: string | null };
type StoredBatch = { user_id: string; batch_id: string; rank: number; percentile: string };

async function readStored() {
  const db = ctx.app.database.db;
  const rows = (
    (await db.execute(
      sql`select user_id, rank, percentile::text as percentile from exam_results where exam_id = ${examId}`,
    )) as { rows: Stored[] }
  ).rows;
  const batches = (
    (await db.execute(sql`select r.user_id, b.batch_id, b.rank, b.percentile::text as percentile
      from exam_result_batch_ranks b join exam_results r using (attempt_id) where b.exam_id = ${examId}`)) as {
      rows: StoredBatch[];
    }
  ).rows;
  return { rows, batches };
}

/** The reference: the core's competition ranking and percentile over the given attempts. */
function reference(attempts: GeneratedAttempt[]) {
  const ranked = rankCandidates(
    attempts.map((a) => {
      const score = a.score as unknown as RankableScore;
      return { id: a.userId, total: score.total.exact, keys: computeRankKeys(score, JEE_MAIN_TIE_BREAK) };
    }),
  );
  const rankOf = new Map(ranked.map((r) => [r.id, r.rank]));
  const percentiles = computeNtaPercentiles(attempts.map((a) => toNumber(a.score!.total.exact)));
  return new Map(
    attempts.map((a, i) => [
      a.userId,
      { rank: rankOf.get(a.userId), percentile: formatPercentile(percentiles[i]!) },
    ]),
  );
}

function expectMatches(
  expected: Map<string, { rank: number | undefined; percentile: string }>,
  actual: { user_id: string; rank: number | null; percentile: string | null }[],
) {
  const mismatches = actual.filter((row) => {
    const want = expected.get(row.user_id);
    return want?.rank !== row.rank || want.percentile !== row.percentile;
  });
  expect(mismatches.slice(0, 3).map((row) => ({ ...row, want: expected.get(row.user_id) }))).toEqual([]);
  expect(actual).toHaveLength(expected.size);
}

beforeAll(async () => {
  school = await createInstituteFixture(ctx.app, { students: 0 });
  const other = await school.admin.post('/api/batches', { name: 'Ranking B', code: 'RANK-B' });
  const third = await school.admin.post('/api/batches', { name: 'Ranking C', code: 'RANK-C' });
  batchIds = [
    school.batch.id,
    other.json<{ batch: { id: string } }>().batch.id,
    third.json<{ batch: { id: string } }>().batch.id,
  ];
  const questionId = await createQuestion(
    school.admin,
    findTopic(await loadSyllabus(school.admin), 'Physics').topicId,
  );
  examId = await publishExam(school.admin, {
    title: 'Ranking at scale',
    durationMinutes: 180,
    lockedSections: false,
    sections: [{ id: 'all', questionIds: [questionId] }],
  });
  // The JEE Main rule comes with the template id.
  await ctx.app.database.db.execute(
    sql`update exams set template_id = 'jee_main_paper1' where id = ${examId}`,
  );
  generated = await insertGeneratedAttempts(ctx.app, {
    examId,
    instituteId: school.instituteId,
    batchIds,
    count: COUNT,
    seed: 11,
  });
}, 300_000);

describe(`ranks over ${COUNT.toLocaleString('en')} attempts`, () => {
  it('equal the core’s reference in the institute and in each batch', async () => {
    const outcome = await ctx.app.results.computeExamResults(examId);
    const submitted = generated.filter((a) => a.status === 'submitted');
    expect(outcome).toMatchObject({ ranked: submitted.length, candidates: COUNT });
    const { rows, batches } = await readStored();
    const expected = reference(submitted);
    // Attempts still running are listed without rank.
    const unranked = rows.filter((r) => r.rank === null).map((r) => r.user_id);
    expect(new Set(unranked)).toEqual(
      new Set(generated.filter((a) => a.status !== 'submitted').map((a) => a.userId)),
    );
    expectMatches(
      expected,
      rows.filter((r) => r.rank !== null),
    );
    // Many ties at the top level, and the tie-breaks separate most of them.
    const totals = new Set(submitted.map((a) => toNumber(a.score!.total.exact)));
    expect(totals.size).toBeLessThan(200);
    expect(new Set(rows.map((r) => r.rank)).size).toBeGreaterThan(totals.size * 5);
    for (const batchId of batchIds) {
      const members = submitted.filter((a) => a.batchIds.includes(batchId));
      expectMatches(
        reference(members),
        batches.filter((b) => b.batch_id === batchId),
      );
    }
  }, 300_000);

  it('withheld results leave ranks and N, and the list shows the batch rank', async () => {
    const submitted = generated.filter((a) => a.status === 'submitted');
    const top = (await readResults(school.admin, examId, '?pageSize=3')).items;
    expect(top.map((r) => r.rank)).toEqual([1, 2, 3].slice(0, top.length).map((_, i) => top[i]!.rank));
    for (const row of top.slice(0, 2)) {
      const res = await school.admin.post(`/api/exams/${examId}/results/${row.attemptId}/status`, {
        status: 'disqualified',
        reason: 'Generated: impersonation',
      });
      expect(res.statusCode).toBe(200);
    }
    const left = new Set(top.slice(0, 2).map((r) => r.userId));
    const { rows } = await readStored();
    expectMatches(
      reference(submitted.filter((a) => !left.has(a.userId))),
      rows.filter((r) => r.rank !== null),
    );
    const inBatch = await readResults(school.admin, examId, `?batchId=${batchIds[1]}&pageSize=5`);
    expect(inBatch.items[0]).toMatchObject({ batchRank: 1, batchPercentile: '100.0000000' });
    const stats = await ctx.app.results.getExamStatistics(examId);
    expect(stats.overall.count).toBe(submitted.length - 2);
    expect(stats.subjects.map((s) => s.subject)).toEqual(['Chemistry', 'Mathematics', 'Physics']);
  }, 300_000);
});
