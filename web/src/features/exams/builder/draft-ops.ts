// Pure edits of the local draft, used by drag-and-drop, buttons and dialogs alike.
import type { QuestionSummary } from '../../../lib/types';
import type { DraftItem, DraftSection } from '../types';
import type { EditableDraft } from './useDraftEditor';

export function toDraftItem(question: QuestionSummary): DraftItem {
  return {
    questionId: question.id,
    question: {
      version: question.version,
      type: question.type,
      difficulty: question.difficulty,
      stemPreview: question.stemPreview,
      subject: question.subject.name,
      chapter: question.chapter.name,
      topic: question.topic.name,
      languages: question.languages,
    },
  };
}

export function findItemSection(draft: EditableDraft, questionId: string): DraftSection | undefined {
  return draft.sections.find((section) => section.items.some((item) => item.questionId === questionId));
}

export function isInPaper(draft: EditableDraft, questionId: string): boolean {
  return findItemSection(draft, questionId) !== undefined;
}

export function updateSection(
  draft: EditableDraft,
  sectionId: string,
  change: (section: DraftSection) => DraftSection,
): EditableDraft {
  return {
    ...draft,
    sections: draft.sections.map((section) => (section.id === sectionId ? change(section) : section)),
  };
}

/** Puts an item at `index` of a section (the end when null), taking it out of wherever it was. */
export function placeItem(
  draft: EditableDraft,
  item: DraftItem,
  sectionId: string,
  index: number | null,
): EditableDraft {
  const sections = draft.sections.map((section) => ({
    ...section,
    items: section.items.filter((entry) => entry.questionId !== item.questionId),
  }));
  return {
    ...draft,
    sections: sections.map((section) => {
      if (section.id !== sectionId) return section;
      const items = [...section.items];
      // Same as arrayMove within a section: taken out first, then inserted at the target's index.
      items.splice(Math.min(index ?? items.length, items.length), 0, item);
      return { ...section, items };
    }),
  };
}

export function removeItem(draft: EditableDraft, questionId: string): EditableDraft {
  return {
    ...draft,
    sections: draft.sections.map((section) => ({
      ...section,
      items: section.items.filter((item) => item.questionId !== questionId),
    })),
  };
}

export function replaceItem(
  draft: EditableDraft,
  questionId: string,
  replacement: QuestionSummary,
): EditableDraft {
  return {
    ...draft,
    sections: draft.sections.map((section) => ({
      ...section,
      items: section.items.map((item) =>
        item.questionId === questionId ? { ...toDraftItem(replacement), marking: item.marking } : item,
      ),
    })),
  };
}

export function createSectionId(): string {
  return `section-${crypto.randomUUID().slice(0, 8)}`;
}
