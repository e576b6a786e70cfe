// The exam room against the server's clock, in a real browser, on exams a teacher builds and schedules
// through the API: a CAT-style locked section closes by itself and stays closed; the total time runs
// out with the browser open (time-up, then submitted) and with the browser closed (the sweeper
// submits anyway); a second device takes the exam over; the pre-exam check asks for the camera only
// when the exam needs it. The shortest real durations the builder allows (1 minute) are used, and the
// journeys that wait for a clock run side by side. Screenshots: .tmp/screenshots/exam-room-timing-*.png.
import type { Page } from 'playwright-core';
import { beforeAll, describe, test, type ExpectStatic } from 'vitest';
import {
  agreeToProctoring,
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
  type SaveResult,
  type State,
} from '../support/exam-room.js';

const suite = useExamRoomSuite({
  prefix: 'exam-room-timing-',
  // The sweeper's default is every 5 s; the journeys below wait for it.
  serverEnv: { SWEEPER_INTERVAL_MS: '500' },
  hasFakeCamera: true,
});
const { signInOverHttp, openPage, shoot } = suite;
/** A moment `ms` from now on the server's clock (which a journey below moves forward). */
const serverTimeIn = (ms: number) => new Date(suite.clock.now() + ms);

/** Saves over HTTP are still taken this long after their section or the exam closed (in-flight ones). */
const SAVE_GRACE_MS = 15_000;

let author: Client;
let questionIds: string[];
let batchId: string;

beforeAll(async () => {
  author = await signInOverHttp(teacher);
  ({ questionIds } = await createDrillChapter(author, { chapter: 'Timing drills', topic: 'Clock drills' }));
  const batches = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  batchId = batches.items.find((b) => b.code === 'JEE-2027-A')!.id;
});

interface SectionPlan {
  id: string;
  name: string;
  durationMinutes?: number;
  questionIds: string[];
}

/** A teacher's exam from scratch: the sections as given (no shuffling), published. */
async function publishExam(plan: {
  title: string;
  durationMinutes: number;
  lockedSections: boolean;
  sections: SectionPlan[];
  isCameraRequired?: boolean;
}): Promise<string> {
  const { exam } = await author.call<{
    exam: {
      id: string;
      draft: { instructions: { en: string; hi: string } };
      settings: { proctoring: object };
    };
  }>('POST', '/api/exams', { title: plan.title });
  // The default instructions state the default 60 minutes; the teacher corrects the duration in them.
  const { en, hi } = exam.draft.instructions;
  const instructions = {
    en: en.replace('60 minutes', `${plan.durationMinutes} minutes`),
    hi: hi.replace('60 मिनट', `${plan.durationMinutes} मिनट`),
  };
  await author.call('PUT', `/api/exams/${exam.id}/draft`, {
    title: plan.title,
    durationMinutes: plan.durationMinutes,
    lockedSections: plan.lockedSections,
    instructions,
    sections: plan.sections.map((section) => ({
      id: section.id,
      name: section.name,
      scheme: { correct: 3, wrong: -1 },
      ...(section.durationMinutes ? { durationMinutes: section.durationMinutes } : {}),
      allowedTypes: ['mcq_single', 'numerical'],
      questionCount: section.questionIds.length,
      shuffleQuestions: false,
      shuffleOptions: false,
      items: section.questionIds.map((questionId) => ({ questionId })),
    })),
  });
  if (plan.isCameraRequired) {
    const settings = { ...exam.settings, proctoring: { ...exam.settings.proctoring, webcamSnapshots: true } };
    await author.call('PUT', `/api/exams/${exam.id}/settings`, settings);
  }
  await author.call('POST', `/api/exams/${exam.id}/publish`);
  return exam.id;
}

/** Schedules an exam for the demo JEE batch (every demo student). */
async function scheduleForBatch(examId: string, startsAt: Date, mode: 'fixed' | 'window'): Promise<void> {
  await author.call('PUT', `/api/exams/${examId}/schedule`, {
    mode,
    startsAt: startsAt.toISOString(),
    ...(mode === 'window'
      ? { windowEndsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString() }
      : {}),
    batchIds: [batchId],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
}

const mcq = (optionId: string) => ({ type: 'mcq_single', optionIds: [optionId] });

/** The id this tab sends with its saves (kept in sessionStorage by the web app). */
const deviceIdOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('examtech.deviceId') ?? '');

async function readClock(page: Page, testId: 'time-left' | 'section-time-left'): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return text
    .split(':')
    .map(Number)
    .reduce((sum, part) => sum * 60 + part, 0);
}

