import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkChallenge,
  checkDecision,
  checkProvisionalKeyPublication,
  checkWithdrawal,
  countChallengesByQuestion,
  isChallengeWindowOpen,
  DEFAULT_CHALLENGE_WINDOW_MS,
  MAX_CHALLENGE_WINDOW_MS,
  MIN_CHALLENGE_WINDOW_MS,
  type ChallengeStatus,
} from '../src/index.js';

const final = Date.parse('2026-03-01T13:00:00Z');
const hour = 3_600_000;
const key = { publishedAt: final + hour, challengesCloseAt: final + hour + DEFAULT_CHALLENGE_WINDOW_MS };

describe('publishing a provisional key', () => {
  const publish = (now: number, closesAt = now + DEFAULT_CHALLENGE_WINDOW_MS) =>
    checkProvisionalKeyPublication({ answersFinalAt: final, published: null, closesAt, now });

  it('waits until nobody can answer any more, and says when', () => {
    expect(publish(final - 1)).toEqual({ canPublish: false, reason: 'NOT_FINAL', possibleAt: final });
    expect(publish(final)).toEqual({ canPublish: true });
  });

  it('needs a schedule, happens once, and keeps the window between 15 minutes and 30 days', () => {
    const closesAt = final + DEFAULT_CHALLENGE_WINDOW_MS;
    expect(
      checkProvisionalKeyPublication({ answersFinalAt: null, published: null, closesAt, now: final }),
    ).toMatchObject({ reason: 'NOT_SCHEDULED' });
    expect(
      checkProvisionalKeyPublication({ answersFinalAt: final, published: key, closesAt, now: final }),
    ).toMatchObject({ reason: 'PUBLISHED' });
    expect(publish(final, final + MIN_CHALLENGE_WINDOW_MS - 1)).toMatchObject({ reason: 'WINDOW_INVALID' });
    expect(publish(final, final - hour)).toMatchObject({ reason: 'WINDOW_INVALID' });
    expect(publish(final, final + MAX_CHALLENGE_WINDOW_MS + 1)).toMatchObject({ reason: 'WINDOW_INVALID' });
    expect(publish(final, Number.NaN)).toMatchObject({ reason: 'WINDOW_INVALID' });
    expect(publish(final, final + MIN_CHALLENGE_WINDOW_MS)).toEqual({ canPublish: true });
    expect(publish(final, final + MAX_CHALLENGE_WINDOW_MS)).toEqual({ canPublish: true });
  });
});

describe('the challenge window', () => {
  it('is open from publication until (not at) the close', () => {
    expect(isChallengeWindowOpen(null, key.publishedAt)).toBe(false);
    expect(isChallengeWindowOpen(key, key.publishedAt - 1)).toBe(false);
    expect(isChallengeWindowOpen(key, key.publishedAt)).toBe(true);
    expect(isChallengeWindowOpen(key, key.challengesCloseAt - 1)).toBe(true);
    expect(isChallengeWindowOpen(key, key.challengesCloseAt)).toBe(false);
  });
});

describe('challenging a key', () => {
  const open = key.publishedAt + hour;
  const base = { key, now: open, hasSubmitted: true, standing: [] as ChallengeStatus[] };

  it('is for candidates who sat, inside the window, once per question', () => {
    expect(checkChallenge(base)).toEqual({ canChallenge: true });
    expect(checkChallenge({ ...base, key: null })).toMatchObject({ reason: 'NOT_PUBLISHED' });
    expect(checkChallenge({ ...base, now: key.challengesCloseAt })).toMatchObject({
      reason: 'WINDOW_CLOSED',
    });
    expect(checkChallenge({ ...base, hasSubmitted: false })).toMatchObject({ reason: 'NOT_SAT' });
    for (const status of ['pending', 'accepted', 'rejected'] as const)
      expect(checkChallenge({ ...base, standing: ['withdrawn', status] })).toMatchObject({
        reason: 'ALREADY_CHALLENGED',
      });
    expect(checkChallenge({ ...base, standing: ['withdrawn', 'withdrawn'] })).toEqual({ canChallenge: true });
  });

  it('is never allowed outside the window, whatever else holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: final - 10 * hour, max: key.challengesCloseAt + 10 * hour }),
        fc.boolean(),
        fc.array(fc.constantFrom<ChallengeStatus>('pending', 'accepted', 'rejected', 'withdrawn')),
        (now, hasSubmitted, standing) => {
          const check = checkChallenge({ key, now, hasSubmitted, standing });
          if (check.canChallenge) expect(isChallengeWindowOpen(key, now)).toBe(true);
          if (!isChallengeWindowOpen(key, now)) expect(check).toMatchObject({ reason: 'WINDOW_CLOSED' });
        },
      ),
    );
  });

  it('can be withdrawn while pending and the window is open', () => {
    expect(checkWithdrawal({ key, now: open, status: 'pending' })).toEqual({ canWithdraw: true });
    expect(checkWithdrawal({ key, now: key.challengesCloseAt, status: 'pending' })).toMatchObject({
      reason: 'WINDOW_CLOSED',
    });
    for (const status of ['accepted', 'rejected', 'withdrawn'] as const)
      expect(checkWithdrawal({ key, now: open, status })).toMatchObject({ reason: 'NOT_PENDING' });
  });

  it('is decided after publication, only with something pending', () => {
    expect(checkDecision({ key, pendingCount: 2 })).toEqual({ canDecide: true });
    expect(checkDecision({ key: null, pendingCount: 2 })).toMatchObject({ reason: 'NOT_PUBLISHED' });
    expect(checkDecision({ key, pendingCount: 0 })).toMatchObject({ reason: 'NONE_PENDING' });
  });
});

describe('challenges grouped by question', () => {
  it('counts per status in the paper order, without withdrawn ones', () => {
    const grouped = countChallengesByQuestion(
      [
        { questionId: 'q3', status: 'pending' },
        { questionId: 'q1', status: 'pending' },
        { questionId: 'q3', status: 'rejected' },
        { questionId: 'q3', status: 'withdrawn' },
        { questionId: 'q2', status: 'withdrawn' },
        { questionId: 'q1', status: 'accepted' },
      ],
      ['q1', 'q2', 'q3'],
    );
    expect(grouped).toEqual([
      { questionId: 'q1', pending: 1, accepted: 1, rejected: 0, total: 2 },
      { questionId: 'q3', pending: 1, accepted: 0, rejected: 1, total: 2 },
    ]);
  });
});
