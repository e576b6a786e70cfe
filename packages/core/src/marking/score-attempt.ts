/**
 * Scores a whole attempt. Everything is summed as exact fractions, so the total is exactly the
 * sum of the sections and exactly the sum of the subjects, and equal scores compare equal when
 * ranking.
 */
import { isEvaluated, type PaletteState } from '../answers/palette.js';
import { isAnswerEmpty, type Answer } from '../answers/types.js';
import { validateAnswer } from '../answers/validate.js';
import { addRationals, compareRationals, toNumber, ZERO, type Rational } from '../math/rational.js';
import { getEffectiveKeys, getItemSubject, type Paper, type PaperItem, type PaperSection } from '../paper.js';
import { computeMaxMarks, resolveMarking, type ResolvedMarking } from './schemes.js';
import { scoreAnswer, type Outcome, type QuestionMark, type ScoreReason } from './score-question.js';

export interface QuestionResponse {
  readonly answer: Answer | null;
  /** Palette state; when absent a non-empty answer counts as `answered`. */
  readonly state?: PaletteState;
}

/** Responses by canonical question id; questions without an entry are unanswered. */
export type AttemptResponses = Readonly<Record<string, QuestionResponse | undefined>>;

export interface QuestionScore extends QuestionMark {
  readonly questionId: string;
  readonly sectionId: string;
  readonly subject: string;
  /** `exact` as a float, for convenience; compare and sum `exact`. */
  readonly marks: number;
  readonly maxExact: Rational;
}

export interface ScoreSummary {
  readonly exact: Rational;
  readonly marks: number;
  readonly maxExact: Rational;
  readonly maxMarks: number;
  readonly correct: number;
  readonly partial: number;
  readonly wrong: number;
  readonly unanswered: number;
  /** Answered beyond k in a best-k-of-n section. */
  readonly notEvaluated: number;
  /** Awarded because the question was dropped. */
  readonly bonus: number;
}

export interface AttemptScore {
  readonly total: ScoreSummary;
  readonly sections: Readonly<Record<string, ScoreSummary>>;
  readonly subjects: Readonly<Record<string, ScoreSummary>>;
  /** In paper order (canonical, never display order). */
  readonly questions: readonly QuestionScore[];
}

interface PlannedItem {
  readonly item: PaperItem;
  readonly subject: string;
  readonly marking: ResolvedMarking;
  readonly maxExact: Rational;
}

interface PlannedSection {
  readonly section: PaperSection;
  readonly items: readonly PlannedItem[];
  readonly maxExact: Rational;
  /** A best-k section's maximum cannot be split by subject unless the whole section has one subject. */
  readonly maxBySubject: ReadonlyMap<string, Rational>;
}

const planCache = new WeakMap<Paper, readonly PlannedSection[]>();

function sumLargest(values: readonly Rational[], count: number): Rational {
  return [...values]
    .sort((a, b) => compareRationals(b, a))
    .slice(0, count)
    .reduce(addRationals, ZERO);
}

function planSection(section: PaperSection): PlannedSection {
  const items = section.items.map((item): PlannedItem => {
    const marking = resolveMarking(section.scheme, item.question.type, item.marking);
    return {
      item,
      subject: getItemSubject(section, item),
      marking,
      maxExact: computeMaxMarks(item.question, marking),
    };
  });
  const maxExact = sumLargest(
    items.map((planned) => planned.maxExact),
    section.bestOf ?? items.length,
  );
  const maxBySubject = new Map<string, Rational>();
  const subjects = new Set(items.map((planned) => planned.subject));
  const onlySubject = [...subjects][0];
  if (subjects.size === 1 && onlySubject !== undefined) maxBySubject.set(onlySubject, maxExact);
  else
    for (const planned of items)
      maxBySubject.set(
        planned.subject,
        addRationals(maxBySubject.get(planned.subject) ?? ZERO, planned.maxExact),
      );
  return { section, items, maxExact, maxBySubject };
}

/** Resolved marks are computed once per paper object (papers are immutable snapshots). */
function planPaper(paper: Paper): readonly PlannedSection[] {
  let plan = planCache.get(paper);
  if (plan === undefined) {
    plan = paper.sections.map(planSection);
    planCache.set(paper, plan);
  }
  return plan;
}

type MutableSummary = { -readonly [K in keyof ScoreSummary]: ScoreSummary[K] };

function createSummary(maxExact: Rational = ZERO): MutableSummary {
  return {
    exact: ZERO,
    marks: 0,
    maxExact,
    maxMarks: toNumber(maxExact),
    correct: 0,
    partial: 0,
    wrong: 0,
    unanswered: 0,
    notEvaluated: 0,
    bonus: 0,
  };
}

