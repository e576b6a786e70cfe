// Issue 6 in a real browser: a student takes a practice test in the NTA-style exam room through the
// palette and every button and reads the result with the key; goes offline mid-exam and finds every
// answer saved after reconnecting; reloads mid-exam and resumes with answers and time.
// Screenshots go to .tmp/screenshots/exam-room-*.png for review.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signInApi } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

const screenshotDir =
  process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../../.tmp/screenshots');
const desktop = { width: 1280, height: 800 };
const tablet = { width: 1024, height: 768 };
const teacher = { email: 'teacher@demo.examtech.in', password: 'Teacher@12345' };
const student = (n: number) => ({ email: `student${n}@demo.examtech.in`, password: 'Student@12345' });

let server: { baseUrl: string; stop(): Promise<void> };
let browser: Browser;
let chapterId: string;

type Client = Awaited<ReturnType<typeof signInOverHttp>>;
interface State {
  attempt: { id: string; status: string; deadlineAt: string };
  answers: {
    questionId: string;
    answer: unknown;
    state: string;
    seq: number;
    visits: number;
    timeSpentMs: number;
  }[];
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
  chapterId = await prepareQuestions(await signInOverHttp(teacher));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in HTTP client, as the web app is: session cookie plus the CSRF header on writes. */
async function signInOverHttp(credentials: { email: string; password: string }) {
  return { call: await signInApi(server.baseUrl, credentials.email, credentials.password) };
}

/** Four single-correct questions (key: option b) with math, and one integer question, in one chapter. */
async function prepareQuestions(author: Client): Promise<string> {
  // A chapter of its own, so the practice test holds exactly these five questions (the demo bank has others).
  const tree = await author.call<{ subjects: { id: string; name: string }[] }>('GET', '/api/syllabus');
  const physicsId = tree.subjects.find((s) => s.name === 'Physics')!.id;
  const chapter = (
    await author.call<{ node: { id: string } }>('POST', '/api/syllabus/nodes', {
      kind: 'chapter',
      parentId: physicsId,
      name: 'Exam room drills',
    })
  ).node;
  const topicId = (
    await author.call<{ node: { id: string } }>('POST', '/api/syllabus/nodes', {
      kind: 'topic',
      parentId: chapter.id,
      name: 'Motion drills',
    })
  ).node.id;
  for (let i = 1; i <= 4; i++) {
    const options = ['a', 'b', 'c', 'd'].map((id, k) => ({ id, text: `$${i + k}\\,\\text{m/s}$` }));
    const question = {
      type: 'mcq_single',
      difficulty: 'medium',
      tags: ['e2e'],
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      key: { optionId: 'b' },
      content: {
        en: {
          stem: `Exam room question ${i}: a body moves with $v = ${i} + t^2$. Find $v$ at $t = 1$.`,
          options,
          solution: `Substitute: $v = ${i + 1}\\,\\text{m/s}$.`,
        },
        hi: { stem: `परीक्षा प्रश्न ${i}: $v = ${i} + t^2$ है। $t = 1$ पर $v$ ज्ञात कीजिए।`, options },
      },
    };
    await author.call('POST', '/api/questions', { question, topicId });
  }
  const numerical = {
    type: 'numerical',
    difficulty: 'medium',
    tags: ['e2e'],
    format: { integerOnly: true },
    key: { kind: 'exact', value: 42 },
    content: { en: { stem: 'Exam room numerical: what is $6 \\times 7$?', solution: '$6 \\times 7 = 42$' } },
  };
  await author.call('POST', '/api/questions', { question: numerical, topicId });
  return chapter.id;
}

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

async function openPage(viewport: {
  width: number;
  height: number;
}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: server.baseUrl });
  return { context, page: await context.newPage() };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `exam-room-${name}.png`) });
}

async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

/** Pre-exam screen -> Start; returns the attempt id from the start response. */
async function enterExam(page: Page, examId: string, screenshot?: string): Promise<string> {
  await page.goto(`/exam/${examId}`);
  await page.getByText('I have read and understood the instructions').waitFor();
  await page.getByRole('list', { name: 'System check' }).waitFor();
  if (screenshot) await shoot(page, screenshot);
  await page.getByText('I have read and understood the instructions').click();
  const started = page.waitForResponse((response) => response.url().endsWith(`/api/exams/${examId}/start`));
  await page.getByRole('button', { name: 'I am ready to begin' }).click();
  const state = (await (await started).json()) as State;
  await page.getByRole('navigation', { name: 'Question palette' }).waitFor();
  return state.attempt.id;
}

const palette = (page: Page) => page.getByRole('navigation', { name: 'Question palette' });
const paletteButton = (page: Page, n: number) =>
  palette(page).getByRole('button', { name: new RegExp(`^Question ${n},`) });

/** Answers the question on screen: an option by number, or the keypad for a numerical question. */
async function answerCurrent(page: Page, option: number): Promise<void> {
  const numeric = page.getByLabel('Numerical answer');
  if (await numeric.isVisible()) {
    await page.getByRole('button', { name: 'Key 4' }).click();
    await page.getByRole('button', { name: 'Key 2' }).click();
    expect(await numeric.inputValue()).toBe('42');
  } else {
    await page.getByRole('radio', { name: `Option ${option}` }).click();
  }
}

async function expectAllSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 })
    .toBe('All answers saved');
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
    const attemptId = await enterExam(page, examId, 'pre-exam-desktop');

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
    // The numerical question has no Hindi text; any other one switches language in place.
    for (const n of [1, 2]) {
      await paletteButton(page, n).click();
      await page.getByRole('article', { name: `Question ${n}` }).waitFor();
      if ((await page.getByLabel('Numerical answer').count()) === 0) break;
    }
    await page.getByText('परीक्षा प्रश्न', { exact: false }).first().waitFor();
    await expectAllSaved(page);
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
