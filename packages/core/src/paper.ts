/**
 * A paper is the immutable snapshot an exam is taken on (integrity rule 5): the questions are
 * copied in, together with the marking scheme and timing of each section, so editing the bank
 * or a template later never changes a published exam. Answer-key revisions are recorded on the
 * paper's items, not on the bank's questions.
 */
import type { MarkingScheme, MarkOverride } from './marking/schemes.js';
import type { Question, QuestionKey } from './questions/types.js';

export type DropAward = 'everyone' | 'attempted';

export interface ItemRevision {
  /** Replaces the question's key; an answer matching any of them earns full marks. */
  readonly acceptedKeys?: readonly QuestionKey[];
  /** The question was dropped: full marks to everyone, or only to those who attempted it. */
  readonly dropped?: DropAward;
}

export interface PaperItem {
  readonly question: Question;
  /** Marks for this question only; wins over the section's scheme. */
  readonly marking?: MarkOverride;
  readonly revision?: ItemRevision;
}

/** What a section is, as opposed to what it holds; candidates see this part too. */
export interface SectionHeader {
  readonly id: string;
  readonly name: string;
  /** Used for per-subject totals when a question's own subject is not wanted (e.g. a "General" section). */
  readonly subject?: string;
  /** Marks are part of the instructions a candidate reads, so they are public. */
  readonly scheme: MarkingScheme;
  /** "Attempt any k of n": only the first k answered questions, in paper order, are evaluated. */
  readonly bestOf?: number;
  /** Minutes; used only when the paper's sections are locked. */
  readonly durationMinutes?: number;
}

export interface PaperSection extends SectionHeader {
  readonly shuffleQuestions?: boolean;
  readonly shuffleOptions?: boolean;
  readonly items: readonly PaperItem[];
}

/** Copies the header fields of a section (template, paper) without carrying `undefined`s along. */
export function pickSectionHeader(section: SectionHeader): SectionHeader {
  return {
    id: section.id,
    name: section.name,
    ...(section.subject === undefined ? {} : { subject: section.subject }),
    scheme: section.scheme,
    ...(section.bestOf === undefined ? {} : { bestOf: section.bestOf }),
    ...(section.durationMinutes === undefined ? {} : { durationMinutes: section.durationMinutes }),
  };
}

export interface Paper {
  readonly id: string;
  readonly name: string;
  readonly templateId?: string;
  readonly templateVersion?: number;
  readonly durationMinutes: number;
  /** Sections run one after another in this order, each in its own time window, with no going back. */
  readonly lockedSections: boolean;
  readonly sections: readonly PaperSection[];
}

export interface LocatedItem {
  readonly section: PaperSection;
  readonly item: PaperItem;
  readonly sectionIndex: number;
  readonly itemIndex: number;
}

/** Finds a question in a paper by id; undefined when it is not in the paper. */
export function findPaperItem(paper: Paper, questionId: string): LocatedItem | undefined {
  for (const [sectionIndex, section] of paper.sections.entries()) {
    const itemIndex = section.items.findIndex((item) => item.question.id === questionId);
    const item = section.items[itemIndex];
    if (item !== undefined) return { section, item, sectionIndex, itemIndex };
  }
  return undefined;
}

/** The subject a question counts towards in per-subject totals. */
export function getItemSubject(section: PaperSection, item: PaperItem): string {
  return section.subject ?? item.question.classification.subject;
}

/** The keys a question is scored against after any revision. */
export function getEffectiveKeys(item: PaperItem): readonly QuestionKey[] {
  return item.revision?.acceptedKeys ?? [item.question.key];
}
