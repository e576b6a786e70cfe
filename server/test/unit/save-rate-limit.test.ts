import { describe, expect, it } from 'vitest';
import {
  createKeyedSaveBudgets,
  createSaveBudget,
  SOCKET_SAVE_LIMIT,
} from '../../src/modules/attempts/save-rate-limit.js';

describe('save budgets (token buckets of packets and saves)', () => {
  it('lets a burst through, refuses beyond it, and refills with time', () => {
    let now = 0;
    const budget = createSaveBudget(SOCKET_SAVE_LIMIT, () => now);
    const taken = Array.from({ length: 40 }, () => budget.take(1)).filter(Boolean).length;
    expect(taken).toBe(SOCKET_SAVE_LIMIT.packets.burst);
    now += 1000;
    const refilled = Array.from({ length: 40 }, () => budget.take(1)).filter(Boolean).length;
    expect(refilled).toBe(SOCKET_SAVE_LIMIT.packets.perSecond);
  });

  it('counts saves too: two whole journals at once, not a third', () => {
    const budget = createSaveBudget(SOCKET_SAVE_LIMIT, () => 0);
    expect([budget.take(500), budget.take(500), budget.take(500)]).toEqual([true, true, false]);
  });

  it('a refused packet costs nothing: a sender that stops is back to full speed', () => {
    let now = 0;
    const budget = createSaveBudget(
      { packets: { burst: 2, perSecond: 1 }, saves: { burst: 10, perSecond: 10 } },
      () => now,
    );
    expect([budget.take(1), budget.take(1), budget.take(1), budget.take(1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    now += 2000;
    expect(budget.isIdle()).toBe(true);
    expect([budget.take(1), budget.take(1), budget.take(1)]).toEqual([true, true, false]);
  });

  it('keeps one budget per key', () => {
    const budgets = createKeyedSaveBudgets(SOCKET_SAVE_LIMIT, () => 0);
    expect(budgets.take('user-a', 1000)).toBe(true);
    expect(budgets.take('user-a', 1)).toBe(false);
    expect(budgets.take('user-b', 1000)).toBe(true);
  });
});
