/**
 * The paper as the exam's cache serves it to every candidate (integrity rule 1): questions
 * through toCandidateQuestion, sections with their public marking, and no revision data.
 */
import { pickSectionHeader, type Paper, type SectionHeader } from './paper.js';
import { toCandidateQuestion, type CandidateQuestion } from './questions/candidate-view.js';

export interface CandidateSection extends SectionHeader {
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
      ...pickSectionHeader(section),
      questions: section.items.map((item) => toCandidateQuestion(item.question)),
    })),
  };
}
