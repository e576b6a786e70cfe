import type { MarkingScheme } from '../marking/schemes.js';
import type { ExamTemplate, TemplateSection } from './types.js';

const NEET_SCHEME: MarkingScheme = { correct: 4, wrong: -1 };

function createNeetSection(
  subject: string,
  part: 'A' | 'B' | null,
  questionCount: number,
  bestOf?: number,
): TemplateSection {
  const id = part === null ? subject.toLowerCase() : `${subject.toLowerCase()}_${part.toLowerCase()}`;
  return {
    id,
    name: part === null ? subject : `${subject} Section ${part}`,
    subject,
    questionSubject: subject,
    questionCount,
    ...(bestOf === undefined ? {} : { bestOf }),
    allowedTypes: ['mcq_single', 'assertion_reason'],
    scheme: NEET_SCHEME,
    // "First k answered in question order" must mean the order the candidate saw.
    shuffleQuestions: bestOf === undefined,
    shuffleOptions: true,
  };
}

export const NEET_UG_2025: ExamTemplate = {
  id: 'neet_ug',
  version: 2025,
  name: 'NEET UG (2025 pattern)',
  family: 'neet_ug',
  durationMinutes: 180,
  lockedSections: false,
  totalMarks: 720,
  note: 'NTA: 180 compulsory questions, +4/-1. Run as a computer-based mock.',
  sections: [
    createNeetSection('Physics', null, 45),
    createNeetSection('Chemistry', null, 45),
    createNeetSection('Biology', null, 90),
  ],
};

export const NEET_UG_2021: ExamTemplate = {
  id: 'neet_ug',
  version: 2021,
  name: 'NEET UG (2021-24 pattern, Section B optional)',
  family: 'neet_ug',
  durationMinutes: 200,
  lockedSections: false,
  totalMarks: 720,
  note: 'NTA 2021-24: Section B attempt any 10 of 15 (Biology 20 of 30); 200 questions, 180 evaluated.',
  sections: [
    createNeetSection('Physics', 'A', 35),
    createNeetSection('Physics', 'B', 15, 10),
    createNeetSection('Chemistry', 'A', 35),
    createNeetSection('Chemistry', 'B', 15, 10),
    createNeetSection('Biology', 'A', 70),
    createNeetSection('Biology', 'B', 30, 20),
  ],
};
