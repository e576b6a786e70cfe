// Issue 9, items 1 and 3 as people see them: a teacher finds the questions of an unreleased mock
// marked as reserved in the bank; a candidate who submits a scheduled mock early is told when the
// results come out, and later reads the score without the key the institute chose to withhold.
// Screenshots go to .tmp/screenshots/release-*.png for review.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  answerCurrent,
  createDrillChapter,
  desktop,
  enterExam,
  expectAllSaved,
  signIn,
  student,
  teacher,
  useExamRoomSuite,
  type Client,
} from '../support/exam-room.js';

const title = 'Sunday keyless mock';
const suite = useExamRoomSuite({ prefix: 'release-' });
const shoot = (page: Page, name: string) => suite.shoot(page, name, { isFullPage: true });

let author: Client;
let examId: string;

type Call = Client['call'];

/**
 * Moves the server's clock (the schedule API only takes future starts, so the mock is scheduled
 * ahead and time moves to it): `at` the window's opening or its close, plus `minutes`.
 */
async function moveClockTo(at: 'opening' | 'close', minutes: number): Promise<void> {
  const { exam } = await author.call<{ exam: { schedule: { startsAt: string; windowEndsAt: string } } }>(
    'GET',
    `/api/exams/${examId}`,
  );
  const base = Date.parse(at === 'opening' ? exam.schedule.startsAt : exam.schedule.windowEndsAt);
  suite.clock.set(base + minutes * 60_000);
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
  const inHours = (h: number) => new Date(suite.clock.now() + h * 3_600_000).toISOString();
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
  author = await suite.signInOverHttp(teacher);
  const { questionIds } = await createDrillChapter(author, {
    chapter: 'Release drill',
    topic: 'Release drill topic',
  });
  examId = await publishKeylessMock(author.call, questionIds);
});

describe('results of a scheduled mock', () => {
  test('the bank marks the mock’s questions as reserved until its results are released', async () => {
    const { context, page } = await suite.openPage(desktop);
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
    // Five minutes into the window, which stays open for others for almost two hours.
    await moveClockTo('opening', 5);
    const { context, page } = await suite.openPage(desktop);
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

    // An hour after the window closed: past the last deadline and the offline journals' half hour.
    await moveClockTo('close', 60);
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
