// The provisional answer key and its challenges (issue 11) as a teacher and students see them: the
// teacher publishes the key once answers are final, a student challenges question 1 with a reason,
// the teacher accepts it by dropping the question, and the student sees the decision (and a notice).
// Screenshots go to .tmp/screenshots/key-challenges-*.png (desktop 1366x900 and phone 390x844).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createDrillChapter,
  signIn,
  student,
  teacher,
  useExamRoomSuite,
  type Client,
} from '../support/exam-room.js';
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
  const { questionIds } = await createDrillChapter(author, {
    chapter: 'Challenge drill',
    topic: 'Challenge drill topic',
  });
  const { exam } = await author.call<{
    exam: { id: string; draft: { instructions: object }; settings: object };
  }>('POST', '/api/exams', { title });
  examId = exam.id;
  await author.call('PUT', `/api/exams/${examId}/draft`, {
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
  await author.call('PUT', `/api/exams/${examId}/settings`, {
    ...exam.settings,
    resultRelease: { mode: 'manual' },
  });
  await author.call('POST', `/api/exams/${examId}/publish`);
  const { items } = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  const inHours = (h: number) => new Date(suite.clock.now() + h * 3_600_000).toISOString();
  const startsAt = inHours(1);
  const windowEndsAt = inHours(3);
  await author.call('PUT', `/api/exams/${examId}/schedule`, {
    mode: 'window',
    startsAt,
    windowEndsAt,
    batchIds: [items.find((b) => b.code === 'JEE-2027-A')!.id],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  suite.clock.set(Date.parse(startsAt) + 5 * 60_000);
  // Two students: one answers question 1 with (1), the other with the key's (2).
  for (const [n, option] of [
    [1, 'a'],
    [2, 'b'],
  ] as const) {
    const client = await suite.signInOverHttp(student(n));
    const deviceId = `challenge-device-${n}`;
    const started = await client.call<{ attempt: { id: string } }>('POST', `/api/exams/${examId}/start`, {
      deviceId,
    });
    await client.call('POST', `/api/attempts/${started.attempt.id}/answers`, {
      deviceId,
      saves: questionIds.slice(0, 3).map((questionId, i) => ({
        questionId,
        answer: { type: 'mcq_single', optionIds: [i === 0 ? option : 'b'] },
        state: 'answered',
        seq: i + 1,
        visits: 1,
        timeSpentMs: 20_000,
      })),
    });
    await client.call('POST', `/api/attempts/${started.attempt.id}/submit`);
  }
  // An hour after the window closed: past the last deadline and the answers' settling time.
  suite.clock.set(Date.parse(windowEndsAt) + 60 * 60_000);
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
