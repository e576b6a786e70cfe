import type { ListedRow, StatisticsRow } from './results-repo.js';

/** How a number the database keeps exactly is shown: marks to 2 places, a percentile to 7. */
export const marks = (value: string | null) =>
  value === null ? null : Number(value).toFixed(2).replace(/\.00$/, '');
export const percentile = (value: string | null) => (value === null ? null : Number(value).toFixed(7));

export type SectionName = { id: string; name: string };

/** The attempt as a teacher reads it: not started, in progress, or submitted (and how). */
function attemptStatusOf(row: ListedRow): 'not_started' | 'in_progress' | 'submitted' {
  if (row.attemptStatus === 'submitted') return 'submitted';
  return row.attemptStatus === 'in_progress' ? 'in_progress' : 'not_started';
}

export function presentResultRow(row: ListedRow, sections: readonly SectionName[]) {
  const submitted = row.attemptStatus === 'submitted';
  return {
    attemptId: row.attemptId,
    userId: row.userId,
    name: row.candidateName,
    email: row.candidateEmail,
    rollNumber: row.rollNumber,
    attemptStatus: attemptStatusOf(row),
    submitReason: row.submitReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    total: marks(row.total),
    maxTotal: marks(row.maxTotal),
    sections: submitted
      ? sections.map((section) => {
          const summary = row.breakdown?.sections[section.id];
          return {
            id: section.id,
            name: section.name,
            marks: marks(summary?.marks ?? null),
            correct: summary?.correct ?? 0,
            wrong: summary?.wrong ?? 0,
            unanswered: summary?.unanswered ?? 0,
          };
        })
      : [],
    counts: submitted
      ? {
          correct: row.correct ?? 0,
          wrong: row.wrong ?? 0,
          partial: row.partial ?? 0,
          unanswered: row.unanswered ?? 0,
        }
      : null,
    /** Only a submitted attempt has a result status; ranks only a ranked one. */
    resultStatus: submitted ? row.status : null,
    statusReason: submitted ? row.statusReason : null,
    rank: row.rank,
    percentile: percentile(row.percentile),
    batchRank: row.batchRank,
    batchPercentile: percentile(row.batchPercentile),
  };
}

export type ResultRowView = ReturnType<typeof presentResultRow>;

export function presentStatistics(row: StatisticsRow) {
  return {
    count: row.count,
    average: row.average === null ? null : Number(row.average),
    topper: row.topper === null ? null : Number(row.topper),
    p90: row.p90 === null ? null : Number(row.p90),
  };
}

type Standing = {
  status: 'ranked' | 'withheld' | 'disqualified';
  institute: { rank: number | null; percentile: string | null; count: number };
  batches: { batchId: string; rank: number; percentile: string; count: number }[];
};

/**
 * A candidate's standing as their analysis shows it: rank and NTA percentile (7 places) with N, in
 * the institute and each batch; a withheld or disqualified result shows its status and no rank.
 */
export function presentStanding(standing: Standing) {
  if (standing.status !== 'ranked') return { status: standing.status, institute: null, batches: [] };
  return {
    status: standing.status,
    institute: {
      rank: standing.institute.rank,
      percentile: percentile(standing.institute.percentile),
      count: standing.institute.count,
    },
    batches: standing.batches.map((b) => ({
      batchId: b.batchId,
      rank: b.rank,
      percentile: percentile(b.percentile),
      count: b.count,
    })),
  };
}
