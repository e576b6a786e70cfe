// The frame of a browser test file: one test server and one Chromium for the file, pages at a given
// viewport, and full-page screenshots to .tmp/screenshots for review.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import type { TestClock } from '../../server/test/support/test-clock.js';
import { startTestServer } from './server.js';

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

const screenshotDir =
  process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../../.tmp/screenshots');

export interface BrowserSuite {
  /** The test server's address; read it inside hooks and tests. */
  readonly baseUrl: string;
  /** The test server's clock (in this process): move it to move the server's time. */
  readonly clock: TestClock;
  /** `options`: more of Playwright's context settings (a browser time zone, service workers blocked). */
  openPage: (
    viewport: { width: number; height: number },
    options?: BrowserContextOptions,
  ) => Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Saves `<prefix><name>.png` once notifications and transitions have settled: the whole page from
   * the top, or (`isFullPage: false`) the viewport as it is.
   */
  shoot: (page: Page, name: string, options?: { isFullPage?: boolean }) => Promise<void>;
}

/**
 * Registers the file's beforeAll/afterAll; call it at the top level of a test file. `setup` runs
 * once the server and the browser are up (data the file's tests share, made through the API).
 */
export function useBrowserSuite(
  prefix: string,
  options: {
    setup?: (baseUrl: string) => Promise<void>;
    /** Settings for the test server, e.g. a short SWEEPER_INTERVAL_MS. */
    serverEnv?: Record<string, string>;
    /** Chromium with a synthetic camera that is allowed without a prompt. */
    hasFakeCamera?: boolean;
  } = {},
): BrowserSuite {
  let server: { baseUrl: string; clock: TestClock; stop(): Promise<void> } | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    server = await startTestServer(options.serverEnv);
    browser = await launchBrowser({ hasFakeCamera: options.hasFakeCamera ?? false });
    await options.setup?.(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get baseUrl() {
      if (!server) throw new Error('the browser suite has not started');
      return server.baseUrl;
    },
    get clock() {
      if (!server) throw new Error('the browser suite has not started');
      return server.clock;
    },
    async openPage(viewport, options = {}) {
      if (!browser || !server) throw new Error('the browser suite has not started');
      const context = await browser.newContext({ ...options, viewport, baseURL: server.baseUrl });
      return { context, page: await context.newPage() };
    },
    async shoot(page, name, { isFullPage = true } = {}) {
      // From the top, or the fixed header is painted in the middle of a full-page picture.
      if (isFullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(screenshotDir, `${prefix}${name}.png`), fullPage: isFullPage });
    },
  };
}
