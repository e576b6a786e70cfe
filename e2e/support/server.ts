import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/platform/config.js';
import { openEmbeddedTestDatabase, tmpRoot } from '../../server/test/support/databases.js';
import { listen } from '../../server/test/support/http-client.js';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * An embedded-mode server on a fresh in-memory database with the demo seed, serving the built web
 * app (web/dist, built by `npm test` before the browser tests run).
 */
export async function startTestServer(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpRoot, 'e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'true',
  });
  const app = await buildApp(config, { database: await openEmbeddedTestDatabase() });
  const baseUrl = await listen(app);
  return {
    baseUrl,
    async stop() {
      await app.http.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
