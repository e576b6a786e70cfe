import {
  buildAttemptPaper,
  countChallengesByQuestion,
  getEffectiveKeys,
  isChallengeWindowOpen,
  toCandidateQuestion,
  type Answer,
  type Paper,
  type ProvisionalKey,
} from '@examtech/core';
import { reorderOptions } from './candidate-arrangement.js';
import type { KeyChallengeRow, ProvisionalKeyRow } from './key-challenge-repo.js';

export function toProvisionalKey(row: ProvisionalKeyRow | null): ProvisionalKey | null {
  return row
    ? { publishedAt: row.publishedAt.getTime(), challengesCloseAt: row.challengesCloseAt.getTime() }
    : null;
}

/** When the key went out and whether challenges are taken now: the same for staff and candidates. */
export function presentPublication(row: ProvisionalKeyRow | null, now: number) {
  return {
    published: row !== null,
    publishedAt: row?.publishedAt.toISOString() ?? null,
    challengesCloseAt: row?.challengesCloseAt.toISOString() ?? null,
    isWindowOpen: isChallengeWindowOpen(toProvisionalKey(row), now),
  };
}

/** A candidate's own challenge: no other candidate's, and nobody's name. */
export function presentOwnChallenge(row: KeyChallengeRow) {
  return {
    id: row.id,
    questionId: row.questionId,
    reason: row.reason,
    claimedAnswer: row.claimedAnswer,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.status === 'withdrawn' ? null : (row.decidedAt?.toISOString() ?? null),
    decisionReason: row.decisionReason,
  };
}

export type OwnChallengeView = ReturnType<typeof presentOwnChallenge>;

/** The challenge a candidate has standing on each question (the latest not withdrawn, else the latest). */
function latestByQuestion(rows: readonly KeyChallengeRow[]): Map<string, KeyChallengeRow> {
  const latest = new Map<string, KeyChallengeRow>();
  for (const row of rows) {
    const seen = latest.get(row.questionId);
    if (!seen || seen.status === 'withdrawn' || row.status !== 'withdrawn') latest.set(row.questionId, row);
  }
  return latest;
}

/**
 * The provisional key as one candidate reads it: each question in the order and with the options
 * as they saw it (the candidate view: never a solution), their recorded response, and the key the
 * paper is scored against now (revisions included), with their own challenge of it.
 */
export function presentCandidateKey(
  paper: Paper,
  sitting: { seed: string; answers: readonly { questionId: string; answer: Answer | null }[] },
  own: readonly KeyChallengeRow[],
) {
  const order = buildAttemptPaper(paper, sitting.seed);
  const answers = new Map(sitting.answers.map((a) => [a.questionId, a.answer]));
  const challenges = latestByQuestion(own);
  let number = 0;
  return paper.sections.flatMap((section) => {
    const items = new Map(section.items.map((item) => [item.question.id, item]));
    const ids = order.sections.find((s) => s.sectionId === section.id)?.questionIds ?? [...items.keys()];
    return ids.flatMap((id) => {
      const item = items.get(id);
      if (!item) return [];
      number += 1;
      const challenge = challenges.get(id);
      return [
        {
          number,
          questionId: id,
          sectionName: section.name,
          question: toCandidateQuestion(reorderOptions(item.question, order.optionOrder[id])),
          response: answers.get(id) ?? null,
          keys: getEffectiveKeys(item),
          dropped: item.revision?.dropped ?? null,
          isRevised: item.revision !== undefined,
          challenge: challenge ? presentOwnChallenge(challenge) : null,
        },
      ];
    });
  });
}

/**
 * Every challenge of the exam for its staff, grouped by question in the paper's order: counts,
 * reasons, claimed answers and decisions, with the question and its current key to judge them by.
 * Challengers stay anonymous: the argument is judged, not the student.
 */
export function presentChallengeGroups(paper: Paper, rows: readonly KeyChallengeRow[]) {
  const numbers = new Map<string, { number: number; sectionName: string }>();
  const items = new Map(
    paper.sections.flatMap((s) => s.items.map((item) => [item.question.id, item] as const)),
  );
  for (const section of paper.sections)
    for (const item of section.items)
      numbers.set(item.question.id, { number: numbers.size + 1, sectionName: section.name });
  const counts = countChallengesByQuestion(rows, [...numbers.keys()]);
  return counts.map((count) => {
    const item = items.get(count.questionId);
    return {
      ...count,
      questionNumber: numbers.get(count.questionId)?.number ?? null,
      sectionName: numbers.get(count.questionId)?.sectionName ?? null,
      question: item ? item.question : null,
      keys: item ? getEffectiveKeys(item) : [],
      dropped: item?.revision?.dropped ?? null,
      challenges: rows
        .filter((row) => row.questionId === count.questionId && row.status !== 'withdrawn')
        .map((row) => ({
          id: row.id,
          reason: row.reason,
          claimedAnswer: row.claimedAnswer,
          status: row.status,
          createdAt: row.createdAt.toISOString(),
          decidedAt: row.decidedAt?.toISOString() ?? null,
          decisionReason: row.decisionReason,
        })),
    };
  });
}
