// Issue 5, the student's side: from the dashboard, a student builds a chapter-wise practice test
// from the institute's bank and finds it under "My practice tests". Screenshots go to
// .tmp/screenshots/practice-*.png for review.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { addQuestionsToChapter } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

const screenshotDir =
  process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../../.tmp/screenshots');
const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const student = demo.student;

let server: { baseUrl: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  server = await startTestServer();
  // Two tests of five questions each, and students see questions they have not seen first.
  await addQuestionsToChapter(server.baseUrl, 'Physics', 'Kinematics', 10);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

describe('practice tests', () => {
  test.each(Object.entries(viewports))(
    'a student creates a chapter-wise practice test from the dashboard (%s)',
    async (label, viewport) => {
      const context = await browser.newContext({ viewport, baseURL: server.baseUrl });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('Email').fill(student.email);
      await page.getByLabel('Password', { exact: true }).fill(student.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      await page.getByRole('heading', { name: 'Upcoming exams' }).waitFor();
      await shoot(page, `practice-dashboard-${label}`);

      await page.getByRole('link', { name: 'Create practice test' }).click();
      await page.getByRole('heading', { name: 'Practice', exact: true }).waitFor();
      await page.getByLabel('Chapters', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Kinematics' }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Number of questions').fill('5');
      await page.getByRole('button', { name: 'Create practice test' }).click();
      await page.getByText('Practice test ready').waitFor();
      const list = page.getByTestId('practice-tests');
      await expect.poll(() => list.innerText()).toContain('Practice: Kinematics');
      expect(await list.innerText()).toContain('5 questions');
      await shoot(page, `practice-created-${label}`);
      await context.close();
    },
  );
});
