import type { FastifyInstance } from 'fastify';
import { assetRoutes } from './modules/assets/asset-routes.js';
import { attemptRoutes } from './modules/attempts/attempt-routes.js';
import { authRoutes } from './modules/auth/auth-routes.js';
import { batchRoutes } from './modules/batches/batch-routes.js';
import { examRoutes } from './modules/exams/exam-routes.js';
import { keyChallengeRoutes } from './modules/exams/key-challenge-routes.js';
import { keyRevisionRoutes } from './modules/exams/key-revision-routes.js';
import { practiceRoutes } from './modules/exams/practice-routes.js';
import { resultReleaseRoutes } from './modules/exams/result-release-routes.js';
import { healthRoutes } from './modules/health/health-routes.js';
import { instituteRoutes } from './modules/institutes/institute-routes.js';
import { leaderboardRoutes } from './modules/leaderboards/leaderboard-routes.js';
import { notificationRoutes } from './modules/notifications/notification-routes.js';
import { proctoringRoutes } from './modules/proctoring/proctoring-routes.js';
import { progressRoutes } from './modules/progress/progress-routes.js';
import { questionTransferRoutes } from './modules/question-transfer/transfer-routes.js';
import { questionRoutes } from './modules/questions/question-routes.js';
import { resultsRoutes } from './modules/results/results-routes.js';
import { studentImportRoutes } from './modules/student-import/student-import-routes.js';
import { syllabusRoutes } from './modules/syllabus/syllabus-routes.js';
import { userRoutes } from './modules/users/user-routes.js';

// Every module's routes, in one list. Each plugin takes the services it names (their option keys
// are distinct), so the composition root hands over one object of every service it built.
const plugins = [
  healthRoutes,
  authRoutes,
  instituteRoutes,
  batchRoutes,
  userRoutes,
  studentImportRoutes,
  examRoutes,
  resultReleaseRoutes,
  keyRevisionRoutes,
  keyChallengeRoutes,
  notificationRoutes,
  practiceRoutes,
  attemptRoutes,
  proctoringRoutes,
  progressRoutes,
  resultsRoutes,
  leaderboardRoutes,
  syllabusRoutes,
  questionRoutes,
  assetRoutes,
  questionTransferRoutes,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
/** What the routes need: the union of every plugin's options. */
export type RouteServices = UnionToIntersection<Parameters<(typeof plugins)[number]>[1]>;

export async function registerRoutes(app: FastifyInstance, services: RouteServices): Promise<void> {
  for (const plugin of plugins) await app.register(plugin as (typeof plugins)[0], services);
}
