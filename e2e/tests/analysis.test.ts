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
    const { context, page } = await openPage({ width: 1366, height: 900 });
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
    await page.getByRole('list', { name: 'Accuracy by difficulty' }).waitFor();
    await page.getByRole('list', { name: 'Time per question' }).waitFor();
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
    await context.close();
  });
});
