import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRationals,
  applyRevision,
  buildAttemptPaper,
  computeNtaPercentiles,
  computeSchedule,
  getDisplayedOptionIds,
  isRationalEqual,
  mapDisplayedOption,
  rankWithTies,
  scoreAttempt,
  shuffleQuestionIds,
  createRandom,
  ZERO,
  type Answer,
  type AttemptResponses,
  type KeyRevision,
  type Paper,
  type Question,
  type Rational,
} from '../src/index.js';
import { arbPaperCase } from './arbitraries.js';
import { makeSingle, OPTION_IDS } from './fixtures.js';

const sum = (values: readonly Rational[]): Rational => values.reduce(addRationals, ZERO);
const findQuestion = (paper: Paper, id: string): Question | undefined =>
  paper.sections.flatMap((section) => section.items).find((item) => item.question.id === id)?.question;

/** What a candidate's client stores: the display position clicked, turned back into a canonical id. */
function replayThroughDisplay(paper: Paper, responses: AttemptResponses, seed: string): AttemptResponses {
  const attempt = buildAttemptPaper(paper, seed);
  const order = attempt.sections.flatMap((section) => section.questionIds);
  const viaDisplay = (question: Question, id: string): string => {
    const shown = getDisplayedOptionIds(attempt, question);
    const position = shown.indexOf(id);
    return position === -1 ? id : mapDisplayedOption(attempt, question, position);
  };
  return Object.fromEntries(
    order.map((questionId) => {
      const response = responses[questionId];
      const question = findQuestion(paper, questionId);
      const answer = response?.answer ?? null;
      if (
        question === undefined ||
        answer === null ||
        (answer.type !== 'mcq_single' && answer.type !== 'mcq_multi')
      )
        return [questionId, response];
      const remapped: Answer = {
        ...answer,
        optionIds: answer.optionIds.map((id) => viaDisplay(question, id)),
      };
      return [questionId, { ...response, answer: remapped }];
    }),
  );
}

