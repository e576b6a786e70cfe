import type { BoardRecord, BoardScope } from '../results/board-types.js';

/** One board as the service asks for it: which board, what counts on it, and the caller's slice. */
export type BoardRequest = {
  instituteId: string;
  /** Names the board within the institute, e.g. `exam:<id>`, `institute:30d`, `batch:<id>:all`. */
  key: string;
  scope: BoardScope;
  /**
   * When the board's content changes by itself: the oldest counted submission leaves the period
   * (period boards); null: never without a results change. A store keeping boards rebuilds then.
   */
  expiresAfter: number | null;
  top: number;
  userId: string | null;
};

/**
 * Where boards are read from: the database itself (embedded mode) or Redis sorted sets filled from
 * it (scaled mode). Both answer the same rows for the same request: the top `top` in board order
 * plus the `userId`'s row wherever it is, and N.
 */
export type LeaderboardStore = {
  readBoard(request: BoardRequest, now: number): Promise<BoardRecord>;
  /** The institute's results changed (a computation, a status, a release): every board of it is stale. */
  invalidateInstitute(instituteId: string): Promise<void>;
};

/** The boards read by one SQL statement over the results per request; nothing to keep. */
export function createDatabaseLeaderboardStore(results: {
  readBoard(scope: BoardScope, window: { top: number; userId: string | null }): Promise<BoardRecord>;
}): LeaderboardStore {
  return {
    readBoard: (request) => results.readBoard(request.scope, { top: request.top, userId: request.userId }),
    invalidateInstitute: () => Promise.resolve(),
  };
}
