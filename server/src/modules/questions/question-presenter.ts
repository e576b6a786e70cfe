import type { Question } from '@examtech/core';
import type { StoredBody } from './question-record.js';
import type { QuestionRow, VersionRow } from './question-repo.js';

/**
 * A question held back by a published exam whose results are not out. The exams module answers
 * (`findReservedQuestions`, wired in app.ts); the type lives here so the bank imports nothing of it.
 */
export type Reservation = { examId: string; title: string; releasesAt: Date | null };

export type PersonRef = { id: string; name: string } | null;
type NamedRef = { id: string; name: string };

export type QuestionSummaryView = {
  id: string;
  version: number;
  type: Question['type'];
  difficulty: Question['difficulty'];
  subject: NamedRef;
  chapter: NamedRef;
  topic: NamedRef;
  tags: string[];
  source: string | null;
  languages: string[];
  status: 'active' | 'archived';
  stemPreview: string;
  updatedAt: string;
  updatedBy: PersonRef;
  /**
   * Held back from practice tests while a published exam that uses it has not released its
   * results (its key would come back with a practice result). `until` is that release, null when
   * no time is known yet (manual release, or not scheduled); the latest of several exams counts.
   */
  reservation: {
    until: string | null;
    exams: { id: string; title: string; releasesAt: string | null }[];
  } | null;
};
export type QuestionDetailView = QuestionSummaryView & {
  body: Question;
  createdAt: string;
  createdBy: PersonRef;
};
export type QuestionVersionView = {
  id: string;
  version: number;
  changeNote: string | null;
  createdAt: string;
  createdBy: PersonRef;
  body: Question;
};

/** Names looked up once per response: syllabus nodes and users by id, and reservations by question id. */
export type Lookups = {
  nodeNames: Map<string, string>;
  userNames: Map<string, string>;
  reservations: Map<string, Reservation[]>;
};

function presentReservation(reservations: Reservation[] | undefined): QuestionSummaryView['reservation'] {
  if (!reservations?.length) return null;
  const isOpenEnded = reservations.some((r) => r.releasesAt === null);
  const latest = Math.max(...reservations.map((r) => r.releasesAt?.getTime() ?? 0));
  return {
    until: isOpenEnded ? null : new Date(latest).toISOString(),
    exams: reservations.map((r) => ({
      id: r.examId,
      title: r.title,
      releasesAt: r.releasesAt?.toISOString() ?? null,
    })),
  };
}

const named = (id: string, names: Map<string, string>): NamedRef => ({ id, name: names.get(id) ?? '' });
const person = (id: string | null, names: Map<string, string>): PersonRef =>
  id ? { id, name: names.get(id) ?? '' } : null;

export function presentSummary(row: QuestionRow, stemPreview: string, lookups: Lookups): QuestionSummaryView {
  return {
    id: row.id,
    version: row.versionNumber,
    type: row.type,
    difficulty: row.difficulty,
    subject: named(row.subjectId, lookups.nodeNames),
    chapter: named(row.chapterId, lookups.nodeNames),
    topic: named(row.topicId, lookups.nodeNames),
    tags: row.tags,
    source: row.source,
    languages: row.languages,
    status: row.status,
    stemPreview,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: person(row.updatedBy, lookups.userNames),
    reservation: presentReservation(lookups.reservations.get(row.id)),
  };
}

/**
 * The current version as a core Question: id is the question's id, classification and tags are the
 * bank's current ones (moving or tagging does not make a new version).
 */
export function presentCurrentBody(
  row: QuestionRow,
  body: StoredBody,
  nodeNames: Map<string, string>,
): Question {
  return {
    ...body,
    id: row.id,
    classification: {
      subject: nodeNames.get(row.subjectId) ?? body.classification.subject,
      chapter: nodeNames.get(row.chapterId) ?? body.classification.chapter,
      topic: nodeNames.get(row.topicId) ?? body.classification.topic,
    },
    tags: row.tags,
  };
}

export function presentDetail(
  row: QuestionRow,
  body: StoredBody,
  stemPreview: string,
  lookups: Lookups,
): QuestionDetailView {
  return {
    ...presentSummary(row, stemPreview, lookups),
    body: presentCurrentBody(row, body, lookups.nodeNames),
    createdAt: row.createdAt.toISOString(),
    createdBy: person(row.createdBy, lookups.userNames),
  };
}

/** A version exactly as it was saved (its own classification and tags). */
export function presentVersion(version: VersionRow, userNames: Map<string, string>): QuestionVersionView {
  return {
    id: version.id,
    version: version.version,
    changeNote: version.changeNote,
    createdAt: version.createdAt.toISOString(),
    createdBy: person(version.createdBy, userNames),
    body: { ...version.body, id: version.questionId },
  };
}
