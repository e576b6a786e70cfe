/**
 * Checks that a template is self-consistent and that a paper fits its template. Both return
 * every problem found, so a teacher assembling a paper sees all of them at once.
 */
import { createIssue, joinPath, type ValidationIssue } from '../errors.js';
import { computeMaxMarksBySection } from '../marking/score-attempt.js';
import { resolveMarking, validateMarkingScheme } from '../marking/schemes.js';
import {
  addRationals,
  compareRationals,
  formatMarks,
  isRationalEqual,
  toRational,
  ZERO,
  type Rational,
} from '../math/rational.js';
import { pickSectionHeader, type Paper, type PaperSection } from '../paper.js';
import { validateQuestion } from '../questions/validate.js';
import type { Question } from '../questions/types.js';
import { findDuplicates } from '../questions/validate-key.js';
import { computeTemplateSectionMax } from './max-marks.js';
import type { ExamTemplate, TemplateSection } from './types.js';

/**
 * Whether a question is filed under a section's subject. Names are compared without case or
 * surrounding spaces, as the builder matches a section's subject to the syllabus.
 */
export function isSameSubject(questionSubject: string, sectionSubject: string): boolean {
  return questionSubject.trim().toLowerCase() === sectionSubject.trim().toLowerCase();
}

/**
 * Whether a question fits a section that takes integer answers only: a numerical question must be
 * integer-only (its key is then an integer, see validateKey); other types have no decimal answer.
 */
export function hasIntegerAnswer(question: Question): boolean {
  return question.type !== 'numerical' || question.format.integerOnly === true;
}

function validateTemplateSection(
  section: TemplateSection,
  path: string,
  isLocked: boolean,
): ValidationIssue[] {
  const issues = validateMarkingScheme(section.scheme, joinPath(path, 'scheme'));
  if (!Number.isInteger(section.questionCount) || section.questionCount < 1) {
    issues.push(
      createIssue(
        'TEMPLATE_QUESTION_COUNT_INVALID',
        joinPath(path, 'questionCount'),
        'a section has at least one question',
      ),
    );
  }
  if (
    section.bestOf !== undefined &&
    (!Number.isInteger(section.bestOf) || section.bestOf < 1 || section.bestOf > section.questionCount)
  ) {
    issues.push(
      createIssue(
        'TEMPLATE_BEST_OF_INVALID',
        joinPath(path, 'bestOf'),
        `bestOf must be between 1 and ${section.questionCount}`,
      ),
    );
  }
  if (section.allowedTypes.length === 0)
    issues.push(
      createIssue(
        'TEMPLATE_NO_ALLOWED_TYPES',
        joinPath(path, 'allowedTypes'),
        'a section allows at least one type',
      ),
    );
  if (isLocked && (section.durationMinutes === undefined || section.durationMinutes <= 0)) {
    issues.push(
      createIssue(
        'TEMPLATE_SECTION_DURATION_MISSING',
        joinPath(path, 'durationMinutes'),
        'locked sections need their own duration',
      ),
    );
  }
  return issues;
}

export function validateTemplate(template: ExamTemplate): ValidationIssue[] {
  const issues = template.sections.flatMap((section, index) =>
    validateTemplateSection(section, joinPath('sections', index), template.lockedSections),
  );
  for (const id of findDuplicates(template.sections.map((section) => section.id))) {
    issues.push(createIssue('TEMPLATE_SECTION_DUPLICATE_ID', 'sections', `section id "${id}" is used twice`));
  }
  const maxMarks = template.sections.map(computeTemplateSectionMax).reduce(addRationals, ZERO);
  if (!isRationalEqual(maxMarks, toRational(template.totalMarks))) {
    issues.push(
      createIssue(
        'TEMPLATE_MARKS_MISMATCH',
        'totalMarks',
        `sections add up to ${formatMarks(maxMarks)}, the template says ${template.totalMarks}`,
      ),
    );
  }
  if (template.lockedSections) {
    const minutes = template.sections.reduce((sum, section) => sum + (section.durationMinutes ?? 0), 0);
    if (minutes !== template.durationMinutes) {
      issues.push(
        createIssue(
          'TEMPLATE_DURATION_MISMATCH',
          'durationMinutes',
          `locked sections last ${minutes} minutes, the template says ${template.durationMinutes}`,
        ),
      );
    }
  }
  return issues;
}

