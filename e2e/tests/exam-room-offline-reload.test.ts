// The offline mode survives a reload: a student answers online, loses the network, answers again,
// reloads the page while still offline and is back in the exam room (the service worker serves the
// app shell and the room's last reads; the IndexedDB journal holds the answers), answers once more,
// and once the network returns the server has all three. Signing out leaves no API answer in the
// worker's caches. A browser restarted offline (the tab's session storage gone) starts again into the
// same attempt as the same device. Screenshots go to .tmp/screenshots/exam-room-offline-reload-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  answerCurrent,
  createDrillChapter,
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
  type Credentials,
  type State,
} from '../support/exam-room.js';

const suite = useExamRoomSuite({ prefix: 'exam-room-offline-reload-' });

/** A practice test on a drill chapter of its own, created by the student through the API. */
async function createPracticeTest(client: Client, chapter: string): Promise<string> {
  const { chapterId } = await createDrillChapter(await suite.signInOverHttp(teacher), {
    chapter,
    topic: `${chapter}: topic`,
  });
  const created = await client.call<{ practiceTest: { id: string } }>('POST', '/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [chapterId],
    questionCount: 5,
    difficulty: 'mixed',
    durationMinutes: 30,
  });
  return created.practiceTest.id;
}

/** Signs in; the production build registers the worker once the page has loaded and it takes control at once. */
async function signInUnderServiceWorker(page: Page, credentials: Credentials): Promise<void> {
  await signIn(page, credentials);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Paths of every response in this origin's Cache Storage (what the service worker keeps). */
function listCachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

async function readSecondsLeft(page: Page): Promise<number> {
  const shown = (await page.getByTestId('time-left').textContent()) ?? '';
  return shown
    .split(':')
    .map(Number)
    .reduce((sum, part) => sum * 60 + part, 0);
}

const syncStatus = (page: Page) => page.getByTestId('sync-status').textContent();

describe('exam room offline reload', () => {
  test('a reload while offline brings the room back from the service worker and the journal; answers sync on reconnect', async () => {
    const client = await suite.signInOverHttp(student(1));
    const examId = await createPracticeTest(client, 'Offline reload drills');
    const { context, page } = await suite.openPage(tablet);
    const worker = await page.request.get('/sw.js');
    expect(worker.headers()['content-type']).toMatch(/javascript/);
    expect(worker.headers()['cache-control']).toBe('no-cache');
    await signInUnderServiceWorker(page, student(1));
    const attemptId = await enterExam(page, examId);
    const enteredAt = Date.now();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const { deadlineAt } = (await client.call<State>('GET', `/api/attempts/${attemptId}/state`)).attempt;

    await answerCurrent(page, 2);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expectAllSaved(page);

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await answerCurrent(page, 3);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expect.poll(() => syncStatus(page)).toBe('1 answer waiting to sync');

    // Long enough after the start that a timer reckoned from the cached state's server time, instead
    // of the last measured clock offset, would be visibly wrong.
    await page.waitForTimeout(Math.max(0, enteredAt + 10_000 - Date.now()));
    await page.reload();
    await palette(page).waitFor();
    await page.getByTestId('offline-banner').waitFor();
    await expect.poll(() => paletteButton(page, 1).getAttribute('aria-label')).toBe('Question 1, Answered');
    await expect
      .poll(() => paletteButton(page, 2).getAttribute('aria-label'))
      .toBe('Question 2, Answered, waiting to sync');
    await expect.poll(() => syncStatus(page)).toBe('1 answer waiting to sync');
    await expect.poll(() => paletteButton(page, 3).getAttribute('aria-current')).toBe('step');
    // The timer counts down to the server's deadline from the cached state and the last clock offset.
    const shownSeconds = await readSecondsLeft(page);
    expect(Math.abs(shownSeconds - (Date.parse(deadlineAt) - Date.now()) / 1000)).toBeLessThan(5);
    await expect.poll(() => readSecondsLeft(page)).toBeLessThan(shownSeconds);
    await suite.shoot(page, 'tablet');

    await answerCurrent(page, 1);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expect.poll(() => syncStatus(page)).toBe('2 answers waiting to sync');
    await expect
      .poll(() => paletteButton(page, 3).getAttribute('aria-label'))
      .toBe('Question 3, Answered, waiting to sync');
    await suite.shoot(page, 'third-answer-tablet');

    await context.setOffline(false);
    await expectAllSaved(page);
    await expect.poll(() => page.getByTestId('offline-banner').count(), { timeout: 15_000 }).toBe(0);
    const stored = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
    const answered = stored.answers.filter((a) => a.state === 'answered');
    expect(answered).toHaveLength(3);
    expect(answered.every((a) => a.answer !== null)).toBe(true);

    // What the worker kept: the room's reads, never a result (keys and solutions).
    const kept = await listCachedPaths(page);
    expect(kept).toContain('/index.html');
    expect(kept).toContain('/api/auth/me');
    expect(kept).toContain(`/api/attempts/${attemptId}/state`);
    expect(kept).toContain(`/api/attempts/${attemptId}/paper`);
    expect(kept.filter((path) => path.endsWith('/result'))).toEqual([]);

    await page.goto('/');
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect
      .poll(async () => (await listCachedPaths(page)).filter((path) => path.startsWith('/api/')))
      .toEqual([]);
    // The app shell stays: it holds no one's data.
    expect(await listCachedPaths(page)).toContain('/index.html');
    await context.close();
  });

  test('a browser restarted offline (the tab forgot the exam) starts again into the same attempt and device', async () => {
    const client = await suite.signInOverHttp(student(2));
    const examId = await createPracticeTest(client, 'Offline restart drills');
    const { context, page } = await suite.openPage(tablet);
    await signInUnderServiceWorker(page, student(2));
    const attemptId = await enterExam(page, examId);
    await answerCurrent(page, 2);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expectAllSaved(page);

    await context.setOffline(true);
    await answerCurrent(page, 3);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expect.poll(() => syncStatus(page)).toBe('1 answer waiting to sync');
    // A restart loses the tab's session storage: the device id and "this tab is in the exam".
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByText('I have read and understood the instructions').click();
    await suite.shoot(page, 'restart-pre-exam-tablet');
    await page.getByRole('button', { name: 'I am ready to begin' }).click();
    await palette(page).waitFor();
    await page.getByTestId('offline-banner').waitFor();
    await expect.poll(() => paletteButton(page, 1).getAttribute('aria-label')).toBe('Question 1, Answered');
    await expect
      .poll(() => paletteButton(page, 2).getAttribute('aria-label'))
      .toBe('Question 2, Answered, waiting to sync');

    await context.setOffline(false);
    await expectAllSaved(page);
    expect(await page.getByText('This exam was opened on another device').count()).toBe(0);
    const stored = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
    expect(stored.answers.filter((a) => a.state === 'answered')).toHaveLength(2);
    await context.close();
  });
});
