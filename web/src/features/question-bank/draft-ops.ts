// Changes to a draft that must keep every language aligned with the shared option, row and column
// ids (the core requires the same ids in the same order in every language).
import { EDITOR_LANGUAGES, type EditorLanguage } from './labels';
import type { ChoiceList, ContentDraft, QuestionDraft } from './draft';

const OPTION_IDS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const ROW_IDS = 'pqrstuvwxyzabcdefghijklmno'.split('');
const COLUMN_IDS = Array.from({ length: 26 }, (_, index) => String(index + 1));

function listIds(draft: QuestionDraft, list: ChoiceList): string[] {
  return list === 'options' ? draft.options.map((option) => option.id) : draft[list];
}

function mapContent(
  draft: QuestionDraft,
  change: (content: ContentDraft) => ContentDraft,
): QuestionDraft['content'] {
  return Object.fromEntries(
    EDITOR_LANGUAGES.map((language) => [language, change(draft.content[language])]),
  ) as QuestionDraft['content'];
}

function withIds(draft: QuestionDraft, list: ChoiceList, ids: string[]): Partial<QuestionDraft> {
  if (list !== 'options') return { [list]: ids };
  const byId = new Map(draft.options.map((option) => [option.id, option]));
  return { options: ids.map((id) => byId.get(id) ?? { id }) };
}

export function addChoice(draft: QuestionDraft, list: ChoiceList): QuestionDraft {
  const ids = listIds(draft, list);
  const pool = list === 'options' ? OPTION_IDS : list === 'rows' ? ROW_IDS : COLUMN_IDS;
  const id = pool.find((candidate) => !ids.includes(candidate)) ?? `${list}-${ids.length + 1}`;
  return {
    ...draft,
    ...withIds(draft, list, [...ids, id]),
    content: mapContent(draft, (content) => ({ ...content, [list]: [...content[list], ''] })),
  };
}

export function removeChoice(draft: QuestionDraft, list: ChoiceList, index: number): QuestionDraft {
  const ids = listIds(draft, list);
  const removed = ids[index];
  const next: QuestionDraft = {
    ...draft,
    ...withIds(
      draft,
      list,
      ids.filter((_, at) => at !== index),
    ),
    content: mapContent(draft, (content) => ({
      ...content,
      [list]: content[list].filter((_, at) => at !== index),
    })),
  };
  // A key must not point at something that no longer exists.
  if (list === 'options') {
    next.singleKey = draft.singleKey === removed ? null : draft.singleKey;
    next.multiKey = draft.multiKey.filter((id) => id !== removed);
  } else if (list === 'rows') {
    next.matrixKey = Object.fromEntries(Object.entries(draft.matrixKey).filter(([row]) => row !== removed));
  } else {
    next.matrixKey = Object.fromEntries(
      Object.entries(draft.matrixKey).map(([row, columns]) => [
        row,
        columns.filter((column) => column !== removed),
      ]),
    );
  }
  return next;
}

function swap<T>(items: T[], index: number, other: number): T[] {
  const next = [...items];
  const [a, b] = [next[index], next[other]];
  if (a === undefined || b === undefined) return items;
  next[index] = b;
  next[other] = a;
  return next;
}

/** Moves a choice up (-1) or down (+1); its id travels with it, so the key stays right. */
export function moveChoice(
  draft: QuestionDraft,
  list: ChoiceList,
  index: number,
  step: -1 | 1,
): QuestionDraft {
  const other = index + step;
  return {
    ...draft,
    ...withIds(draft, list, swap(listIds(draft, list), index, other)),
    content: mapContent(draft, (content) => ({ ...content, [list]: swap(content[list], index, other) })),
  };
}

export function setOptionFixed(draft: QuestionDraft, index: number, fixed: boolean): QuestionDraft {
  return {
    ...draft,
    options: draft.options.map((option, at) =>
      at === index ? (fixed ? { id: option.id, fixed } : { id: option.id }) : option,
    ),
  };
}

export function setChoiceText(
  draft: QuestionDraft,
  language: EditorLanguage,
  list: ChoiceList,
  index: number,
  text: string,
): QuestionDraft {
  const content = draft.content[language];
  return {
    ...draft,
    content: {
      ...draft.content,
      [language]: { ...content, [list]: content[list].map((item, at) => (at === index ? text : item)) },
    },
  };
}

export type TextField = 'stem' | 'assertion' | 'reason' | 'solution';

export function setText(
  draft: QuestionDraft,
  language: EditorLanguage,
  field: TextField,
  text: string,
): QuestionDraft {
  return {
    ...draft,
    content: { ...draft.content, [language]: { ...draft.content[language], [field]: text } },
  };
}

export function setLanguageEnabled(
  draft: QuestionDraft,
  language: EditorLanguage,
  isEnabled: boolean,
): QuestionDraft {
  const languages = EDITOR_LANGUAGES.filter((item) =>
    item === language ? isEnabled : draft.languages.includes(item),
  );
  return { ...draft, languages: languages.length > 0 ? languages : draft.languages };
}
