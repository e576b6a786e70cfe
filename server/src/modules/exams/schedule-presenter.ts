import { computeCompensatoryMs, toCompensatoryMinutes, type Paper } from '@examtech/core';
import type { ExamRow, ScheduleRow } from './exam-repo.js';
import type { CandidateRow } from './schedule-repo.js';

/** One exam in a student's list; `endsAt` (ms) sorts upcoming from past and is stripped before it is sent. */
export function presentMyExam(
  exam: ExamRow,
  schedule: ScheduleRow,
  paper: Paper,
  mine: CandidateRow | null,
  registeredCount: number,
) {
  const perHour = mine?.compensatoryMinutesPerHour ?? 0;
  return {
    id: exam.id,
    title: exam.title,
    mode: schedule.mode,
    startsAt: schedule.startsAt.toISOString(),
    windowEndsAt: schedule.windowEndsAt?.toISOString() ?? null,
    endsAt: schedule.endsAt.getTime(),
    durationMinutes: paper.durationMinutes,
    compensatoryMinutes: toCompensatoryMinutes(
      computeCompensatoryMs(paper.durationMinutes * 60_000, perHour),
    ),
    registration: {
      required: schedule.registrationRequired,
      registered: !!mine?.registeredAt,
      deadline: schedule.registrationDeadline?.toISOString() ?? null,
      capacity: schedule.capacity,
      seatsLeft: schedule.capacity === null ? null : Math.max(0, schedule.capacity - registeredCount),
    },
  };
}

type MyExam = ReturnType<typeof presentMyExam>;

/** Upcoming exams soonest first, past ones latest first. */
export function presentMyExams(items: MyExam[], now: number) {
  const byStart = (a: MyExam, b: MyExam) => a.startsAt.localeCompare(b.startsAt);
  const strip = ({ endsAt: _endsAt, ...rest }: MyExam) => rest;
  return {
    upcoming: items
      .filter((i) => i.endsAt > now)
      .sort(byStart)
      .map(strip),
    past: items
      .filter((i) => i.endsAt <= now)
      .sort(byStart)
      .reverse()
      .map(strip),
  };
}
