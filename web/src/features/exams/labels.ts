import { formatMarks, toRational, type Difficulty, type MarkValue, type QuestionType } from '@examtech/core';
import type { ExamStatus } from './types';

export const statusLabels: Record<ExamStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  scheduled: 'Scheduled',
  live: 'Live',
  ended: 'Ended',
};

export const statusColors: Record<ExamStatus, string> = {
  draft: 'gray',
  published: 'blue',
  scheduled: 'indigo',
  live: 'red',
  ended: 'teal',
};

export const questionTypeLabels: Record<QuestionType, string> = {
  mcq_single: 'Single correct',
  mcq_multi: 'Multiple correct',
  numerical: 'Numerical',
  matrix_match: 'Matrix match',
  assertion_reason: 'Assertion–reason',
  tita: 'TITA',
};

export const difficultyColors: Record<Difficulty, string> = {
  easy: 'teal',
  medium: 'yellow',
  hard: 'red',
};

export const difficultyLabels: Record<Difficulty, string> = {
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard',
};

/** Marks as people quote them: 4, -1, 2.5, -0.66 (UPSC's one-third penalty truncated). */
export function formatMarkValue(value: MarkValue): string {
  const text = formatMarks(toRational(value));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export function formatSignedMarks(value: MarkValue): string {
  const text = formatMarkValue(value);
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}
