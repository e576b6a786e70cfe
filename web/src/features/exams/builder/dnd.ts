// Drag-and-drop vocabulary of the paper board: what is being dragged, where it may land.
import {
  closestCenter,
  pointerWithin,
  type Announcements,
  type CollisionDetection,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { QuestionSummary } from '../../../lib/types';
import type { DraftItem } from '../types';

export type DragData =
  | { kind: 'item'; sectionId: string; item: DraftItem }
  | { kind: 'bank'; question: QuestionSummary }
  | { kind: 'section'; sectionId: string }
  | { kind: 'tab'; sectionId: string };

export const itemDndId = (questionId: string) => `item:${questionId}`;
export const bankDndId = (questionId: string) => `bank:${questionId}`;
export const sectionDndId = (sectionId: string) => `section:${sectionId}`;
export const tabDndId = (sectionId: string) => `tab:${sectionId}`;

export function readDragData(data: { current?: Record<string, unknown> } | undefined): DragData | undefined {
  return data?.current as DragData | undefined;
}

/**
 * Pointer drags land where the pointer is: a section tab, or the nearest question of the section
 * list under the pointer (the list itself when it is empty). Keyboard drags move among questions.
 */
export const detectCollision: CollisionDetection = (args) => {
  const items = (sectionId?: string) =>
    args.droppableContainers.filter((container) => {
      const data = readDragData(container.data);
      return data?.kind === 'item' && (sectionId === undefined || data.sectionId === sectionId);
    });
  if (!args.pointerCoordinates) return closestCenter({ ...args, droppableContainers: items() });

  const hits = pointerWithin(args);
  const kindOf = (id: UniqueIdentifier) =>
    readDragData(args.droppableContainers.find((container) => container.id === id)?.data)?.kind;
  const tab = hits.find((hit) => kindOf(hit.id) === 'tab');
  if (tab) return [tab];
  const list = hits.find((hit) => kindOf(hit.id) === 'section');
  if (!list) return [];
  const listData = readDragData(args.droppableContainers.find((c) => c.id === list.id)?.data);
  const sectionItems = items(listData?.kind === 'section' ? listData.sectionId : undefined);
  return sectionItems.length === 0 ? [list] : closestCenter({ ...args, droppableContainers: sectionItems });
};

/** Screen-reader announcements in the paper's words (question numbers), not internal ids. */
export function createAnnouncements(describe: (id: UniqueIdentifier) => string): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${describe(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${describe(active.id)} is over ${describe(over.id)}.`
        : `${describe(active.id)} is not over a drop area.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${describe(active.id)} was dropped on ${describe(over.id)}.`
        : `${describe(active.id)} was dropped.`,
    onDragCancel: ({ active }) => `Dragging was cancelled. ${describe(active.id)} was dropped.`,
  };
}