function saveOverHttp(
  client: Client,
  attemptId: string,
  deviceId: string,
  questionId: string,
  answer: unknown,
) {
  return client.call<{ results: SaveResult[] }>('POST', `/api/attempts/${attemptId}/answers`, {
    deviceId,
    saves: [{ questionId, answer, state: 'answered', seq: 10_000 }],
  });
}

/** CAT-like: section 1 for a minute, then section 2 for a minute, in this order, locked. */
async function sitLockedSections(expect: ExpectStatic, examId: string): Promise<void> {
  const client = await signInOverHttp(student(1));
  const { context, page } = await openPage(desktop);
  await signIn(page, student(1));
  const attemptId = await enterExam(page, examId, async () => {
    if (await page.getByTestId('countdown').isVisible()) await shoot(page, 'countdown');
  });
  const verbalTab = page.getByRole('tab', { name: /^Verbal Ability/ });
  const quantTab = page.getByRole('tab', { name: /^Quantitative Ability/ });
  expect(await verbalTab.getAttribute('aria-selected')).toBe('true');
  expect(await quantTab.isDisabled()).toBe(true);

  // The section clock is on screen, within the section's minute, and counting down.
  const sectionSeconds = await readClock(page, 'section-time-left');
  expect(sectionSeconds).toBeGreaterThan(0);
  expect(sectionSeconds).toBeLessThanOrEqual(60);
  await expect
    .poll(() => readClock(page, 'section-time-left'), { timeout: 5_000 })
    .toBeLessThan(sectionSeconds);

  await answerCurrent(page, 2);
  await page.getByRole('button', { name: 'Save & Next' }).click();
  await answerCurrent(page, 3);
  await page.getByRole('button', { name: 'Save & Next' }).click();
  await expectAllSaved(page);
  await expect.poll(() => paletteButton(page, 2).getAttribute('aria-label')).toBe('Question 2, Answered');
  await shoot(page, 'locked-section-open');

  // Section 1's minute ends: the room moves to section 2 without the candidate doing anything.
  await expect
    .poll(() => quantTab.getAttribute('aria-selected'), { timeout: 75_000, interval: 500 })
    .toBe('true');
  expect(await verbalTab.isDisabled()).toBe(true);
  expect(await verbalTab.textContent()).toContain('Closed');
  await page.getByTestId('section-closed-notice').getByText('The time for Verbal Ability is over').waitFor();
  await palette(page).getByRole('heading', { name: 'Quantitative Ability' }).waitFor();
  expect(await paletteButton(page, 3).getAttribute('aria-current')).toBe('step');
  expect(await paletteButton(page, 1).count()).toBe(0);
  expect(await readClock(page, 'section-time-left')).toBeLessThanOrEqual(60);
  // Neither Back nor the keyboard leads back into the closed section.
  expect(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled()).toBe(true);
  await page.getByRole('article', { name: 'Question 3' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowLeft');
  expect(await paletteButton(page, 3).getAttribute('aria-current')).toBe('step');
  await shoot(page, 'locked-section-closed');

  // Once in-flight saves can no longer land, the server refuses a change to section 1 ...
  const deviceId = await deviceIdOf(page);
  const before = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
  const verbal = before.attempt.sections.find((s) => s.sectionId === 'varc')!;
  // No waiting: the server's clock moves past the close plus the grace (the journeys beside this
  // one only see their own deadlines and the sweeper come that much sooner).
  suite.clock.set(Math.max(suite.clock.now(), Date.parse(verbal.closesAt) + SAVE_GRACE_MS + 1_000));
  const late = await saveOverHttp(client, attemptId, deviceId, questionIds[0]!, mcq('d'));
  expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'SECTION_CLOSED' });
  // ... and keeps what was answered in time.
  const after = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
  const stored = new Map(after.answers.map((a) => [a.questionId, a]));
  expect(stored.get(questionIds[0]!)).toMatchObject({ answer: mcq('b'), state: 'answered' });
  expect(stored.get(questionIds[1]!)).toMatchObject({ answer: mcq('c'), state: 'answered' });
  // Section 2 is open for saves.
  const open = await saveOverHttp(client, attemptId, deviceId, questionIds[2]!, mcq('a'));
  expect(open.results[0]).toMatchObject({ status: 'saved' });
  await context.close();
}

