// Issue 5, the student's side: from the dashboard, a student builds a chapter-wise practice test
// from the institute's bank and finds it under "My practice tests". Screenshots go to
// .tmp/screenshots/practice-*.png for review.
import { describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { addQuestionsToChapter } from '../support/api.js';
import { desktop, phone, useBrowserSuite } from '../support/browser-suite.js';

const viewports = { desktop, phone };
const student = demo.student;

// Two tests of five questions each, and students see questions they have not seen first.
const { openPage, shoot } = useBrowserSuite('', {
  setup: (baseUrl) => addQuestionsToChapter(baseUrl, 'Physics', 'Kinematics', 10),
});

describe('practice tests', () => {
  test.each(Object.entries(viewports))(
    'a student creates a chapter-wise practice test from the dashboard (%s)',
    async (label, viewport) => {
      const { context, page } = await openPage(viewport);
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
