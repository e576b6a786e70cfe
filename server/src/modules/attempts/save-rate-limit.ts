/**
 * Token buckets for answer saves, in memory. A real candidate sends about one small batch a second
 * (and one batch of up to 500 journalled saves after an outage); a script sending thousands a
 * second is refused before any of it reaches the database. Two dimensions, because both a flood of
 * one-save packets and a few huge batches cost the server: packets and saves.
 */
export type BucketLimit = { burst: number; perSecond: number };
export type SaveLimit = { packets: BucketLimit; saves: BucketLimit };

/** One sender (a socket). */
export const SOCKET_SAVE_LIMIT: SaveLimit = {
  packets: { burst: 30, perSecond: 10 },
  saves: { burst: 1000, perSecond: 100 },
};
/** Everything one user sends to this instance, over every socket and HTTP. */
export const USER_SAVE_LIMIT: SaveLimit = {
  packets: { burst: 60, perSecond: 20 },
  saves: { burst: 2000, perSecond: 200 },
};

/** `limit` with every bucket `scale` times larger and faster. */
export function scaleSaveLimit(limit: SaveLimit, scale: number): SaveLimit {
  const times = (b: BucketLimit): BucketLimit => ({ burst: b.burst * scale, perSecond: b.perSecond * scale });
  return { packets: times(limit.packets), saves: times(limit.saves) };
}

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: BucketLimit,
    now: number,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now;
  }

  refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.perSecond);
    this.updatedAt = now;
  }

  has(cost: number): boolean {
    return this.tokens >= cost;
  }

  take(cost: number): void {
    this.tokens -= cost;
  }

  isFull(): boolean {
    return this.tokens >= this.limit.burst;
  }
}

/** A packet-and-saves budget: `take` answers whether a packet of `saveCount` saves may go ahead. */
export function createSaveBudget(limit: SaveLimit, now: () => number) {
  const packets = new TokenBucket(limit.packets, now());
  const saves = new TokenBucket(limit.saves, now());
  return {
    take(saveCount: number): boolean {
      const at = now();
      packets.refill(at);
      saves.refill(at);
      // A refused packet costs nothing more: the sender is already told to slow down.
      if (!packets.has(1) || !saves.has(saveCount)) return false;
      packets.take(1);
      saves.take(saveCount);
      return true;
    },
    isIdle(): boolean {
      const at = now();
      packets.refill(at);
      saves.refill(at);
      return packets.isFull() && saves.isFull();
    },
  };
}

/** Budgets per key (user id); idle ones are dropped so the map stays small. */
export function createKeyedSaveBudgets(limit: SaveLimit, now: () => number) {
  const budgets = new Map<string, ReturnType<typeof createSaveBudget>>();
  return {
    take(key: string, saveCount: number): boolean {
      let budget = budgets.get(key);
      if (!budget) {
        if (budgets.size >= 10_000) for (const [k, b] of budgets) if (b.isIdle()) budgets.delete(k);
        budget = createSaveBudget(limit, now);
        budgets.set(key, budget);
      }
      return budget.take(saveCount);
    },
  };
}
