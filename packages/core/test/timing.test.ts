import { describe, expect, it } from 'vitest';
import {
  CAT_2024,
  computeCompensatoryMs,
  toCompensatoryMinutes,
  computeSchedule,
  CoreError,
  createTimingPlan,
  decideSave,
  decideSaveForQuestion,
  getTimeStatus,
  JEE_MAIN_2025,
  canSaveAnswer,
} from '../src/index.js';
import { fillTemplate, makePaper, makeSection, JEE_MAIN_LIKE } from './fixtures.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 10, 30, 3, 30); // 09:00 IST

describe('one total timer (JEE Main)', () => {
  const schedule = computeSchedule(createTimingPlan(fillTemplate(JEE_MAIN_2025)), T0);

  it('ends 180 minutes after the start; every section is open throughout', () => {
    expect(schedule.endsAt).toBe(T0 + 180 * MINUTE);
    expect(getTimeStatus(schedule, T0 + 60 * MINUTE)).toEqual({
      phase: 'running',
      openSectionId: null,
      sectionRemainingMs: 120 * MINUTE,
      totalRemainingMs: 120 * MINUTE,
    });
    expect(canSaveAnswer(schedule, 'mathematics_b', T0 + 1)).toBe(true);
  });

  it('before the start and at/after the end', () => {
    expect(getTimeStatus(schedule, T0 - 1)).toMatchObject({
      phase: 'not_started',
      totalRemainingMs: 180 * MINUTE,
    });
    expect(getTimeStatus(schedule, T0 + 180 * MINUTE)).toMatchObject({ phase: 'ended', totalRemainingMs: 0 });
    expect(decideSave(schedule, 'physics_a', T0 - 1)).toEqual({ isAllowed: false, reason: 'NOT_STARTED' });
    expect(decideSave(schedule, 'physics_a', T0 + 180 * MINUTE)).toEqual({
      isAllowed: false,
      reason: 'EXAM_ENDED',
    });
    expect(decideSave(schedule, 'physics_a', T0 + 180 * MINUTE - 1)).toEqual({ isAllowed: true });
  });

  it('a grace lets in-flight saves land, and no later', () => {
    expect(canSaveAnswer(schedule, 'physics_a', T0 + 180 * MINUTE + 1_999, 2_000)).toBe(true);
    expect(canSaveAnswer(schedule, 'physics_a', T0 + 180 * MINUTE + 2_000, 2_000)).toBe(false);
  });

  it('PwBD compensatory time of 20 minutes per hour adds 60 minutes to a 3-hour paper', () => {
    const compensatory = computeCompensatoryMs(180 * MINUTE, 20);
    expect(compensatory).toBe(60 * MINUTE);
    expect(computeSchedule(createTimingPlan(fillTemplate(JEE_MAIN_2025)), T0, compensatory).endsAt).toBe(
      T0 + 240 * MINUTE,
    );
  });

  it('compensatory time is floored to the millisecond and told to the candidate in minutes, to the nearest', () => {
    // 45 minutes at 10 per hour: 7.5 minutes, shown as 8; 1 minute at 1 per hour: 1 s, shown as 0.
    expect(computeCompensatoryMs(45 * MINUTE, 10)).toBe(7.5 * MINUTE);
    expect(toCompensatoryMinutes(computeCompensatoryMs(45 * MINUTE, 10))).toBe(8);
    expect(computeCompensatoryMs(7, 10)).toBe(1);
    expect(toCompensatoryMinutes(computeCompensatoryMs(MINUTE, 1))).toBe(0);
  });
});

