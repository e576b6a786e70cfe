import { computeMaxMarksBySection, sumRationals, toNumber, type Paper, type Question } from '@examtech/core';
import type { FastifyBaseLogger } from 'fastify';
import { buildStemPreview } from '../questions/question-text.js';
import type { checkDraft } from './exam-draft.js';
import type * as repo from './exam-repo.js';

type DraftIssue = ReturnType<typeof checkDraft>[number];

export type ExamStatus = 'draft' | 'published' | 'scheduled' | 'live' | 'ended';

export function deriveStatus(
  exam: repo.ExamRow,
  schedule: repo.ScheduleRow | undefined,
  now: number,
): ExamStatus {
  if (!exam.publishedSnapshotId) return 'draft';
  if (!schedule) return 'published';
  if (now < schedule.startsAt.getTime()) return 'scheduled';
  return now < schedule.endsAt.getTime() ? 'live' : 'ended';
}

/**
 * Total marks, or null when the stored scheme cannot be computed (a row saved before marks were
 * bounded): the exam is then shown without a total instead of failing the request.
 */
function computeTotalMarks(exam: repo.ExamRow, paper: Paper, log: FastifyBaseLogger): number | null {
  try {
    return toNumber(sumRationals(Object.values(computeMaxMarksBySection(paper))));
  } catch (err) {
    log.error({ err, examId: exam.id }, 'exam marks could not be computed; shown without a total');
    return null;
  }
}

function presentSchedule(schedule: repo.ScheduleRow | undefined) {
  return schedule
    ? {
        mode: schedule.mode,
        startsAt: schedule.startsAt.toISOString(),
        windowEndsAt: schedule.windowEndsAt?.toISOString() ?? null,
        endsAt: schedule.endsAt.toISOString(),
        registration: {
          required: schedule.registrationRequired,
          deadline: schedule.registrationDeadline?.toISOString() ?? null,
          capacity: schedule.capacity,
        },
      }
    : null;
}

export function presentSummary(
  exam: repo.ExamRow,
  schedule: repo.ScheduleRow | undefined,
  paper: Paper,
  log: FastifyBaseLogger,
  now: number,
) {
  return {
    id: exam.id,
    title: exam.title,
    status: deriveStatus(exam, schedule, now),
    templateId: exam.templateId,
    templateVersion: exam.templateVersion,
    questionCount: paper.sections.reduce((n, s) => n + s.items.length, 0),
    totalMarks: computeTotalMarks(exam, paper, log),
    durationMinutes: paper.durationMinutes,
    schedule: presentSchedule(schedule),
    updatedAt: exam.updatedAt.toISOString(),
    publishedAt: exam.publishedAt?.toISOString() ?? null,
  };
}

/** What the list can still say about an exam whose paper could not be read at all. */
export function presentDegradedSummary(
  exam: repo.ExamRow,
  schedule: repo.ScheduleRow | undefined,
  now: number,
): ReturnType<typeof presentSummary> {
  return {
    id: exam.id,
    title: exam.title,
    status: deriveStatus(exam, schedule, now),
    templateId: exam.templateId,
    templateVersion: exam.templateVersion,
    questionCount: 0,
    totalMarks: null,
    durationMinutes: 0,
    schedule: presentSchedule(schedule),
    updatedAt: exam.updatedAt.toISOString(),
    publishedAt: exam.publishedAt?.toISOString() ?? null,
  };
}

/** A question as the builder lists it; from the frozen snapshot, ids of syllabus nodes are not needed. */
export function summariseQuestion(question: Question, version: number) {
  return {
    version,
    type: question.type,
    difficulty: question.difficulty,
    stemPreview: buildStemPreview(question),
    subject: question.classification.subject,
    chapter: question.classification.chapter,
    topic: question.classification.topic,
    languages: Object.keys(question.content),
  };
}

/** The builder's view of one exam: its summary, the draft with each question summarised, assignments and the check. */
export function presentDetailView(input: {
  summary: ReturnType<typeof presentSummary>;
  exam: repo.ExamRow;
  questions: ReadonlyMap<string, Question>;
  versions: ReadonlyMap<string, number>;
  assignments: Awaited<ReturnType<typeof repo.findAssignments>>;
  names: ReadonlyMap<string, string>;
  issues: DraftIssue[];
}) {
  const { exam, questions, versions, assignments, names, issues } = input;
  const draft = exam.draft;
  return {
    ...input.summary,
    draft: {
      ...draft,
      sections: draft.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => {
          const question = questions.get(item.questionId);
          return {
            ...item,
            question: question ? summariseQuestion(question, versions.get(item.questionId) ?? 1) : null,
          };
        }),
      })),
    },
    settings: exam.settings,
    assignments: {
      batchIds: assignments.batchIds,
      candidates: assignments.candidates.map((c) => ({
        userId: c.userId,
        name: names.get(c.userId) ?? '',
        assignedDirectly: c.assignedDirectly,
        compensatoryMinutesPerHour: c.compensatoryMinutesPerHour,
        registeredAt: c.registeredAt?.toISOString() ?? null,
      })),
    },
    check: { fits: issues.length === 0, issues },
  };
}
