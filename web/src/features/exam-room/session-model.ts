// Pure helpers of the exam room: the candidate's question order, merging the server's answers with
// the local journal after a reload, NTA button semantics (which palette state each action leaves)
// and per-section palette counts. useExamSession holds the state; the rules are here, testable.
import {
  derivePaletteState,
  isAnswerEmpty,
  PALETTE_STATES,
  type Answer,
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

export const isMarked = (state: PaletteState | undefined) =>
  state === 'marked_for_review' || state === 'answered_marked_for_review';
/** A state the candidate reached through a Save/Mark button (its answer is the committed one). */
export const isSaved = (state: PaletteState) => state === 'answered' || isMarked(state);
const sameAnswer = (a: Answer | null, b: Answer | null) => JSON.stringify(a) === JSON.stringify(b);

/** Entering a question counts a visit and turns "Not Visited" into "Not Answered" (sent when leaving). */
export function enterQuestion(
  responses: Record<string, SavedAnswer>,
  questionId: string,
): Record<string, SavedAnswer> {
  if (!questionId) return responses;
  const target = responses[questionId];
  const entered: SavedAnswer = {
    questionId,
    answer: target?.answer ?? null,
    state: !target || target.state === 'not_visited' ? 'not_answered' : target.state,
    seq: target?.seq ?? 0,
    visits: (target?.visits ?? 0) + 1,
    timeSpentMs: target?.timeSpentMs ?? 0,
  };
  return { ...responses, [questionId]: entered };
}

/** What the last Save/Mark button committed for a question. */
export type Committed = { answer: Answer | null; state: PaletteState };

/** "Save & Next" (mark = false) or "Save & Mark for Review" / "Mark for Review & Next" (mark = true). */
export function saveState(answer: Answer | null, mark: boolean): Committed {
  const hasAnswer = !isAnswerEmpty(answer);
  return {
    answer: hasAnswer ? answer : null,
    state: derivePaletteState({ isVisited: true, hasAnswer, isMarkedForReview: mark }),
  };
}

/**
 * Choosing an option without saving: the question stays "Not Answered" (an unsaved choice is not
 * evaluated), unless it was marked for review, where the choice counts as the marked answer.
 */
export function editState(previous: PaletteState | undefined, answer: Answer | null): PaletteState {
  const isMarkedForReview = isMarked(previous);
  return derivePaletteState({
    isVisited: true,
    hasAnswer: isMarkedForReview && !isAnswerEmpty(answer),
    isMarkedForReview,
  });
}

/**
 * Leaving a question without a button: an edit of a committed answer is undone (NTA: an option
 * chosen without saving is not evaluated); otherwise what is on screen is recorded as visited.
 */
export function leaveState(current: SavedAnswer | undefined, committed: Committed | undefined): Committed {
  if (committed && !sameAnswer(committed.answer, current?.answer ?? null)) return committed;
  return {
    answer: current?.answer ?? null,
    state: current && current.state !== 'not_visited' ? current.state : 'not_answered',
  };
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
