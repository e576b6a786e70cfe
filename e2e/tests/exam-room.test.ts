// Issue 6 in a real browser: a student takes a practice test in the NTA-style exam room through the
// palette and every button and reads the result with the key; goes offline mid-exam and finds every
// answer saved after reconnecting; reloads mid-exam and resumes with answers and time.
// Screenshots go to .tmp/screenshots/exam-room-*.png for review.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  answerCurrent,
  createDrillChapter,
  desktop,
  enterExam,
  expectAllSaved,
  palette,
  paletteButton,
  signIn,
  student,
  tablet,
  teacher,
  useExamRoomSuite,
  type Client,
  type State,
} from '../support/exam-room.js';

const { signInOverHttp, openPage, shoot } = useExamRoomSuite({ prefix: 'exam-room-' });
let chapterId: string;

beforeAll(async () => {
  // A chapter of its own, so the practice test holds exactly these five questions (the demo bank has others).
  ({ chapterId } = await createDrillChapter(await signInOverHttp(teacher), {
    chapter: 'Exam room drills',
    topic: 'Motion drills',
  }));
});

async function createPracticeTest(client: Client): Promise<string> {
  const created = await client.call<{ practiceTest: { id: string } }>('POST', '/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [chapterId],
    questionCount: 5,
    difficulty: 'mixed',
    durationMinutes: 30,
  });
  return created.practiceTest.id;
}

describe('exam room', () => {
  test('a candidate takes a practice test through the palette and every button, submits and reads the result', async () => {
    const client = await signInOverHttp(student(1));
    const examId = await createPracticeTest(client);
    const { context, page } = await openPage(desktop);
    await signIn(page, student(1));
    await page.goto('/practice');
    await page
      .getByRole('link', { name: /^Start / })
      .first()
      .waitFor();
    const attemptId = await enterExam(page, examId, () => shoot(page, 'pre-exam-desktop'));

    await expect
      .poll(() => paletteButton(page, 1).getAttribute('aria-label'))
      .toBe('Question 1, Not Answered');
    await expect
      .poll(() => paletteButton(page, 2).getAttribute('aria-label'))
      .toBe('Question 2, Not Visited');
    await answerCurrent(page, 2);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await answerCurrent(page, 1);
    await page.getByRole('button', { name: 'Save & Mark for Review' }).click();
    await answerCurrent(page, 3);
    await page.getByRole('button', { name: 'Clear Response' }).click();
    await page.getByRole('button', { name: 'Mark for Review & Next' }).click();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    // Question 4 is visited but left unanswered; question 5 by the keyboard's Enter (Save & Next).
    await paletteButton(page, 5).click();
    await answerCurrent(page, 4);
    await page.getByRole('article', { name: 'Question 5' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Enter');
    await page.getByText('हिन्दी', { exact: true }).click();
    // The room follows the candidate's language, chrome and paper alike. The numerical question has
    // no Hindi text; any other one switches language in place.
    const hindiPalette = page.getByRole('navigation', { name: 'प्रश्न पैलेट' });
    for (const n of [1, 2]) {
      await hindiPalette.getByRole('button', { name: new RegExp(`^प्रश्न ${n},`) }).click();
      await page.getByRole('article', { name: `प्रश्न ${n}` }).waitFor();
      if ((await page.getByLabel('संख्यात्मक उत्तर').count()) === 0) break;
    }
    await page.getByText('परीक्षा प्रश्न', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'सहेजें और आगे बढ़ें' }).waitFor();
    await page.getByTestId('sync-status').getByText('सभी उत्तर सहेजे गए', { exact: true }).waitFor();
    await shoot(page, 'room-desktop');
    await page.getByText('English', { exact: true }).click();

    await expect.poll(() => paletteButton(page, 1).getAttribute('aria-label')).toBe('Question 1, Answered');
    await expect
      .poll(() => paletteButton(page, 2).getAttribute('aria-label'))
      .toBe('Question 2, Answered & Marked for Review');
    await expect
      .poll(() => paletteButton(page, 3).getAttribute('aria-label'))
      .toBe('Question 3, Marked for Review');
    await expect
      .poll(() => paletteButton(page, 4).getAttribute('aria-label'))
      .toBe('Question 4, Not Answered');
    await expect.poll(() => paletteButton(page, 5).getAttribute('aria-label')).toBe('Question 5, Answered');
    const stored = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
    expect(stored.answers.filter((a) => a.state === 'answered')).toHaveLength(2);
    expect(stored.answers.every((a) => a.visits >= 1)).toBe(true);

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const summary = page.getByRole('dialog', { name: 'Submit the exam?' });
    await summary.getByRole('table', { name: 'Exam summary' }).waitFor();
    await shoot(page, 'submit-summary-desktop');
    await summary.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByText('Your responses have been submitted').waitFor();
    await page.getByTestId('total-score').waitFor();
    expect(await page.getByText('Correct answer:').count()).toBe(5);
    await shoot(page, 'result-desktop');
    await context.close();
  });

  test('offline mid-exam: answers are kept on the device and synced when the connection returns', async () => {
    const client = await signInOverHttp(student(2));
    const examId = await createPracticeTest(client);
    const { context, page } = await openPage(tablet);
    await signIn(page, student(2));
    const attemptId = await enterExam(page, examId);
    await answerCurrent(page, 1);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expectAllSaved(page);

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    for (let i = 0; i < 3; i++) {
      await answerCurrent(page, 2);
      await page.getByRole('button', { name: 'Save & Next' }).click();
    }
    await expect
      .poll(() => page.getByTestId('sync-status').textContent())
      .toMatch(/answers? waiting to sync/);
    await shoot(page, 'offline-tablet');

    await context.setOffline(false);
    await expectAllSaved(page);
    await expect.poll(() => page.getByTestId('offline-banner').count(), { timeout: 15_000 }).toBe(0);
    const stored = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
    expect(stored.answers.filter((a) => a.state === 'answered')).toHaveLength(4);
    await context.close();
  });

  test('a reload mid-exam resumes on the same question with the answers and the server’s time', async () => {
    const client = await signInOverHttp(student(3));
    const examId = await createPracticeTest(client);
    const { context, page } = await openPage(tablet);
    await signIn(page, student(3));
    const attemptId = await enterExam(page, examId);
    await answerCurrent(page, 3);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await answerCurrent(page, 4);
    await page.getByRole('button', { name: 'Save & Mark for Review' }).click();
    await expectAllSaved(page);
    await shoot(page, 'room-tablet');

    await page.reload();
    await palette(page).waitFor();
    await expect.poll(() => paletteButton(page, 3).getAttribute('aria-current')).toBe('step');
    await expect.poll(() => paletteButton(page, 1).getAttribute('aria-label')).toBe('Question 1, Answered');
    await expect
      .poll(() => paletteButton(page, 2).getAttribute('aria-label'))
      .toBe('Question 2, Answered & Marked for Review');
    const stored = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
    const shownSeconds = (await page.getByTestId('time-left').textContent())!
      .split(':')
      .map(Number)
      .reduce((sum, part) => sum * 60 + part, 0);
    const serverSeconds = (Date.parse(stored.attempt.deadlineAt) - Date.now()) / 1000;
    expect(Math.abs(shownSeconds - serverSeconds)).toBeLessThan(5);
    expect(shownSeconds).toBeLessThan(30 * 60);
    await context.close();
  });
});
