// Issue 11's browser test: a teacher releases a mock's results, revises a key on the results page
// and sees the ranks change to what the new key gives; the students read what it did to their own
// marks and rank in their analysis (desktop in English, phone in Hindi) and hear of it in the bell.
// And /exam/:id after the exam's window tells a student it has ended: a link to their result, or
// that they did not sit it, never the pre-exam screen.
// Screenshots go to .tmp/screenshots/key-revision-*.png for review.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { signIn, student, teacher, useExamRoomSuite, type Client } from '../support/exam-room.js';
import { createSatMock } from '../support/results-mock.js';
import { switchInterfaceLanguage } from '../support/ui-language.js';

const title = 'Revised key mock';
const wide = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };
const suite = useExamRoomSuite({ prefix: 'key-revision-' });
const shoot = (page: Page, name: string) => suite.shoot(page, name, { isFullPage: true });

let author: Client;
let examId: string;

// The key is 'b', +4/−1. Aarav (1): Q1 b, Q2 b = 8; Diya (2): Q1 a, Q2 b, Q3 c = 2; Kabir (3): Q1 a = −1.
// With Q1's key changed to 'a': Diya 7, Kabir 4, Aarav 3. Saanvi (4) and Vihaan (5) did not sit.
beforeAll(async () => {
  author = await suite.signInOverHttp(teacher);
  ({ examId } = await createSatMock(suite, author, {
    title,
    chapter: 'Revision drill',
    answers: { 1: { 0: 'b', 1: 'b' }, 2: { 0: 'a', 1: 'b', 2: 'c' }, 3: { 0: 'a' } },
  }));
});

/** The results page's rows as [name, total, rank], in the page's order (rank ascending). */
async function readStandings(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('result-row');
  const texts: string[][] = [];
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    texts.push([
      cells[0]!.split('\n')[0]!,
      cells[1]!.split(' /')[0]!,
      await row.getByTestId('result-rank').innerText(),
    ]);
  }
  // Candidates who did not sit have no rank.
  return texts.filter(([, , rank]) => /^\d+$/.test(rank ?? ''));
}

const hasNoSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a key revision after release', () => {
  test('the teacher revises Q1 on the results page and the ranks follow the new key', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    await page.getByTestId('result-row').first().waitFor();
    expect(await readStandings(page)).toEqual([
      ['Aarav Sharma', '8', '1'],
      ['Diya Patel', '2', '2'],
      ['Kabir Singh', '-1', '3'],
    ]);
    await page.getByRole('button', { name: 'Release results' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Release results' }).click();
    await page.getByText('Released', { exact: true }).waitFor();

    await page.getByRole('combobox', { name: 'Question' }).click();
    await page.getByRole('option', { name: /^Q1 ·/ }).click();
    await page.getByRole('radio', { name: 'A', exact: true }).check();
    await page
      .getByRole('textbox', { name: 'Reason' })
      .fill('The published key had a misprint: (a) is right.');
    await page.getByRole('button', { name: 'Revise and rescore' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revise and rescore' }).click();
    await page.getByRole('table', { name: 'Answer key revisions' }).getByText('Key changed to a').waitFor();
    await expect
      .poll(() => readStandings(page))
      .toEqual([
        ['Diya Patel', '7', '1'],
        ['Kabir Singh', '4', '2'],
        ['Aarav Sharma', '3', '3'],
      ]);
    await shoot(page, 'teacher');
    await context.close();
  });

  test('the student reads what it did to their marks and rank (desktop, English)', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, student(1));
    // The bell tells of the revision; its notice leads through the ended exam to the result.
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await page.getByRole('listitem').filter({ hasText: 'Answer key revised' }).click();
    await page.getByTestId('exam-ended').waitFor();
    await page.getByRole('link', { name: 'See your result' }).click();
    const effect = page.getByTestId('revision-effect');
    await effect.waitFor();
    expect(await effect.innerText()).toBe('Your marks 8 → 3, rank 1 → 3');
    await page.getByText('The published key had a misprint: (a) is right.', { exact: false }).waitFor();
    expect(await hasNoSideScroll(page)).toBe(true);
    await effect.scrollIntoViewIfNeeded();
    await suite.shoot(page, 'student-desktop');
    await context.close();
  });

  test('the student reads it on a phone in Hindi', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(2));
    await switchInterfaceLanguage(page, 'hi');
    await page.goto(`/exam/${examId}`);
    await page.getByText('यह परीक्षा समाप्त हो चुकी है').waitFor();
    await page.getByRole('link', { name: 'अपना परिणाम देखें' }).click();
    const effect = page.getByTestId('revision-effect');
    await effect.waitFor();
    expect(await effect.innerText()).toBe('आपके अंक 2 → 7, रैंक 2 → 1');
    await page.getByRole('heading', { name: 'उत्तर कुंजी में संशोधन' }).waitFor();
    expect(await hasNoSideScroll(page)).toBe(true);
    await effect.scrollIntoViewIfNeeded();
    await suite.shoot(page, 'student-phone-hi');
    await context.close();
  });
});

describe('the exam room after the exam has ended', () => {
  test('a candidate who did not sit it is told so, with no instructions or Start (desktop and phone)', async () => {
    for (const viewport of [wide, phone]) {
      const { context, page } = await suite.openPage(viewport);
      await signIn(page, student(4));
      await page.goto(`/exam/${examId}`);
      await page.getByTestId('exam-ended').waitFor();
      expect(await page.getByTestId('exam-ended').innerText()).toContain('You did not sit this exam.');
      expect(await page.getByRole('button', { name: 'I am ready to begin' }).count()).toBe(0);
      expect(await page.getByText('I have read and understood the instructions').count()).toBe(0);
      expect(await hasNoSideScroll(page)).toBe(true);
      await shoot(page, `not-sat-${viewport.width}`);
      await context.close();
    }
  });

  test('in Hindi too', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(5));
    await switchInterfaceLanguage(page, 'hi');
    await page.goto(`/exam/${examId}`);
    await page.getByText('आपने यह परीक्षा नहीं दी।').waitFor();
    await shoot(page, 'not-sat-hi');
    await context.close();
  });
});