const OUTCOME_COUNTER: Readonly<
  Record<Outcome, 'correct' | 'partial' | 'wrong' | 'unanswered' | 'notEvaluated' | 'bonus'>
> = {
  correct: 'correct',
  partial: 'partial',
  wrong: 'wrong',
  unanswered: 'unanswered',
  not_evaluated: 'notEvaluated',
  bonus: 'bonus',
};

function addToSummary(summary: MutableSummary, score: QuestionMark): void {
  summary.exact = addRationals(summary.exact, score.exact);
  summary.marks = toNumber(summary.exact);
  summary[OUTCOME_COUNTER[score.outcome]] += 1;
}

function unanswered(reason: ScoreReason): QuestionMark {
  return { outcome: 'unanswered', reason, exact: ZERO };
}

/** Whether the response is a saved, valid, non-empty answer that counts as an attempt. */
function readAttempt(
  planned: PlannedItem,
  response: QuestionResponse | undefined,
): { answer: Answer } | { reason: ScoreReason } {
  const answer = response?.answer ?? null;
  if (answer === null || isAnswerEmpty(answer)) return { reason: 'UNANSWERED' };
  if (!isEvaluated(response?.state ?? 'answered')) return { reason: 'NOT_SAVED_AS_ANSWER' };
  if (validateAnswer(planned.item.question, answer, { allowMultipleMarks: true }).length > 0)
    return { reason: 'INVALID_ANSWER' };
  return { answer };
}

function scoreSection(planned: PlannedSection, responses: AttemptResponses): QuestionScore[] {
  const { section } = planned;
  let evaluatedCount = 0;
  return planned.items.map((plannedItem) => {
    const { item, marking, maxExact } = plannedItem;
    const dropped = item.revision?.dropped;
    const attempt = readAttempt(plannedItem, responses[item.question.id]);
    let mark: QuestionMark;
    if ('reason' in attempt) {
      // In a best-k section nobody is owed a question they did not choose, so a dropped
      // question's "everyone" award goes only to those who attempted it.
      const isAwardedToAll = dropped === 'everyone' && section.bestOf === undefined;
      mark = isAwardedToAll
        ? { outcome: 'bonus', reason: 'DROPPED_AWARDED', exact: maxExact }
        : unanswered(
            dropped !== undefined && attempt.reason === 'UNANSWERED'
              ? 'DROPPED_NOT_ATTEMPTED'
              : attempt.reason,
          );
    } else if (section.bestOf !== undefined && evaluatedCount >= section.bestOf) {
      mark = { outcome: 'not_evaluated', reason: 'BEYOND_BEST_OF', exact: ZERO };
    } else {
      evaluatedCount += 1;
      mark =
        dropped === undefined
          ? scoreAnswer(item.question, attempt.answer, getEffectiveKeys(item), marking)
          : { outcome: 'bonus', reason: 'DROPPED_AWARDED', exact: maxExact };
    }
    return {
      ...mark,
      questionId: item.question.id,
      sectionId: section.id,
      subject: plannedItem.subject,
      marks: toNumber(mark.exact),
      maxExact,
    };
  });
}

export function scoreAttempt(paper: Paper, responses: AttemptResponses): AttemptScore {
  const plan = planPaper(paper);
  const total = createSummary(plan.reduce((sum, planned) => addRationals(sum, planned.maxExact), ZERO));
  const sections: Record<string, MutableSummary> = {};
  const subjects = new Map<string, MutableSummary>();
  const questions: QuestionScore[] = [];
  for (const planned of plan) {
    const sectionSummary = createSummary(planned.maxExact);
    sections[planned.section.id] = sectionSummary;
    for (const [subject, max] of planned.maxBySubject) {
      const existing = subjects.get(subject);
      const maxExact = addRationals(existing?.maxExact ?? ZERO, max);
      subjects.set(subject, { ...(existing ?? createSummary()), maxExact, maxMarks: toNumber(maxExact) });
    }
    for (const score of scoreSection(planned, responses)) {
      questions.push(score);
      addToSummary(total, score);
      addToSummary(sectionSummary, score);
      const subjectSummary = subjects.get(score.subject);
      if (subjectSummary !== undefined) addToSummary(subjectSummary, score);
    }
  }
  return { total, sections, subjects: Object.fromEntries(subjects), questions };
}

/** Share of the maximum, in percent (for qualifying papers such as UPSC CSAT). */
export function computePercentOfMax(summary: ScoreSummary): number {
  return summary.maxMarks === 0 ? 0 : (100 * summary.marks) / summary.maxMarks;
}

/** Maximum marks of each section (best k of n counted as k), by section id. */
export function computeMaxMarksBySection(paper: Paper): Readonly<Record<string, Rational>> {
  return Object.fromEntries(planPaper(paper).map((planned) => [planned.section.id, planned.maxExact]));
}
