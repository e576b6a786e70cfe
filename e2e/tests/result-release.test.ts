// Issue 9, items 1 and 3 as people see them: a teacher finds the questions of an unreleased mock
// marked as reserved in the bank; a candidate who submits a scheduled mock early is told when the
// results come out, and later reads the score without the key the institute chose to withhold.
// Screenshots go to .tmp/screenshots/release-*.png for review.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../server/src/app.js';
import { signInApi } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import {
  answerCurrent,
  createDrillChapter,
  desktop,
  enterExam,
  expectAllSaved,
  signIn,
  student,
  teacher,
} from '../support/exam-room.js';
import { startTestServer } from '../support/server.js';

const screenshotDir =
  process.env.SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../../.tmp/screenshots');
const title = 'Sunday keyless mock';

let server: { baseUrl: string; app: App; stop(): Promise<void> };
let browser: Browser;
let examId: string;

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Moves the exam's window on the server's clock (the schedule API only takes future starts). */
async function moveWindow(opensAgoMin: number, closesInMin: number): Promise<void> {
  await server.app.database.db.execute(sql`
    update exam_schedules set
      starts_at = now() - make_interval(mins => ${opensAgoMin}),
      window_ends_at = now() + make_interval(mins => ${closesInMin}),
      ends_at = now() + make_interval(mins => ${closesInMin + 10})
    where exam_id = ${examId}`);
}

async function publishKeylessMock(author: Call, questionIds: string[]): Promise<string> {
  const { exam } = await author<{ exam: { id: string; draft: { instructions: object }; settings: object } }>(
    'POST',
    '/api/exams',
    { title },
  );
  await author('PUT', `/api/exams/${exam.id}/draft`, {
    title,
    durationMinutes: 10,
    lockedSections: false,
    instructions: exam.draft.instructions,
    sections: [
      {
        id: 'section-a',
        name: 'Section A',
        scheme: { correct: 4, wrong: -1 },
        allowedTypes: ['mcq_single', 'numerical'],
        questionCount: questionIds.length,
        shuffleQuestions: false,
        shuffleOptions: false,
        items: questionIds.map((questionId) => ({ questionId })),
      },
    ],
  });
  await author('PUT', `/api/exams/${exam.id}/settings`, {
    ...exam.settings,
    resultRelease: { mode: 'instant' },
    showAnswerKeyAfterRelease: false,
  });
  await author('POST', `/api/exams/${exam.id}/publish`);
  const { items } = await author<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  await author('PUT', `/api/exams/${exam.id}/schedule`, {
    mode: 'window',
    startsAt: inHours(1),
    windowEndsAt: inHours(3),
    batchIds: [items.find((b) => b.code === 'JEE-2027-A')!.id],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  return exam.id;
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  server = await startTestServer();
  const author = await signInApi(server.baseUrl, teacher.email, teacher.password);
  const { questionIds } = await createDrillChapter(
    { call: author },
    { chapter: 'Release drill', topic: 'Release drill topic' },
  );
  examId = await publishKeylessMock(author, questionIds);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `release-${name}.png`), fullPage: true });
}

describe('results of a scheduled mock', () => {
  test('the bank marks the mock’s questions as reserved until its results are released', async () => {
    const context = await browser.newContext({ viewport: desktop, baseURL: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, teacher);
    await page.goto('/questions');
    const badges = page.getByTestId('reservation-badge');
    await badges.first().waitFor();
    expect(await badges.count()).toBe(5);
    expect(await badges.first().innerText()).toMatch(
      new RegExp(`^Reserved for ${title} until results are released \\(.+\\)$`),
    );
    await shoot(page, 'bank');
    await context.close();
  });

  test('an early submitter is told when results come out; later the score shows, the key does not', async () => {
    await moveWindow(5, 60);
    const context = await browser.newContext({ viewport: desktop, baseURL: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, student(1));
    await enterExam(page, examId);
    await answerCurrent(page, 2);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expectAllSaved(page);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Submit the exam?' })
      .getByRole('button', { name: 'Yes, submit' })
      .click();
    await page.getByText('Your responses have been submitted').waitFor();
    await page
      .getByText(/^Results will be released on .+, once the exam has closed for every candidate\./)
      .waitFor();
    expect(await page.getByTestId('total-score').count()).toBe(0);
    await shoot(page, 'not-yet');

    await moveWindow(180, -60);
    await page.reload();
    await page.getByTestId('answer-key-withheld').waitFor();
    expect(await page.getByTestId('total-score').innerText()).toMatch(/^4(\.00)? \/ 20$/);
    expect(await page.getByText('Your answer:').count()).toBe(5);
    expect(await page.getByText('Correct answer:').count()).toBe(0);
    expect(await page.getByText('Solution', { exact: true }).count()).toBe(0);
    await shoot(page, 'keyless');
    await context.close();
  });
});
