// Issue 11 in a real browser: a student sits a small practice test (released at submit) and reads the
// analysis of it on a desktop and on a phone. Screenshots go to .tmp/screenshots/analysis-*.png.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  answerCurrent,
  createDrillChapter,
  enterExam,
  expectAllSaved,
  signIn,
  student,
  submitExam,
  teacher,
  useExamRoomSuite,
} from '../support/exam-room.js';
import { expectShippedFont, switchInterfaceLanguage } from '../support/ui-language.js';

const { signInOverHttp, openPage, shoot } = useExamRoomSuite({ prefix: 'analysis-' });
let chapterId: string;

beforeAll(async () => {
  ({ chapterId } = await createDrillChapter(await signInOverHttp(teacher), {
    chapter: 'Analysis drills',
    topic: 'Analysis topic',
  }));
});

describe('the analysis of an attempt', () => {
  test('a student reads their analysis after a practice test, on a desktop and on a phone', async () => {
    const client = await signInOverHttp(student(2));
    const { practiceTest } = await client.call<{ practiceTest: { id: string } }>(
      'POST',
      '/api/practice-tests',
      {
        scope: 'chapter',
        chapterIds: [chapterId],
        questionCount: 5,
        difficulty: 'mixed',
        durationMinutes: 30,
      },
    );
    const opened = await openPage({ width: 1366, height: 900 });
    const { context } = opened;
    let { page } = opened;
    await signIn(page, student(2));
    await enterExam(page, practiceTest.id);
    // Two answers (one right, one wrong whichever the order), the rest left.
    await answerCurrent(page, 2);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await answerCurrent(page, 1);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expectAllSaved(page);
    await submitExam(page);

    await page.getByTestId('total-score').waitFor();
    const table = page.getByTestId('counts-table');
    await table.waitFor();
    const totalRow = await table.getByRole('row', { name: /^Total/ }).innerText();
    // 5 questions, 2 attempted: attempt rate 40%.
    expect(totalRow).toContain('40%');
    const trail = page.getByTestId('navigation-trail');
    expect(await trail.innerText()).toMatch(/^Q1\s+Q2\s+Q3/);
    // The three charts (recharts, loaded lazily): each an image named by its title, with a table behind it.
    for (const name of ['Score breakdown', 'Accuracy by difficulty', 'Time per question against the class'])
      await page.getByRole('img', { name }).locator('svg.recharts-surface').first().waitFor();
    const timeChart = page.getByTestId('chart-time');
    await timeChart.getByRole('button', { name: 'Show as a table' }).click();
    // One row per question, numbered in the candidate's order.
    await expect.poll(() => timeChart.getByRole('row').count()).toBe(6);
    expect(await timeChart.getByRole('rowheader').allInnerTexts()).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    expect(await page.getByText('Correct answer:').count()).toBe(5);
    await page.getByRole('button', { name: 'Show question and solution' }).first().click();
    await page.getByText('Solution', { exact: true }).first().waitFor();
    await shoot(page, 'desktop', { isFullPage: true });

    // Every question open, then in Hindi where it has Hindi text.
    const show = page.getByRole('button', { name: 'Show question and solution' });
    while ((await show.count()) > 0) await show.first().click();
    await page.getByText('हिन्दी', { exact: true }).click();
    await page.getByText('परीक्षा प्रश्न', { exact: false }).first().waitFor();
    await shoot(page, 'desktop-hindi');
    await page.getByText('English', { exact: true }).click();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('total-score').waitFor();
    // Nothing wider than the phone: the table scrolls inside its own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    await shoot(page, 'phone', { isFullPage: true });

    // The same page with the interface in Hindi, drawn with the shipped Devanagari font.
    // A new tab: the room resumes in the language an exam was sat in only within the tab it was sat in.
    const examUrl = page.url();
    await page.close();
    page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await switchInterfaceLanguage(page, 'hi');
    await page.goto(examUrl);
    // A new tab opens the submitted attempt on its ended screen, which leads to the result.
    await page.getByRole('link', { name: 'अपना परिणाम देखें' }).click();
    await page.getByTestId('total-score').waitFor();
    await page.getByRole('heading', { name: 'खंड और विषय के अनुसार अंक' }).waitFor();
    await page.getByRole('heading', { name: 'समय विश्लेषण' }).waitFor();
    for (const name of ['अंकों का विवरण', 'कठिनाई के अनुसार सटीकता', 'प्रति प्रश्न समय, कक्षा की तुलना में'])
      await page.getByRole('img', { name }).locator('svg.recharts-surface').first().waitFor();
    expect(await page.getByTestId('counts-table').getByRole('row', { name: /^कुल/ }).innerText()).toContain(
      '40%',
    );
    expect(await page.getByTestId('navigation-trail').innerText()).toMatch(/^प्र.1\s+प्र.2\s+प्र.3/);
    expect(await page.getByText('सही उत्तर:').count()).toBe(5);
    await expectShippedFont(page, 'समय विश्लेषण');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'phone-hi', { isFullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'प्रश्न और हल देखें' }).first().click();
    // The paper in Hindi; its solution, written in English only, shown in English under its English label.
    await page.getByText('Solution', { exact: true }).first().waitFor();
    await shoot(page, 'desktop-hi', { isFullPage: true });
    await page.goto('/');
    await switchInterfaceLanguage(page, 'en');
    await context.close();
  });
});
