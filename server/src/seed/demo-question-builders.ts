import type {
  AssertionReasonOptionId,
  Difficulty,
  NumericalFormat,
  NumericalKey,
  Question,
  QuestionContent,
} from '@examtech/core';
import type { SyllabusPath } from '../modules/syllabus/syllabus-service.js';

/**
 * Small builders that keep the demo questions readable as data. Option ids are a, b, c, d; matrix
 * rows p, q, r, s and columns 1, 2, 3, 4, as on JEE papers.
 */
export type DemoQuestion = { path: SyllabusPath; question: Question };

type Meta = { difficulty: Difficulty; tags: string[]; source?: string };
type ChoiceText = { stem: string; options: string[]; solution?: string };
type MatrixText = { stem: string; rows: string[]; columns: string[]; solution?: string };
type ArText = { assertion: string; reason: string; solution?: string };
type PlainText = { stem: string; solution?: string };

const OPTION_IDS = ['a', 'b', 'c', 'd', 'e'];
const ROW_IDS = ['p', 'q', 'r', 's', 't'];
const COLUMN_IDS = ['1', '2', '3', '4', '5'];

export const at = (subject: string, chapter: string, topic: string): SyllabusPath => ({
  subject,
  chapter,
  topic,
});

const label = (ids: string[], texts: string[]) => texts.map((text, index) => ({ id: ids[index]!, text }));
const withSolution = (content: QuestionContent, solution: string | undefined): QuestionContent =>
  solution ? { ...content, solution } : content;

function common(path: SyllabusPath, meta: Meta) {
  return {
    id: 'demo',
    classification: path,
    difficulty: meta.difficulty,
    tags: meta.tags,
    ...(meta.source ? { source: meta.source } : {}),
  };
}

function choiceContent(texts: {
  en: ChoiceText;
  hi?: ChoiceText | undefined;
}): Record<string, QuestionContent> {
  const build = (t: ChoiceText) =>
    withSolution({ stem: t.stem, options: label(OPTION_IDS, t.options) }, t.solution);
  return texts.hi ? { en: build(texts.en), hi: build(texts.hi) } : { en: build(texts.en) };
}

export function single(
  path: SyllabusPath,
  meta: Meta,
  answer: string,
  en: ChoiceText,
  hi?: ChoiceText,
): DemoQuestion {
  const options = en.options.map((_text, index) => ({ id: OPTION_IDS[index]! }));
  return {
    path,
    question: {
      ...common(path, meta),
      type: 'mcq_single',
      options,
      content: choiceContent({ en, hi }),
      key: { optionId: answer },
    },
  };
}

export function multi(
  path: SyllabusPath,
  meta: Meta,
  answers: string[],
  en: ChoiceText,
  hi?: ChoiceText,
): DemoQuestion {
  const options = en.options.map((_text, index) => ({ id: OPTION_IDS[index]! }));
  return {
    path,
    question: {
      ...common(path, meta),
      type: 'mcq_multi',
      options,
      content: choiceContent({ en, hi }),
      key: { optionIds: answers },
    },
  };
}

function plainContent(en: PlainText, hi?: PlainText): Record<string, QuestionContent> {
  const build = (t: PlainText) => withSolution({ stem: t.stem }, t.solution);
  return hi ? { en: build(en), hi: build(hi) } : { en: build(en) };
}

export function numerical(
  path: SyllabusPath,
  meta: Meta,
  key: NumericalKey,
  format: NumericalFormat,
  en: PlainText,
  hi?: PlainText,
): DemoQuestion {
  return {
    path,
    question: { ...common(path, meta), type: 'numerical', format, content: plainContent(en, hi), key },
  };
}

export function tita(
  path: SyllabusPath,
  meta: Meta,
  key: { accepted: string[]; compare: 'text' | 'number' },
  en: PlainText,
): DemoQuestion {
  return { path, question: { ...common(path, meta), type: 'tita', content: plainContent(en), key } };
}

export function matrix(
  path: SyllabusPath,
  meta: Meta,
  matches: Record<string, string[]>,
  en: MatrixText,
  hi?: MatrixText,
): DemoQuestion {
  const build = (t: MatrixText) =>
    withSolution(
      { stem: t.stem, rows: label(ROW_IDS, t.rows), columns: label(COLUMN_IDS, t.columns) },
      t.solution,
    );
  return {
    path,
    question: {
      ...common(path, meta),
      type: 'matrix_match',
      rows: en.rows.map((_text, index) => ({ id: ROW_IDS[index]! })),
      columns: en.columns.map((_text, index) => ({ id: COLUMN_IDS[index]! })),
      allowMultiplePerRow: Object.values(matches).some((columns) => columns.length > 1),
      content: hi ? { en: build(en), hi: build(hi) } : { en: build(en) },
      key: { matches },
    },
  };
}

const AR_STEM = { en: 'Given below are two statements.', hi: 'नीचे दो कथन दिए गए हैं।' };

export function assertionReason(
  path: SyllabusPath,
  meta: Meta,
  answer: AssertionReasonOptionId,
  en: ArText,
  hi?: ArText,
): DemoQuestion {
  const build = (t: ArText, stem: string) =>
    withSolution({ stem, assertion: t.assertion, reason: t.reason }, t.solution);
  const content: Record<string, QuestionContent> = hi
    ? { en: build(en, AR_STEM.en), hi: build(hi, AR_STEM.hi) }
    : { en: build(en, AR_STEM.en) };
  return {
    path,
    question: { ...common(path, meta), type: 'assertion_reason', content, key: { optionId: answer } },
  };
}
