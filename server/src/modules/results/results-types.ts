/** Whether a submitted result takes part in ranks and percentiles. */
export const RESULT_STATUSES = ['ranked', 'withheld', 'disqualified'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const RESULT_ATTEMPT_STATUSES = ['prepared', 'in_progress', 'submitted'] as const;

/** Marks (exact decimal, 10 places) and answer counts of a section or subject. */
export type ResultSummary = {
  marks: string;
  maxMarks: number;
  correct: number;
  wrong: number;
  partial: number;
  unanswered: number;
};

export type ResultBreakdown = {
  sections: Record<string, ResultSummary>;
  subjects: Record<string, ResultSummary>;
};
