/**
 * The paper as the exam's cache serves it to every candidate (integrity rule 1): questions
 * through toCandidateQuestion, sections with their public marking, and no revision data.
 */
import type { MarkingScheme } from './marking/schemes.js';
import type { Paper } from './paper.js';
import { toCandidateQuestion, type CandidateQuestion } from './questions/candidate-view.js';

export interface CandidateSection {
  readonly id: string;
  readonly name: string;
  readonly subject?: string;
  /** Marks are part of the instructions a candidate reads, so they are public. */
  readonly scheme: MarkingScheme;
  readonly bestOf?: number;
  readonly durationMinutes?: number;
  readonly questions: readonly CandidateQuestion[];
}

export interface CandidatePaper {
  readonly id: string;
  readonly name: string;
  readonly durationMinutes: number;
  readonly lockedSections: boolean;
  readonly sections: readonly CandidateSection[];
}

export function toCandidatePaper(paper: Paper): CandidatePaper {
  return {
    id: paper.id,
    name: paper.name,
    durationMinutes: paper.durationMinutes,
    lockedSections: paper.lockedSections,
    sections: paper.sections.map((section) => ({
      id: section.id,
      name: section.name,
      ...(section.subject === undefined ? {} : { subject: section.subject }),
      scheme: section.scheme,
      ...(section.bestOf === undefined ? {} : { bestOf: section.bestOf }),
      ...(section.durationMinutes === undefined ? {} : { durationMinutes: section.durationMinutes }),
      questions: section.items.map((item) => toCandidateQuestion(item.question)),
    })),
  };
}
