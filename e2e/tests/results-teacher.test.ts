// Issue 11 as a teacher and a student see it: the teacher opens a manual-release mock's results
// after three students submitted, sees ranks and NTA percentiles, releases with a confirmation;
// the student hears it in the bell. (Their rank in the analysis: server/test/integration/analysis-standing.test.ts.)
// Screenshots go to .tmp/screenshots/results-teacher-*.png (desktop and phone) for review.
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

const title = 'Results page mock';
const wide = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };
const suite = useExamRoomSuite({ prefix: 'results-teacher-' });
const shoot = (page: Page, name: string) => suite.shoot(page, name, { isFullPage: true });

let author: Client;
let examId: string;

beforeAll(async () => {
  author = await suite.signInOverHttp(teacher);
  const { questionIds } = await createDrillChapter(author, {
    chapter: 'Results drill',
    topic: 'Results drill topic',
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
  // Three students: 3, 2 and 1 right answers (the key is 'b').
  for (const n of [1, 2, 3]) {
    const client = await suite.signInOverHttp(student(n));
    const deviceId = `results-device-${n}`;
    const started = await client.call<{ attempt: { id: string } }>('POST', `/api/exams/${examId}/start`, {
      deviceId,
    });
    await client.call('POST', `/api/attempts/${started.attempt.id}/answers`, {
      deviceId,
      saves: questionIds.slice(0, 4 - n).map((questionId, i) => ({
        questionId,
        answer: { type: 'mcq_single', optionIds: ['b'] },
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

describe('the teachers’ results page', () => {
  test('ranks and percentiles, then “Release results” with a confirmation', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    await page.getByTestId('result-row').first().waitFor();
    const ranks = await page.getByTestId('result-rank').allInnerTexts();
    expect(ranks.slice(0, 3)).toEqual(['1', '2', '3']);
    const percentiles = await page.getByTestId('result-percentile').allInnerTexts();
    expect(percentiles.slice(0, 3)).toEqual(['100.0000000', '66.6666667', '33.3333333']);
    await shoot(page, 'desktop');
    await page.getByRole('button', { name: 'Release results' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Release results' }).click();
    await page.getByText('Released', { exact: true }).waitFor();
    await context.close();
  });

  test('the student hears it in the bell (phone)', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(2));
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await page.getByRole('listitem').filter({ hasText: title }).first().waitFor();
    await shoot(page, 'student-bell');
    await context.close();
  });

  test('the results page on a phone', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, teacher);
    await page.goto(`/exams/${examId}/results`);
    await page.getByTestId('result-row').first().waitFor();
    await shoot(page, 'phone');
    await context.close();
  });
});
