import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BoardRecord, BoardRowRecord, BoardScope } from '../results/board-types.js';
import type { BoardRequest, LeaderboardStore } from './leaderboard-store.js';

/** A built board outlives its last use by a day at most; a new version makes it unreachable at once. */
const BOARD_TTL_SECONDS = 24 * 3600;
const WRITE_CHUNK = 1_000;

type StoredRow = Pick<BoardRowRecord, 'position' | 'name' | 'percentile' | 'exams'>;

/**
 * What the board was built from: the exams that counted (release is decided per request, so a
 * release that came due is seen even before its job ran). The period's sliding start is the
 * board's expiry instead (`validUntil`).
 */
function fingerprintOf(scope: BoardScope): string {
  const basis = scope.kind === 'exam' ? scope.examId : [...scope.examIds].sort().join(',');
  return createHash('sha256').update(basis).digest('base64url');
}

/**
 * Boards as Redis sorted sets, one per board and institute version: members are user ids scored by
 * their place in the board's order (1..N, ties already broken by the database's query), and a hash
 * holds each row's position, name, percentile and exams. A board is built from the database on the
 * first read after a change (the institute's version moves on every results computation, status
 * change and release) and whenever its fingerprint or expiry says it no longer holds, in one
 * MULTI, so a reader sees the old board or the new one, never half. Reads are ZRANGE for the top,
 * ZRANK for the caller's place and HMGET for the rows: no aggregate per request.
 */
export function createRedisLeaderboardStore(deps: {
  redis: Redis;
  /** The database's answer: every row of the board (a full window) to fill the cache. */
  readAll(scope: BoardScope): Promise<BoardRecord>;
}): LeaderboardStore {
  const { redis } = deps;
  const versionKey = (instituteId: string) => `lb:${instituteId}:version`;

  async function build(base: string, request: BoardRequest, fingerprint: string, now: number) {
    const board = await deps.readAll(request.scope);
    const validUntil =
      board.oldestAt && request.expiresAfter !== null
        ? board.oldestAt.getTime() + request.expiresAfter
        : null;
    const tx = redis.multi().del(`${base}:z`, `${base}:h`, `${base}:m`);
    for (let i = 0; i < board.rows.length; i += WRITE_CHUNK) {
      const chunk = board.rows.slice(i, i + WRITE_CHUNK);
      tx.zadd(`${base}:z`, ...chunk.flatMap((r) => [String(r.ordinal), r.userId]));
      tx.hset(
        `${base}:h`,
        Object.fromEntries(
          chunk.map((r) => {
            const stored: StoredRow = {
              position: r.position,
              name: r.name,
              percentile: r.percentile,
              exams: r.exams,
            };
            return [r.userId, JSON.stringify(stored)];
          }),
        ),
      );
    }
    tx.hset(`${base}:m`, {
      fingerprint,
      count: String(board.count),
      oldestAt: board.oldestAt?.toISOString() ?? '',
      validUntil: validUntil === null ? '' : String(validUntil),
      builtAt: String(now),
    });
    for (const suffix of ['z', 'h', 'm']) tx.expire(`${base}:${suffix}`, BOARD_TTL_SECONDS);
    await tx.exec();
    return board;
  }

  const slice = (board: BoardRecord, top: number, userId: string | null): BoardRecord => ({
    ...board,
    rows: board.rows.filter((r) => r.ordinal <= top || (userId !== null && r.userId === userId)),
  });

  return {
    async readBoard(request, now) {
      const version = (await redis.get(versionKey(request.instituteId))) ?? '0';
      const base = `lb:${request.instituteId}:${version}:${request.key}`;
      const fingerprint = fingerprintOf(request.scope);
      const meta = await redis.hgetall(`${base}:m`);
      const isCurrent =
        meta.fingerprint === fingerprint && (!meta.validUntil || now < Number(meta.validUntil));
      if (!isCurrent) return slice(await build(base, request, fingerprint, now), request.top, request.userId);

      const read = redis.pipeline().zrange(`${base}:z`, '0', String(request.top - 1));
      if (request.userId) read.zrank(`${base}:z`, request.userId);
      const replies = (await read.exec()) ?? [];
      const topIds = (replies[0]?.[1] as string[] | undefined) ?? [];
      const myIndex = request.userId ? (replies[1]?.[1] as number | null | undefined) : null;
      const ids = [...topIds];
      if (request.userId && typeof myIndex === 'number' && myIndex >= request.top) ids.push(request.userId);
      const stored = ids.length > 0 ? await redis.hmget(`${base}:h`, ...ids) : [];
      const rows = ids.flatMap((userId, i): BoardRowRecord[] => {
        const json = stored[i];
        if (!json) return [];
        const row = JSON.parse(json) as StoredRow;
        const ordinal = i < topIds.length ? i + 1 : Number(myIndex) + 1;
        return [{ ordinal, userId, ...row }];
      });
      return {
        rows,
        count: Number(meta.count ?? 0),
        oldestAt: meta.oldestAt ? new Date(meta.oldestAt) : null,
      };
    },

    async invalidateInstitute(instituteId) {
      await redis.incr(versionKey(instituteId));
    },
  };
}
