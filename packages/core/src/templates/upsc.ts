import { createOneThirdPenalty, type MarkingScheme } from '../marking/schemes.js';
import type { ExamTemplate } from './types.js';

/** One third of the question's marks is deducted for a wrong (or multiply marked) answer. */
export function createUpscScheme(correct: number): MarkingScheme {
  return { correct, wrong: createOneThirdPenalty(correct) };
}

function createUpscTemplate(
  id: string,
  name: string,
  questionCount: number,
  correct: number,
  qualifyingPercent?: number,
): ExamTemplate {
  return {
    id,
    version: 2015,
    name,
    family: 'upsc_prelims',
    durationMinutes: 120,
    lockedSections: false,
    totalMarks: questionCount * correct,
    ...(qualifyingPercent === undefined ? {} : { qualifyingPercent }),
    note: 'UPSC CSE Preliminary; CSAT qualifying since 2015.',
    sections: [
      {
        id: id.replace('upsc_prelims_', ''),
        name,
        subject: name,
        questionCount,
        allowedTypes: ['mcq_single'],
        scheme: createUpscScheme(correct),
        shuffleQuestions: true,
        shuffleOptions: true,
      },
    ],
  };
}

export const UPSC_PRELIMS_GS1 = createUpscTemplate('upsc_prelims_gs1', 'General Studies Paper I', 100, 2);
export const UPSC_PRELIMS_CSAT = createUpscTemplate(
  'upsc_prelims_csat',
  'General Studies Paper II (CSAT)',
  80,
  2.5,
  33,
);
