import type { MarkingScheme } from '../marking/schemes.js';
import type { ExamTemplate, TemplateSection } from './types.js';

export const JEE_MAIN_SUBJECTS = ['Physics', 'Chemistry', 'Mathematics'] as const;

/** +4 / -1 in both sections since 2025, numerical questions included. */
export const JEE_MAIN_SCHEME: MarkingScheme = { correct: 4, wrong: -1 };

/** One section per (subject, part), named as on the NTA screen. */
export function createSubjectSections(
  subjects: readonly string[],
  parts: readonly Omit<TemplateSection, 'id' | 'name' | 'subject' | 'questionSubject'>[],
): TemplateSection[] {
  return subjects.flatMap((subject) =>
    parts.map((part, index) => {
      const letter = String.fromCharCode(65 + index);
      return {
        ...part,
        id: `${subject.toLowerCase()}_${letter.toLowerCase()}`,
        name: `${subject} Section ${letter}`,
        subject,
        questionSubject: subject,
      };
    }),
  );
}

export const JEE_MAIN_2025: ExamTemplate = {
  id: 'jee_main_paper1',
  version: 2025,
  name: 'JEE Main Paper 1 (B.E./B.Tech)',
  family: 'jee_main',
  durationMinutes: 180,
  lockedSections: false,
  totalMarks: 300,
  note: 'NTA: 20 MCQ + 5 compulsory integer questions per subject, +4/-1 throughout.',
  sections: createSubjectSections(JEE_MAIN_SUBJECTS, [
    {
      questionCount: 20,
      allowedTypes: ['mcq_single', 'assertion_reason'],
      scheme: JEE_MAIN_SCHEME,
      shuffleQuestions: true,
      shuffleOptions: true,
    },
    {
      questionCount: 5,
      allowedTypes: ['numerical'],
      integerAnswersOnly: true,
      scheme: JEE_MAIN_SCHEME,
      shuffleQuestions: true,
      shuffleOptions: false,
    },
  ]),
};
