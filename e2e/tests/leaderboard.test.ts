// Leaderboards (issue 11) in the browser: a released mock of the demo batch sat by its five
// students; the admin hides names behind initials on the Settings page; the last-placed student sees
// the top three with initials, their own row named and pinned below, the exam's board, and their
// position on the dashboard; a teacher sees full names. Desktop (1366x900) and phone (390x844), in
// English and in Hindi. Screenshots: .tmp/screenshots/leaderboard-*.png.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { phone } from '../support/browser-suite.js';
import { signIn, student, teacher, useExamRoomSuite } from '../support/exam-room.js';
import { createSatMock } from '../support/results-mock.js';
import { switchInterfaceLanguage } from '../support/ui-language.js';

const suite = useExamRoomSuite({ prefix: 'leaderboard-' });
const wide = { width: 1366, height: 900 };
const admin = { email: 'admin@demo.examtech.in', password: 'Admin@12345' };
const title = 'Leaderboard mock';

const right = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [i, 'b']));

beforeAll(async () => {
  const author = await suite.signInOverHttp(teacher);
  // Aarav 4 right, Diya 3, Kabir 2, Saanvi 1, Vihaan none: Vihaan is fifth.
  const { examId } = await createSatMock(suite, author, {
    title,
    chapter: 'Leaderboard mocks',
    answers: { 1: right(4), 2: right(3), 3: right(2), 4: right(1), 5: right(0) },
  });
  // The teacher reads the results (computed then) and releases them.
  await author.call('GET', `/api/exams/${examId}/results`);
  await author.call('POST', `/api/exams/${examId}/results/release`, {});
}, 120_000);

const hasNoSideScroll = async (page: Page) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

const rowTexts = (page: Page) => page.getByTestId('leaderboard-row').allInnerTexts();

describe('leaderboards', () => {
  test('the admin chooses initials on the Settings page', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Names on leaderboards' }).waitFor();
    await page.getByTestId('names-initials').click();
    await page.getByTestId('save-settings').click();
    await page.getByText('Settings saved').waitFor();
    await suite.shoot(page, 'settings-desktop');
    await context.close();
  });

  test('a student sees the top three with initials and their own row pinned below, on desktop', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, student(5));
    const card = page.getByTestId('leaderboard-card-position');
    await card.waitFor();
    expect(await card.innerText()).toMatch(
      /#5\s*of 5 students · last 30 days\s*Average percentile 20\.00 over 1 exam/,
    );
    await page.getByRole('link', { name: 'Leaderboard', exact: true }).first().click();
    await page.waitForURL('**/leaderboard');
    await page.goto('/leaderboard?top=3');
    await page.getByTestId('leaderboard-table').waitFor();
    await expect.poll(() => rowTexts(page)).toHaveLength(3);
    const rows = await rowTexts(page);
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '1 A. S. 100.00 1',
      '2 D. P. 80.00 1',
      '3 K. S. 60.00 1',
    ]);
    const me = page.getByTestId('leaderboard-me');
    expect(await me.innerText()).toMatch(/^5\s+Vihaan Gupta\s+You\s+20\.00\s+1$/i);
    expect(await page.getByTestId('leaderboard-names').innerText()).toBe(
      'Names are shown as initials (institute setting).',
    );
    await suite.shoot(page, 'student-desktop');

    // The exam's own board: percentile by rank, no exams column.
    await page.getByTestId('leaderboard-scope').getByText('Exam', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'Percentile' }).waitFor();
    expect(await page.getByTestId('leaderboard-me').innerText()).toMatch(
      /^5\s+Vihaan Gupta\s+You\s+20\.00$/i,
    );
    await suite.shoot(page, 'exam-desktop');
    await context.close();
  });

  test('works on a phone without sideways scrolling, in English and in Hindi', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(5));
    await page.goto('/leaderboard?top=3');
    await page.getByTestId('leaderboard-me').waitFor();
    await hasNoSideScroll(page);
    await suite.shoot(page, 'student-phone', { isFullPage: true });

    await switchInterfaceLanguage(page, 'hi');
    await page.getByRole('heading', { name: 'लीडरबोर्ड' }).waitFor();
    expect(await page.getByTestId('leaderboard-me').innerText()).toContain('आप');
    await page.getByTestId('leaderboard-period').getByText('अब तक', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'औसत पर्सेंटाइल' }).waitFor();
    await hasNoSideScroll(page);
    await suite.shoot(page, 'student-phone-hi', { isFullPage: true });
    await page.goto('/');
    await page.getByText('लीडरबोर्ड में स्थान').waitFor();
    await suite.shoot(page, 'dashboard-phone-hi', { isFullPage: true });
    await switchInterfaceLanguage(page, 'en');
    await context.close();
  });

  test('a student’s Hindi desktop board, and a teacher sees every name', async () => {
    const hindi = await suite.openPage(wide);
    await signIn(hindi.page, student(4));
    await switchInterfaceLanguage(hindi.page, 'hi');
    await hindi.page.goto('/leaderboard');
    await hindi.page.getByTestId('leaderboard-me').waitFor();
    expect(await hindi.page.getByTestId('leaderboard-me').innerText()).toContain('Saanvi Reddy');
    await suite.shoot(hindi.page, 'student-desktop-hi');
    await switchInterfaceLanguage(hindi.page, 'en');
    await hindi.context.close();

    const { context, page } = await suite.openPage(wide);
    await signIn(page, teacher);
    await page.getByRole('link', { name: 'Leaderboard' }).click();
    await page.getByTestId('leaderboard-table').waitFor();
    await expect.poll(() => rowTexts(page)).toHaveLength(5);
    const rows = await rowTexts(page);
    expect(rows[0]).toContain('Aarav Sharma');
    expect(rows[4]).toContain('Vihaan Gupta');
    expect(await page.getByTestId('leaderboard-me').count()).toBe(0);
    await suite.shoot(page, 'teacher-desktop');
    await context.close();
  });
});