describe('locked sections (CAT)', () => {
  const paper = fillTemplate(CAT_2024);
  const plan = createTimingPlan(paper);

  it('opens VARC, DILR, QA one after another, 40 minutes each', () => {
    const schedule = computeSchedule(plan, T0);
    expect(
      schedule.sections.map((window) => [
        window.sectionId,
        (window.opensAt - T0) / MINUTE,
        (window.closesAt - T0) / MINUTE,
      ]),
    ).toEqual([
      ['varc', 0, 40],
      ['dilr', 40, 80],
      ['qa', 80, 120],
    ]);
    expect(getTimeStatus(schedule, T0 + 45 * MINUTE)).toEqual({
      phase: 'running',
      openSectionId: 'dilr',
      sectionRemainingMs: 35 * MINUTE,
      totalRemainingMs: 75 * MINUTE,
    });
  });

  it('no going back, no jumping ahead', () => {
    const schedule = computeSchedule(plan, T0);
    const at = T0 + 45 * MINUTE;
    expect(decideSave(schedule, 'varc', at)).toEqual({ isAllowed: false, reason: 'SECTION_CLOSED' });
    expect(decideSave(schedule, 'qa', at)).toEqual({ isAllowed: false, reason: 'SECTION_NOT_OPEN_YET' });
    expect(decideSave(schedule, 'dilr', at)).toEqual({ isAllowed: true });
    expect(decideSave(schedule, 'varc', T0 + 40 * MINUTE)).toMatchObject({ isAllowed: false });
    expect(decideSave(schedule, 'nope', at)).toEqual({ isAllowed: false, reason: 'UNKNOWN_SECTION' });
  });

  it('the in-flight grace covers the exam’s end, not a locked section the candidate has left', () => {
    const schedule = computeSchedule(plan, T0);
    expect(decideSave(schedule, 'varc', T0 + 40 * MINUTE + 500, 15_000)).toEqual({
      isAllowed: false,
      reason: 'SECTION_CLOSED',
    });
    expect(decideSave(schedule, 'qa', T0 + 120 * MINUTE + 500, 15_000)).toEqual({ isAllowed: true });
    expect(decideSave(schedule, 'qa', T0 + 120 * MINUTE + 15_000, 15_000)).toEqual({
      isAllowed: false,
      reason: 'EXAM_ENDED',
    });
  });

  it('by question id', () => {
    const schedule = computeSchedule(plan, T0);
    expect(decideSaveForQuestion(paper, schedule, 'qa-1', T0 + 100 * MINUTE)).toEqual({ isAllowed: true });
    expect(decideSaveForQuestion(paper, schedule, 'varc-1', T0 + 100 * MINUTE)).toEqual({
      isAllowed: false,
      reason: 'SECTION_CLOSED',
    });
    expect(decideSaveForQuestion(paper, schedule, 'ghost', T0)).toEqual({
      isAllowed: false,
      reason: 'UNKNOWN_QUESTION',
    });
  });

  it('compensatory time (20 min/hour = 40 min) is spread evenly: each section gets 13 min 20 s more', () => {
    const schedule = computeSchedule(plan, T0, computeCompensatoryMs(120 * MINUTE, 20));
    const lengths = schedule.sections.map((window) => window.closesAt - window.opensAt);
    expect(lengths).toEqual([53 * MINUTE + 20_000, 53 * MINUTE + 20_000, 53 * MINUTE + 20_000]);
    expect(schedule.endsAt).toBe(T0 + 160 * MINUTE);
    expect(schedule.sections.at(-1)?.closesAt).toBe(schedule.endsAt);
    expect(getTimeStatus(schedule, T0 + 50 * MINUTE).openSectionId).toBe('varc');
  });

  it('shares of an indivisible compensatory time add up exactly', () => {
    const schedule = computeSchedule(plan, T0, 1);
    expect(schedule.sections.map((window) => window.closesAt - window.opensAt)).toEqual([
      40 * MINUTE,
      40 * MINUTE,
      40 * MINUTE + 1,
    ]);
  });

  it('rejects locked sections without durations and negative compensatory time', () => {
    const broken = makePaper([makeSection('a', JEE_MAIN_LIKE, [])], {
      lockedSections: true,
      durationMinutes: 40,
    });
    expect(() => createTimingPlan(broken)).toThrow(CoreError);
    expect(() =>
      createTimingPlan({ ...broken, sections: [{ ...broken.sections[0]!, durationMinutes: 30 }] }),
    ).toThrow(/TIMING|last/);
    expect(() => computeSchedule(plan, T0, -1)).toThrow(CoreError);
  });
});
