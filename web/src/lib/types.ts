// Shapes of the HTTP API (docs/API.md). Kept in one place so a contract change is one edit.
import type { Difficulty, Question, QuestionType } from '@examtech/core';

export type Role = 'platform_operator' | 'institute_admin' | 'teacher' | 'proctor' | 'student';
export type StaffRole = 'institute_admin' | 'teacher' | 'proctor';

export interface InstituteRef {
  id: string;
  name: string;
  slug: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  phone: string | null;
  rollNumber: string | null;
  active: boolean;
  mustChangePassword: boolean;
  /** The interface language this user chose (PATCH /api/me/preferences). */
  uiLanguage: 'en' | 'hi';
  institute: InstituteRef | null;
  batchIds: string[];
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BatchStaff {
  id: string;
  name: string;
  role: Role;
}

export interface Batch {
  id: string;
  name: string;
  code: string;
  description: string | null;
  archived: boolean;
  studentCount: number;
  staff: BatchStaff[];
  createdAt: string;
}

export interface InstituteStats {
  students: number;
  teachers: number;
  proctors: number;
  admins: number;
  batches: number;
}

export type LeaderboardNames = 'full' | 'initials' | 'hidden';

export interface Institute extends InstituteRef {
  createdAt: string;
  /** `timeZone`: the IANA zone staff type and read exam times in. */
  settings: { leaderboardNames: LeaderboardNames; timeZone: string };
}

export interface InstituteWithStats extends Institute {
  stats: InstituteStats;
}

export interface CreatedAccount {
  user: User;
  temporaryPassword: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportedStudent {
  email: string;
  name: string;
  temporaryPassword: string;
}

// Question bank (docs/API.md, "Question bank"). Bodies are the core's Question model.

export interface NamedRef {
  id: string;
  name: string;
}

export interface SyllabusTopic extends NamedRef {
  position: number;
  questionCount: number;
  archived?: boolean;
}

export interface SyllabusChapter extends NamedRef {
  position: number;
  topics: SyllabusTopic[];
  archived?: boolean;
}

export interface SyllabusSubject extends NamedRef {
  position: number;
  chapters: SyllabusChapter[];
  archived?: boolean;
}

export type SyllabusKind = 'subject' | 'chapter' | 'topic';

export interface SyllabusNode {
  id: string;
  kind: SyllabusKind;
  parentId: string | null;
  name: string;
  position: number;
}

export type QuestionStatus = 'active' | 'archived';

export interface QuestionSummary {
  id: string;
  version: number;
  type: QuestionType;
  difficulty: Difficulty;
  subject: NamedRef;
  chapter: NamedRef;
  topic: NamedRef;
  tags: string[];
  source: string | null;
  languages: string[];
  status: QuestionStatus;
  stemPreview: string;
  updatedAt: string;
  updatedBy: NamedRef | null;
  /** Held back from practice while a published exam using it has not released its results. */
  reservation: QuestionReservation | null;
}

export interface QuestionReservation {
  /** When the last of those exams releases its results; null when no time is set (manual release). */
  until: string | null;
  exams: { id: string; title: string; releasesAt: string | null }[];
}

export interface QuestionDetail extends QuestionSummary {
  body: Question;
  createdAt: string;
  createdBy: NamedRef | null;
}

export interface QuestionVersion {
  id: string;
  version: number;
  changeNote: string | null;
  createdAt: string;
  createdBy: NamedRef | null;
  body: Question;
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface Asset {
  id: string;
  url: string;
  contentType: string;
  size: number;
  originalName: string;
}

export type ImportStatus = 'validating' | 'ready' | 'invalid' | 'committing' | 'committed' | 'failed';

export interface QuestionImportError {
  row: number;
  column: string;
  message: string;
}

export interface QuestionImportDuplicate {
  row: number;
  existingQuestionId: string;
  stemPreview: string;
}

export interface QuestionImport {
  id: string;
  status: ImportStatus;
  fileName: string;
  format: 'csv' | 'xlsx';
  totalRows: number;
  processedRows: number;
  summary: {
    valid: number;
    invalid: number;
    duplicates: number;
    byType: Partial<Record<QuestionType, number>>;
    missingSyllabus: { subject: string; chapter: string; topic: string }[];
  };
  errors: QuestionImportError[];
  duplicates: QuestionImportDuplicate[];
  committedCount: number;
  createdAt: string;
}
