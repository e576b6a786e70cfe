// The proctor's live grid as a proctor watches it: updates merged by candidate, the flagged and
// offline filters, the batch and name search, most suspicious first, and which actions apply.
import { describe, expect, it } from 'vitest';
import { addAlerts } from '../src/features/proctoring/alerts';
import { buildActionRequest } from '../src/features/proctoring/actions';
import {
  availableActions,
  countTotals,
  isFlagged,
  mergeUpdates,
  replaceRow,
  trustBand,
  violationEntries,
  visibleRows,
  type RowQuery,
} from '../src/features/proctoring/rows';
import type { CandidateRow, ProctorAlert } from '../src/features/proctoring/types';

function row(userId: string, overrides: Partial<CandidateRow> = {}): CandidateRow {
  return {
    attemptId: `a-${userId}`,
    userId,
    name: `Candidate ${userId}`,
    rollNumber: `R${userId}`,
    batchIds: ['b1'],
    status: 'in_exam',
    deadlineAt: '2030-01-01T10:00:00.000Z',
    answered: 0,
    latestSnapshot: null,
    violations: {},
    trustScore: 100,
    decision: null,
    ...overrides,
  };
}

const query = (overrides: Partial<RowQuery> = {}): RowQuery => ({
  filter: 'all',
  batchId: null,
  search: '',
  warnAfter: 3,
  ...overrides,
});

describe('merging proctor:updates into the grid', () => {
  it('changes only the fields an update carries, for the candidate it names', () => {
    const rows = [row('1', { answered: 4 }), row('2')];
    const { rows: merged, unknown } = mergeUpdates(rows, [
      { userId: '1', attemptId: 'a-1', status: 'offline', trustScore: 72 },
    ]);
    expect(unknown).toBe(0);
    expect(merged[0]).toMatchObject({ status: 'offline', trustScore: 72, answered: 4, name: 'Candidate 1' });
    // The untouched row is the same object: React skips it.
    expect(merged[1]).toBe(rows[1]);
    // The input is not mutated (it is react-query's cached data).
    expect(rows[0]?.status).toBe('in_exam');
  });

  it('applies several updates for one candidate in order, the last value winning', () => {
    const { rows } = mergeUpdates(
      [row('1')],
      [
        { userId: '1', attemptId: 'a-1', answered: 3 },
        { userId: '1', attemptId: 'a-1', answered: 5, status: 'paused' },
        { userId: '1', attemptId: 'a-1', status: 'in_exam' },
      ],
    );
    expect(rows[0]).toMatchObject({ answered: 5, status: 'in_exam' });
  });

  it('keeps the counts of kinds an update does not mention, and does not erase with undefined', () => {
    const { rows } = mergeUpdates(
      [
        row('1', {
          violations: { tab_hidden: 2, copy: 1 },
          latestSnapshot: { evidenceId: 'e1', takenAt: 'x' },
        }),
      ],
      [{ userId: '1', attemptId: 'a-1', violations: { tab_hidden: 3 }, latestSnapshot: undefined }],
    );
    expect(rows[0]?.violations).toEqual({ tab_hidden: 3, copy: 1 });
    expect(rows[0]?.latestSnapshot).toEqual({ evidenceId: 'e1', takenAt: 'x' });
  });

  it('counts updates for candidates the page does not hold instead of inventing half rows', () => {
    const rows = [row('1')];
    const result = mergeUpdates(rows, [{ userId: '9', attemptId: 'a-9', status: 'offline' }]);
    expect(result.unknown).toBe(1);
    expect(result.rows).toHaveLength(1);
  });

  it('replaces a row from an action response by userId', () => {
    const rows = [row('1'), row('2')];
    const paused = row('2', { status: 'paused' });
    expect(replaceRow(rows, paused)).toEqual([rows[0], paused]);
  });
});

