/** fast-check generators for papers, answers and responses. */
import fc from 'fast-check';
import {
  ASSERTION_REASON_OPTION_IDS,
  createUpscScheme,
  type Answer,
  type AttemptResponses,
  type MarkingScheme,
  type PaletteState,
  type Paper,
  type PaperSection,
  type Question,
} from '../src/index.js';
import {
  makeAssertionReason,
  makeMatrix,
  makeMulti,
  makeNumerical,
  makePaper,
  makeSingle,
  makeTita,
  OPTION_IDS,
} from './fixtures.js';

const optionId = fc.constantFrom(...OPTION_IDS);
const optionSubset = fc.subarray([...OPTION_IDS], { minLength: 1 });
const matrixKey = fc.record({
  p: fc.subarray(['1', '2', '3'], { minLength: 1 }),
  q: fc.subarray(['1', '2', '3'], { minLength: 1 }),
  r: fc.subarray(['4', '5'], { minLength: 1 }),
  s: fc.subarray(['4', '5'], { minLength: 1 }),
});

export const SCHEMES: readonly MarkingScheme[] = [
  { correct: 4, wrong: -1 },
  { correct: 4, wrong: -2, multi: { mode: 'jee_advanced_partial' }, byType: { numerical: { wrong: 0 } } },
  createUpscScheme(2),
  createUpscScheme(2.5),
  {
    correct: 3,
    wrong: -1,
    byType: { tita: { wrong: 0 } },
    matrix: { mode: 'per_row', correctPerRow: 1, wrongPerRow: { num: -1, den: 2 } },
  },
];

/** A question of any type, with `fixed` options and passage groups sprinkled in. */
export function arbQuestion(id: string): fc.Arbitrary<Question> {
  const subject = fc.constantFrom('Physics', 'Chemistry', 'Mathematics');
  const group = fc.option(fc.constantFrom('g1', 'g2', 'g3'), { nil: undefined });
  const base = fc.oneof(
    fc.tuple(optionId, fc.boolean()).map(([key, hasFixedLast]) => {
      const question = makeSingle(id, key);
      return hasFixedLast
        ? {
            ...question,
            options: question.options.map((option) =>
              option.id === 'd' ? { ...option, fixed: true } : option,
            ),
          }
        : question;
    }),
    optionSubset.map((key) => makeMulti(id, key)),
    fc
      .integer({ min: -5, max: 5 })
      .map((value) => makeNumerical(id, { kind: 'exact', value }, { integerOnly: true })),
    fc.integer({ min: 0, max: 9 }).map((value) => makeTita(id, [String(value)])),
    fc.constant(makeAssertionReason(id)),
    matrixKey.map((key) => makeMatrix(id, key)),
  );
  return fc.tuple(base, subject, group).map(([question, chosenSubject, groupId]): Question => ({
    ...question,
    classification: { ...question.classification, subject: chosenSubject },
    ...(groupId === undefined ? {} : { groupId }),
  }));
}

/** A plausible answer (sometimes empty, rarely invalid). */
export function arbAnswer(question: Question): fc.Arbitrary<Answer | null> {
  const given: fc.Arbitrary<Answer> = (() => {
    switch (question.type) {
      case 'mcq_single':
        return fc
          .subarray([...OPTION_IDS], { minLength: 1, maxLength: 2 })
          .map((optionIds): Answer => ({ type: 'mcq_single', optionIds }));
      case 'mcq_multi':
        return fc
          .subarray([...OPTION_IDS, 'zz'], { minLength: 1 })
          .map((optionIds): Answer => ({ type: 'mcq_multi', optionIds }));
      case 'numerical':
        return fc
          .integer({ min: -5, max: 5 })
          .map((value): Answer => ({ type: 'numerical', value: String(value) }));
      case 'tita':
        return fc.integer({ min: 0, max: 9 }).map((value): Answer => ({ type: 'tita', text: ` ${value} ` }));
      case 'assertion_reason':
        return fc
          .constantFrom(...ASSERTION_REASON_OPTION_IDS)
          .map((optionId): Answer => ({ type: 'assertion_reason', optionId }));
      case 'matrix_match':
        return matrixKey.map((matches): Answer => ({ type: 'matrix_match', matches }));
    }
  })();
  return fc.option(given, { nil: null, freq: 4 });
}

export const arbState: fc.Arbitrary<PaletteState> = fc.constantFrom(
  'answered',
  'answered',
  'answered',
  'answered_marked_for_review',
  'marked_for_review',
  'not_answered',
);

export interface PaperCase {
  readonly paper: Paper;
  readonly responses: AttemptResponses;
}

/** Groups are made contiguous (sorted into runs) because that is what a valid paper has. */
function groupRuns(questions: readonly Question[]): Question[] {
  const order = new Map<string, number>();
  questions.forEach((question, index) => {
    if (question.groupId !== undefined && !order.has(question.groupId)) order.set(question.groupId, index);
  });
  return questions
    .map((question, index) => ({
      question,
      rank: question.groupId === undefined ? index : (order.get(question.groupId) ?? index),
    }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ question }) => question);
}

export function arbSection(sectionIndex: number): fc.Arbitrary<PaperSection> {
  return fc
    .record({
      count: fc.integer({ min: 1, max: 10 }),
      scheme: fc.constantFrom(...SCHEMES),
      bestOf: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      shuffleQuestions: fc.boolean(),
      shuffleOptions: fc.boolean(),
    })
    .chain(({ count, scheme, bestOf, shuffleQuestions, shuffleOptions }) =>
      fc
        .tuple(...Array.from({ length: count }, (_, index) => arbQuestion(`s${sectionIndex}q${index}`)))
        .map((questions): PaperSection => ({
          id: `s${sectionIndex}`,
          name: `Section ${sectionIndex}`,
          scheme,
          ...(bestOf === undefined ? {} : { bestOf: Math.min(bestOf, count) }),
          shuffleQuestions,
          shuffleOptions,
          // Group ids are per section.
          items: groupRuns(
            questions.map((question) =>
              question.groupId === undefined
                ? question
                : { ...question, groupId: `${sectionIndex}-${question.groupId}` },
            ),
          ).map((question) => ({ question })),
        })),
    );
}

export const arbPaperCase: fc.Arbitrary<PaperCase> = fc
  .integer({ min: 1, max: 4 })
  .chain((sectionCount) => fc.tuple(...Array.from({ length: sectionCount }, (_, index) => arbSection(index))))
  .chain((sections) => {
    const paper = makePaper(sections);
    const questions = sections.flatMap((section) => section.items.map((item) => item.question));
    return fc
      .tuple(...questions.map((question) => fc.tuple(arbAnswer(question), arbState)))
      .map((pairs): PaperCase => ({
        paper,
        responses: Object.fromEntries(
          pairs.map(([answer, state], index) => [questions[index]?.id ?? '', { answer, state }]),
        ),
      }));
  });
