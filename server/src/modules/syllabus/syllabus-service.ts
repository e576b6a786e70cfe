import { randomUUID } from 'node:crypto';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { createInstituteCache } from '../../platform/cache/institute-cache.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import type { CacheLookups } from '../../platform/metrics.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { defaultSyllabus, type SyllabusTemplate } from '../../seed/default-syllabus.js';
import * as repo from './syllabus-repo.js';
import {
  buildTree,
  presentNode,
  type SyllabusNodeView,
  type SyllabusTreeView,
} from './syllabus-presenter.js';

type Conn = Db | Tx;
export type SyllabusPath = { subject: string; chapter: string; topic: string };
export type TopicPlacement = {
  subject: { id: string; name: string };
  chapter: { id: string; name: string };
  topic: { id: string; name: string };
  /** True when the topic or one of its ancestors is archived. */
  isArchived: boolean;
};

const CHILD_KIND = { subject: 'chapter', chapter: 'topic', topic: null } as const;
const PARENT_KIND = { subject: null, chapter: 'subject', topic: 'chapter' } as const;

/** How imports key a path: each part trimmed and lower-cased, joined by NUL. */
export function toSyllabusPathKey(path: SyllabusPath): string {
  return [path.subject, path.chapter, path.topic].map((part) => part.trim().toLowerCase()).join('\u0000');
}

const siblingKey = (parentId: string | null, kind: repo.SyllabusKind, name: string) =>
  `${kind}\u0000${parentId ?? ''}\u0000${name.trim().toLowerCase()}`;

function indexBySibling(nodes: repo.SyllabusNodeRow[]): Map<string, repo.SyllabusNodeRow> {
  return new Map(nodes.map((node) => [siblingKey(node.parentId, node.kind, node.name), node]));
}

/** The nodes a path names, as far as they exist: [subject, chapter, topic]. */
function walkPath(
  index: Map<string, repo.SyllabusNodeRow>,
  path: SyllabusPath,
): (repo.SyllabusNodeRow | undefined)[] {
  const subject = index.get(siblingKey(null, 'subject', path.subject));
  const chapter = subject && index.get(siblingKey(subject.id, 'chapter', path.chapter));
  const topic = chapter && index.get(siblingKey(chapter.id, 'topic', path.topic));
  return [subject, chapter, topic];
}

function nameTaken(): AppError {
  return new AppError('SYLLABUS_NAME_TAKEN', undefined, {
    fields: [{ path: 'name', message: 'This name is already used at this level.' }],
  });
}

function parentInvalid(message: string): AppError {
  return new AppError('SYLLABUS_PARENT_INVALID', message, { fields: [{ path: 'parentId', message }] });
}

/** Rows of a template tree with fresh ids, parents before children. */
function planTemplateNodes(instituteId: string, template: SyllabusTemplate): repo.NewSyllabusNode[] {
  const nodes: repo.NewSyllabusNode[] = [];
  template.forEach((subject, subjectPosition) => {
    const subjectId = randomUUID();
    nodes.push({
      id: subjectId,
      instituteId,
      parentId: null,
      kind: 'subject',
      name: subject.name,
      position: subjectPosition,
    });
    subject.chapters.forEach(([chapterName, topics], chapterPosition) => {
      const chapterId = randomUUID();
      nodes.push({
        id: chapterId,
        instituteId,
        parentId: subjectId,
        kind: 'chapter',
        name: chapterName,
        position: chapterPosition,
      });
      topics.forEach((topicName, position) => {
        nodes.push({
          id: randomUUID(),
          instituteId,
          parentId: chapterId,
          kind: 'topic',
          name: topicName,
          position,
        });
      });
    });
  });
  return nodes;
}

export type SyllabusService = ReturnType<typeof createSyllabusService>;

/**
 * The subject -> chapter -> topic tree of each institute. Question counts come from the question
 * module through `countQuestionsByTopic` (wired in app.ts), so this module never reads its tables.
 */
