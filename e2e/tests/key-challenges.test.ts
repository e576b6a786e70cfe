// The provisional answer key and its challenges (issue 11) as a teacher and students see them: the
// teacher publishes the key once answers are final, a student challenges question 1 with a reason,
// the teacher accepts it by dropping the question, and the student sees the decision (and a notice).
// Screenshots go to .tmp/screenshots/key-challenges-*.png (desktop 1366x900 and phone 390x844).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { signIn, student, teacher, useExamRoomSuite, type Client } from '../support/exam-room.js';
import { createSatMock } from '../support/results-mock.js';
import { switchInterfaceLanguage } from '../support/ui-language.js';

const title = 'Provisional key mock';
const wide = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };
const suite = useExamRoomSuite({ prefix: 'key-challenges-' });
const shoot = (page: Page, name: string) => suite.shoot(page, name, { isFullPage: true });
const reason = 'Option (2) is 2 m/s but v(1) = 1 + 1 = 2 is option (1) in my paper; the key is misprinted.';

let author: Client;
let examId: string;

/** No horizontal scroll at this viewport. */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  author = await suite.signInOverHttp(teacher);
  // Two students: one answers question 1 with (1), the other with the key's (2); both answer 2 and 3 right.
  ({ examId } = await createSatMock(suite, author, {
    title,
    chapter: 'Challenge drill',
    answers: { 1: { 0: 'a', 1: 'b', 2: 'b' }, 2: { 0: 'b', 1: 'b', 2: 'b' } },
  }));
});

describe('the provisional answer key and challenges', () => {
  test('before publication the student sees that the key is not out', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(1));
    await page.goto(`/exams/${examId}/answer-key`);
    await page.getByTestId('key-not-published').waitFor();
    expect(await page.getByTestId('provisional-key').count()).toBe(0);
    await context.close();
  });

  test('the teacher publishes the key with a two-day window', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    const card = page.getByRole('region', { name: 'Provisional key & challenges' });
    await card.getByTestId('publish-key').waitFor();
    await shoot(page, 'teacher-before');
    await card.getByTestId('publish-key').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish provisional key' }).click();
    await card.getByTestId('challenge-window-badge').waitFor();
    expect(await card.getByTestId('challenge-window-badge').innerText()).toMatch(/^Open until/);
    await card.getByText('No challenges yet.').waitFor();
    await context.close();
  });

  test('a student reads it beside their responses and challenges question 1 (phone)', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(1));
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await page.getByRole('listitem').filter({ hasText: 'Provisional answer key published' }).first().click();
    await page.waitForURL(`**/exams/${examId}/answer-key`);
    const first = page.getByRole('article', { name: 'Question 1' });
    await first.getByTestId('provisional-key').waitFor();
    expect(await first.getByTestId('provisional-key').innerText()).toBe('Provisional key: (2)');
    await expect.poll(() => first.innerText()).toContain('Your response: (1)');
    expect(await page.getByText('Substitute:').count()).toBe(0);
    await shoot(page, 'student-key-phone');
    await expectNoSideScroll(page);

    await first.getByTestId('challenge-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('challenge-reason').fill(reason);
    await dialog.getByLabel('(1)').check();
    await shoot(page, 'student-challenge-dialog-phone');
    await dialog.getByTestId('submit-challenge').click();
    await first.getByTestId('challenge-status').waitFor();
    expect(await first.getByTestId('challenge-status').innerText()).toBe('Challenge pending');
    await first.getByText(reason).waitFor();
    await context.close();
  });

  test('the page in Hindi', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, student(2));
    await switchInterfaceLanguage(page, 'hi');
    await page.goto(`/exams/${examId}/answer-key`);
    await page.getByRole('heading', { name: 'अनंतिम उत्तर कुंजी' }).waitFor();
    await page.getByRole('article', { name: 'प्रश्न 1' }).getByText('चुनौती दें').waitFor();
    await shoot(page, 'student-key-hindi');
    await switchInterfaceLanguage(page, 'en');
    await context.close();
  });

  test('the teacher sees the challenge and accepts it by dropping the question', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    const card = page.getByRole('region', { name: 'Provisional key & challenges' });
    const group = card.getByTestId('challenge-group').first();
    await group.getByText(reason).waitFor();
    expect(await group.innerText()).toContain('Claims (1)');
    await shoot(page, 'teacher-challenges');
    await group.getByTestId('accept-challenges').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Drop', { exact: true }).click();
    await dialog.getByLabel('Full marks to everyone').check();
    await dialog.getByTestId('decision-reason').fill('Two options read as correct: the question is dropped.');
    await shoot(page, 'teacher-accept-dialog');
    await dialog.getByTestId('confirm-decision').click();
    await group.getByText('1 accepted').waitFor();
    await context.close();
  });

  test('the teacher’s card on a phone', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    await page.getByTestId('challenge-group').first().waitFor();
    await shoot(page, 'teacher-phone');
    await context.close();
  });

  test('the student sees the decision and hears of it', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, student(1));
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await page.getByRole('listitem').filter({ hasText: 'Your challenge was decided' }).first().click();
    await page.waitForURL(`**/exams/${examId}/answer-key`);
    const first = page.getByRole('article', { name: 'Question 1' });
    await first.getByTestId('challenge-decision').waitFor();
    expect(await first.getByTestId('challenge-status').innerText()).toBe('Challenge accepted');
    expect(await first.getByTestId('provisional-key').innerText()).toBe(
      'Provisional key: Dropped: full marks to everyone',
    );
    await shoot(page, 'student-decision');
    await expectNoSideScroll(page);
    await context.close();
  });
});
