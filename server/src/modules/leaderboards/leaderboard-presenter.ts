import { maskLeaderboardName, type LeaderboardNameMode, type LeaderboardPeriod } from '@examtech/core';
import type { BoardRecord, BoardRowRecord } from '../results/board-types.js';

export type BoardDescription =
  | { kind: 'institute'; period: LeaderboardPeriod }
  | { kind: 'batch'; period: LeaderboardPeriod; batchId: string; title: string }
  | { kind: 'exam'; examId: string; title: string };

export type LeaderboardRowView = {
  position: number;
  /** null: hidden by the institute's privacy setting. */
  name: string | null;
  isMe: boolean;
  /** The exam's NTA percentile, or the period's average, to 7 decimals. */
  percentile: string;
  exams: number;
};

/**
 * A board as its reader sees it. Staff see every name; a student sees their own, and others' as the
 * institute's setting says (`names`: what applied to this reader). No other student's id leaves.
 */
export function presentBoard(
  board: BoardRecord,
  description: BoardDescription,
  top: number,
  reader: { userId: string; isStudent: boolean; names: LeaderboardNameMode },
) {
  const names: LeaderboardNameMode = reader.isStudent ? reader.names : 'full';
  const present = (row: BoardRowRecord): LeaderboardRowView => {
    const isMe = row.userId === reader.userId;
    return {
      position: row.position,
      name: isMe ? row.name : maskLeaderboardName(row.name, names),
      isMe,
      percentile: row.percentile,
      exams: row.exams,
    };
  };
  const mine = board.rows.find((r) => r.userId === reader.userId);
  return {
    board: description,
    names,
    count: board.count,
    top: board.rows.filter((r) => r.ordinal <= top).map(present),
    /** The reader's own row, inside the top or not (null: not on this board). */
    me: mine ? present(mine) : null,
  };
}