export function createSyllabusService(
  database: Database,
  deps: {
    clock: Clock;
    countQuestionsByTopic?: (instituteId: string) => Promise<Map<string, number>>;
    /** Hears `syllabus.changed` after each write (app.ts repeats the cache drop on other instances). */
    events?: Pick<DomainEvents, 'emit'>;
    cacheLookups?: CacheLookups;
  },
) {
  const { db } = database;
  // The tree's nodes, read by every practice page and editor, change rarely: cached per institute,
  // filled from the primary (a replica could hand back the rows from before the write that just
  // emptied the entry). The question counts beside them are not cached.
  const nodesCache = createInstituteCache<repo.SyllabusNodeRow[]>({
    ttlMs: 60_000,
    clock: deps.clock,
    lookups: deps.cacheLookups,
  });
  /** After a committed write: this instance's entry goes, and every other instance hears of it. */
  const treeChanged = (instituteId: string) => {
    nodesCache.forget(instituteId);
    deps.events?.emit('syllabus.changed', { instituteId });
  };

  async function findOwnNode(conn: Conn, instituteId: string, id: string): Promise<repo.SyllabusNodeRow> {
    const [node] = await repo.findNodes(conn, instituteId, [id]);
    if (!node) throw notFound('Syllabus item not found.');
    return node;
  }

  /** Moves a node to `position` among its siblings and renumbers them 0..n-1. */
  async function moveNode(tx: Tx, node: repo.SyllabusNodeRow, position: number): Promise<void> {
    const siblings = (await repo.listSiblings(tx, node.instituteId, node.kind, node.parentId)).filter(
      (s) => s.id !== node.id,
    );
    const ordered = siblings.map((s) => s.id);
    ordered.splice(Math.min(position, ordered.length), 0, node.id);
    await repo.writePositions(tx, ordered);
  }

  async function createMissingLevel(
    conn: Conn,
    instituteId: string,
    paths: SyllabusPath[],
    level: 0 | 1 | 2,
  ): Promise<void> {
    const nodes = await repo.listNodes(conn, instituteId);
    const index = indexBySibling(nodes);
    const kind = (['subject', 'chapter', 'topic'] as const)[level];
    const planned = new Map<string, repo.NewSyllabusNode>();
    const toUnarchive = new Set<string>();
    for (const path of paths) {
      const walked = walkPath(index, path);
      const parentId = level === 0 ? null : walked[level - 1]?.id;
      if (parentId === undefined) continue;
      const existing = walked[level];
      if (existing) {
        if (existing.archivedAt) toUnarchive.add(existing.id);
        continue;
      }
      const name = [path.subject, path.chapter, path.topic][level]!.trim();
      const key = siblingKey(parentId, kind, name);
      if (planned.has(key)) continue;
      const position = nodes.filter((n) => n.parentId === parentId && n.kind === kind).length + planned.size;
      planned.set(key, { id: randomUUID(), instituteId, parentId, kind, name, position });
    }
    // Another import may create the same node concurrently: skip it and use theirs on re-read.
    await repo.insertNodes(conn, [...planned.values()], { skipTaken: true });
    await repo.unarchiveNodes(conn, [...toUnarchive]);
  }

  return {
    async getTree(actor: Actor, options: { includeArchived: boolean }): Promise<SyllabusTreeView> {
      const scoped = authorizeInInstitute(actor, 'syllabus:read');
      const [nodes, counts] = await Promise.all([
        nodesCache.get(scoped.instituteId, (instituteId) => repo.listNodes(db, instituteId)),
        deps.countQuestionsByTopic
          ? deps.countQuestionsByTopic(scoped.instituteId)
          : new Map<string, number>(),
      ]);
      return buildTree(nodes, counts, options);
    },

    async createNode(
      actor: Actor,
      input: { kind: repo.SyllabusKind; parentId?: string | undefined; name: string },
    ): Promise<SyllabusNodeView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const parentKind = PARENT_KIND[input.kind];
      if (parentKind === null && input.parentId) throw parentInvalid('A subject has no parent.');
      if (parentKind !== null && !input.parentId)
        throw parentInvalid(`A ${input.kind} needs a parent ${parentKind}.`);
      const parentId = input.parentId ?? null;
      if (parentId) {
        const parent = await findOwnNode(db, scoped.instituteId, parentId);
        if (CHILD_KIND[parent.kind] !== input.kind)
          throw parentInvalid(`A ${input.kind} cannot be placed under a ${parent.kind}.`);
      }
      const siblings = await repo.listSiblings(db, scoped.instituteId, input.kind, parentId);
      try {
        const [row] = await repo.insertNodes(
          db,
          [
            {
              id: randomUUID(),
              instituteId: scoped.instituteId,
              parentId,
              kind: input.kind,
              name: input.name.trim(),
              position: siblings.length,
            },
          ],
          { skipTaken: false },
        );
        if (!row) throw new Error('insert returned no row');
        treeChanged(scoped.instituteId);
        return presentNode(row);
      } catch (err) {
        if (isUniqueViolation(err, 'syllabus_nodes_sibling_name_key')) throw nameTaken();
        throw err;
      }
    },

    async updateNode(
      actor: Actor,
      id: string,
      patch: { name?: string | undefined; position?: number | undefined; archived?: boolean | undefined },
    ): Promise<SyllabusNodeView> {
      const scoped = authorizeInInstitute(actor, 'questions:manage');
      const node = await findOwnNode(db, scoped.instituteId, id);
      try {
        const updated = await db.transaction(async (tx) => {
          if (patch.position !== undefined) await moveNode(tx, node, patch.position);
          return repo.updateNodeRow(tx, id, {
            ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
            ...(patch.archived !== undefined
              ? { archivedAt: patch.archived ? (node.archivedAt ?? nowDate(deps.clock)) : null }
              : {}),
          });
        });
        treeChanged(scoped.instituteId);
        return presentNode(updated);
      } catch (err) {
        if (isUniqueViolation(err, 'syllabus_nodes_sibling_name_key')) throw nameTaken();
        throw err;
      }
    },

    /** For a caller that wrote nodes inside its own transaction (`resolveSyllabusPaths`): call after its commit. */
    forgetTree: treeChanged,
    /** Another instance's write (app-events.ts): drops this instance's entry only. */
    forgetCachedTree: (instituteId: string) => nodesCache.forget(instituteId),

    /**
     * Maps subject/chapter/topic names (any case) to topic ids, for imports. With `createMissing`
     * the missing nodes are created (and archived ones restored) inside `conn`, level by level so
     * a node created concurrently by another import is reused rather than duplicated.
     */
    async resolveSyllabusPaths(
      conn: Db | Tx,
      instituteId: string,
      paths: SyllabusPath[],
      options: { createMissing: boolean },
    ): Promise<{ topicIds: Map<string, string>; missing: SyllabusPath[] }> {
      const unique = [...new Map(paths.map((path) => [toSyllabusPathKey(path), path])).values()];
      if (options.createMissing) {
        for (const level of [0, 1, 2] as const) await createMissingLevel(conn, instituteId, unique, level);
      }
      const index = indexBySibling(await repo.listNodes(conn, instituteId));
      const topicIds = new Map<string, string>();
      const missing: SyllabusPath[] = [];
      for (const path of unique) {
        const walked = walkPath(index, path);
        const topic = walked[2];
        if (topic && walked.every((node) => node && !node.archivedAt))
          topicIds.set(toSyllabusPathKey(path), topic.id);
        else missing.push(path);
      }
      return { topicIds, missing };
    },

    /** Topics with their chapter and subject; unknown ids (or other institutes') are absent. */
    async findTopicPlacements(
      conn: Db | Tx,
      instituteId: string,
      topicIds: string[],
    ): Promise<Map<string, TopicPlacement>> {
      const rows = await repo.findTopicPlacements(conn, instituteId, [...new Set(topicIds)]);
      return new Map(
        rows.map((row) => [
          row.topicId,
          {
            subject: { id: row.subjectId, name: row.subject },
            chapter: { id: row.chapterId, name: row.chapter },
            topic: { id: row.topicId, name: row.topic },
            isArchived: Boolean(row.topicArchivedAt ?? row.chapterArchivedAt ?? row.subjectArchivedAt),
          },
        ]),
      );
    },

    /** Names of syllabus nodes by id (for question lists). */
    async findNodeNames(conn: Db | Tx, instituteId: string, ids: string[]): Promise<Map<string, string>> {
      const rows = await repo.findNodes(conn, instituteId, [...new Set(ids)]);
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    /** Every node of the institute, archived ones too (practice tests pick subjects and chapters from them). */
    listNodesOf(conn: Db | Tx, instituteId: string) {
      return repo.listNodes(conn, instituteId);
    },

    /** Gives a new institute the default JEE/NEET/CAT/UPSC syllabus, inside its creation transaction. */
    async seedDefaultSyllabus(
      tx: Tx,
      instituteId: string,
      template: SyllabusTemplate = defaultSyllabus,
    ): Promise<void> {
      await repo.insertNodes(tx, planTemplateNodes(instituteId, template), { skipTaken: false });
    },
  };
}
