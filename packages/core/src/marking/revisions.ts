/**
 * Answer-key revisions after an exam. A revision returns a new paper in which only the named
 * question's item changed; results are then recomputed with scoreAttempt, so a re-score is
 * always "the original paper plus the list of revisions", which keeps it auditable.
 */
import { CoreError } from '../errors.js';
import { findPaperItem, type DropAward, type ItemRevision, type Paper, type PaperItem } from '../paper.js';
import { validateKey } from '../questions/validate-key.js';
import { listOptionIds, type Question, type QuestionKey } from '../questions/types.js';

export type KeyRevision =
  /** Full marks to everyone, or only to those who attempted it. */
  | { readonly kind: 'drop'; readonly questionId: string; readonly award: DropAward }
  /** Several keys are right: an answer matching any of them gets full marks. */
  | { readonly kind: 'accept_keys'; readonly questionId: string; readonly keys: readonly QuestionKey[] }
  /** The published key was wrong: score against this one instead. */
  | { readonly kind: 'change_key'; readonly questionId: string; readonly key: QuestionKey };

function reviseItem(item: PaperItem, revision: KeyRevision): ItemRevision {
  const previous = item.revision ?? {};
  switch (revision.kind) {
    case 'drop':
      return { ...previous, dropped: revision.award };
    case 'accept_keys':
      return { ...previous, acceptedKeys: revision.keys };
    case 'change_key':
      return { ...previous, acceptedKeys: [revision.key] };
  }
}

function validateRevisionKeys(question: Question, revision: KeyRevision): void {
  const keys =
    revision.kind === 'accept_keys' ? revision.keys : revision.kind === 'change_key' ? [revision.key] : [];
  if (revision.kind === 'accept_keys' && keys.length === 0) {
    throw new CoreError('REVISION_NO_KEYS', `revision of ${question.id} accepts no key`);
  }
  const issues = keys.flatMap((key, index) => validateKey(question, key, `keys.${index}`));
  const first = issues[0];
  if (first !== undefined)
    throw new CoreError('REVISION_INVALID_KEY', `revision of ${question.id}: ${first.message}`, issues);
}

/** A new paper with the revision applied; every other item is the very same object as before. */
export function applyRevision(paper: Paper, revision: KeyRevision): Paper {
  const located = findPaperItem(paper, revision.questionId);
  if (located === undefined)
    throw new CoreError(
      'REVISION_UNKNOWN_QUESTION',
      `question ${revision.questionId} is not in paper ${paper.id}`,
    );
  validateRevisionKeys(located.item.question, revision);
  const revisedItem: PaperItem = { ...located.item, revision: reviseItem(located.item, revision) };
  const sections = paper.sections.map((section, sectionIndex) =>
    sectionIndex === located.sectionIndex
      ? {
          ...section,
          items: section.items.map((item, index) => (index === located.itemIndex ? revisedItem : item)),
        }
      : section,
  );
  return { ...paper, sections };
}

export function applyRevisions(paper: Paper, revisions: readonly KeyRevision[]): Paper {
  return revisions.reduce(applyRevision, paper);
}

/**
 * "All options are correct": every attempt earns full marks. Expressed as accepting each option
 * as a key, so a multi-marked OMR answer is still wrong and an unattempted question still 0.
 */
export function createAcceptAllOptionsRevision(question: Question): KeyRevision {
  // Any non-empty selection of a multi-correct question is "attempted", which is exactly what
  // a drop for those who attempted awards.
  if (question.type === 'mcq_multi') return { kind: 'drop', questionId: question.id, award: 'attempted' };
  const optionIds = listOptionIds(question);
  if (question.type !== 'mcq_single' && question.type !== 'assertion_reason') {
    throw new CoreError(
      'REVISION_NOT_OPTION_QUESTION',
      `question ${question.id} (${question.type}) has no options`,
    );
  }
  return { kind: 'accept_keys', questionId: question.id, keys: optionIds.map((optionId) => ({ optionId })) };
}
