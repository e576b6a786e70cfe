import {
  LANGUAGES,
  QUESTION_TYPES,
  checkPaperAgainstTemplate,
  findMarkValueProblem,
  findTemplate,
  pickSectionHeader,
  validateMarkingScheme,
  type ExamTemplate,
  type Paper,
  type Question,
  type ValidationIssue,
} from '@examtech/core';
import { z } from 'zod';
import { defaultInstructions } from './exam-defaults.js';

// The editable form of an exam. Publishing turns it into the core's immutable `Paper`.

// Bounded here, before anything is stored: one unbounded mark (1e20) made every exam list fail.
const markValue = z
  .union([z.number(), z.object({ num: z.number().int(), den: z.number().int().positive() })])
  .superRefine((value, ctx) => {
    const problem = findMarkValueProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
const markOverride = z.object({ correct: markValue.optional(), wrong: markValue.optional() });

export const markingSchemeSchema = z.object({
  correct: markValue,
  wrong: markValue,
  multi: z
    .union([
      z.object({ mode: z.literal('all_or_nothing') }),
      z.object({ mode: z.literal('jee_advanced_partial'), perCorrectOption: markValue.optional() }),
    ])
    .optional(),
  matrix: z
    .union([
      z.object({ mode: z.literal('all_or_nothing') }),
      z.object({ mode: z.literal('per_row'), correctPerRow: markValue, wrongPerRow: markValue.optional() }),
    ])
    .optional(),
  byType: z.partialRecord(z.enum(QUESTION_TYPES), markOverride).optional(),
});

export const draftSectionSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_".'),
  name: z.string().trim().min(1).max(120),
  subject: z.string().trim().max(120).optional(),
  scheme: markingSchemeSchema,
  bestOf: z.number().int().positive().max(500).optional(),
  durationMinutes: z.number().int().positive().max(600).optional(),
  allowedTypes: z.array(z.enum(QUESTION_TYPES)).min(1),
  questionCount: z.number().int().min(0).max(500),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  items: z.array(z.object({ questionId: z.uuid(), marking: markOverride.optional() })).max(500),
});

export const draftSchema = z.object({
  durationMinutes: z.number().int().min(1).max(600),
  lockedSections: z.boolean(),
  instructions: z.object({ en: z.string().max(20_000), hi: z.string().max(20_000) }),
  sections: z.array(draftSectionSchema).min(1).max(30),
});

export type ExamDraft = z.infer<typeof draftSchema>;
export type DraftSection = ExamDraft['sections'][number];

export const settingsSchema = z.object({
  languages: z.array(z.enum(LANGUAGES)).min(1),
  calculator: z.boolean(),
  proctoring: z.object({
    webcamSnapshots: z.boolean(),
    snapshotIntervalSeconds: z.number().int().min(10).max(3600),
    screenRecording: z.boolean(),
    tabSwitchDetection: z.boolean(),
    fullScreenRequired: z.boolean(),
    warnAfterViolations: z.number().int().min(0).max(100),
    submitAfterViolations: z.number().int().min(0).max(100),
  }),
  resultRelease: z.object({
    mode: z.enum(['instant', 'scheduled', 'manual']),
    at: z.iso.datetime({ offset: true }).optional(),
  }),
  showAnswerKeyAfterRelease: z.boolean(),
});

export type ExamSettings = z.infer<typeof settingsSchema>;

export function createDraftFromTemplate(template: ExamTemplate): ExamDraft {
  return {
    durationMinutes: template.durationMinutes,
    lockedSections: template.lockedSections,
    instructions: defaultInstructions(template.durationMinutes),
    sections: template.sections.map((section) => ({
      ...pickSectionHeader(section),
      allowedTypes: [...section.allowedTypes],
      questionCount: section.questionCount,
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      items: [],
    })),
  };
}

