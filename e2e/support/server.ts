import { buildApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/platform/config.js';
import { openEmbeddedTestDatabase, tmpRoot } from '../../server/test/support/databases.js';
import { listen } from '../../server/test/support/http-client.js';
import { createTestClock, type TestClock } from '../../server/test/support/test-clock.js';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * An embedded-mode server on a fresh in-memory database with the demo seed, serving the built web
 * app (web/dist, built by `npm test` before the browser tests run). `env` adds or overrides settings
 * (e.g. a short SWEEPER_INTERVAL_MS for journeys that wait for a deadline). The server runs in this
 * process on `clock` (a test clock at the real time unless given): a test moves the server's time
 * by moving it, with no route or setting of the app involved.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  clock: TestClock = createTestClock(),
): Promise<{ baseUrl: string; app: App; clock: TestClock; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpRoot, 'e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
    ...env,
  });
  const app = await buildApp(config, { database: await openEmbeddedTestDatabase(), clock });
  const baseUrl = await listen(app);
  return {
    baseUrl,
    app,
    clock,
    async stop() {
      await app.http.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
