/**
 * Ranks with tie-breaks stored as data. Candidates are ordered by total marks, then by the keys of
 * the exam's tie-break rule, every key "larger is better". NTA breaks JEE Main ties by Mathematics,
 * Physics, Chemistry marks, then the ratio of wrong to right answers (lower is better) overall and
 * per subject; NEET by Biology, Chemistry, Physics, then the same ratios.
 *
 * Keys are exact fractions (marks are exact sums, see marking/score-attempt.ts), so equal scores
 * compare equal; `formatRankKey` turns one into the decimal the database stores and compares.
 */
import { compareRationals, createRational, formatMarks, ZERO, type Rational } from '../math/rational.js';
import type { AttemptScore, ScoreSummary } from '../marking/score-attempt.js';

export type TieBreakStep =
  | { readonly by: 'subject_marks'; readonly subject: string }
  /** Wrong ÷ right answers, of the whole paper, or of one subject when `subject` is given. */
  | { readonly by: 'wrong_right_ratio'; readonly subject?: string };

export type TieBreakRule = readonly TieBreakStep[];

/** What ranking reads of a score: the total and the per-subject summaries. */
export type RankableScore = Pick<AttemptScore, 'total' | 'subjects'>;

const ratios = (subjects: readonly string[]): TieBreakStep[] => [
  { by: 'wrong_right_ratio' },
  ...subjects.map((subject): TieBreakStep => ({ by: 'wrong_right_ratio', subject })),
];

export const JEE_MAIN_TIE_BREAK: TieBreakRule = [
  { by: 'subject_marks', subject: 'Mathematics' },
  { by: 'subject_marks', subject: 'Physics' },
  { by: 'subject_marks', subject: 'Chemistry' },
  ...ratios(['Mathematics', 'Physics', 'Chemistry']),
];

export const NEET_TIE_BREAK: TieBreakRule = [
  { by: 'subject_marks', subject: 'Biology' },
  { by: 'subject_marks', subject: 'Chemistry' },
  { by: 'subject_marks', subject: 'Physics' },
  ...ratios(['Biology', 'Chemistry', 'Physics']),
];

/** Any other exam: the total, then the overall ratio of wrong to right answers. */
export const DEFAULT_TIE_BREAK: TieBreakRule = [{ by: 'wrong_right_ratio' }];

/** The built-in rules by template id (every version of a template shares its rule). */
export const TIE_BREAK_RULES: Readonly<Record<string, TieBreakRule>> = {
  jee_main_paper1: JEE_MAIN_TIE_BREAK,
  neet_ug: NEET_TIE_BREAK,
};

/** The exam's own rule when its settings carry one, else its template's, else the default. */
export function findTieBreakRule(templateId: string | null | undefined, own?: TieBreakRule): TieBreakRule {
  if (own !== undefined) return own;
  return (templateId ? TIE_BREAK_RULES[templateId] : undefined) ?? DEFAULT_TIE_BREAK;
}

/**
 * A ratio no real one reaches: a wrong/right ratio is at most the number of wrong answers, and no
 * paper has a million questions. "Wrong answers and no right one" is worse than every ratio, and
 * worse still with more wrong answers.
 */
export const NO_RIGHT_ANSWER_RATIO = 1_000_000;

/**
 * Wrong ÷ right answers. Right counts correct and partially correct answers (both earn marks);
 * none answered gives 0 (nothing wrong); wrong answers with none right give
 * NO_RIGHT_ANSWER_RATIO + wrong.
 */
export function computeWrongRightRatio(
  summary: Pick<ScoreSummary, 'correct' | 'partial' | 'wrong'>,
): Rational {
  const right = summary.correct + summary.partial;
  if (summary.wrong === 0) return ZERO;
  if (right === 0) return createRational(NO_RIGHT_ANSWER_RATIO + summary.wrong);
  return createRational(summary.wrong, right);
}

function findSubject(score: RankableScore, subject: string): ScoreSummary | undefined {
  const wanted = subject.toLowerCase();
  const name = Object.keys(score.subjects).find((key) => key.toLowerCase() === wanted);
  return name === undefined ? undefined : score.subjects[name];
}

const negate = (value: Rational): Rational => createRational(-value.num, value.den);

/**
 * The tie-break keys of one score, larger is better (ratios negated). A subject the paper lacks
 * counts as 0 marks and no answers, the same for everyone, so it never decides.
 */
export function computeRankKeys(score: RankableScore, rule: TieBreakRule): Rational[] {
  return rule.map((step) => {
    const summary = step.subject === undefined ? score.total : findSubject(score, step.subject);
    if (step.by === 'subject_marks') return summary?.exact ?? ZERO;
    return summary === undefined ? ZERO : negate(computeWrongRightRatio(summary));
  });
}

/** Decimal places the database keeps for marks and keys: distinguishes any two fractions of real papers. */
export const RANK_KEY_DECIMALS = 10;

/** A mark or key as the decimal string the database stores (numeric), rounded half away from zero. */
export function formatRankKey(value: Rational): string {
  return formatMarks(value, RANK_KEY_DECIMALS, 'round');
}

export interface RankEntry {
  readonly id: string;
  readonly total: Rational;
  readonly keys: readonly Rational[];
}

/** Total first, then the keys in order: negative when `a` ranks ahead of `b`. */
export function compareRankEntries(a: RankEntry, b: RankEntry): number {
  const byTotal = compareRationals(b.total, a.total);
  if (byTotal !== 0) return byTotal;
  for (let i = 0; i < Math.max(a.keys.length, b.keys.length); i++) {
    const byKey = compareRationals(b.keys[i] ?? ZERO, a.keys[i] ?? ZERO);
    if (byKey !== 0) return byKey;
  }
  return 0;
}

export interface RankedCandidate {
  readonly id: string;
  /** Competition ranking: equal on total and every key share a rank, the next rank skips. */
  readonly rank: number;
}

/**
 * The reference ranking (the database computes the same with RANK() OVER ... ORDER BY total DESC,
 * rank_keys DESC). Returned in rank order, ties in input order.
 */
export function rankCandidates(entries: readonly RankEntry[]): RankedCandidate[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compareRankEntries(a.entry, b.entry) || a.index - b.index);
  const ranked: RankedCandidate[] = [];
  sorted.forEach(({ entry }, position) => {
    const previous = sorted[position - 1];
    const tied = previous !== undefined && compareRankEntries(previous.entry, entry) === 0;
    ranked.push({ id: entry.id, rank: tied ? (ranked[position - 1]?.rank ?? 1) : position + 1 });
  });
  return ranked;
}
