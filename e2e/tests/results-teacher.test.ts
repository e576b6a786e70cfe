// Issue 11 as a teacher and a student see it: the teacher opens a manual-release mock's results
// after three students submitted, sees ranks and NTA percentiles, releases with a confirmation;
// the student hears it in the bell. (Their rank in the analysis: server/test/integration/analysis-standing.test.ts.)
// Screenshots go to .tmp/screenshots/results-teacher-*.png (desktop and phone) for review.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { signIn, student, teacher, useExamRoomSuite, type Client } from '../support/exam-room.js';
import { createSatMock } from '../support/results-mock.js';

const title = 'Results page mock';
const wide = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };
const suite = useExamRoomSuite({ prefix: 'results-teacher-' });
const shoot = (page: Page, name: string) => suite.shoot(page, name, { isFullPage: true });

let author: Client;
let examId: string;

beforeAll(async () => {
  author = await suite.signInOverHttp(teacher);
  // Three students: 3, 2 and 1 right answers (the key is 'b').
  ({ examId } = await createSatMock(suite, author, {
    title,
    chapter: 'Results drill',
    answers: { 1: { 0: 'b', 1: 'b', 2: 'b' }, 2: { 0: 'b', 1: 'b' }, 3: { 0: 'b' } },
  }));
});

describe('the teachers’ results page', () => {
  test('ranks and percentiles, then “Release results” with a confirmation', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    await page.getByTestId('result-row').first().waitFor();
    const ranks = await page.getByTestId('result-rank').allInnerTexts();
    expect(ranks.slice(0, 3)).toEqual(['1', '2', '3']);
    const percentiles = await page.getByTestId('result-percentile').allInnerTexts();
    expect(percentiles.slice(0, 3)).toEqual(['100.0000000', '66.6666667', '33.3333333']);
    await shoot(page, 'desktop');
    await page.getByRole('button', { name: 'Release results' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Release results' }).click();
    await page.getByText('Released', { exact: true }).waitFor();
    await context.close();
  });

  test('the student hears it in the bell (phone)', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(2));
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await page.getByRole('listitem').filter({ hasText: title }).first().waitFor();
    await shoot(page, 'student-bell');
    await context.close();
  });

  test('the results page on a phone', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    await page.getByTestId('result-row').first().waitFor();
    await shoot(page, 'phone');
    await context.close();
  });
});
