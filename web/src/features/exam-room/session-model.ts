// Pure helpers of the exam room: the candidate's question order, merging the server's answers with
// the local journal after a reload, and per-section palette counts.
import {
  PALETTE_STATES,
  type CandidateQuestion,
  type CandidateSection,
  type PaletteState,
} from '@examtech/core';
import type { JournalEntry } from './journal';
import type { PaperResponse, SavedAnswer } from './types';

export interface OrderedSection {
  section: CandidateSection;
  questions: CandidateQuestion[];
}

/** Sections and questions in this candidate's display order (`order.sections[].questionIds`). */
export function orderPaper({ paper, order }: PaperResponse): OrderedSection[] {
  return paper.sections.map((section) => {
    const byId = new Map(section.questions.map((question) => [question.id, question]));
    const ids =
      order.sections.find((s) => s.sectionId === section.id)?.questionIds ??
      section.questions.map((q) => q.id);
    return { section, questions: ids.flatMap((id) => byId.get(id) ?? []) };
  });
}

export interface MergedAnswers {
  responses: Record<string, SavedAnswer>;
  unsent: JournalEntry[];
  lastSeq: number;
}

/** Higher seq wins per question; journal entries newer than the server's copy are sent again. */
export function mergeAnswers(
  server: SavedAnswer[],
  journal: JournalEntry[],
  journalSeq: number,
): MergedAnswers {
  const responses: Record<string, SavedAnswer> = {};
  let lastSeq = journalSeq;
  for (const answer of server) {
    responses[answer.questionId] = answer;
    lastSeq = Math.max(lastSeq, answer.seq);
  }
  const unsent: JournalEntry[] = [];
  for (const entry of journal) {
    lastSeq = Math.max(lastSeq, entry.seq);
    const known = responses[entry.questionId];
    if (known && known.seq >= entry.seq) continue;
    const { attemptId: _attemptId, isPending, ...answer } = entry;
    responses[entry.questionId] = answer;
    if (isPending) unsent.push(entry);
  }
  return { responses, unsent, lastSeq };
}

export type StateCounts = Record<PaletteState, number>;

export function countStates(
  questionIds: readonly string[],
  stateOf: (id: string) => PaletteState,
): StateCounts {
  const counts = Object.fromEntries(PALETTE_STATES.map((state) => [state, 0])) as StateCounts;
  for (const id of questionIds) counts[stateOf(id)] += 1;
  return counts;
}

export const paletteLabels: Record<PaletteState, string> = {
  not_visited: 'Not Visited',
  not_answered: 'Not Answered',
  answered: 'Answered',
  marked_for_review: 'Marked for Review',
  answered_marked_for_review: 'Answered & Marked for Review',
};

export const rejectionMessages: Record<string, string> = {
  EXAM_ENDED: 'Time is up — this answer arrived too late.',
  SECTION_CLOSED: 'Time is up for this section.',
  SECTION_NOT_OPEN_YET: 'This section has not opened yet.',
  ATTEMPT_CLOSED: 'The exam has already been submitted.',
  INVALID_ANSWER: 'This answer is not valid for the question.',
  QUESTION_NOT_IN_PAPER: 'This question is not part of your paper.',
  INVALID_STATE: 'The answer could not be saved.',
};