function isSchemeEquivalent(paperSection: PaperSection, templateSection: TemplateSection): boolean {
  // Compared through resolved marks, so `2.5` and `{ num: 5, den: 2 }` count as the same scheme.
  return templateSection.allowedTypes.every(
    (type) =>
      JSON.stringify(resolveMarking(paperSection.scheme, type)) ===
      JSON.stringify(resolveMarking(templateSection.scheme, type)),
  );
}

function findSplitGroups(questions: readonly Question[]): string[] {
  const closed = new Set<string>();
  const split = new Set<string>();
  let current: string | undefined;
  for (const question of questions) {
    if (question.groupId !== current && current !== undefined) closed.add(current);
    if (question.groupId !== undefined && closed.has(question.groupId)) split.add(question.groupId);
    current = question.groupId;
  }
  return [...split];
}

function checkSection(
  section: PaperSection,
  expected: TemplateSection,
  path: string,
  maxMarks: Rational | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (section.items.length !== expected.questionCount) {
    issues.push(
      createIssue(
        'PAPER_SECTION_COUNT',
        joinPath(path, 'items'),
        `${expected.name} needs ${expected.questionCount} questions, the paper has ${section.items.length}`,
      ),
    );
  }
  section.items.forEach((item, index) => {
    const itemPath = joinPath(path, 'items', index);
    if (!expected.allowedTypes.includes(item.question.type)) {
      issues.push(
        createIssue(
          'PAPER_TYPE_NOT_ALLOWED',
          itemPath,
          `${expected.name} allows ${expected.allowedTypes.join(', ')}, question ${item.question.id} is ${item.question.type}`,
        ),
      );
    }
    const subject = item.question.classification.subject;
    if (expected.questionSubject !== undefined && !isSameSubject(subject, expected.questionSubject)) {
      issues.push(
        createIssue(
          'PAPER_SUBJECT_MISMATCH',
          itemPath,
          `${expected.name} holds ${expected.questionSubject} questions, question ${item.question.id} is ${subject}`,
        ),
      );
    }
    if (expected.integerAnswersOnly === true && !hasIntegerAnswer(item.question)) {
      issues.push(
        createIssue(
          'PAPER_ANSWER_NOT_INTEGER',
          itemPath,
          `${expected.name} takes integer answers only, question ${item.question.id} takes decimals`,
        ),
      );
    }
    for (const problem of validateQuestion(item.question)) {
      issues.push(
        createIssue(
          problem.code,
          joinPath(itemPath, 'question', problem.path),
          `question ${item.question.id}: ${problem.message}`,
        ),
      );
    }
  });
  if (section.bestOf !== expected.bestOf) {
    issues.push(
      createIssue(
        'PAPER_BEST_OF_MISMATCH',
        joinPath(path, 'bestOf'),
        `${expected.name} evaluates ${expected.bestOf ?? 'all'}, the paper says ${section.bestOf ?? 'all'}`,
      ),
    );
  }
  if (section.durationMinutes !== expected.durationMinutes) {
    issues.push(
      createIssue(
        'PAPER_SECTION_DURATION_MISMATCH',
        joinPath(path, 'durationMinutes'),
        `${expected.name} lasts ${expected.durationMinutes ?? '-'} minutes`,
      ),
    );
  }
  if (!isSchemeEquivalent(section, expected)) {
    issues.push(
      createIssue(
        'PAPER_SCHEME_MISMATCH',
        joinPath(path, 'scheme'),
        `${expected.name} is not marked as the template says`,
      ),
    );
  }
  const templateMax = computeTemplateSectionMax(expected);
  if (
    maxMarks !== undefined &&
    section.items.length === expected.questionCount &&
    compareRationals(maxMarks, templateMax) !== 0
  ) {
    issues.push(
      createIssue(
        'PAPER_SECTION_MARKS_MISMATCH',
        path,
        `${expected.name} adds up to ${formatMarks(maxMarks)}, the template says ${formatMarks(templateMax)}`,
      ),
    );
  }
  for (const groupId of findSplitGroups(section.items.map((item) => item.question))) {
    issues.push(
      createIssue(
        'PAPER_GROUP_NOT_CONTIGUOUS',
        joinPath(path, 'items'),
        `the questions of group "${groupId}" are not next to each other`,
      ),
    );
  }
  return issues;
}

