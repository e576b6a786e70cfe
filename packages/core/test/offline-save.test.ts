import { describe, expect, it } from 'vitest';
import { CAT_2024, computeSchedule, createTimingPlan, decideOfflineSave } from '../src/index.js';
import { fillTemplate } from './fixtures.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 10, 30, 3, 30);

describe('late saves from the offline journal (CAT, locked sections)', () => {
  const paper = fillTemplate(CAT_2024);
  const schedule = computeSchedule(createTimingPlan(paper), T0);
  const base = { windowMs: 30 * MINUTE, skewMs: 30_000 };

  it('counts an answer typed during an outage that began while its section was open', () => {
    const decision = decideOfflineSave(paper, schedule, 'varc-1', {
      ...base,
      offlineSince: T0 + 35 * MINUTE,
      answeredAt: T0 + 38 * MINUTE,
      receivedAt: T0 + 50 * MINUTE,
    });
    expect(decision).toEqual({ isAllowed: true, answeredAt: T0 + 38 * MINUTE });
  });

  it('refuses an answer claimed after its section closed, even during the outage', () => {
    expect(
      decideOfflineSave(paper, schedule, 'varc-1', {
        ...base,
        offlineSince: T0 + 35 * MINUTE,
        answeredAt: T0 + 41 * MINUTE,
        receivedAt: T0 + 50 * MINUTE,
      }),
    ).toEqual({ isAllowed: false, reason: 'SECTION_CLOSED' });
  });

  it('refuses when the server never saw the connection drop, or saw it only after the section closed', () => {
    const claim = { ...base, answeredAt: T0 + 38 * MINUTE, receivedAt: T0 + 50 * MINUTE };
    expect(decideOfflineSave(paper, schedule, 'varc-1', { ...claim, offlineSince: null })).toEqual({
      isAllowed: false,
      reason: 'NOT_OFFLINE',
    });
    expect(
      decideOfflineSave(paper, schedule, 'varc-1', { ...claim, offlineSince: T0 + 40 * MINUTE }),
    ).toEqual({ isAllowed: false, reason: 'NOT_OFFLINE' });
  });

  it('refuses a claimed time from before the outage (beyond the skew) or from the future', () => {
    const outage = { ...base, offlineSince: T0 + 35 * MINUTE, receivedAt: T0 + 50 * MINUTE };
    expect(decideOfflineSave(paper, schedule, 'varc-1', { ...outage, answeredAt: T0 + 30 * MINUTE })).toEqual(
      { isAllowed: false, reason: 'ANSWERED_AT_IMPLAUSIBLE' },
    );
    expect(
      decideOfflineSave(paper, schedule, 'varc-1', { ...outage, answeredAt: T0 + 35 * MINUTE - 10_000 }),
    ).toMatchObject({ isAllowed: true });
    expect(decideOfflineSave(paper, schedule, 'dilr-1', { ...outage, answeredAt: T0 + 51 * MINUTE })).toEqual(
      { isAllowed: false, reason: 'ANSWERED_AT_IMPLAUSIBLE' },
    );
    expect(decideOfflineSave(paper, schedule, 'varc-1', { ...outage, answeredAt: undefined })).toEqual({
      isAllowed: false,
      reason: 'ANSWERED_AT_MISSING',
    });
  });

  it('closes the window some time after the exam ends, and knows only the paper’s questions', () => {
    const claim = { ...base, offlineSince: T0 + 115 * MINUTE, answeredAt: T0 + 118 * MINUTE };
    expect(
      decideOfflineSave(paper, schedule, 'qa-1', { ...claim, receivedAt: T0 + 149 * MINUTE }),
    ).toMatchObject({ isAllowed: true });
    expect(decideOfflineSave(paper, schedule, 'qa-1', { ...claim, receivedAt: T0 + 151 * MINUTE })).toEqual({
      isAllowed: false,
      reason: 'SYNC_WINDOW_CLOSED',
    });
    expect(decideOfflineSave(paper, schedule, 'nope', { ...claim, receivedAt: T0 + 121 * MINUTE })).toEqual({
      isAllowed: false,
      reason: 'UNKNOWN_QUESTION',
    });
  });
});
