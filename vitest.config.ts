import { defineConfig } from 'vitest/config';

// One run, several projects: the core's unit tests, the server's and the web app's unit tests, the integration suite
// twice (real PostgreSQL + Redis, then the embedded PGlite mode) and the browser journeys.
// `npm test` (scripts/test.mjs) starts the throwaway PostgreSQL and Redis these need.
const integrationInclude = ['server/test/integration/**/*.test.ts'];
// Files named *.postgres.test.ts need several processes on one database (PostgreSQL + Redis only);
// *.embedded.test.ts exercise the embedded mode's own behaviour (a PGlite data directory on disk).
const postgresOnly = 'server/test/integration/**/*.postgres.test.ts';
const embeddedOnly = 'server/test/integration/**/*.embedded.test.ts';

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { name: 'core', root: './packages/core', include: ['test/**/*.test.ts'] } },
      { test: { name: 'server-unit', include: ['server/test/unit/**/*.test.ts'] } },
      // The web app's pure logic (exam room session model, journal, clock; the editors' draft operations).
      { test: { name: 'web-unit', include: ['web/test/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration-postgres',
          include: integrationInclude,
          exclude: [embeddedOnly],
          env: { TEST_DB_MODE: 'postgres' },
          globalSetup: ['server/test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-embedded',
          include: integrationInclude,
          exclude: [postgresOnly],
          env: { TEST_DB_MODE: 'embedded' },
          globalSetup: ['server/test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // The scaled topology on this machine (scripts/cluster): started once by its global setup.
      {
        test: {
          name: 'cluster',
          include: ['server/test/cluster/**/*.test.ts'],
          globalSetup: ['server/test/cluster/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/tests/**/*.test.ts'],
          env: { TEST_DB_MODE: 'embedded' },
          globalSetup: ['server/test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
