/**
 * Exam patterns change year to year, so each is a versioned data record. A template is never
 * edited in place once papers use it: a changed pattern is a new version.
 */
import type { SectionHeader } from '../paper.js';
import type { QuestionType } from '../questions/types.js';

export type ExamFamily = 'jee_main' | 'jee_advanced' | 'neet_ug' | 'cat' | 'upsc_prelims' | 'custom';

/** durationMinutes is required when the template's sections are locked. */
export interface TemplateSection extends SectionHeader {
  readonly questionCount: number;
  readonly allowedTypes: readonly QuestionType[];
  readonly shuffleQuestions: boolean;
  readonly shuffleOptions: boolean;
  /**
   * Numerical questions here must take integer answers only (`format.integerOnly`), as the
   * current JEE Main Section B does; decimal-answer questions are refused by the checker.
   */
  readonly integerAnswersOnly?: boolean;
  /**
   * Every question here must be classified under this subject (JEE, NEET: "Physics Section A"
   * holds Physics only). Absent where `subject` only labels the section's totals, as in UPSC's
   * General Studies, which spans many subjects of the bank.
   */
  readonly questionSubject?: string;
}

export interface ExamTemplate {
  readonly id: string;
  /** The first year the pattern applies to, e.g. 2025. */
  readonly version: number;
  readonly name: string;
  readonly family: ExamFamily;
  readonly durationMinutes: number;
  /** Sections in fixed order, each with its own time, no going back (CAT). */
  readonly lockedSections: boolean;
  /** Must equal the sum of every section's maximum; the checker verifies it. */
  readonly totalMarks: number;
  /** A qualifying paper (UPSC CSAT): pass mark as a percentage of the maximum. */
  readonly qualifyingPercent?: number;
  /** Where the facts come from; "secondary" ones are from coaching or news sites and worth re-checking. */
  readonly note?: string;
  readonly sections: readonly TemplateSection[];
}