describe('the filters, the search and the order', () => {
  const rows = [
    row('1', { name: 'Zoya Khan', trustScore: 95 }),
    row('2', { name: 'Arjun Mehta', trustScore: 40, batchIds: ['b2'] }),
    row('3', { name: 'Śruti Rao', rollNumber: 'JEE-0042', trustScore: 95, status: 'offline' }),
    row('4', { name: 'Bala Iyer', trustScore: 90, violations: { tab_hidden: 2, paste: 2 } }),
    row('5', { name: 'Chitra Das', trustScore: 79 }),
  ];
  const names = (list: CandidateRow[]) => list.map((r) => r.name);

  it('puts the lowest trust score first, ties by name', () => {
    expect(names(visibleRows(rows, query()))).toEqual([
      'Arjun Mehta',
      'Chitra Das',
      'Bala Iyer',
      'Śruti Rao',
      'Zoya Khan',
    ]);
  });

  it('flags a score under 80 or more violations than the warning threshold', () => {
    expect(names(visibleRows(rows, query({ filter: 'flagged' })))).toEqual([
      'Arjun Mehta',
      'Chitra Das',
      'Bala Iyer',
    ]);
    // Four violations with warnings after 5: only the score counts.
    expect(isFlagged(rows[3] as CandidateRow, 5)).toBe(false);
    // No warning threshold (0): violations alone never flag.
    expect(isFlagged(rows[3] as CandidateRow, 0)).toBe(false);
  });

  it('shows only offline candidates on the offline filter, and only the chosen batch', () => {
    expect(names(visibleRows(rows, query({ filter: 'offline' })))).toEqual(['Śruti Rao']);
    expect(names(visibleRows(rows, query({ batchId: 'b2' })))).toEqual(['Arjun Mehta']);
  });

  it('finds by part of a name, ignoring case and accents, or by roll number', () => {
    expect(names(visibleRows(rows, query({ search: 'sruti' })))).toEqual(['Śruti Rao']);
    expect(names(visibleRows(rows, query({ search: '  MEHTA ' })))).toEqual(['Arjun Mehta']);
    expect(names(visibleRows(rows, query({ search: 'jee-0042' })))).toEqual(['Śruti Rao']);
  });

  it('counts the totals bar from the rows, a paused candidate as in the exam', () => {
    const totals = countTotals(
      [
        ...rows,
        row('6', { status: 'paused' }),
        row('7', { status: 'submitted' }),
        row('8', { status: 'not_started' }),
      ],
      3,
    );
    expect(totals).toEqual({ all: 8, notStarted: 1, inExam: 5, offline: 1, submitted: 1, flagged: 3 });
  });

  it('colours the trust score by band and lists violation kinds with counts', () => {
    expect([trustBand(100), trustBand(80), trustBand(79), trustBand(50), trustBand(49)]).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
    ]);
    expect(violationEntries({ violations: { paste: 2, tab_hidden: 1, copy: 0 } })).toEqual([
      ['tab_hidden', 1],
      ['paste', 2],
    ]);
  });
});

describe('the actions a proctor is offered', () => {
  it('pauses only a running attempt, resumes only a paused one, and offers nothing before start or after submit', () => {
    expect(availableActions(row('1', { status: 'in_exam' }))).toEqual([
      'message',
      'warn',
      'pause',
      'extend',
      'terminate',
    ]);
    expect(availableActions(row('1', { status: 'paused' }))).toContain('resume');
    expect(availableActions(row('1', { status: 'paused' }))).not.toContain('pause');
    expect(availableActions(row('1', { status: 'offline' }))).not.toContain('pause');
    expect(availableActions(row('1', { status: 'submitted' }))).toEqual([]);
    expect(availableActions(row('1', { status: 'not_started', attemptId: null }))).toEqual([]);
  });

  it('sends an action only with a reason, a text for message/warn and 1..120 whole minutes to extend', () => {
    const fields = { reason: '  looked at a phone ', text: '', minutes: 10 };
    expect(buildActionRequest('pause', fields)).toEqual({ kind: 'pause', reason: 'looked at a phone' });
    expect(buildActionRequest('pause', { ...fields, reason: '   ' })).toBeNull();
    expect(buildActionRequest('warn', fields)).toBeNull();
    expect(buildActionRequest('warn', { ...fields, text: 'Eyes on screen' })).toEqual({
      kind: 'warn',
      reason: 'looked at a phone',
      text: 'Eyes on screen',
    });
    expect(buildActionRequest('extend', fields)).toEqual({
      kind: 'extend',
      reason: 'looked at a phone',
      minutes: 10,
    });
    expect(buildActionRequest('extend', { ...fields, minutes: 0 })).toBeNull();
    expect(buildActionRequest('extend', { ...fields, minutes: 121 })).toBeNull();
    expect(buildActionRequest('extend', { ...fields, minutes: 2.5 })).toBeNull();
    expect(buildActionRequest('extend', { ...fields, minutes: '' })).toBeNull();
    expect(buildActionRequest('terminate', { ...fields, reason: 'x'.repeat(501) })).toBeNull();
  });
});

describe('the alerts panel', () => {
  const alert = (id: string): ProctorAlert => ({
    id,
    examId: 'e',
    attemptId: 'a',
    userId: 'u',
    name: 'N',
    kind: 'tab_hidden',
    startedAt: 0,
    durationMs: 0,
  });

  it('shows the newest first, each alert once, at most 200', () => {
    const first = addAlerts([], [alert('1'), alert('2')]);
    expect(first.map((a) => a.id)).toEqual(['2', '1']);
    const again = addAlerts(first, [alert('2'), alert('3')]);
    expect(again.map((a) => a.id)).toEqual(['3', '2', '1']);
    const many = addAlerts(
      again,
      Array.from({ length: 250 }, (_, i) => alert(`n${i}`)),
    );
    expect(many).toHaveLength(200);
    expect(many[0]?.id).toBe('n249');
  });
});
