import { describe, expect, it } from 'vitest';
import {
  buildAttemptPaper,
  createRandom,
  getDisplayedOptionIds,
  JEE_MAIN_2025,
  mapDisplayedOption,
  mapDisplayedQuestion,
  NEET_UG_2021,
  shuffleOptionIds,
  type Question,
} from '../src/index.js';
import {
  fillTemplate,
  JEE_MAIN_LIKE,
  makeAssertionReason,
  makePaper,
  makeSection,
  makeSingle,
} from './fixtures.js';

describe('seeded PRNG', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const first = Array.from({ length: 5 }, createRandom('attempt-1'));
    const again = Array.from({ length: 5 }, createRandom('attempt-1'));
    const other = Array.from({ length: 5 }, createRandom('attempt-2'));
    expect(first).toEqual(again);
    expect(first).not.toEqual(other);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('is roughly uniform', () => {
    const random = createRandom('uniform');
    const buckets = [0, 0, 0, 0];
    for (let index = 0; index < 40_000; index++) buckets[Math.floor(random() * 4)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('buildAttemptPaper', () => {
  const paper = fillTemplate(JEE_MAIN_2025);

  it('reproduces the same paper from the same seed (audit)', () => {
    expect(buildAttemptPaper(paper, 'candidate-42')).toEqual(buildAttemptPaper(paper, 'candidate-42'));
    expect(buildAttemptPaper(paper, 'candidate-42').sections).not.toEqual(
      buildAttemptPaper(paper, 'candidate-43').sections,
    );
  });

  it('pins a known order, so a change to the PRNG or the shuffle is noticed', () => {
    const attempt = buildAttemptPaper(paper, 'audit-seed');
    expect(attempt.sections[1]?.questionIds).toMatchInlineSnapshot(`
      [
        "physics_b-3",
        "physics_b-1",
        "physics_b-4",
        "physics_b-2",
        "physics_b-5",
      ]
    `);
    expect(attempt.optionOrder['physics_a-1']).toMatchInlineSnapshot(`
      [
        "b",
        "d",
        "a",
        "c",
      ]
    `);
  });

  it('keeps best-k-of-n sections in paper order', () => {
    const neet = fillTemplate(NEET_UG_2021);
    const attempt = buildAttemptPaper(neet, 'seed');
    const sectionB = attempt.sections.find((section) => section.sectionId === 'physics_b');
    expect(sectionB?.questionIds).toEqual(neet.sections[1]?.items.map((item) => item.question.id));
    expect(attempt.sections.find((section) => section.sectionId === 'physics_a')?.questionIds).not.toEqual(
      neet.sections[0]?.items.map((item) => item.question.id),
    );
  });

  it('maps display positions back to canonical ids', () => {
    const attempt = buildAttemptPaper(paper, 'map');
    const firstShown = mapDisplayedQuestion(attempt, 'physics_a', 0);
    expect(firstShown).toBe(attempt.sections[0]?.questionIds[0]);
    const question = paper.sections[0]!.items[0]!.question;
    const shown = getDisplayedOptionIds(attempt, question);
    expect(shown.map((_, position) => mapDisplayedOption(attempt, question, position))).toEqual(shown);
    expect([...shown].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(() => mapDisplayedOption(attempt, question, 4)).toThrow(/no option/);
  });
});

describe('option shuffling', () => {
  it('never moves a fixed option ("All of the above")', () => {
    const question: Question = {
      ...makeSingle('q'),
      options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', fixed: true }],
    };
    for (let seed = 0; seed < 50; seed++) expect(shuffleOptionIds(question, `s${seed}`)[3]).toBe('d');
    const orders = new Set(
      Array.from({ length: 50 }, (_, seed) => shuffleOptionIds(question, `s${seed}`).join('')),
    );
    expect(orders.size).toBe(6);
  });

  it('never shuffles assertion-reason options', () => {
    const paper = makePaper([
      makeSection('s', JEE_MAIN_LIKE, [makeAssertionReason('ar'), makeSingle('q')], { shuffleOptions: true }),
    ]);
    const attempt = buildAttemptPaper(paper, 'seed');
    expect(attempt.optionOrder.ar).toBeUndefined();
    expect(attempt.optionOrder.q).toBeDefined();
    expect(shuffleOptionIds(makeAssertionReason('ar'), 'seed')).toEqual([]);
  });

  it('leaves options alone when the section does not shuffle them', () => {
    const paper = makePaper([
      makeSection('s', JEE_MAIN_LIKE, [makeSingle('q')], { shuffleOptions: false, shuffleQuestions: false }),
    ]);
    expect(buildAttemptPaper(paper, 'seed').optionOrder).toEqual({});
  });
});
