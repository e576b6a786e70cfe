/** Bridges scored attempts to item analysis, so results code does not rebuild the matrix by hand. */
import type { Answer } from '../answers/types.js';
import type { AttemptResponses, AttemptScore } from '../marking/score-attempt.js';
import type { CandidateItemResponses, ItemAnalysisInput } from './item-analysis.js';

export interface ScoredAttempt {
  readonly responses: AttemptResponses;
  readonly score: AttemptScore;
  /** Time spent per question id, when the client reported it. */
  readonly timeSpentMs?: Readonly<Record<string, number>>;
}

function listSelectedOptions(answer: Answer | null | undefined): readonly string[] {
  if (answer === null || answer === undefined) return [];
  switch (answer.type) {
    case 'mcq_single':
    case 'mcq_multi':
      return answer.optionIds;
    case 'assertion_reason':
      return [answer.optionId];
    case 'numerical':
    case 'matrix_match':
    case 'tita':
      return [];
  }
}

/** Only evaluated answers count: an answer that was marked for review only was never given. */
export function buildItemAnalysisInput(attempts: readonly ScoredAttempt[]): ItemAnalysisInput {
  const itemIds = attempts[0]?.score.questions.map((question) => question.questionId) ?? [];
  const candidates = attempts.map((attempt): CandidateItemResponses => {
    const responses = Object.fromEntries(
      attempt.score.questions.map((question) => {
        const isGiven =
          question.outcome === 'correct' || question.outcome === 'partial' || question.outcome === 'wrong';
        const timeSpentMs = attempt.timeSpentMs?.[question.questionId];
        return [
          question.questionId,
          {
            isCorrect: question.outcome === 'correct',
            isAnswered: isGiven,
            score: question.marks,
            selectedOptionIds: isGiven
              ? listSelectedOptions(attempt.responses[question.questionId]?.answer)
              : [],
            ...(timeSpentMs === undefined ? {} : { timeSpentMs }),
          },
        ];
      }),
    );
    return { totalScore: attempt.score.total.marks, responses };
  });
  return { itemIds, candidates };
}
