/** The leaderboards' view of the results (board-repo.ts answers it; the leaderboards module asks). */

export type BoardScope =
  | { kind: 'exam'; instituteId: string; examId: string }
  | {
      kind: 'period';
      instituteId: string;
      /** The released exams that count (the caller decides release). */
      examIds: readonly string[];
      since: Date | null;
      batchId: string | null;
    };

/** Top `top` rows plus the row of `userId` wherever it is; null: every row (to fill a cache). */
export type BoardWindow = { top: number; userId: string | null } | null;

export type BoardRowRecord = {
  /** 1..N, the board's order (ties broken by name, then id, so every reader lists them alike). */
  ordinal: number;
  /** The shown position: equal figures share one (competition ranking). */
  position: number;
  userId: string;
  name: string;
  /** The exam's NTA percentile, or the average of the period's, to 7 decimals. */
  percentile: string;
  exams: number;
};

export type BoardRecord = {
  rows: BoardRowRecord[];
  count: number;
  /** The earliest submission counted (period boards): the board changes when it leaves the period. */
  oldestAt: Date | null;
};
