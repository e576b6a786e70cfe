import type { AttemptPaper, CandidatePaper, CandidateQuestion, Question } from '@examtech/core';

/**
 * The candidate paper in one candidate's display order: questions shuffled within sections and
 * options shuffled within questions, as the core's seeded attempt paper says. Ids stay canonical,
 * so answers never depend on what was shown where.
 */
export function arrangeForCandidate(paper: CandidatePaper, attempt: AttemptPaper): CandidatePaper {
  return {
    ...paper,
    sections: paper.sections.map((section) => {
      const order =
        attempt.sections.find((s) => s.sectionId === section.id)?.questionIds ??
        section.questions.map((q) => q.id);
      const byId = new Map(section.questions.map((q) => [q.id, q]));
      return {
        ...section,
        questions: order.flatMap((id) => {
          const question = byId.get(id);
          return question ? [reorderOptions(question, attempt.optionOrder[id])] : [];
        }),
      };
    }),
  };
}

/** A question (candidate view or keyed, for a released result) with its options in the candidate's order. */
export function reorderOptions<Q extends CandidateQuestion | Question>(
  question: Q,
  optionOrder: readonly string[] | undefined,
): Q {
  if (!optionOrder || !('options' in question)) return question;
  const rank = new Map(optionOrder.map((id, index) => [id, index]));
  const sortById = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return {
    ...question,
    options: sortById(question.options),
    content: Object.fromEntries(
      Object.entries(question.content).map(([language, content]) => [
        language,
        content.options ? { ...content, options: sortById(content.options) } : content,
      ]),
    ),
  };
}
