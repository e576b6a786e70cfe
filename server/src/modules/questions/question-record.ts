import { randomUUID } from 'node:crypto';
import { validateQuestion, type Question } from '@examtech/core';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import type { TopicPlacement } from '../syllabus/syllabus-service.js';
import { computeContentHash, orderLanguages } from './question-hash.js';
import type { NewQuestionRow, NewVersionRow } from './question-repo.js';
import { normaliseTag, type QuestionBody } from './question-schema.js';
import { collectSearchLexemes, toTsvectorLiteral } from './question-text.js';

/**
 * What a version row stores: the core Question without its id (the question row owns that).
 * Distributes over the union, so that a stored body keeps its `type` tag and its type's key.
 */
export type StoredBody = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id'> : never) : never;

/** A core Question from the API body: tags normalised, blank source and group dropped. */
export function toCoreQuestion(body: QuestionBody, id: string, placement: TopicPlacement): Question {
  const { source, groupId, tags, ...rest } = body;
  return {
    ...rest,
    id,
    classification: {
      subject: placement.subject.name,
      chapter: placement.chapter.name,
      topic: placement.topic.name,
    },
    tags: tags.map(normaliseTag),
    ...(source ? { source } : {}),
    ...(groupId ? { groupId } : {}),
  } as Question;
}

/** Re-homes a question (from an import or an older version) to a topic and normalises its tags. */
export function placeQuestion(question: Question, id: string, placement: TopicPlacement): Question {
  return {
    ...question,
    id,
    classification: {
      subject: placement.subject.name,
      chapter: placement.chapter.name,
      topic: placement.topic.name,
    },
    tags: [...new Set(question.tags.map(normaliseTag))],
  };
}

export function toStoredBody(question: Question): StoredBody {
  const { id: _id, ...body } = question;
  return body;
}

/** The core's validation problems as API field problems, with the core's stable code kept. */
export function assertQuestionsValid(questions: { question: Question; pathPrefix: string }[]): void {
  const fields: (FieldProblem & { code: string })[] = questions.flatMap(({ question, pathPrefix }) =>
    validateQuestion(question).map((issue) => ({
      path: `${pathPrefix}${issue.path}`,
      message: issue.message,
      code: issue.code,
    })),
  );
  if (fields.length > 0) throw new AppError('QUESTION_INVALID', undefined, { fields });
}

export function buildSearchVector(
  question: Pick<Question, 'content' | 'source'>,
  tags: readonly string[],
): string {
  return toTsvectorLiteral(collectSearchLexemes(question, tags));
}

/** The searchable, filterable columns derived from a question's current version. */
export function deriveQuestionColumns(question: Question, placement: TopicPlacement) {
  return {
    type: question.type,
    difficulty: question.difficulty,
    subjectId: placement.subject.id,
    chapterId: placement.chapter.id,
    topicId: placement.topic.id,
    tags: [...question.tags],
    languages: orderLanguages(Object.keys(question.content)),
    source: question.source ?? null,
    groupId: question.groupId ?? null,
    contentHash: computeContentHash(question),
    searchVector: buildSearchVector(question, question.tags),
  };
}

/** The rows of a new question and its version 1 (ids made here so one insert each suffices). */
export function buildNewQuestionRows(
  question: Question,
  placement: TopicPlacement,
  context: { instituteId: string; userId: string },
): { row: NewQuestionRow; version: NewVersionRow } {
  const versionId = randomUUID();
  return {
    row: {
      id: question.id,
      instituteId: context.instituteId,
      currentVersionId: versionId,
      versionNumber: 1,
      ...deriveQuestionColumns(question, placement),
      createdBy: context.userId,
      updatedBy: context.userId,
    },
    version: {
      id: versionId,
      questionId: question.id,
      instituteId: context.instituteId,
      version: 1,
      body: toStoredBody(question),
      changeNote: null,
      createdBy: context.userId,
    },
  };
}
