import type { MarkingScheme } from '../marking/schemes.js';
import type { ExamTemplate, TemplateSection } from './types.js';

/** +3 / -1 for MCQ; TITA answers carry no negative marks. */
export const CAT_SCHEME: MarkingScheme = { correct: 3, wrong: -1, byType: { tita: { wrong: 0 } } };

const CAT_SECTION_NAMES = [
  ['varc', 'Verbal Ability and Reading Comprehension'],
  ['dilr', 'Data Interpretation and Logical Reasoning'],
  ['qa', 'Quantitative Ability'],
] as const;

function createCatSections(counts: readonly [number, number, number]): TemplateSection[] {
  return CAT_SECTION_NAMES.map(([id, name], index) => ({
    id,
    name,
    subject: name,
    questionCount: counts[index] ?? 0,
    allowedTypes: ['mcq_single', 'tita'],
    scheme: CAT_SCHEME,
    durationMinutes: 40,
    // RC passages and DILR sets are read in the order the paper setter chose.
    shuffleQuestions: false,
    shuffleOptions: true,
  }));
}

function createCatTemplate(
  version: number,
  counts: readonly [number, number, number],
  note: string,
): ExamTemplate {
  const questionCount = counts.reduce((sum, count) => sum + count, 0);
  return {
    id: 'cat',
    version,
    name: `CAT ${version}`,
    family: 'cat',
    durationMinutes: 120,
    lockedSections: true,
    totalMarks: questionCount * 3,
    note,
    sections: createCatSections(counts),
  };
}

export const CAT_2024 = createCatTemplate(
  2024,
  [24, 20, 22],
  'IIM: VARC -> DILR -> QA, 40 minutes each, locked; 66 questions.',
);
export const CAT_2025 = createCatTemplate(
  2025,
  [24, 22, 22],
  'Secondary: 68 questions (24/22/22); same timing and marking as 2024.',
);