export function createScratchDraft(): ExamDraft {
  return {
    durationMinutes: 60,
    lockedSections: false,
    instructions: defaultInstructions(60),
    sections: [
      {
        id: 'section-a',
        name: 'Section A',
        scheme: { correct: 4, wrong: -1 },
        allowedTypes: [...QUESTION_TYPES],
        questionCount: 20,
        shuffleQuestions: true,
        shuffleOptions: true,
        items: [],
      },
    ],
  };
}

export function findExamTemplate(
  templateId: string | null,
  version: number | null,
): ExamTemplate | undefined {
  return templateId ? findTemplate(templateId, version ?? undefined) : undefined;
}

/** The core Paper for a draft, with each question's current version; unknown ids are left out (reported by the check). */
export function buildPaper(
  exam: { id: string; title: string; templateId: string | null; templateVersion: number | null },
  draft: ExamDraft,
  questions: ReadonlyMap<string, Question>,
): Paper {
  return {
    id: exam.id,
    name: exam.title,
    ...(exam.templateId ? { templateId: exam.templateId } : {}),
    ...(exam.templateVersion ? { templateVersion: exam.templateVersion } : {}),
    durationMinutes: draft.durationMinutes,
    lockedSections: draft.lockedSections,
    sections: draft.sections.map((section) => ({
      ...pickSectionHeader(section),
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      items: section.items.flatMap((item) => {
        const question = questions.get(item.questionId);
        return question ? [{ question, ...(item.marking ? { marking: item.marking } : {}) }] : [];
      }),
    })),
  };
}

/**
 * Everything that keeps a draft from being published: the template checker's findings, plus the
 * rules that hold without a template (each section's own count, types and scheme, missing questions).
 */
export function checkDraft(
  paper: Paper,
  draft: ExamDraft,
  questions: ReadonlyMap<string, Question>,
  template: ExamTemplate | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (code: string, path: string, message: string) => issues.push({ code, path, message });
  draft.sections.forEach((section, index) => {
    const path = `sections.${index}`;
    section.items.forEach((item, itemIndex) => {
      if (!questions.has(item.questionId))
        issue(
          'QUESTION_MISSING',
          `${path}.items.${itemIndex}`,
          `question ${item.questionId} is archived or no longer in the bank`,
        );
    });
    if (section.items.length !== section.questionCount) {
      issue(
        'SECTION_COUNT',
        `${path}.items`,
        `${section.name}: ${section.questionCount} questions needed, ${section.items.length} added`,
      );
    }
    for (const [itemIndex, item] of section.items.entries()) {
      const question = questions.get(item.questionId);
      if (question && !section.allowedTypes.includes(question.type)) {
        issue(
          'SECTION_TYPE_NOT_ALLOWED',
          `${path}.items.${itemIndex}`,
          `${section.name}: ${question.type} questions are not allowed here`,
        );
      }
    }
    issues.push(...validateMarkingScheme(section.scheme, `${path}.scheme`));
    if (section.bestOf !== undefined && section.bestOf > section.questionCount) {
      issue(
        'SECTION_BEST_OF',
        `${path}.bestOf`,
        `${section.name}: cannot evaluate the best ${section.bestOf} of ${section.questionCount}`,
      );
    }
    if (draft.lockedSections && section.durationMinutes === undefined) {
      issue(
        'SECTION_DURATION_MISSING',
        `${path}.durationMinutes`,
        `${section.name}: locked sections need their own duration`,
      );
    }
  });
  if (draft.lockedSections) {
    const sum = draft.sections.reduce((total, s) => total + (s.durationMinutes ?? 0), 0);
    if (sum !== draft.durationMinutes)
      issue(
        'SECTION_DURATIONS_SUM',
        'durationMinutes',
        `locked sections add up to ${sum} minutes, the exam lasts ${draft.durationMinutes}`,
      );
  }
  if (template) {
    // Counts and types per section are already reported above, in the builder's words.
    const coveredAbove = new Set(['PAPER_SECTION_COUNT', 'PAPER_TYPE_NOT_ALLOWED']);
    issues.push(
      ...checkPaperAgainstTemplate(paper, template).filter((found) => !coveredAbove.has(found.code)),
    );
  }
  return issues;
}
