import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRevision,
  applyRevisions,
  compareRationals,
  isRationalEqual,
  listOptionIds,
  scoreAttempt,
  ZERO,
  type KeyRevision,
  type Paper,
  type Question,
  type QuestionKey,
} from '../src/index.js';
import { arbPaperCase } from './arbitraries.js';

/**
 * Rescoring after a key revision (issue 11) is scoring from scratch with the new key: a revised
 * paper scores exactly like the paper with that question's key replaced; drops and accepted
 * alternatives keep their promises.
 */

const questionsOf = (paper: Paper): Question[] =>
  paper.sections.flatMap((section) => section.items.map((item) => item.question));

/** The paper as if it had been published with `key` for `questionId` (no revision at all). */
function withKey(paper: Paper, questionId: string, key: QuestionKey): Paper {
  return {
    ...paper,
    sections: paper.sections.map((section) => ({
      ...section,
      items: section.items.map((item) =>
        item.question.id === questionId ? { ...item, question: { ...item.question, key } as Question } : item,
      ),
    })),
  };
}

/** Another valid key for the question: a different option (set) where it has options, else its own. */
function arbKey(question: Question): fc.Arbitrary<QuestionKey> {
  if (question.type === 'mcq_single' || question.type === 'assertion_reason')
    return fc.constantFrom(...listOptionIds(question)).map((optionId): QuestionKey => ({ optionId }));
  if (question.type === 'mcq_multi')
    return fc
      .subarray([...listOptionIds(question)], { minLength: 1 })
      .map((optionIds): QuestionKey => ({ optionIds }));
  return fc.constant(question.key);
}

const arbCaseWithQuestion = arbPaperCase.chain((testCase) =>
  fc.constantFrom(...questionsOf(testCase.paper)).map((question) => ({ ...testCase, question })),
);

describe('rescoring after a key revision', () => {
  it('change_key scores exactly as the paper published with that key', () => {
    fc.assert(
      fc.property(
        arbCaseWithQuestion.chain((c) => arbKey(c.question).map((key) => ({ ...c, key }))),
        ({ paper, responses, question, key }) => {
          const revision: KeyRevision = { kind: 'change_key', questionId: question.id, key };
          expect(scoreAttempt(applyRevision(paper, revision), responses)).toEqual(
            scoreAttempt(withKey(paper, question.id, key), responses),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a sequence of key changes equals scoring from scratch with the last key of each question', () => {
    fc.assert(
      fc.property(
        arbPaperCase.chain((testCase) => {
          const arbChange = fc.constantFrom(...questionsOf(testCase.paper)).chain((question) =>
            arbKey(question).map((key): KeyRevision & { kind: 'change_key' } => ({
              kind: 'change_key',
              questionId: question.id,
              key,
            })),
          );
          return fc
            .array(arbChange, { minLength: 1, maxLength: 6 })
            .map((revisions) => ({ ...testCase, revisions }));
        }),
        ({ paper, responses, revisions }) => {
          const fromScratch = revisions.reduce((p, r) => withKey(p, r.questionId, r.key), paper);
          expect(scoreAttempt(applyRevisions(paper, revisions), responses)).toEqual(
            scoreAttempt(fromScratch, responses),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepting several keys gives each answer the best of scoring against each key alone', () => {
    fc.assert(
      fc.property(
        arbPaperCase
          .filter((c) => questionsOf(c.paper).some((q) => q.type === 'mcq_single'))
          .chain((c) =>
            fc
              .constantFrom(...questionsOf(c.paper).filter((q) => q.type === 'mcq_single'))
              .chain((question) =>
                fc
                  .array(arbKey(question), { minLength: 1, maxLength: 3 })
                  .map((keys) => ({ ...c, question, keys })),
              ),
          ),
        ({ paper, responses, question, keys }) => {
          const revision: KeyRevision = { kind: 'accept_keys', questionId: question.id, keys };
          const markOf = (p: Paper) =>
            scoreAttempt(p, responses).questions.find((s) => s.questionId === question.id)!.exact;
          const accepted = markOf(applyRevision(paper, revision));
          const best = keys
            .map((key) => markOf(withKey(paper, question.id, key)))
            .reduce((a, b) => (compareRationals(a, b) >= 0 ? a : b));
          expect(isRationalEqual(accepted, best)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a dropped question gives full marks to everyone (or to who attempted it) and never takes marks', () => {
    fc.assert(
      fc.property(
        arbCaseWithQuestion,
        fc.constantFrom<'everyone' | 'attempted'>('everyone', 'attempted'),
        ({ paper, responses, question }, award) => {
          const before = scoreAttempt(paper, responses).questions.find((s) => s.questionId === question.id)!;
          const revised = applyRevision(paper, { kind: 'drop', questionId: question.id, award });
          const after = scoreAttempt(revised, responses).questions.find((s) => s.questionId === question.id)!;
          const section = paper.sections.find((s) => s.id === after.sectionId)!;
          const attempted = ['correct', 'partial', 'wrong'].includes(before.outcome);
          const awarded = attempted || (award === 'everyone' && section.bestOf === undefined);
          if (awarded) {
            expect(after.outcome).toBe('bonus');
            expect(isRationalEqual(after.exact, after.maxExact)).toBe(true);
          } else {
            expect(isRationalEqual(after.exact, ZERO)).toBe(true);
          }
          expect(compareRationals(after.exact, before.exact)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
