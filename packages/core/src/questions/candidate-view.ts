/**
 * Integrity rule 1: keys and solutions never reach a candidate's browser before results are
 * released. The projection is built field by field from an allow-list (never by deleting
 * fields from a copy), so a field added to Question later stays server-side until someone
 * decides it is safe to show.
 */
import {
  ASSERTION_REASON_OPTION_IDS,
  ASSERTION_REASON_OPTION_TEXT,
  type ChoiceSpec,
  type ImageRef,
  type LanguageCode,
  type LocalizedChoice,
  type NumericalFormat,
  type OptionSpec,
  type Question,
  type QuestionContent,
} from './types.js';
import { listImageRefs } from './text.js';
import { pickLanguageText } from '../languages.js';

export type CandidateContent = Omit<QuestionContent, 'solution'>;

interface CandidateCommon {
  readonly id: string;
  readonly subject: string;
  readonly groupId?: string;
  readonly images?: readonly ImageRef[];
  readonly content: Readonly<Record<LanguageCode, CandidateContent>>;
}

export type CandidateQuestion = CandidateCommon &
  (
    | {
        readonly type: 'mcq_single' | 'mcq_multi' | 'assertion_reason';
        readonly options: readonly OptionSpec[];
      }
    | { readonly type: 'numerical'; readonly format: NumericalFormat }
    | {
        readonly type: 'matrix_match';
        readonly rows: readonly ChoiceSpec[];
        readonly columns: readonly ChoiceSpec[];
        readonly allowMultiplePerRow: boolean;
      }
    | { readonly type: 'tita'; readonly inputMode: 'text' | 'number' }
  );

function projectImages(question: Question, images: readonly ImageRef[]): ImageRef[] {
  const used = listCandidateImageIds(question);
  return images
    .filter((image) => used.has(image.id))
    .map((image) => ({ id: image.id, ...(image.alt === undefined ? {} : { alt: image.alt }) }));
}

function copyChoices(
  choices: readonly LocalizedChoice[] | undefined,
): readonly LocalizedChoice[] | undefined {
  return choices?.map((choice) => ({ id: choice.id, text: choice.text }));
}

function projectContent(question: Question, language: string, content: QuestionContent): CandidateContent {
  const projected: { -readonly [K in keyof CandidateContent]: CandidateContent[K] } = { stem: content.stem };
  if (question.type === 'assertion_reason') {
    const texts = pickLanguageText(ASSERTION_REASON_OPTION_TEXT, language);
    projected.assertion = content.assertion ?? '';
    projected.reason = content.reason ?? '';
    projected.options = ASSERTION_REASON_OPTION_IDS.map((id) => ({ id, text: texts?.[id] ?? id }));
    return projected;
  }
  const options = copyChoices(content.options);
  const rows = copyChoices(content.rows);
  const columns = copyChoices(content.columns);
  if (options !== undefined) projected.options = options;
  if (rows !== undefined) projected.rows = rows;
  if (columns !== undefined) projected.columns = columns;
  return projected;
}

/**
 * Ids of the images the candidate-visible texts use (stem, options, rows, columns, assertion,
 * reason, in every language). An image used only by a solution stays server-side: its id and alt
 * text would hint at the answer.
 */
export function listCandidateImageIds(question: Question): Set<string> {
  const texts = Object.values(question.content).flatMap((content) => [
    content.stem,
    content.assertion ?? '',
    content.reason ?? '',
    ...[...(content.options ?? []), ...(content.rows ?? []), ...(content.columns ?? [])].map((c) => c.text),
  ]);
  return new Set(texts.flatMap(listImageRefs));
}

/** What a candidate may see of a question: no key, no solution, no source, tags or difficulty. */
export function toCandidateQuestion(question: Question): CandidateQuestion {
  const content = Object.fromEntries(
    Object.entries(question.content).map(([language, languageContent]) => [
      language,
      projectContent(question, language, languageContent),
    ]),
  );
  const common: CandidateCommon = {
    id: question.id,
    subject: question.classification.subject,
    content,
    ...(question.groupId === undefined ? {} : { groupId: question.groupId }),
    ...(question.images === undefined ? {} : { images: projectImages(question, question.images) }),
  };
  switch (question.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return {
        ...common,
        type: question.type,
        options: question.options.map((option) => ({ id: option.id, fixed: option.fixed === true })),
      };
    case 'assertion_reason':
      return {
        ...common,
        type: question.type,
        options: ASSERTION_REASON_OPTION_IDS.map((id) => ({ id, fixed: true })),
      };
    case 'numerical': {
      const { integerOnly, decimals, rounding } = question.format;
      return {
        ...common,
        type: question.type,
        format: {
          ...(integerOnly === undefined ? {} : { integerOnly }),
          ...(decimals === undefined ? {} : { decimals }),
          ...(rounding === undefined ? {} : { rounding }),
        },
      };
    }
    case 'matrix_match':
      return {
        ...common,
        type: question.type,
        rows: question.rows.map((row) => ({ id: row.id })),
        columns: question.columns.map((column) => ({ id: column.id })),
        allowMultiplePerRow: question.allowMultiplePerRow,
      };
    case 'tita':
      return { ...common, type: question.type, inputMode: question.key.compare };
  }
}
