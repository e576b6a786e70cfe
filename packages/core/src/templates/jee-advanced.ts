/**
 * JEE Advanced changes its structure every year, so it is a builder: the institute states the
 * per-subject sections of the year's paper and gets a template. The default is 2024 Paper 1.
 */
import type { MarkingScheme } from '../marking/schemes.js';
import type { QuestionType } from '../questions/types.js';
import { createSubjectSections, JEE_MAIN_SUBJECTS } from './jee-main.js';
import { computeTemplateMaxMarks } from './max-marks.js';
import type { ExamTemplate } from './types.js';

export const JEE_ADVANCED_SCHEMES = {
  singleCorrect: { correct: 3, wrong: -1 },
  multiCorrectPartial: { correct: 4, wrong: -2, multi: { mode: 'jee_advanced_partial' } },
  numericalNoNegative: { correct: 4, wrong: 0 },
  matchingList: { correct: 3, wrong: -1 },
} as const satisfies Record<string, MarkingScheme>;

export interface JeeAdvancedPart {
  readonly questionCount: number;
  readonly allowedTypes: readonly QuestionType[];
  readonly scheme: MarkingScheme;
}

export interface JeeAdvancedParams {
  readonly year: number;
  readonly paper: 1 | 2;
  /** Sections of one subject, in order; repeated for every subject. */
  readonly parts: readonly JeeAdvancedPart[];
  readonly subjects?: readonly string[];
  readonly durationMinutes?: number;
}

export function buildJeeAdvancedTemplate(params: JeeAdvancedParams): ExamTemplate {
  const sections = createSubjectSections(
    params.subjects ?? JEE_MAIN_SUBJECTS,
    params.parts.map((part) => ({
      ...part,
      shuffleQuestions: true,
      shuffleOptions: part.allowedTypes.some((type) => type === 'mcq_single' || type === 'mcq_multi'),
    })),
  );
  const draft: ExamTemplate = {
    id: `jee_advanced_paper${params.paper}`,
    version: params.year,
    name: `JEE Advanced ${params.year} Paper ${params.paper}`,
    family: 'jee_advanced',
    durationMinutes: params.durationMinutes ?? 180,
    lockedSections: false,
    totalMarks: 0,
    note: 'Structure as stated by the builder parameters; marks follow the official instructions of the year.',
    sections,
  };
  return { ...draft, totalMarks: computeTemplateMaxMarks(draft) };
}

/** 2024 Paper 1, per subject: 4 single (+3/-1), 3 multi (partial, +4/-2), 6 integer (+4/0), 4 matching lists (+3/-1). */
export const JEE_ADVANCED_2024_PAPER_1_PARTS: readonly JeeAdvancedPart[] = [
  { questionCount: 4, allowedTypes: ['mcq_single'], scheme: JEE_ADVANCED_SCHEMES.singleCorrect },
  { questionCount: 3, allowedTypes: ['mcq_multi'], scheme: JEE_ADVANCED_SCHEMES.multiCorrectPartial },
  { questionCount: 6, allowedTypes: ['numerical'], scheme: JEE_ADVANCED_SCHEMES.numericalNoNegative },
  { questionCount: 4, allowedTypes: ['mcq_single'], scheme: JEE_ADVANCED_SCHEMES.matchingList },
];

export const JEE_ADVANCED_DEFAULT: ExamTemplate = buildJeeAdvancedTemplate({
  year: 2024,
  paper: 1,
  parts: JEE_ADVANCED_2024_PAPER_1_PARTS,
});
