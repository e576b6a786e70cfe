import { LANGUAGES, languageLabel, type Language, type LanguageLabelStyle } from '@examtech/core';
import type {
  Answer,
  AttemptPaper,
  AttemptScore,
  CandidatePaper,
  CandidateQuestion,
  PaletteState,
  Question,
} from '@examtech/core';
import type { Violations } from './proctoring/kinds';

export interface SavedAnswer {
  questionId: string;
  answer: Answer | null;
  state: PaletteState;
  seq: number;
  visits: number;
  timeSpentMs: number;
  /**
   * When it was answered, on the server's clock as this device estimates it. The server uses it
   * only for journalled answers that arrive after their section closed (typed during an outage).
   */
  answeredAt?: number;
}

export interface AttemptState {
  attempt: {
    id: string;
    examId: string;
    status: 'prepared' | 'in_progress' | 'submitted';
    startedAt: string | null;
    deadlineAt: string | null;
    serverNow: string;
    time: {
      phase: string;
      openSectionId: string | null;
      sectionRemainingMs: number;
      totalRemainingMs: number;
    } | null;
    sections: { sectionId: string; opensAt: string; closesAt: string }[];
    submittedAt: string | null;
    submitReason: 'candidate' | 'deadline' | null;
    /**
     * Proctoring (issue 14): set while a proctor has paused the attempt (saves are refused with
     * ATTEMPT_PAUSED meanwhile). Optional: a state cached by an older build has neither field.
     */
    paused?: { since: string; reason: string } | null;
    violations?: Violations;
  };
  answers: SavedAnswer[];
}

export interface PaperResponse {
  paper: CandidatePaper;
  order: AttemptPaper;
}

export type SaveStatus = 'saved' | 'superseded' | 'rejected';

export interface SaveResult {
  questionId: string;
  seq: number;
  status: SaveStatus;
  code?: string;
}

interface ResultQuestion<Q> {
  sectionId: string;
  question: Q;
  answer: Answer | null;
  state: PaletteState;
}

/** A released result: with the key and solutions, or (the exam withholds them) the candidate's view of each question. */
export type AttemptResult = { score: AttemptScore | null; totalMarks: string | null } & (
  | { answerKeyShown: true; questions: ResultQuestion<Question>[] }
  | { answerKeyShown: false; questions: ResultQuestion<CandidateQuestion>[] }
);

/** RESULT_NOT_RELEASED carries when the results go out; null when the institute releases them itself. */
export interface ResultNotReleased {
  releasesAt: string | null;
}

export type { Language };

/** A language picker's choices, every offered language under its label in the given style. */
export function languageChoices(style: LanguageLabelStyle): { value: Language; label: string }[] {
  return LANGUAGES.map((value) => ({ value, label: languageLabel(value, style) ?? value }));
}

/** The language toggle's choices, as the NTA interface names them. */
export const LANGUAGE_CHOICES = languageChoices('native');
