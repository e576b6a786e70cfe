import { toNumber, type EvidenceOutcome, type MasteryEvidence, type QuestionScore } from '@examtech/core';
import type { Db } from '../../platform/db/database.js';
import type { AttemptService } from '../attempts/attempt-service.js';
import type { ExamDirectory } from '../exams/exam-directory.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import type { QuestionBankService } from '../questions/question-bank-service.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';

/** The other modules' answers the progress module asks (wired in app.ts). */
export type EvidenceSources = {
  db: Db;
  attempts: Pick<AttemptService, 'listSubmittedWithAnswers'>;
  exams: Pick<ExamDirectory, 'findExamTitles' | 'findReleases'>;
  papers: Pick<SnapshotCache, 'get'>;
  bank: Pick<QuestionBankService, 'findPlacements'>;
  syllabus: Pick<SyllabusService, 'findNodeNames'>;
};

/** One evidence item, with what the page shows of its exam (never the question, its key or solution). */
export type ProgressEvidence = MasteryEvidence & { examTitle: string; position: number };

export type GatheredEvidence = {
  evidence: ProgressEvidence[];
  /** Share of the mock papers' questions per chapter id: the exam pattern the student sits. */
  chapterShares: Record<string, number>;
};

/** The attempts read, newest first: enough for months of daily practice, bounded per request. */
const MAX_ATTEMPTS = 300;

/**
 * Outcomes that say something about what the student knows. A question left unanswered counts
 * only when the student opened it (its palette state is not `not_visited`); a question answered
 * beyond a best-k-of-n section and a dropped question say nothing and are left out.
 */
function outcomeOf(question: QuestionScore, seen: boolean): EvidenceOutcome | null {
  switch (question.outcome) {
    case 'correct':
      return { kind: 'correct' };
    case 'wrong':
      return { kind: 'wrong' };
    case 'partial': {
      const max = toNumber(question.maxExact);
      return { kind: 'partial', fraction: max > 0 ? toNumber(question.exact) / max : 0 };
    }
    case 'unanswered':
      return seen ? { kind: 'unanswered' } : null;
    case 'not_evaluated':
    case 'bonus':
      return null;
  }
}

/**
 * Every answered question of the student's attempts whose results are out to them, with the key:
 * a per-question outcome tells the key of a question answered right (attempt-result.ts), so an
 * attempt counts only when its exam is released (the exam directory's findReleases: practice at
 * submit, a mock by its release rule) and shows its key. An unreleased mock contributes nothing, not even a count.
 */
export async function gatherEvidence(
  sources: EvidenceSources,
  instituteId: string,
  userId: string,
  now: number,
): Promise<GatheredEvidence> {
  const attempts = await sources.attempts.listSubmittedWithAnswers(userId, MAX_ATTEMPTS);
  const examIds = attempts.map((a) => a.examId);
  const [releases, titles] = await Promise.all([
    sources.exams.findReleases(examIds, now),
    sources.exams.findExamTitles(examIds),
  ]);
  const released = attempts.filter((a) => {
    const release = releases.get(a.examId);
    return release?.isReleased === true && release.showsAnswerKey && a.score !== null;
  });

  type Draft = Omit<ProgressEvidence, 'subject' | 'chapter' | 'topic'>;
  const drafts: Draft[] = [];
  const mockQuestionIds: string[] = [];
  for (const attempt of released) {
    const { paper } = await sources.papers.get(attempt.snapshotId);
    const items = paper.sections.flatMap((s) => s.items.map((i) => i.question));
    const positions = new Map(items.map((q, i) => [q.id, { position: i + 1, difficulty: q.difficulty }]));
    const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
    const exam = titles.get(attempt.examId);
    const source = exam?.kind === 'scheduled' ? 'mock' : 'practice';
    if (source === 'mock') mockQuestionIds.push(...items.map((q) => q.id));
    for (const question of attempt.score?.questions ?? []) {
      const answer = answers.get(question.questionId);
      const outcome = outcomeOf(question, answer !== undefined && answer.state !== 'not_visited');
      const place = positions.get(question.questionId);
      if (!outcome || !place) continue;
      drafts.push({
        questionId: question.questionId,
        difficulty: place.difficulty,
        outcome,
        answeredAt: (answer?.answeredAt ?? attempt.submittedAt ?? new Date(now)).getTime(),
        examId: attempt.examId,
        examTitle: exam?.title ?? '',
        position: place.position,
        source,
      });
    }
  }

  // Placement by the bank's ids (the paper freezes names only); names from the syllabus.
  const questionIds = [...new Set([...drafts.map((d) => d.questionId), ...mockQuestionIds])];
  const placements = new Map(
    (await sources.bank.findPlacements(sources.db, instituteId, questionIds)).map((p) => [p.id, p]),
  );
  const names = await sources.syllabus.findNodeNames(
    sources.db,
    instituteId,
    [...placements.values()].flatMap((p) => [p.subjectId, p.chapterId, p.topicId]),
  );
  const node = (id: string) => (names.has(id) ? { id, name: names.get(id) as string } : null);
  const evidence = drafts.flatMap((draft): ProgressEvidence[] => {
    const place = placements.get(draft.questionId);
    const subject = place && node(place.subjectId);
    const chapter = place && node(place.chapterId);
    const topic = place && node(place.topicId);
    // A question whose placement is gone from the syllabus cannot be placed in the tree.
    return subject && chapter && topic ? [{ ...draft, subject, chapter, topic }] : [];
  });

  const perChapter = new Map<string, number>();
  for (const id of mockQuestionIds) {
    const chapterId = placements.get(id)?.chapterId;
    if (chapterId) perChapter.set(chapterId, (perChapter.get(chapterId) ?? 0) + 1);
  }
  const total = [...perChapter.values()].reduce((a, b) => a + b, 0);
  const chapterShares = Object.fromEntries([...perChapter].map(([id, n]) => [id, n / total]));
  return { evidence, chapterShares };
}
