// Question images with files in S3 (s3rver here), in a real browser: the editor's image button sends
// the bytes straight to the store with the presigned PUT (the page's CSP and the bucket's CORS must
// both allow it), the server completes the upload, and the preview shows the image through the app.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { startS3Server, type S3Server } from '../../server/test/support/s3-server.js';
import { desktop, useBrowserSuite } from '../support/browser-suite.js';
import { onePixelPng } from '../support/question-bank.js';

// Filled before the suite's own beforeAll starts the server (hooks run in the order registered).
const serverEnv: Record<string, string> = {};
let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(serverEnv, s3.env);
});
afterAll(() => s3.stop());
const { openPage, shoot } = useBrowserSuite('s3-', { serverEnv });

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demo.teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(demo.teacher.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

describe('question images in S3', () => {
  test('an image inserted in the editor goes straight to the store and shows in the preview', async () => {
    const { context, page } = await openPage(desktop);
    const toStore: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(s3.endpoint)) toStore.push(request.method());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await signIn(page);
    await page.goto('/questions/new');
    await page.getByRole('heading', { name: 'New question' }).waitFor();

    const stem = page.getByRole('textbox', { name: 'English question', exact: true });
    await stem.fill('Read the graph: ');
    await stem.press('End');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Insert image into English question' }).click(),
    ]);
    await chooser.setFiles({
      name: 'graph.png',
      mimeType: 'image/png',
      buffer: Buffer.from(onePixelPng, 'base64'),
    });
    await expect.poll(() => stem.inputValue()).toMatch(/!\[graph\]\(image:[\w-]+\)$/);
    const image = page.getByTestId('preview-en').getByRole('img', { name: 'graph' });
    await expect.poll(() => image.getAttribute('src')).toMatch(/^\/api\/assets\//);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
    // The bytes went to the store (the CORS preflight, then the PUT), not through the server.
    expect(toStore).toContain('PUT');
    expect(refused.filter((text) => /Content Security Policy|CORS/i.test(text))).toEqual([]);
    await shoot(page, 'editor-image');
    await context.close();
  });
});
