// The exam builder's paper edits (drag and drop, buttons, dialogs): a question is in at most one
// place, lands where it was dropped, and a replacement keeps the teacher's marking override.
import { describe, expect, it } from 'vitest';
import {
  findItemSection,
  isInPaper,
  placeItem,
  removeItem,
  replaceItem,
  toDraftItem,
  updateSection,
} from '../src/features/exams/builder/draft-ops';
import type { EditableDraft } from '../src/features/exams/builder/useDraftEditor';
import type { DraftSection } from '../src/features/exams/types';
import type { QuestionSummary } from '../src/lib/types';

function summary(id: string): QuestionSummary {
  const ref = (name: string) => ({ id: `${name}-id`, name });
  return {
    id,
    version: 1,
    type: 'mcq_single',
    difficulty: 'medium',
    subject: ref('Physics'),
    chapter: ref('Kinematics'),
    topic: ref('Motion'),
    tags: [],
    source: null,
    languages: ['en'],
    status: 'active',
    stemPreview: `Question ${id}`,
    updatedAt: '2026-03-01T09:00:00.000Z',
    updatedBy: null,
    reservation: null,
  };
}

function section(id: string, questionIds: string[]): DraftSection {
  return {
    id,
    name: id,
    scheme: { correct: 4, wrong: -1 },
    allowedTypes: ['mcq_single'],
    questionCount: 5,
    shuffleQuestions: false,
    shuffleOptions: false,
    items: questionIds.map((questionId) => toDraftItem(summary(questionId))),
  };
}

function paper(...sections: DraftSection[]): EditableDraft {
  return {
    title: 'Mock test',
    durationMinutes: 60,
    lockedSections: false,
    instructions: { en: '', hi: '' },
    sections,
  };
}

const idsOf = (draft: EditableDraft) => draft.sections.map((s) => s.items.map((item) => item.questionId));

describe('placing questions in the paper', () => {
  it('adds a new question at the end of a section when no position is given', () => {
    const draft = placeItem(
      paper(section('A', ['q1']), section('B', [])),
      toDraftItem(summary('q2')),
      'A',
      null,
    );
    expect(idsOf(draft)).toEqual([['q1', 'q2'], []]);
    expect(isInPaper(draft, 'q2')).toBe(true);
  });

  it('moving a question to another section takes it out of the first (never twice in a paper)', () => {
    const start = paper(section('A', ['q1', 'q2']), section('B', ['q3']));
    const item = start.sections[0]?.items[1];
    if (!item) throw new Error('fixture');
    const draft = placeItem(start, item, 'B', 0);
    expect(idsOf(draft)).toEqual([['q1'], ['q2', 'q3']]);
    expect(findItemSection(draft, 'q2')?.id).toBe('B');
  });

  it('reordering within a section behaves like arrayMove; an index past the end appends', () => {
    const start = paper(section('A', ['q1', 'q2', 'q3']));
    const first = start.sections[0]?.items[0];
    if (!first) throw new Error('fixture');
    expect(idsOf(placeItem(start, first, 'A', 2))).toEqual([['q2', 'q3', 'q1']]);
    expect(idsOf(placeItem(start, first, 'A', 99))).toEqual([['q2', 'q3', 'q1']]);
  });
});

describe('removing, replacing and editing', () => {
  it('removing takes the question out of whichever section holds it', () => {
    const draft = removeItem(paper(section('A', ['q1']), section('B', ['q2', 'q3'])), 'q2');
    expect(idsOf(draft)).toEqual([['q1'], ['q3']]);
    expect(isInPaper(draft, 'q2')).toBe(false);
  });

  it('replacing keeps the position and the marking override, with the new question shown', () => {
    const start = paper(section('A', ['q1', 'q2']));
    const withOverride = updateSection(start, 'A', (s) => ({
      ...s,
      items: s.items.map((item) =>
        item.questionId === 'q1' ? { ...item, marking: { correct: 3, wrong: 0 } } : item,
      ),
    }));
    const draft = replaceItem(withOverride, 'q1', summary('q9'));
    expect(idsOf(draft)).toEqual([['q9', 'q2']]);
    expect(draft.sections[0]?.items[0]?.marking).toEqual({ correct: 3, wrong: 0 });
    expect(draft.sections[0]?.items[0]?.question?.stemPreview).toBe('Question q9');
  });

  it('updating one section leaves the others as they were', () => {
    const start = paper(section('A', []), section('B', []));
    const draft = updateSection(start, 'B', (s) => ({ ...s, name: 'Physics' }));
    expect(draft.sections.map((s) => s.name)).toEqual(['A', 'Physics']);
    expect(draft.sections[0]).toBe(start.sections[0]);
  });
});