/** Every way in which `paper` does not fit `template`; empty means it fits. */
export function checkPaperAgainstTemplate(paper: Paper, template: ExamTemplate): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (
    (paper.templateId !== undefined && paper.templateId !== template.id) ||
    (paper.templateVersion !== undefined && paper.templateVersion !== template.version)
  ) {
    issues.push(
      createIssue(
        'PAPER_TEMPLATE_MISMATCH',
        'templateId',
        `the paper was made from ${paper.templateId ?? '?'} v${paper.templateVersion ?? '?'}, not ${template.id} v${template.version}`,
      ),
    );
  }
  if (paper.durationMinutes !== template.durationMinutes) {
    issues.push(
      createIssue(
        'PAPER_DURATION_MISMATCH',
        'durationMinutes',
        `the template lasts ${template.durationMinutes} minutes, the paper ${paper.durationMinutes}`,
      ),
    );
  }
  if (paper.lockedSections !== template.lockedSections) {
    issues.push(
      createIssue(
        'PAPER_LOCKED_MISMATCH',
        'lockedSections',
        `the template ${template.lockedSections ? 'locks' : 'does not lock'} its sections`,
      ),
    );
  }
  const sectionIds = paper.sections.map((section) => section.id);
  const expectedIds = template.sections.map((section) => section.id);
  for (const id of expectedIds.filter((expectedId) => !sectionIds.includes(expectedId))) {
    issues.push(createIssue('PAPER_SECTION_MISSING', 'sections', `section "${id}" is missing`));
  }
  const maxBySection = computeMaxMarksBySection(paper);
  paper.sections.forEach((section, index) => {
    const expected = template.sections.find((candidate) => candidate.id === section.id);
    const path = joinPath('sections', index);
    if (expected === undefined)
      issues.push(
        createIssue('PAPER_SECTION_UNEXPECTED', path, `the template has no section "${section.id}"`),
      );
    else issues.push(...checkSection(section, expected, path, maxBySection[section.id]));
  });
  const common = sectionIds.filter((id) => expectedIds.includes(id));
  if (common.join('\n') !== expectedIds.filter((id) => sectionIds.includes(id)).join('\n')) {
    issues.push(
      createIssue(
        'PAPER_SECTION_ORDER',
        'sections',
        `sections must come in the order ${expectedIds.join(', ')}`,
      ),
    );
  }
  const questionIds = paper.sections.flatMap((section) => section.items.map((item) => item.question.id));
  for (const id of findDuplicates(questionIds))
    issues.push(createIssue('PAPER_DUPLICATE_QUESTION', 'sections', `question ${id} appears twice`));
  const total = Object.values(maxBySection).reduce(addRationals, ZERO);
  if (issues.length === 0 && !isRationalEqual(total, toRational(template.totalMarks))) {
    issues.push(
      createIssue(
        'PAPER_MARKS_MISMATCH',
        '',
        `the paper adds up to ${formatMarks(total)}, the template says ${template.totalMarks}`,
      ),
    );
  }
  return issues;
}

export interface PaperDraft {
  readonly id: string;
  readonly name?: string;
  /** Questions of each template section, by section id, in paper order. */
  readonly questions: Readonly<Record<string, readonly Question[]>>;
}

/** A paper snapshot of `template` holding the given questions. Run checkPaperAgainstTemplate on it before publishing. */
export function createPaperFromTemplate(template: ExamTemplate, draft: PaperDraft): Paper {
  return {
    id: draft.id,
    name: draft.name ?? template.name,
    templateId: template.id,
    templateVersion: template.version,
    durationMinutes: template.durationMinutes,
    lockedSections: template.lockedSections,
    sections: template.sections.map((section) => ({
      ...pickSectionHeader(section),
      shuffleQuestions: section.shuffleQuestions,
      shuffleOptions: section.shuffleOptions,
      items: (draft.questions[section.id] ?? []).map((question) => ({ question })),
    })),
  };
}

/** For qualifying papers: whether the score reaches the pass mark (exactly, no rounding). */
export function isQualified(template: ExamTemplate, score: Rational): boolean {
  if (template.qualifyingPercent === undefined) return true;
  const passMark = toRational((template.totalMarks * template.qualifyingPercent) / 100);
  return compareRationals(score, passMark) >= 0;
}
