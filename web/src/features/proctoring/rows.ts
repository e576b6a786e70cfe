// The live grid's pure logic: merging the server's batched updates, the filters and the order.
// Kept free of React so web/test can check it row by row.
import {
  PROCTOR_EVENT_KINDS,
  type ActionKind,
  type CandidateRow,
  type CandidateStatus,
  type CandidateUpdate,
  type ProctorEventKind,
  type Totals,
} from './types';

/** Below this trust score a candidate is flagged (the server's rule, contract "Live room"). */
export const FLAGGED_BELOW = 80;

export interface MergeResult {
  rows: CandidateRow[];
  /** Updates for candidates the page does not hold (beyond the cap, or registered since it loaded). */
  unknown: number;
}

/**
 * Merges `proctor:updates` rows into the grid by userId: later updates win field by field, the
 * array is copied once, rows nobody touched keep their identity (so React skips them).
 */
export function mergeUpdates(
  rows: readonly CandidateRow[],
  updates: readonly CandidateUpdate[],
): MergeResult {
  if (updates.length === 0) return { rows: rows as CandidateRow[], unknown: 0 };
  const index = new Map<string, number>();
  rows.forEach((row, i) => index.set(row.userId, i));
  const next = rows.slice();
  let unknown = 0;
  for (const update of updates) {
    const at = index.get(update.userId);
    if (at === undefined) {
      unknown += 1;
      continue;
    }
    const current = next[at] as CandidateRow;
    const merged: CandidateRow = { ...current, ...definedFields(update) };
    // Counts by kind arrive whole for the kinds that changed; keep the others.
    if (update.violations) merged.violations = { ...current.violations, ...update.violations };
    next[at] = merged;
  }
  return { rows: next, unknown };
}

/** A partial update may carry `undefined` for fields it does not know: those must not erase data. */
function definedFields(update: CandidateUpdate): Partial<CandidateRow> {
  const out: Partial<CandidateRow> = {};
  for (const [key, value] of Object.entries(update) as [keyof CandidateRow, unknown][]) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Replaces one candidate's row with the server's (an action's response), by userId. */
export function replaceRow(rows: readonly CandidateRow[], row: CandidateRow): CandidateRow[] {
  return rows.map((r) => (r.userId === row.userId ? row : r));
}

export function totalViolations(row: Pick<CandidateRow, 'violations'>): number {
  let sum = 0;
  for (const count of Object.values(row.violations)) sum += count ?? 0;
  return sum;
}

/** Flagged: trust score under 80, or more violations than the exam warns after (0 = no warning). */
export function isFlagged(row: CandidateRow, warnAfter: number): boolean {
  return row.trustScore < FLAGGED_BELOW || (warnAfter > 0 && totalViolations(row) > warnAfter);
}

export type RowFilter = 'all' | 'flagged' | 'offline';

export interface RowQuery {
  filter: RowFilter;
  batchId: string | null;
  search: string;
  warnAfter: number;
}

/** Lower-case, accents and spaces folded, for the name / roll number search. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function matchesQuery(row: CandidateRow, query: RowQuery): boolean {
  if (query.filter === 'flagged' && !isFlagged(row, query.warnAfter)) return false;
  if (query.filter === 'offline' && row.status !== 'offline') return false;
  if (query.batchId && !row.batchIds.includes(query.batchId)) return false;
  const needle = fold(query.search);
  if (needle === '') return true;
  return fold(row.name).includes(needle) || fold(row.rollNumber ?? '').includes(needle);
}

/** The most suspicious first: trust score ascending, then name, then userId (a stable order). */
export function compareRows(a: CandidateRow, b: CandidateRow): number {
  return (
    a.trustScore - b.trustScore ||
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

export function visibleRows(rows: readonly CandidateRow[], query: RowQuery): CandidateRow[] {
  return rows.filter((row) => matchesQuery(row, query)).sort(compareRows);
}

/** The totals bar, counted from the rows the page holds (so live updates move it at once). */
export function countTotals(rows: readonly CandidateRow[], warnAfter: number): Totals {
  const totals: Totals = { all: 0, notStarted: 0, inExam: 0, offline: 0, submitted: 0, flagged: 0 };
  for (const row of rows) {
    totals.all += 1;
    if (row.status === 'not_started') totals.notStarted += 1;
    else if (row.status === 'in_exam' || row.status === 'paused') totals.inExam += 1;
    else if (row.status === 'offline') totals.offline += 1;
    else totals.submitted += 1;
    if (isFlagged(row, warnAfter)) totals.flagged += 1;
  }
  return totals;
}

export type TrustBand = 'high' | 'medium' | 'low';

export function trustBand(score: number): TrustBand {
  if (score >= FLAGGED_BELOW) return 'high';
  return score >= 50 ? 'medium' : 'low';
}

export const trustColour: Record<TrustBand, string> = { high: 'teal', medium: 'yellow', low: 'red' };

export const statusColour: Record<CandidateStatus, string> = {
  not_started: 'gray',
  in_exam: 'blue',
  paused: 'yellow',
  offline: 'orange',
  submitted: 'teal',
};

/** The kinds a candidate has events of, in the catalogue's order, with their counts. */
export function violationEntries(row: Pick<CandidateRow, 'violations'>): [ProctorEventKind, number][] {
  return PROCTOR_EVENT_KINDS.flatMap((kind) => {
    const count = row.violations[kind] ?? 0;
    return count > 0 ? [[kind, count] as [ProctorEventKind, number]] : [];
  });
}

/**
 * What a proctor can do to an attempt in each state: nothing before it starts or after it is
 * submitted; pause only a running one, resume only a paused one.
 */
export function availableActions(row: Pick<CandidateRow, 'status' | 'attemptId'>): ActionKind[] {
  if (row.attemptId === null) return [];
  switch (row.status) {
    case 'in_exam':
      return ['message', 'warn', 'pause', 'extend', 'terminate'];
    case 'offline':
      return ['message', 'warn', 'extend', 'terminate'];
    case 'paused':
      return ['message', 'warn', 'resume', 'extend', 'terminate'];
    case 'not_started':
    case 'submitted':
      return [];
  }
}

/** Whether the time-left column counts down for this status (a paused clock does not run). */
export function isClockRunning(status: CandidateStatus): boolean {
  return status === 'in_exam' || status === 'offline';
}
