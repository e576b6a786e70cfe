import { describe, expect, it } from 'vitest';
import { CAT_2024, computeSchedule, createTimingPlan, decideOfflineSave } from '../src/index.js';
import { fillTemplate } from './fixtures.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 10, 30, 3, 30);

describe('late saves from the offline journal (CAT, locked sections)', () => {
  const paper = fillTemplate(CAT_2024);
  const schedule = computeSchedule(createTimingPlan(paper), T0);
  const base = {
    windowMs: 30 * MINUTE,
    skewMs: 30_000,
    onlineAgainAt: null,
    seq: 100,
    highestLiveSeq: 10,
    latestLiveAt: T0 + 5 * MINUTE,
    liveSectionIds: new Set(['varc']),
    resyncMs: 2 * MINUTE,
  };

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

  describe('presence is the attempt’s: what the server heard live bounds the journal', () => {
    const outage = { ...base, offlineSince: T0 + 35 * MINUTE, receivedAt: T0 + 50 * MINUTE };

    it('refuses an answer dated after the server heard the attempt again (another socket, HTTP)', () => {
      const heardAgain = { ...outage, onlineAgainAt: T0 + 38 * MINUTE, receivedAt: T0 + 39 * MINUTE };
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', { ...heardAgain, answeredAt: T0 + 39 * MINUTE }),
      ).toEqual({ isAllowed: false, reason: 'ANSWERED_AT_IMPLAUSIBLE' });
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', { ...heardAgain, answeredAt: T0 + 37 * MINUTE }),
      ).toEqual({ isAllowed: true, answeredAt: T0 + 37 * MINUTE });
      // The end of an earlier outage does not bound a new one that began after it.
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', {
          ...outage,
          onlineAgainAt: T0 + 30 * MINUTE,
          answeredAt: T0 + 39 * MINUTE,
        }),
      ).toMatchObject({ isAllowed: true });
    });

    it('closes the outage once a live save came in after it ended, or a while after it ended', () => {
      const heardAgain = { ...outage, onlineAgainAt: T0 + 38 * MINUTE, answeredAt: T0 + 37 * MINUTE };
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', {
          ...heardAgain,
          latestLiveAt: T0 + 38 * MINUTE + 1,
          receivedAt: T0 + 38 * MINUTE + 2,
        }),
      ).toEqual({ isAllowed: false, reason: 'SEEN_LIVE_SINCE' });
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', { ...heardAgain, receivedAt: T0 + 40 * MINUTE + 1 }),
      ).toEqual({ isAllowed: false, reason: 'RESYNC_WINDOW_CLOSED' });
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', { ...heardAgain, receivedAt: T0 + 40 * MINUTE }),
      ).toMatchObject({ isAllowed: true });
    });

    it('refuses a save numbered at or below the highest seq already received live', () => {
      const claim = { ...outage, answeredAt: T0 + 38 * MINUTE, highestLiveSeq: 40 };
      expect(decideOfflineSave(paper, schedule, 'varc-1', { ...claim, seq: 40 })).toEqual({
        isAllowed: false,
        reason: 'SEEN_LIVE_SINCE',
      });
      expect(decideOfflineSave(paper, schedule, 'varc-1', { ...claim, seq: 41 })).toMatchObject({
        isAllowed: true,
      });
    });

    it('never reopens a locked section once a live save for a later section was stored', () => {
      const claim = { ...outage, answeredAt: T0 + 38 * MINUTE };
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', { ...claim, liveSectionIds: new Set(['varc', 'qa']) }),
      ).toEqual({ isAllowed: false, reason: 'SECTION_LEFT' });
      // Answers of the next section typed in the same outage and arriving with the journal are no proof.
      expect(
        decideOfflineSave(paper, schedule, 'varc-1', { ...claim, liveSectionIds: new Set(['varc']) }),
      ).toMatchObject({ isAllowed: true });
    });
  });
});
