import type { Fixtures, RouteSample } from './routes.js';

/** Valid requests of the provisional key and challenge routes (kept apart: routes.ts is long enough). */
export function keyChallengeSamples({ ids }: Fixtures): Record<string, RouteSample> {
  const exam = { id: ids.examId };
  return {
    'GET /api/exams/:id/provisional-key': { as: 'student', params: exam },
    'POST /api/exams/:id/provisional-key': {
      as: 'teacher',
      params: exam,
      body: { challengesCloseAt: new Date(Date.now() + 86_400_000).toISOString() },
    },
    'GET /api/exams/:id/challenges': { as: 'teacher', params: exam },
    'POST /api/exams/:id/challenges': {
      as: 'student',
      params: exam,
      body: {
        questionId: ids.paperQuestionId,
        reason: 'The key contradicts the stem',
        claimedAnswer: { type: 'mcq_single', optionIds: ['a'] },
      },
    },
    'POST /api/exams/:id/challenges/:challengeId/withdraw': {
      as: 'student',
      params: { id: ids.examId, challengeId: ids.examId },
      body: {},
    },
    'POST /api/exams/:id/challenges/questions/:questionId/decision': {
      as: 'teacher',
      params: { id: ids.examId, questionId: ids.paperQuestionId },
      body: {
        decision: 'accept',
        revision: { kind: 'change_key', key: { optionId: 'a' } },
        reason: 'The challenge is right',
      },
    },
  };
}
