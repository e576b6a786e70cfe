// Shapes of the exam builder API (docs/API.md, "Exams"). Sections and marking are the core's data.
import type { Difficulty, Language, MarkingScheme, MarkOverride, QuestionType } from '@examtech/core';

export type ExamStatus = 'draft' | 'published' | 'scheduled' | 'live' | 'ended';
export const EXAM_STATUSES: ExamStatus[] = ['draft', 'published', 'scheduled', 'live', 'ended'];

export interface ExamTemplateSection {
  id: string;
  name: string;
  subject?: string;
  questionCount: number;
  allowedTypes: QuestionType[];
  scheme: MarkingScheme;
  bestOf?: number;
  durationMinutes?: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export interface ExamTemplateView {
  id: string;
  version: number;
  name: string;
  family: string;
  durationMinutes: number;
  lockedSections: boolean;
  totalMarks: number;
  qualifyingPercent?: number;
  sections: ExamTemplateSection[];
}

export type ScheduleMode = 'fixed' | 'window';

export interface Accommodation {
  userId: string;
  compensatoryMinutesPerHour: number;
}

/** The body of PUT /api/exams/:id/schedule. */
export interface ScheduleInput {
  mode: ScheduleMode;
  startsAt: string;
  windowEndsAt?: string;
  batchIds: string[];
  studentIds: string[];
  registration: { required: boolean; deadline?: string; capacity?: number };
  accommodations: Accommodation[];
}

/** The schedule as exams report it; who is assigned comes separately (`assignments`). */
export interface ExamSchedule {
  mode: ScheduleMode;
  startsAt: string;
  windowEndsAt: string | null;
  endsAt: string;
  registration: { required: boolean; deadline: string | null; capacity: number | null };
}

export interface ExamAssignments {
  batchIds: string[];
  candidates: {
    userId: string;
    name: string;
    assignedDirectly: boolean;
    compensatoryMinutesPerHour: number;
    registeredAt: string | null;
  }[];
}

export interface ExamSummary {
  id: string;
  title: string;
  status: ExamStatus;
  templateId: string | null;
  templateVersion: number | null;
  questionCount: number;
  /** null when the stored marks cannot be computed (shown as a dash). */
  totalMarks: number | null;
  durationMinutes: number;
  schedule: ExamSchedule | null;
  updatedAt: string;
  publishedAt: string | null;
}

/** What the builder shows of a question in the paper (the draft never carries keys). */
export interface DraftQuestion {
  version: number;
  type: QuestionType;
  difficulty: Difficulty;
  stemPreview: string;
  subject: string;
  chapter: string;
  topic: string;
  languages: string[];
}

export interface DraftItem {
  questionId: string;
  marking?: MarkOverride;
  /** null when the question was archived after it was added (the checker reports QUESTION_MISSING). */
  question: DraftQuestion | null;
}

export interface DraftSection {
  id: string;
  name: string;
  subject?: string;
  scheme: MarkingScheme;
  bestOf?: number;
  durationMinutes?: number;
  allowedTypes: QuestionType[];
  questionCount: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  items: DraftItem[];
}

export interface Instructions {
  en: string;
  hi: string;
}

export interface ExamDraft {
  durationMinutes: number;
  lockedSections: boolean;
  instructions: Instructions;
  sections: DraftSection[];
}

export type ExamLanguage = Language;
export type ResultReleaseMode = 'instant' | 'scheduled' | 'manual';

export interface ProctoringSettings {
  webcamSnapshots: boolean;
  snapshotIntervalSeconds: number;
  screenRecording: boolean;
  tabSwitchDetection: boolean;
  fullScreenRequired: boolean;
  warnAfterViolations: number;
  submitAfterViolations: number;
}

export interface ExamSettings {
  languages: ExamLanguage[];
  calculator: boolean;
  proctoring: ProctoringSettings;
  resultRelease: { mode: ResultReleaseMode; at?: string };
  showAnswerKeyAfterRelease: boolean;
}

export interface CheckIssue {
  code: string;
  path: string;
  message: string;
}

export interface ExamCheck {
  fits: boolean;
  issues: CheckIssue[];
}

export interface ExamDetail extends ExamSummary {
  draft: ExamDraft;
  settings: ExamSettings;
  /** Not in docs/API.md; the running server sends it with every exam. */
  assignments?: ExamAssignments;
  check: ExamCheck;
}

/** The body of PUT /api/exams/:id/draft: the draft without the question previews. */
export interface DraftInput extends Omit<ExamDraft, 'sections'> {
  title: string;
  sections: (Omit<DraftSection, 'items'> & { items: Omit<DraftItem, 'question'>[] })[];
}

export interface BlueprintRule {
  subjectId?: string;
  chapterId?: string;
  topicId?: string;
  difficulty?: Difficulty;
  count: number;
}

export interface AutofillInput {
  sections: { sectionId: string; rules: BlueprintRule[] }[];
  excludeUsedInLastExams?: number;
  replaceExisting?: boolean;
}

/** Why auto-select fell short; see docs/API.md (POST /api/exams/:id/autofill). */
export type ShortfallReason = 'bank' | 'autofill' | 'paper' | 'groups' | 'short' | 'rules';

export interface Shortfall {
  sectionId: string;
  kind: 'rule' | 'section';
  ruleIndex?: number;
  scope: string;
  difficulty?: Difficulty;
  message: string;
  needed: number;
  available: number;
  inBank: number;
  placedInSection: number;
  placedInOtherSections: number;
  inPaper: number;
  reason: ShortfallReason;
}

export interface MyExam {
  id: string;
  title: string;
  startsAt: string;
  windowEndsAt: string | null;
  mode: ScheduleMode;
  durationMinutes: number;
  compensatoryMinutes: number;
  registration: {
    required: boolean;
    registered: boolean;
    deadline: string | null;
    capacity: number | null;
    seatsLeft: number | null;
  };
}
