import { validateQuestion, type Question, type ValidationIssue } from '@examtech/core';
import { useMemo } from 'react';
import type { FieldError } from '../../lib/api';
import type { SyllabusSubject } from '../../lib/types';
import { nameSyllabusPath } from '../syllabus/SyllabusSelects';
import { toQuestion, type QuestionDraft } from './draft';

/** Nicer words than the core's for the mistakes a teacher makes most while writing. */
const friendlyMessages: Partial<Record<string, string>> = {
  'key.optionId': 'Mark the correct option.',
  'key.optionIds': 'Mark at least one correct option.',
  'key.accepted': 'Add at least one accepted answer.',
};

function friendly(issue: ValidationIssue, draft: QuestionDraft): string {
  const isUnset =
    (issue.path === 'key.optionId' && !(draft.type === 'assertion_reason' ? draft.arKey : draft.singleKey)) ||
    issue.code === 'MULTI_NO_CORRECT_OPTION' ||
    issue.code === 'TITA_NO_ACCEPTED_ANSWER';
  const message = isUnset ? friendlyMessages[issue.path] : undefined;
  return message ?? issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

/** Error messages by field path (`content.hi.options.1.text`, `key`…); the first problem per path wins. */
export type ErrorMap = Record<string, string>;

export function toErrorMap(issues: readonly FieldError[]): ErrorMap {
  const map: ErrorMap = {};
  for (const issue of issues) {
    // The topic picker stands for the classification and the server's topicId.
    const path =
      issue.path.startsWith('classification') || issue.path === 'topicId'
        ? 'topic'
        : issue.path.replace(/^question\./, '');
    map[path] ??= issue.message;
  }
  return map;
}

/** The draft as a core question plus every problem the core finds in it, recomputed as the teacher types. */
export function useDraftValidation(draft: QuestionDraft, subjects: SyllabusSubject[]) {
  return useMemo(() => {
    const classification = nameSyllabusPath(subjects, draft.topic);
    const question: Question = toQuestion(draft, classification);
    const issues = validateQuestion(question).map((issue) => ({
      path: issue.path,
      message: friendly(issue, draft),
    }));
    const topicIssue = draft.topic.topicId
      ? []
      : [{ path: 'topic', message: 'Choose the subject, chapter and topic.' }];
    const all = [...topicIssue, ...issues.filter((issue) => !issue.path.startsWith('classification'))];
    return { question, issues: all, errors: toErrorMap(all) };
  }, [draft, subjects]);
}
