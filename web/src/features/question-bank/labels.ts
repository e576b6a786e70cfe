import type { Difficulty, QuestionType } from '@examtech/core';
import { DIFFICULTIES, LANGUAGES, languageLabel, QUESTION_TYPES, type Language } from '@examtech/core';

export const typeLabels: Record<QuestionType, string> = {
  mcq_single: 'MCQ (single correct)',
  mcq_multi: 'MCQ (multiple correct)',
  numerical: 'Numerical',
  matrix_match: 'Matrix match',
  assertion_reason: 'Assertion–reason',
  tita: 'TITA / short answer',
};

export const typeShortLabels: Record<QuestionType, string> = {
  mcq_single: 'Single',
  mcq_multi: 'Multiple',
  numerical: 'Numerical',
  matrix_match: 'Matrix',
  assertion_reason: 'A–R',
  tita: 'TITA',
};

export const difficultyLabels: Record<Difficulty, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };
export const difficultyColors: Record<Difficulty, string> = { easy: 'teal', medium: 'yellow', hard: 'red' };

/** The languages the editor writes, in the order they are shown. */
export const EDITOR_LANGUAGES = LANGUAGES;
export type EditorLanguage = Language;

export const languageLabels: Record<string, string> = Object.fromEntries(
  LANGUAGES.map((language) => [language, languageLabel(language, 'both') ?? language]),
);
export const languageShortLabels: Record<string, string> = { en: 'EN', hi: 'HI' };

export const typeOptions = QUESTION_TYPES.map((type) => ({ value: type, label: typeLabels[type] }));
export const difficultyOptions = DIFFICULTIES.map((value) => ({ value, label: difficultyLabels[value] }));