/** The total time runs out with the room open: time-up, then the submitted screen, no Submit pressed. */
async function sitUntilTimeUp(expect: ExpectStatic, examId: string): Promise<void> {
  const client = await signInOverHttp(student(2));
  const { context, page } = await openPage(desktop);
  await signIn(page, student(2));
  const attemptId = await enterExam(page, examId);
  await answerCurrent(page, 2);
  await page.getByRole('button', { name: 'Save & Next' }).click();
  await expectAllSaved(page);

  const timeUp = page.getByRole('dialog', { name: 'Time is up' });
  await timeUp.waitFor({ timeout: 75_000 });
  expect(await page.getByTestId('time-left').textContent()).toBe('00:00:00');
  await shoot(page, 'time-up');
  await page.getByText('Time is up — your exam has been submitted').waitFor({ timeout: 45_000 });
  await page.getByText('Results will be published by your institute.').waitFor();
  await shoot(page, 'time-up-submitted');

  const state = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
  expect(state.attempt).toMatchObject({ status: 'submitted', submitReason: 'deadline' });
  expect(state.answers.find((a) => a.questionId === questionIds[0])).toMatchObject({ answer: mcq('b') });
  await context.close();
}

/** The candidate closes the browser mid-exam; the sweeper submits at the deadline all the same. */
async function closeBrowserMidExam(expect: ExpectStatic, examId: string): Promise<void> {
  const client = await signInOverHttp(student(3));
  const { context, page } = await openPage(tablet);
  await signIn(page, student(3));
  const attemptId = await enterExam(page, examId);
  await answerCurrent(page, 3);
  await page.getByRole('button', { name: 'Save & Next' }).click();
  await expectAllSaved(page);
  await context.close();

  const readState = () => client.call<State>('GET', `/api/attempts/${attemptId}/state`);
  await expect
    .poll(async () => (await readState()).attempt.status, { timeout: 110_000, interval: 1_000 })
    .toBe('submitted');
  const state = await readState();
  expect(state.attempt.submitReason).toBe('deadline');
  expect(state.answers.find((a) => a.questionId === questionIds[0])).toMatchObject({ answer: mcq('c') });
}

/**
 * The network drops mid-exam and comes back only after the deadline, when the sweeper has already
 * submitted: the answer typed offline, in time, still counts once the journal syncs.
 */
async function offlineThroughTheDeadline(expect: ExpectStatic, examId: string): Promise<void> {
  const client = await signInOverHttp(student(5));
  const { context, page } = await openPage(desktop);
  await signIn(page, student(5));
  const attemptId = await enterExam(page, examId);
  await answerCurrent(page, 1);
  await page.getByRole('button', { name: 'Save & Next' }).click();
  await expectAllSaved(page);

  await context.setOffline(true);
  await page.getByTestId('offline-banner').waitFor();
  await answerCurrent(page, 4);
  await page.getByRole('button', { name: 'Save & Next' }).click();
  await page.getByRole('dialog', { name: 'Time is up' }).waitFor({ timeout: 75_000 });
  await shoot(page, 'offline-at-deadline');
  const readState = () => client.call<State>('GET', `/api/attempts/${attemptId}/state`);
  await expect
    .poll(async () => (await readState()).attempt.status, { timeout: 60_000, interval: 1_000 })
    .toBe('submitted');
  // Submitted by the sweeper without the offline answer ...
  expect((await readState()).answers.find((a) => a.questionId === questionIds[1])).toBeUndefined();

  // ... which arrives with the journal when the connection returns, and is kept.
  await context.setOffline(false);
  await page.getByText('Time is up — your exam has been submitted').waitFor({ timeout: 30_000 });
  const state = await readState();
  expect(state.attempt).toMatchObject({ status: 'submitted', submitReason: 'deadline' });
  expect(state.answers.find((a) => a.questionId === questionIds[0])).toMatchObject({ answer: mcq('a') });
  expect(state.answers.find((a) => a.questionId === questionIds[1])).toMatchObject({ answer: mcq('d') });
  await context.close();
}

