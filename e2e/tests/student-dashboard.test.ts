// The student's dashboard built around results (issue 11) and the student's history (issue 15): an
// upcoming mock with open registration (the student registers), a submitted mock awaiting its
// manual release, a released mock with rank and percentile, and a completed practice test with its
// score. Opening an ended exam goes to its result or "awaiting release" state, never the pre-exam
// screen. Data through the API; time moves with the server's test clock. Screenshots:
// .tmp/screenshots/dashboard-*.png at desktop (1366) and phone (390) widths.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createDrillChapter,
  signIn,
  student,
  teacher,
  useExamRoomSuite,
  type Client,
  type State,
} from '../support/exam-room.js';
import { phone } from '../support/browser-suite.js';

const suite = useExamRoomSuite({ prefix: 'dashboard-' });
const wide = { width: 1366, height: 900 };
const HOUR = 3_600_000;
const SETTLE_MS = 15_000 + 30 * 60_000;

let author: Client;
let batchId: string;
const titles = { upcoming: 'Registration mock', awaiting: 'Awaiting mock', released: 'Released mock' };

async function publishMock(
  title: string,
  questionIds: string[],
  release: 'manual' | 'instant',
  schedule: { startsIn: number; endsIn: number; registrationDeadlineIn?: number },
): Promise<string> {
  const { exam } = await author.call<{
    exam: { id: string; draft: { instructions: object }; settings: object };
  }>('POST', '/api/exams', { title });
  await author.call('PUT', `/api/exams/${exam.id}/draft`, {
    title,
    durationMinutes: 30,
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
  await author.call('PUT', `/api/exams/${exam.id}/settings`, {
    ...exam.settings,
    resultRelease: { mode: release },
  });
  await author.call('POST', `/api/exams/${exam.id}/publish`);
  const at = (h: number) => new Date(suite.clock.now() + h * HOUR).toISOString();
  await author.call('PUT', `/api/exams/${exam.id}/schedule`, {
    mode: 'window',
    startsAt: at(schedule.startsIn),
    windowEndsAt: at(schedule.endsIn),
    batchIds: [batchId],
    studentIds: [],
    registration:
      schedule.registrationDeadlineIn === undefined
        ? { required: false }
        : { required: true, deadline: at(schedule.registrationDeadlineIn), capacity: 50 },
    accommodations: [],
  });
  return exam.id;
}

/** The student starts the exam, answers `correct` questions right (key 'b') and submits, over HTTP. */
async function sit(who: Client, examId: string, questionIds: string[], correct: number): Promise<string> {
  const deviceId = 'dashboard-device';
  const { attempt } = await who.call<State>('POST', `/api/exams/${examId}/start`, { deviceId });
  const saves = questionIds.slice(0, correct).map((questionId, i) => ({
    questionId,
    answer: { type: 'mcq_single', optionIds: ['b'] },
    state: 'answered',
    seq: i + 1,
  }));
  if (saves.length) await who.call('POST', `/api/attempts/${attempt.id}/answers`, { deviceId, saves });
  await who.call('POST', `/api/attempts/${attempt.id}/submit`);
  return attempt.id;
}

beforeAll(async () => {
  author = await suite.signInOverHttp(teacher);
  const { items } = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  batchId = items.find((b) => b.code === 'JEE-2027-A')!.id;
  const mock = await createDrillChapter(author, {
    chapter: 'Dashboard mocks',
    topic: 'Dashboard mock topic',
  });
  const drill = await createDrillChapter(author, {
    chapter: 'Dashboard practice',
    topic: 'Dashboard practice topic',
  });
  const mcqs = mock.questionIds.slice(0, 4);
  const t0 = suite.clock.now();
  const awaitingId = await publishMock(titles.awaiting, mcqs, 'manual', { startsIn: 1, endsIn: 3 });
  const releasedId = await publishMock(titles.released, mcqs, 'instant', { startsIn: 1, endsIn: 3 });
  await publishMock(titles.upcoming, mcqs, 'manual', { startsIn: 8, endsIn: 10, registrationDeadlineIn: 7 });

  // Into both windows: the student sits both mocks; a classmate sits the released one too (N = 2).
  suite.clock.set(t0 + HOUR + 5 * 60_000);
  const me = await suite.signInOverHttp(student(1));
  const classmate = await suite.signInOverHttp(student(2));
  await sit(me, awaitingId, mcqs, 2);
  await sit(me, releasedId, mcqs, 3);
  await sit(classmate, releasedId, mcqs, 1);

  // A practice test of the drill chapter, submitted (results at once).
  const { practiceTest } = await me.call<{ practiceTest: { id: string } }>('POST', '/api/practice-tests', {
    scope: 'chapter',
    chapterIds: [drill.chapterId],
    questionCount: 5,
    difficulty: 'mixed',
  });
  await sit(me, practiceTest.id, [], 0);

  // Past both windows' last deadline (window end + 30 min) and the answers' settling time: the
  // instant mock is released, the manual one waits.
  suite.clock.set(t0 + 3.5 * HOUR + SETTLE_MS + 60_000);
}, 120_000);

describe('the student dashboard', () => {
  test('shows upcoming with registration, results awaiting and released with rank, and practice history', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, student(1));

    const upcoming = page.getByTestId('upcoming-exams');
    await upcoming.getByText(titles.upcoming).waitFor();
    // Submitted mocks are not "upcoming" any more.
    expect(await upcoming.getByText(titles.awaiting).count()).toBe(0);
    expect(await upcoming.getByText(titles.released).count()).toBe(0);
    expect(await upcoming.innerText()).toMatch(/Starts in \d+ h/);
    expect(await upcoming.innerText()).toContain('Registration open until');
    await upcoming.getByRole('button', { name: /^Register/ }).click();
    await upcoming.getByText('Registered', { exact: true }).waitFor();

    const past = page.getByTestId('past-exams');
    const awaiting = past.getByTestId('past-exam').filter({ hasText: titles.awaiting });
    await awaiting.getByText('Awaiting release').waitFor();
    expect(await awaiting.innerText()).toContain('Your institute will release the results');
    const released = past.getByTestId('past-exam').filter({ hasText: titles.released });
    expect(await released.getByTestId('released-result').innerText()).toMatch(
      /^12 \/ 16\s*Rank 1 of 2\s*Percentile 100\.0000000$/,
    );

    const practice = page.getByTestId('practice-history');
    await practice.getByText(/^0 \/ \d+$/).waitFor();
    await suite.shoot(page, 'desktop', { isFullPage: true });

    // The ended, released mock opens on its analysis; the awaiting one on its release state.
    await released.getByRole('link', { name: `View the result of ${titles.released}` }).click();
    await page.getByTestId('total-score').waitFor();
    expect(await page.getByTestId('total-score').innerText()).toMatch(/^12(\.00)? \/ 16$/);
    expect(await page.getByRole('button', { name: /start/i }).count()).toBe(0);
    await page.goBack();
    await page
      .getByTestId('past-exam')
      .filter({ hasText: titles.awaiting })
      .getByRole('link', { name: `View the result of ${titles.awaiting}` })
      .click();
    await page.getByText('Results will be published by your institute.').waitFor();
    expect(await page.getByTestId('total-score').count()).toBe(0);
    await context.close();
  });

  test('the practice page shows a completed test with its score, not Start', async () => {
    const { context, page } = await suite.openPage(wide);
    await signIn(page, student(1));
    await page.goto('/practice');
    const tests = page.getByTestId('practice-tests');
    await tests.getByTestId('practice-score').first().waitFor();
    expect(await tests.getByTestId('practice-score').first().innerText()).toMatch(/^0 \/ \d+$/);
    await context.close();
  });

  test('works on a phone', async () => {
    const { context, page } = await suite.openPage(phone);
    await signIn(page, student(1));
    await page.getByTestId('past-exams').getByText(titles.released).waitFor();
    await page.getByTestId('practice-history').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await suite.shoot(page, 'phone', { isFullPage: true });
    await context.close();
  });
});
