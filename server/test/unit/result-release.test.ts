import { describe, expect, it } from 'vitest';
import { OFFLINE_SYNC_WINDOW_MS, SAVE_GRACE_MS } from '../../src/modules/attempts/attempt-service.js';
import { ANSWERS_SETTLE_MS } from '../../src/modules/exams/result-release.js';

describe('result release', () => {
  it('waits for everything the attempts still accept after a deadline: saves in flight and offline journals', () => {
    expect(ANSWERS_SETTLE_MS).toBe(SAVE_GRACE_MS + OFFLINE_SYNC_WINDOW_MS);
  });
});
