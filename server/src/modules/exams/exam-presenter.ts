import type { Question } from '@examtech/core';
import { buildStemPreview } from '../questions/question-text.js';

/** A question as the builder lists it; from the frozen snapshot, ids of syllabus nodes are not needed. */
export function summariseQuestion(question: Question, version: number) {
  return {
    version,
    type: question.type,
    difficulty: question.difficulty,
    stemPreview: buildStemPreview(question),
    subject: question.classification.subject,
    chapter: question.classification.chapter,
    topic: question.classification.topic,
    languages: Object.keys(question.content),
  };
}