describe('properties', () => {
  it('scoring does not depend on the shuffle seed', () => {
    fc.assert(
      fc.property(arbPaperCase, fc.string(), fc.string(), ({ paper, responses }, seedA, seedB) => {
        const scoreA = scoreAttempt(paper, replayThroughDisplay(paper, responses, seedA));
        const scoreB = scoreAttempt(paper, replayThroughDisplay(paper, responses, seedB));
        expect(scoreA).toEqual(scoreB);
        expect(scoreA).toEqual(scoreAttempt(paper, responses));
      }),
      { numRuns: 200 },
    );
  });

  it('total = sum of questions = sum of sections = sum of subjects, and counts add up', () => {
    fc.assert(
      fc.property(arbPaperCase, ({ paper, responses }) => {
        const score = scoreAttempt(paper, responses);
        const sections = Object.values(score.sections);
        const subjects = Object.values(score.subjects);
        expect(
          isRationalEqual(score.total.exact, sum(score.questions.map((question) => question.exact))),
        ).toBe(true);
        expect(isRationalEqual(score.total.exact, sum(sections.map((section) => section.exact)))).toBe(true);
        expect(isRationalEqual(score.total.exact, sum(subjects.map((subject) => subject.exact)))).toBe(true);
        expect(isRationalEqual(score.total.maxExact, sum(sections.map((section) => section.maxExact)))).toBe(
          true,
        );
        const { correct, partial, wrong, unanswered, notEvaluated, bonus } = score.total;
        expect(correct + partial + wrong + unanswered + notEvaluated + bonus).toBe(score.questions.length);
        expect(score.total.marks).toBeLessThanOrEqual(score.total.maxMarks);
      }),
      { numRuns: 300 },
    );
  });

  it('best k of n never evaluates more than k, and evaluates the first k answered in paper order', () => {
    fc.assert(
      fc.property(arbPaperCase, ({ paper, responses }) => {
        const score = scoreAttempt(paper, responses);
        for (const section of paper.sections) {
          if (section.bestOf === undefined) continue;
          const own = score.questions.filter((question) => question.sectionId === section.id);
          const evaluated = own.filter((question) =>
            ['correct', 'partial', 'wrong'].includes(question.outcome),
          );
          expect(evaluated.length).toBeLessThanOrEqual(section.bestOf);
          const beyond = own.findIndex((question) => question.reason === 'BEYOND_BEST_OF');
          if (beyond !== -1) {
            expect(evaluated).toHaveLength(section.bestOf);
            expect(
              own
                .slice(beyond)
                .some(
                  (question) => question.outcome !== 'not_evaluated' && question.outcome !== 'unanswered',
                ),
            ).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a key revision never changes another question’s marks', () => {
    const arbRevision = (question: Question): fc.Arbitrary<KeyRevision> =>
      fc.oneof(
        fc
          .constantFrom<'everyone' | 'attempted'>('everyone', 'attempted')
          .map((award): KeyRevision => ({ kind: 'drop', questionId: question.id, award })),
        fc.constant<KeyRevision>({ kind: 'change_key', questionId: question.id, key: question.key }),
        fc.constant<KeyRevision>({
          kind: 'accept_keys',
          questionId: question.id,
          keys: [question.key, question.key],
        }),
        ...(question.type === 'mcq_single'
          ? [
              fc.constantFrom(...OPTION_IDS).map((optionId): KeyRevision => ({
                kind: 'change_key',
                questionId: question.id,
                key: { optionId },
              })),
            ]
          : []),
      );
    fc.assert(
      fc.property(
        arbPaperCase.chain((testCase) => {
          const questions = testCase.paper.sections.flatMap((section) =>
            section.items.map((item) => item.question),
          );
          return fc
            .constantFrom(...questions)
            .chain((question) => arbRevision(question).map((revision) => ({ ...testCase, revision })));
        }),
        ({ paper, responses, revision }) => {
          const before = scoreAttempt(paper, responses).questions;
          const after = scoreAttempt(applyRevision(paper, revision), responses).questions;
          after.forEach((score, index) => {
            if (score.questionId !== revision.questionId) expect(score).toEqual(before[index]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shuffling is a reversible permutation that keeps fixed options and passage groups together', () => {
    fc.assert(
      fc.property(arbPaperCase, fc.string(), ({ paper }, seed) => {
        const attempt = buildAttemptPaper(paper, seed);
        paper.sections.forEach((section, index) => {
          const canonical = section.items.map((item) => item.question.id);
          const shown = attempt.sections[index]?.questionIds ?? [];
          expect([...shown].sort()).toEqual([...canonical].sort());
          // Each group is contiguous and keeps its internal order.
          const groups = new Map<string, string[]>();
          for (const item of section.items)
            if (item.question.groupId !== undefined)
              groups.set(item.question.groupId, [
                ...(groups.get(item.question.groupId) ?? []),
                item.question.id,
              ]);
          for (const members of groups.values()) {
            const start = shown.indexOf(members[0] ?? '');
            expect(shown.slice(start, start + members.length)).toEqual(members);
          }
          for (const { question } of section.items) {
            if (question.type !== 'mcq_single' && question.type !== 'mcq_multi') continue;
            const options = getDisplayedOptionIds(attempt, question);
            expect([...options].sort()).toEqual(question.options.map((option) => option.id).sort());
            question.options.forEach((option, position) => {
              if (option.fixed === true) expect(options[position]).toBe(option.id);
            });
            expect(options.map((_, position) => mapDisplayedOption(attempt, question, position))).toEqual(
              options,
            );
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('passage groups stay contiguous for any grouping and seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 30 }),
        fc.string(),
        (runs, seed) => {
          // Run i of length runs[i]: length 0 means a lone question, otherwise a group.
          const items = runs.flatMap((length, run) =>
            length === 0
              ? [{ question: makeSingle(`r${run}`) }]
              : Array.from({ length }, (_, index) => ({
                  question: { ...makeSingle(`r${run}-${index}`), groupId: `g${run}` },
                })),
          );
          const shown = shuffleQuestionIds(items, createRandom(seed));
          expect([...shown].sort()).toEqual(items.map((item) => item.question.id).sort());
          runs.forEach((length, run) => {
            if (length === 0) return;
            const start = shown.indexOf(`r${run}-0`);
            expect(shown.slice(start, start + length)).toEqual(
              Array.from({ length }, (_, index) => `r${run}-${index}`),
            );
          });
        },
      ),
    );
  });

  it('no deadline moves earlier when compensatory time grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 240 }), { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 4 * 3_600_000 }),
        fc.nat({ max: 4 * 3_600_000 }),
        fc.boolean(),
        (minutes, compA, compB, isLocked) => {
          const durationMs = minutes.reduce((total, value) => total + value, 0) * 60_000;
          const plan = {
            durationMs,
            lockedSections: isLocked
              ? minutes.map((value, index) => ({ id: `s${index}`, durationMs: value * 60_000 }))
              : null,
            sectionIds: minutes.map((_, index) => `s${index}`),
          };
          const [less, more] = compA <= compB ? [compA, compB] : [compB, compA];
          const small = computeSchedule(plan, 1_700_000_000_000, less);
          const large = computeSchedule(plan, 1_700_000_000_000, more);
          expect(large.endsAt).toBeGreaterThanOrEqual(small.endsAt);
          expect(large.endsAt - small.endsAt).toBe(more - less);
          large.sections.forEach((window, index) => {
            expect(window.closesAt).toBeGreaterThanOrEqual(small.sections[index]?.closesAt ?? Infinity);
            expect(window.closesAt).toBeGreaterThanOrEqual(window.opensAt);
            if (index > 0 && isLocked) expect(window.opensAt).toBe(large.sections[index - 1]?.closesAt);
          });
          expect(large.sections.at(-1)?.closesAt).toBe(large.endsAt);
        },
      ),
    );
  });

  it('percentiles and ranks agree: a higher score never gets a lower percentile or a worse rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 300 }), { minLength: 1, maxLength: 200 }),
        (scores) => {
          const percentiles = computeNtaPercentiles(scores);
          const ranks = rankWithTies(scores);
          scores.forEach((score, i) => {
            scores.forEach((other, j) => {
              if (score > other) {
                expect(percentiles[i]).toBeGreaterThan(percentiles[j] ?? Infinity);
                expect(ranks[i]).toBeLessThan(ranks[j] ?? -Infinity);
              }
              if (score === other) expect([percentiles[i], ranks[i]]).toEqual([percentiles[j], ranks[j]]);
            });
          });
          expect(Math.max(...percentiles)).toBe(100);
          expect(Math.min(...ranks)).toBe(1);
        },
      ),
    );
  });
});
