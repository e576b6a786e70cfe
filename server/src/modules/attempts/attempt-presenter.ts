import { getTimeStatus, toCompensatoryMinutes, type Paper, type Schedule } from '@examtech/core';
import type { ExamSettings } from '../exams/exam-draft.js';
import type { AnswerRow, AttemptRow } from './attempt-repo.js';

/** The candidate's violations against the exam's thresholds (submitAfter 0: never). */
export type ViolationCount = { count: number; warnAfter: number; submitAfter: number };

/** The attempt as its candidate sees it: status, the clock (server time and sections), their answers. */
export function presentAttemptState(
  attempt: AttemptRow,
  schedule: Schedule | null,
  answers: readonly AnswerRow[],
  now: number,
  violations: ViolationCount,
) {
  return {
    attempt: {
      id: attempt.id,
      examId: attempt.examId,
      status: attempt.status,
      startedAt: attempt.startedAt?.toISOString() ?? null,
      deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
      serverNow: new Date(now).toISOString(),
      time: schedule ? getTimeStatus(schedule, now) : null,
      sections:
        schedule?.sections.map((s) => ({
          sectionId: s.sectionId,
          opensAt: new Date(s.opensAt).toISOString(),
          closesAt: new Date(s.closesAt).toISOString(),
        })) ?? [],
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      submitReason: attempt.submitReason,
      paused: attempt.pausedAt
        ? { since: attempt.pausedAt.toISOString(), reason: attempt.pauseReason ?? '' }
        : null,
      violations,
    },
    answers: answers.map((a) => ({
      questionId: a.questionId,
      answer: a.answer,
      state: a.state,
      seq: a.seq,
      visits: a.visits,
      timeSpentMs: a.timeSpentMs,
    })),
  };
}

/**
 * Whether the exam is over for this candidate, by the server's clock: once they submitted (early,
 * inside the window, too: a submitted attempt is never sat again); a started attempt at its
 * deadline; otherwise when Start would be refused as too late (a fixed exam's start plus the
 * candidate's time, a window's end). Unsubmitted practice tests never end.
 */
function isOverFor(
  attempt: AttemptRow | null,
  schedule: { mode: string; startsAt: Date; windowEndsAt: Date | null } | null,
  durationMs: number,
  now: number,
): boolean {
  if (attempt?.status === 'submitted') return true;
  if (!schedule) return false;
  if (attempt && attempt.status !== 'prepared')
    return attempt.deadlineAt !== null && attempt.deadlineAt.getTime() <= now;
  const lastStart =
    schedule.mode === 'fixed'
      ? schedule.startsAt.getTime() + durationMs
      : (schedule.windowEndsAt ?? schedule.startsAt).getTime();
  return lastStart <= now;
}

/** What a candidate reads before Start: the exam's instructions, timing and requirements. */
export function presentCandidateInfo(input: {
  exam: { id: string; kind: 'scheduled' | 'practice'; title: string; draft: unknown; settings: unknown };
  paper: Paper;
  attempt: AttemptRow | null;
  schedule: { mode: string; startsAt: Date; windowEndsAt: Date | null } | null;
  now: number;
  retentionDays: number;
}) {
  const { exam, paper, attempt, schedule } = input;
  const settings = exam.settings as ExamSettings;
  return {
    id: exam.id,
    title: exam.title,
    kind: exam.kind,
    durationMinutes: paper.durationMinutes,
    compensatoryMinutes: toCompensatoryMinutes(attempt?.compensatoryMs ?? 0),
    lockedSections: paper.lockedSections,
    sections: paper.sections.map((s) => ({
      id: s.id,
      name: s.name,
      questionCount: s.items.length,
      durationMinutes: s.durationMinutes ?? null,
    })),
    instructions: (exam.draft as { instructions: { en: string; hi: string } }).instructions,
    languages: settings.languages,
    calculator: settings.calculator,
    cameraRequired: settings.proctoring.webcamSnapshots,
    fullScreenRequired: settings.proctoring.fullScreenRequired,
    /** What is watched, for the consent notice before Start; evidence is deleted after `retentionDays`. */
    proctoring: { ...settings.proctoring, retentionDays: input.retentionDays },
    schedule: schedule
      ? {
          mode: schedule.mode,
          startsAt: schedule.startsAt.toISOString(),
          windowEndsAt: schedule.windowEndsAt?.toISOString() ?? null,
        }
      : null,
    attempt: attempt && attempt.status !== 'prepared' ? { id: attempt.id, status: attempt.status } : null,
    /** The exam room shows "this exam has ended" (and the result's link) instead of the pre-exam screen. */
    isOver: isOverFor(
      attempt,
      exam.kind === 'scheduled' ? schedule : null,
      paper.durationMinutes * 60_000 + (attempt?.compensatoryMs ?? 0),
      input.now,
    ),
    serverNow: new Date(input.now).toISOString(),
  };
}
