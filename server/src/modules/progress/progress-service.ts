import { computeMastery, DEFAULT_HALF_LIFE_DAYS, recommendTopics } from '@examtech/core';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors/app-error.js';
import type { UserService } from '../users/user-service.js';
import { gatherEvidence, type EvidenceSources } from './progress-evidence.js';
import { presentRecommendations, presentWeakAreas } from './progress-presenter.js';
import { gatherTrends, presentTrends, type TrendSources } from './progress-trends.js';

/**
 * Weak areas, recommendations and trends across exams (issue 11). Owns no tables: the evidence
 * comes from the attempts (submitted attempts, their scores and answer states), the exams (release,
 * titles, papers), the bank (where each question sits) and the syllabus (names), the trends'
 * percentiles from the results; the users service decides which students staff may see. The maths
 * is the core's computeMastery, recommendTopics and buildTrendSeries. Only results released to the
 * student count, and for weak areas only with their keys (progress-evidence.ts, progress-trends.ts).
 */
export function createProgressService(
  deps: EvidenceSources & TrendSources & { clock: Clock; users: Pick<UserService, 'getUser'> },
) {
  async function weakAreasOf(instituteId: string, userId: string) {
    const now = deps.clock.now();
    const { evidence } = await gatherEvidence(deps, instituteId, userId, now);
    return presentWeakAreas(computeMastery(evidence, now), now, DEFAULT_HALF_LIFE_DAYS);
  }

  async function trendsOf(userId: string) {
    const now = deps.clock.now();
    return presentTrends(await gatherTrends(deps, userId, now), now);
  }

  /** An admin, or a teacher of one of the student's batches (the users service decides; 404 otherwise). */
  async function visibleStudent(actor: Actor, userId: string) {
    const scoped = authorizeInInstitute(actor, 'progress:read-student');
    const user = await deps.users.getUser(actor, userId);
    if (user.role !== 'student') throw notFound('Student not found.');
    return { instituteId: scoped.instituteId, userId: user.id };
  }

  return {
    /** The student's own mastery tree with its evidence. */
    async getMyWeakAreas(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'progress:read-own');
      return weakAreasOf(scoped.instituteId, actor.userId);
    },

    /** The student's own next topics, each with its reasons. */
    async getMyRecommendations(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'progress:read-own');
      const now = deps.clock.now();
      const { evidence, chapterShares } = await gatherEvidence(deps, scoped.instituteId, actor.userId, now);
      return presentRecommendations(
        recommendTopics(computeMastery(evidence, now), now, { chapterShares }),
        now,
      );
    },

    /**
     * A student's weak areas for an admin, or a teacher of one of the student's batches: the users
     * service decides who is visible (404 otherwise, as for a user that does not exist).
     */
    async getStudentWeakAreas(actor: Actor, userId: string) {
      const student = await visibleStudent(actor, userId);
      return weakAreasOf(student.instituteId, student.userId);
    },

    /** The student's own score, percentile and accuracy over time, overall and per subject. */
    async getMyTrends(actor: Actor) {
      authorizeInInstitute(actor, 'progress:read-own');
      return trendsOf(actor.userId);
    },

    /** A student's trends, for those who may read their weak areas. */
    async getStudentTrends(actor: Actor, userId: string) {
      return trendsOf((await visibleStudent(actor, userId)).userId);
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
