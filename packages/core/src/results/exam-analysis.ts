/**
 * One candidate's analysis of one exam: marks and counts per subject and section, accuracy, time,
 * accuracy by difficulty, each question with the class's figures, numbered as the candidate saw
 * the paper. Pure: the class's per-question aggregates come from the caller (computed in SQL).
 *
 * Counts: `attempted` = correct + partial + incorrect (answers that were evaluated); a question
 * answered beyond k in a best-k section, or a dropped question awarded to all, is not an attempt.
 * accuracy = correct ÷ attempted (null with no attempt); attempt rate = attempted ÷ questions.
 */
import type { PaletteState } from '../answers/palette.js';
import type { AttemptScore, ScoreSummary } from '../marking/score-attempt.js';
import type { Outcome } from '../marking/score-question.js';
import { toNumber } from '../math/rational.js';
import type { Paper } from '../paper.js';
import { DIFFICULTIES, type Difficulty } from '../questions/types.js';
import { buildAttemptPaper } from '../shuffle/shuffle.js';
import {
  analyseTime,
  flagTime,
  groupOutcome,
  orderFirstVisits,
  type OutcomeGroup,
  type TimeAnalysis,
  type TimeFlag,
} from './time-analysis.js';

export interface AnswerFacts {
  readonly questionId: string;
  readonly state: PaletteState;
  readonly timeSpentMs: number;
  readonly visits: number;
  readonly seq: number;
  readonly firstSeq: number | null;
}

/** The class (the exam's submitted attempts) on one question. */
export interface ClassQuestionStats {
  readonly candidates: number;
  readonly attempted: number;
  readonly correct: number;
  /** Mean time among candidates who spent any time on it; null when nobody did. */
  readonly averageTimeMs: number | null;
}

export interface CountSummary {
  readonly marks: number;
  readonly maxMarks: number;
  readonly questions: number;
  readonly correct: number;
  readonly partial: number;
  readonly incorrect: number;
  readonly unattempted: number;
  readonly attempted: number;
  /** correct ÷ attempted, 0..1; null with no attempt. */
  readonly accuracy: number | null;
  /** attempted ÷ questions, 0..1. */
  readonly attemptRate: number;
}

export interface QuestionAnalysis {
  /** 1-based, across sections, in the candidate's own order. */
  readonly number: number;
  readonly questionId: string;
  readonly sectionId: string;
  readonly subject: string;
  readonly difficulty: Difficulty;
  readonly outcome: Outcome;
  readonly group: OutcomeGroup;
  readonly marks: number;
  readonly maxMarks: number;
  readonly state: PaletteState;
  readonly timeSpentMs: number;
  readonly visits: number;
  readonly classAverageMs: number | null;
  /** Share of the class's candidates who got it right, 0..1; null when there is no class yet. */
  readonly classCorrectShare: number | null;
  readonly timeFlag: TimeFlag | null;
}

export interface DifficultyAccuracy {
  readonly difficulty: Difficulty;
  readonly questions: number;
  readonly attempted: number;
  readonly correct: number;
  readonly accuracy: number | null;
}

export interface ExamAnalysis {
  readonly total: CountSummary;
  readonly sections: readonly (CountSummary & { readonly sectionId: string; readonly name: string })[];
  readonly subjects: readonly (CountSummary & { readonly subject: string })[];
  readonly byDifficulty: readonly DifficultyAccuracy[];
  readonly questions: readonly QuestionAnalysis[];
  readonly time: TimeAnalysis;
  /** Question numbers in the order the candidate first reached them. */
  readonly navigation: readonly number[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function summariseCounts(summary: ScoreSummary, questions: number): CountSummary {
  const attempted = summary.correct + summary.partial + summary.wrong;
  return {
    marks: summary.marks,
    maxMarks: summary.maxMarks,
    questions,
    correct: summary.correct,
    partial: summary.partial,
    incorrect: summary.wrong,
    unattempted: summary.unanswered,
    attempted,
    accuracy: ratio(summary.correct, attempted),
    attemptRate: ratio(attempted, questions) ?? 0,
  };
}

export function analyseExam(input: {
  readonly paper: Paper;
  /** The attempt's seed: its question order. */
  readonly seed: string;
  readonly score: AttemptScore;
  readonly answers: readonly AnswerFacts[];
  readonly classStats: Readonly<Record<string, ClassQuestionStats | undefined>>;
}): ExamAnalysis {
  const { paper, score, classStats } = input;
  const order = buildAttemptPaper(paper, input.seed);
  const answers = new Map(input.answers.map((a) => [a.questionId, a]));
  const scores = new Map(score.questions.map((q) => [q.questionId, q]));
  const difficultyOf = new Map(
    paper.sections.flatMap((s) => s.items.map((i) => [i.question.id, i.question.difficulty] as const)),
  );
  const questions: QuestionAnalysis[] = [];
  for (const section of paper.sections) {
    const ids =
      order.sections.find((s) => s.sectionId === section.id)?.questionIds ??
      section.items.map((i) => i.question.id);
    for (const questionId of ids) {
      const scored = scores.get(questionId);
      if (!scored) continue;
      const answer = answers.get(questionId);
      const stats = classStats[questionId];
      const timeSpentMs = answer?.timeSpentMs ?? 0;
      const classAverageMs = stats?.averageTimeMs ?? null;
      const base = {
        questionId,
        subject: scored.subject,
        outcome: scored.outcome,
        timeSpentMs,
        classAverageMs,
      };
      questions.push({
        ...base,
        number: questions.length + 1,
        sectionId: section.id,
        difficulty: difficultyOf.get(questionId) ?? 'medium',
        group: groupOutcome(scored.outcome),
        marks: scored.marks,
        maxMarks: toNumber(scored.maxExact),
        state: answer?.state ?? 'not_visited',
        visits: answer?.visits ?? 0,
        classCorrectShare: stats ? ratio(stats.correct, stats.candidates) : null,
        timeFlag: flagTime(base),
      });
    }
  }
  const count = (pick: (q: QuestionAnalysis) => boolean) => questions.filter(pick).length;
  const numberOf = new Map(questions.map((q) => [q.questionId, q.number]));
  const subjects = [...new Set(questions.map((q) => q.subject))];
  return {
    total: summariseCounts(score.total, questions.length),
    sections: paper.sections.flatMap((section) => {
      const summary = score.sections[section.id];
      return summary
        ? [
            {
              sectionId: section.id,
              name: section.name,
              ...summariseCounts(summary, section.items.length),
            },
          ]
        : [];
    }),
    subjects: subjects.flatMap((subject) => {
      const summary = score.subjects[subject];
      return summary
        ? [
            {
              subject,
              ...summariseCounts(
                summary,
                count((q) => q.subject === subject),
              ),
            },
          ]
        : [];
    }),
    byDifficulty: DIFFICULTIES.map((difficulty) => {
      const of = questions.filter((q) => q.difficulty === difficulty);
      const attempted = of.filter((q) => q.group !== 'unattempted').length;
      const correct = of.filter((q) => q.group === 'correct').length;
      return { difficulty, questions: of.length, attempted, correct, accuracy: ratio(correct, attempted) };
    }).filter((d) => d.questions > 0),
    questions,
    time: analyseTime(questions),
    navigation: orderFirstVisits([...answers.values()]).flatMap((id) => {
      const number = numberOf.get(id);
      return number === undefined ? [] : [number];
    }),
  };
}
