/**
 * The per-attempt permutation. The server caches one candidate-safe paper per exam and sends
 * each candidate only this small permutation, which is rebuilt from (paper, seed) for audits.
 * Every permutation is drawn from its own stream (seed + section or question id), so the order
 * of one section never depends on how many random numbers another section used.
 */
import { CoreError } from '../errors.js';
import type { Paper, PaperItem } from '../paper.js';
import type { Question } from '../questions/types.js';
import { createRandom, shuffleArray } from './prng.js';

export interface AttemptSectionOrder {
  readonly sectionId: string;
  /** Canonical question ids in display order. */
  readonly questionIds: readonly string[];
}

export interface AttemptPaper {
  readonly paperId: string;
  readonly seed: string;
  readonly sections: readonly AttemptSectionOrder[];
  /** Canonical option ids in display order, for questions whose options were shuffled. */
  readonly optionOrder: Readonly<Record<string, readonly string[]>>;
}

/** Options move only on MCQs; assertion-reason options are a fixed standard list; fixed options keep their slot. */
export function canShuffleOptions(question: Question): boolean {
  return question.type === 'mcq_single' || question.type === 'mcq_multi';
}

export function shuffleOptionIds(question: Question, seed: string): readonly string[] {
  if (question.type !== 'mcq_single' && question.type !== 'mcq_multi') return [];
  const movable = question.options.filter((option) => option.fixed !== true).map((option) => option.id);
  const shuffled = shuffleArray(movable, createRandom(`${seed}:options:${question.id}`));
  let next = 0;
  return question.options.map((option) =>
    option.fixed === true ? option.id : (shuffled[next++] ?? option.id),
  );
}

/**
 * A passage group is one unit placed where its first question stood; inside it the paper's order
 * is kept. Questions without a group are units of one.
 */
export function shuffleQuestionIds(items: readonly PaperItem[], random: () => number): string[] {
  const units: string[][] = [];
  const unitByGroup = new Map<string, string[]>();
  for (const { question } of items) {
    if (question.groupId === undefined) {
      units.push([question.id]);
      continue;
    }
    const unit = unitByGroup.get(question.groupId);
    if (unit === undefined) {
      const created = [question.id];
      unitByGroup.set(question.groupId, created);
      units.push(created);
    } else unit.push(question.id);
  }
  return shuffleArray(units, random).flat();
}

/** The reproducible display order of a paper for one attempt. */
export function buildAttemptPaper(paper: Paper, seed: string): AttemptPaper {
  const optionOrder: Record<string, readonly string[]> = {};
  const sections = paper.sections.map((section) => {
    // Best-k-of-n sections keep paper order: "the first k answered" must be the first k the candidate saw.
    const isShuffled = section.shuffleQuestions === true && section.bestOf === undefined;
    const questionIds = isShuffled
      ? shuffleQuestionIds(section.items, createRandom(`${seed}:questions:${section.id}`))
      : section.items.map((item) => item.question.id);
    if (section.shuffleOptions === true) {
      for (const { question } of section.items)
        if (canShuffleOptions(question)) optionOrder[question.id] = shuffleOptionIds(question, seed);
    }
    return { sectionId: section.id, questionIds };
  });
  return { paperId: paper.id, seed, sections, optionOrder };
}

/** The canonical option ids of a question in the order this attempt shows them. */
export function getDisplayedOptionIds(attempt: AttemptPaper, question: Question): readonly string[] {
  return (
    attempt.optionOrder[question.id] ??
    (question.type === 'mcq_single' || question.type === 'mcq_multi'
      ? question.options.map((option) => option.id)
      : [])
  );
}

/** Display position (0-based, as labelled (A), (B)…) to canonical option id. */
export function mapDisplayedOption(attempt: AttemptPaper, question: Question, position: number): string {
  const id = getDisplayedOptionIds(attempt, question)[position];
  if (id === undefined)
    throw new CoreError(
      'SHUFFLE_POSITION_OUT_OF_RANGE',
      `question ${question.id} has no option at position ${position}`,
    );
  return id;
}

/** Display number within a section (0-based) to canonical question id. */
export function mapDisplayedQuestion(attempt: AttemptPaper, sectionId: string, position: number): string {
  const id = attempt.sections.find((section) => section.sectionId === sectionId)?.questionIds[position];
  if (id === undefined)
    throw new CoreError(
      'SHUFFLE_POSITION_OUT_OF_RANGE',
      `section ${sectionId} has no question at position ${position}`,
    );
  return id;
}
