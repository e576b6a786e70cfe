import type { App } from '../../../src/app.js';
import type { TestClient } from '../../support/test-app.js';
import type { TestClock } from '../../support/test-clock.js';
import { questionBankCases } from './questions.cases.js';
import { attemptTenancyCases } from './attempts.cases.js';
import { examTenancyCases } from './exams.cases.js';
import { questionTransferTenancyCases } from './question-transfer.cases.js';
import { notificationTenancyCases } from './notifications.cases.js';
import { progressTenancyCases } from './progress.cases.js';
import { resultsTenancyCases } from './results.cases.js';
import { leaderboardTenancyCases } from './leaderboards.cases.js';
import { keyChallengeTenancyCases } from './key-challenges.cases.js';
import { proctoringTenancyCases } from './proctoring.cases.js';

/**
 * Tenancy cases per module. Each module's file exports a function that, given institute A's admin
 * and institute B's admin, returns one case per route it registers: the case runs as B's admin and
 * as B's teacher and must show that nothing of A is seen or changed. The shared test fails when a
 * registered route has no case.
 */
export type TenancyCase = (client: TestClient, who: 'admin' | 'teacher') => Promise<void>;
export type TenancyContext = {
  readonly app: App;
  readonly adminA: TestClient;
  readonly adminB: TestClient;
  /** The app's clock: a case that needs an exam open moves it. */
  readonly clock: TestClock;
};
type CaseFactory = (context: TenancyContext) => Record<string, TenancyCase>;

// Module case files register here (one import and one entry per module).
const factories: CaseFactory[] = [
  questionBankCases,
  examTenancyCases,
  attemptTenancyCases,
  questionTransferTenancyCases,
  notificationTenancyCases,
  progressTenancyCases,
  resultsTenancyCases,
  leaderboardTenancyCases,
  keyChallengeTenancyCases,
  proctoringTenancyCases,
];

export function loadTenancyCases(context: TenancyContext): Record<string, TenancyCase> {
  return Object.assign({}, ...factories.map((factory) => factory(context))) as Record<string, TenancyCase>;
}