describe.concurrent('exam room timing', () => {
  test('a locked section closes on time and the total time runs out, with the browser open or closed', async ({
    expect,
  }) => {
    const lockedExamId = await publishExam({
      title: 'CAT drill: locked sections',
      durationMinutes: 2,
      lockedSections: true,
      sections: [
        { id: 'varc', name: 'Verbal Ability', durationMinutes: 1, questionIds: questionIds.slice(0, 2) },
        { id: 'qa', name: 'Quantitative Ability', durationMinutes: 1, questionIds: questionIds.slice(2, 4) },
      ],
    });
    const shortExamId = await publishExam({
      title: 'One-minute test',
      durationMinutes: 1,
      lockedSections: false,
      sections: [{ id: 'section-a', name: 'Section A', questionIds: questionIds.slice(0, 3) }],
    });
    // One start (T0) for both, a few seconds ahead: time to sign in and see the countdown.
    const startsAt = serverTimeIn(10_000);
    await scheduleForBatch(lockedExamId, startsAt, 'fixed');
    await scheduleForBatch(shortExamId, startsAt, 'fixed');
    await Promise.all([
      sitLockedSections(expect, lockedExamId),
      sitUntilTimeUp(expect, shortExamId),
      closeBrowserMidExam(expect, shortExamId),
      offlineThroughTheDeadline(expect, shortExamId),
    ]);
  }, 170_000);

  test('a second device takes the running exam over with the saved answers; the first is told and can no longer save', async ({
    expect,
  }) => {
    const examId = await publishExam({
      title: 'Takeover drill',
      durationMinutes: 30,
      lockedSections: false,
      sections: [{ id: 'section-a', name: 'Section A', questionIds: questionIds.slice(0, 4) }],
    });
    await scheduleForBatch(examId, serverTimeIn(2_000), 'window');
    const client = await signInOverHttp(student(4));

    const laptop = await openPage(desktop);
    await signIn(laptop.page, student(4));
    const attemptId = await enterExam(laptop.page, examId);
    await answerCurrent(laptop.page, 2);
    await laptop.page.getByRole('button', { name: 'Save & Next' }).click();
    await answerCurrent(laptop.page, 4);
    await laptop.page.getByRole('button', { name: 'Save & Mark for Review' }).click();
    await expectAllSaved(laptop.page);
    const laptopDevice = await deviceIdOf(laptop.page);

    const tabletDevice = await openPage(tablet);
    await signIn(tabletDevice.page, student(4));
    expect(await enterExam(tabletDevice.page, examId)).toBe(attemptId);
    const second = tabletDevice.page;
    await expect.poll(() => paletteButton(second, 1).getAttribute('aria-label')).toBe('Question 1, Answered');
    await expect
      .poll(() => paletteButton(second, 2).getAttribute('aria-label'))
      .toBe('Question 2, Answered & Marked for Review');
    await paletteButton(second, 1).click();
    expect(await second.getByRole('radio', { name: 'Option 2' }).isChecked()).toBe(true);
    await shoot(second, 'takeover-new-device');

    const replaced = laptop.page.getByRole('dialog', { name: 'This exam was opened on another device' });
    await replaced.waitFor();
    await replaced.getByText('Answers from this window are no longer saved').waitFor();
    await shoot(laptop.page, 'takeover-replaced');
    const refused = await saveOverHttp(client, attemptId, laptopDevice, questionIds[0]!, mcq('d'));
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'DEVICE_REPLACED' });

    // The new device saves; the first device, taking the exam back, sees that answer.
    await answerCurrent(second, 3);
    await second.getByRole('button', { name: 'Save & Next' }).click();
    await expectAllSaved(second);
    const state = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
    expect(state.answers.find((a) => a.questionId === questionIds[0])).toMatchObject({ answer: mcq('c') });
    await replaced.getByRole('button', { name: 'Take the exam back on this device' }).click();
    await palette(laptop.page).waitFor();
    await paletteButton(laptop.page, 1).click();
    await expect.poll(() => laptop.page.getByRole('radio', { name: 'Option 3' }).isChecked()).toBe(true);
    await second.getByRole('dialog', { name: 'This exam was opened on another device' }).waitFor();
    await laptop.context.close();
    await tabletDevice.context.close();
  });

  test('the pre-exam check asks for the camera only when the exam needs it and blocks Start without one', async ({
    expect,
  }) => {
    const proctoredId = await publishExam({
      title: 'Proctored drill',
      durationMinutes: 30,
      lockedSections: false,
      sections: [{ id: 'section-a', name: 'Section A', questionIds: questionIds.slice(0, 2) }],
      isCameraRequired: true,
    });
    const openId = await publishExam({
      title: 'Unproctored drill',
      durationMinutes: 30,
      lockedSections: false,
      sections: [{ id: 'section-a', name: 'Section A', questionIds: questionIds.slice(0, 2) }],
    });
    const startsAt = serverTimeIn(2_000);
    await scheduleForBatch(proctoredId, startsAt, 'window');
    await scheduleForBatch(openId, startsAt, 'window');
    const client = await signInOverHttp(student(5));
    const info = await client.call<{ cameraRequired: boolean }>(
      'GET',
      `/api/exams/${proctoredId}/candidate-info`,
    );
    expect(info.cameraRequired).toBe(true);

    // A browser whose camera answers as this page says: permission denied, then no camera, then the real one.
    const refusing = await openPage(desktop);
    await refusing.context.addInitScript(() => {
      const page = window as unknown as { cameraAsks: number; cameraError: string | null };
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      page.cameraAsks = 0;
      page.cameraError = 'NotAllowedError';
      navigator.mediaDevices.getUserMedia = (constraints) => {
        page.cameraAsks += 1;
        return page.cameraError
          ? Promise.reject(new DOMException('The camera was refused', page.cameraError))
          : original(constraints);
      };
    });
    const page = refusing.page;
    const cameraAsks = () => page.evaluate(() => (window as unknown as { cameraAsks: number }).cameraAsks);
    const setCameraError = (name: string | null) =>
      page.evaluate((error) => {
        (window as unknown as { cameraError: string | null }).cameraError = error;
      }, name);
    const cameraCheck = page.getByTestId('camera-check');
    const start = page.getByRole('button', { name: 'I am ready to begin' });
    await signIn(page, student(5));

    // Not required: no camera prompt, Start as usual.
    await page.goto(`/exam/${openId}`);
    await cameraCheck.getByText('Not required for this exam').waitFor();
    await page.getByText('I have read and understood the instructions').click();
    await expect.poll(() => start.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await cameraAsks()).toBe(0);

    await page.goto(`/exam/${proctoredId}`);
    await page.getByText('I have read and understood the instructions').click();
    await cameraCheck.getByText('Camera permission was denied').waitFor();
    await page.getByTestId('camera-blocked').getByText('This exam needs a working camera').waitFor();
    expect(await start.isDisabled()).toBe(true);
    await shoot(page, 'camera-denied', { isFullPage: true });

    await setCameraError('NotFoundError');
    await page.getByRole('button', { name: 'Check the camera again' }).click();
    await cameraCheck.getByText('No camera was found').waitFor();
    expect(await start.isDisabled()).toBe(true);
    expect(await cameraAsks()).toBe(2);

    // The candidate fixes it and checks again: live preview, Start unblocked.
    await setCameraError(null);
    await page.getByRole('button', { name: 'Check the camera again' }).click();
    await expectLivePreview(expect, page);
    expect(await page.getByTestId('camera-blocked').count()).toBe(0);
    // The exam keeps webcam snapshots: Start waits for the candidate's consent too.
    expect(await start.isDisabled()).toBe(true);
    await agreeToProctoring(page);
    await expect.poll(() => start.isEnabled(), { timeout: 10_000 }).toBe(true);
    await refusing.context.close();

    // An allowed camera from the start: preview, Start, and the room.
    const allowing = await openPage(desktop);
    await signIn(allowing.page, student(5));
    await enterExam(allowing.page, proctoredId, async () => {
      await expectLivePreview(expect, allowing.page);
      await shoot(allowing.page, 'camera-granted', { isFullPage: true });
    });
    await allowing.context.close();
  });
});

/** The camera row shows a playing video with real frames. */
async function expectLivePreview(expect: ExpectStatic, page: Page): Promise<void> {
  await page.getByTestId('camera-check').getByText('Working').waitFor();
  const video = page.locator('video[aria-label="Camera preview"]');
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth > 0 && !element.paused), {
      timeout: 10_000,
    })
    .toBe(true);
}
