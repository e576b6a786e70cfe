import type { SyllabusNodeRow } from './syllabus-repo.js';

export type SyllabusNodeView = {
  id: string;
  kind: SyllabusNodeRow['kind'];
  parentId: string | null;
  name: string;
  position: number;
  archived: boolean;
};
type TreeNode = { id: string; name: string; position: number; archived: boolean };
export type TopicView = TreeNode & { questionCount: number };
export type ChapterView = TreeNode & { topics: TopicView[] };
export type SubjectView = TreeNode & { chapters: ChapterView[] };
export type SyllabusTreeView = { subjects: SubjectView[] };

export function presentNode(row: SyllabusNodeRow): SyllabusNodeView {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parentId,
    name: row.name,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

const presentTreeNode = (row: SyllabusNodeRow): TreeNode => ({
  id: row.id,
  name: row.name,
  position: row.position,
  archived: row.archivedAt !== null,
});

/**
 * Nests the institute's nodes (already ordered by position) into subjects -> chapters -> topics.
 * Without `includeArchived`, an archived node hides its whole branch.
 */
export function buildTree(
  nodes: SyllabusNodeRow[],
  questionCounts: Map<string, number>,
  options: { includeArchived: boolean },
): SyllabusTreeView {
  const visible = options.includeArchived ? nodes : nodes.filter((node) => node.archivedAt === null);
  const childrenOf = new Map<string, SyllabusNodeRow[]>();
  for (const node of visible) {
    if (node.parentId === null) continue;
    const siblings = childrenOf.get(node.parentId) ?? [];
    siblings.push(node);
    childrenOf.set(node.parentId, siblings);
  }
  const children = (parent: SyllabusNodeRow, kind: SyllabusNodeRow['kind']) =>
    (childrenOf.get(parent.id) ?? []).filter((child) => child.kind === kind);
  return {
    subjects: visible
      .filter((node) => node.kind === 'subject')
      .map((subject) => ({
        ...presentTreeNode(subject),
        chapters: children(subject, 'chapter').map((chapter) => ({
          ...presentTreeNode(chapter),
          topics: children(chapter, 'topic').map((topic) => ({
            ...presentTreeNode(topic),
            questionCount: questionCounts.get(topic.id) ?? 0,
          })),
        })),
      })),
  };
}
