import type {
  Answer,
  CandidateQuestion,
  CountSummary,
  DifficultyAccuracy,
  Outcome,
  OutcomeGroup,
  PaletteState,
  Question,
  TimeFlag,
} from '@examtech/core';

/** GET /api/attempts/:id/analysis (docs/API.md). */
export interface AnalysisQuestion {
  number: number;
  questionId: string;
  sectionId: string;
  sectionName: string;
  subject: string;
  difficulty: 'easy' | 'medium' | 'hard';
  /** The full question when the key is shown, otherwise the candidate view. */
  question: Question | CandidateQuestion;
  /** The keys an answer-key revision accepts instead of the published one (shown with the key only). */
  revisedKeys: Question['key'][] | null;
  answer: Answer | null;
  state: PaletteState;
  outcome: Outcome | null;
  marks: number | null;
  maxMarks: number;
  timeSpentMs: number;
  visits: number;
  classAverageMs: number | null;
  classCorrectShare: number | null;
  timeFlag: TimeFlag | null;
}

export interface AttemptAnalysis {
  attemptId: string;
  examId: string;
  title: string;
  submittedAt: string | null;
  answerKeyShown: boolean;
  totalMarks: string | null;
  total: CountSummary;
  sections: (CountSummary & { sectionId: string; name: string })[];
  subjects: (CountSummary & { subject: string })[];
  byDifficulty: DifficultyAccuracy[];
  time: {
    totalMs: number;
    bySubject: { subject: string; timeMs: number }[];
    byOutcome: Record<OutcomeGroup, number>;
    unansweredTimeMs: number;
    slowCorrect: number[];
    careless: number[];
    unansweredWithTime: number[];
  };
  navigation: number[];
  questions: AnalysisQuestion[];
  /** Rank and NTA percentile with N, in the institute and each batch; a withheld result only its status. */
  standing: {
    status: 'ranked' | 'withheld' | 'disqualified';
    institute: Place | null;
    batches: ({ batchId: string } & Place)[];
  } | null;
  /** Class average, topper and 90th percentile, overall and per subject. */
  comparison: { overall: Figures; subjects: ({ subject: string } & Figures)[] } | null;
}

type Place = { rank: number | null; percentile: string | null; count: number };
export type Figures = { count: number; average: number | null; topper: number | null; p90: number | null };
