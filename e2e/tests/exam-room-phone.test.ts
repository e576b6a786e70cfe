// Issue 15, the exam room on a phone: a JEE-like mock with six sections and a long title, sat at
// 390 x 844 and 360 x 740 in English and in Hindi. The clock is in view at the top, the question starts
// on the first screen, nothing scrolls sideways, the palette opens in a drawer and jumps to a question,
// the sticky bar's Save & Next saves (the answer is there after a reload), and a proctoring warning
// shows without covering the clock. Then a tablet (768 x 1024, 1024 x 768) and the desktop (1366 x 768),
// where the palette is the NTA side column. Screenshots: .tmp/screenshots/exam-room-phone-*.png.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  boxOf,
  expectNoSidewaysScroll,
  openPaletteDrawer,
  overlaps,
  paletteCell,
  phoneLabels,
  questionArticle,
  switchRoomLanguageOnPhone,
  timeLeft,
  type RoomLanguage,
} from '../support/exam-room-phone.js';
import {
  answerCurrent,
  createDrillChapter,
  enterExam,
  palette,
  paletteButton,
  signIn,
  student,
  teacher,
  useExamRoomSuite,
  type Client,
  type State,
} from '../support/exam-room.js';

const suite = useExamRoomSuite({ prefix: 'exam-room-phone-' });
const { signInOverHttp, openPage, shoot } = suite;

const SECTIONS = [
  'Physics Section A',
  'Physics Section B',
  'Chemistry Section A',
  'Chemistry Section B',
  'Mathematics Section A',
  'Mathematics Section B',
];
let examId: string;
let lockedExamId: string;
let questionIds: string[];

/**
 * A teacher's exam through the API, published and open to the demo JEE batch now: the sections in
 * order (no shuffling), `proctoring` over the default settings.
 */
async function scheduleExam(
  author: Client,
  plan: {
    title: string;
    lockedSections: boolean;
    sections: { name: string; questionIds: string[]; durationMinutes?: number }[];
    proctoring?: object;
  },
): Promise<string> {
  const { exam } = await author.call<{
    exam: { id: string; draft: { instructions: object }; settings: { proctoring: object } };
  }>('POST', '/api/exams', { title: plan.title });
  await author.call('PUT', `/api/exams/${exam.id}/draft`, {
    title: plan.title,
    durationMinutes: 60,
    lockedSections: plan.lockedSections,
    instructions: exam.draft.instructions,
    sections: plan.sections.map((section, i) => ({
      id: `section-${i + 1}`,
      name: section.name,
      scheme: { correct: 4, wrong: -1 },
      ...(section.durationMinutes ? { durationMinutes: section.durationMinutes } : {}),
      allowedTypes: ['mcq_single', 'numerical'],
      questionCount: section.questionIds.length,
      shuffleQuestions: false,
      shuffleOptions: false,
      items: section.questionIds.map((questionId) => ({ questionId })),
    })),
  });
  if (plan.proctoring)
    await author.call('PUT', `/api/exams/${exam.id}/settings`, {
      ...exam.settings,
      proctoring: { ...exam.settings.proctoring, ...plan.proctoring },
    });
  await author.call('POST', `/api/exams/${exam.id}/publish`);
  const batches = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  await author.call('PUT', `/api/exams/${exam.id}/schedule`, {
    mode: 'window',
    startsAt: new Date(suite.clock.now() + 2_000).toISOString(),
    windowEndsAt: new Date(suite.clock.now() + 3 * 3_600_000).toISOString(),
    batchIds: [batches.items.find((b) => b.code === 'JEE-2027-A')!.id],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
  return exam.id;
}

beforeAll(async () => {
  const author: Client = await signInOverHttp(teacher);
  const first = await createDrillChapter(author, { chapter: 'Phone drills', topic: 'Thumb drills' });
  const second = await createDrillChapter(author, { chapter: 'Phone drills II', topic: 'Screen drills' });
  questionIds = [...first.questionIds, ...second.questionIds];
  // Two questions in each of the first four sections, one in each of the last two.
  const split = [2, 2, 2, 2, 1, 1];
  let next = 0;
  examId = await scheduleExam(author, {
    title: 'JEE Main 2027 Full Mock Test 3 (Paper 1: B.E./B.Tech.)',
    lockedSections: false,
    sections: SECTIONS.map((name, i) => ({
      name,
      questionIds: questionIds.slice(next, (next += split[i]!)),
    })),
    // Tab switches are watched and the first one is warned of: the room's prompt on a phone.
    proctoring: { tabSwitchDetection: true, warnAfterViolations: 1 },
  });
  // CAT-like: timed sections in a fixed order, so the header carries two clocks.
  lockedExamId = await scheduleExam(author, {
    title: 'CAT 2027 Mock 1',
    lockedSections: true,
    sections: [
      {
        name: 'Verbal Ability and Reading Comprehension',
        questionIds: questionIds.slice(0, 3),
        durationMinutes: 30,
      },
      { name: 'Quantitative Ability', questionIds: questionIds.slice(3, 5), durationMinutes: 30 },
    ],
  });
});

/** The candidate leaves the tab for a moment (the page is told it is hidden, as a tab switch does). */
async function leaveTab(page: Page): Promise<void> {
  const setHidden = (hidden: boolean) =>
    page.evaluate((isHidden) => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (isHidden ? 'hidden' : 'visible'),
      });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.waitForTimeout(800);
  await setHidden(false);
}

/**
 * The first screen: the clock at the top (within `clockBottom` px), the stem within the top 40 %,
 * nothing wider than the screen.
 */
async function expectFirstScreen(page: Page, lang: RoomLanguage, n: number, clockBottom = 80): Promise<void> {
  const height = page.viewportSize()!.height;
  const clock = await boxOf(timeLeft(page, lang));
  expect(clock.y).toBeGreaterThanOrEqual(0);
  expect(clock.y + clock.height).toBeLessThanOrEqual(clockBottom);
  const stem = questionArticle(page, lang, n).locator('[lang] p').first();
  await stem.waitFor();
  expect((await boxOf(stem)).y).toBeLessThan(height * 0.4);
  await expectNoSidewaysScroll(page);
}

const phones = [
  { label: '390', viewport: { width: 390, height: 844 } },
  { label: '360', viewport: { width: 360, height: 740 } },
];
const cases = phones.flatMap((phone, i) =>
  (['en', 'hi'] as const).map((lang, k) => ({ ...phone, lang, studentNo: 1 + i * 2 + k })),
);

describe('the exam room on a phone', () => {
  test.each(cases)(
    'at $label px in $lang: clock, first screen, drawer palette, sticky Save & Next',
    async ({ label, viewport, lang, studentNo }) => {
      const l = phoneLabels[lang];
      const name = `${label}-${lang}`;
      const client = await signInOverHttp(student(studentNo));
      const { context, page } = await openPage(viewport);
      await signIn(page, student(studentNo));
      const attemptId = await enterExam(page, examId);
      if (lang === 'hi') {
        await switchRoomLanguageOnPhone(page, 'en', 'hi');
        await page.getByText('परीक्षा प्रश्न', { exact: false }).first().waitFor();
      }
      await questionArticle(page, lang, 1).waitFor();
      await expectFirstScreen(page, lang, 1);

      // The proctoring indicator is in the header, beside and not over the clock.
      const indicator = page.getByTestId('proctor-indicator');
      await indicator.waitFor();
      expect(overlaps(await boxOf(indicator), await boxOf(timeLeft(page, lang)))).toBe(false);
      // Six sections are one strip (one row of tabs), not a stack.
      const strip = page.getByRole('tablist');
      expect((await boxOf(strip)).height).toBeLessThan(60);
      await shoot(page, `${name}-first-screen`);

      // The palette in a drawer: question 2 is one tap away.
      const drawer = await openPaletteDrawer(page, lang);
      await expectNoSidewaysScroll(page);
      const cell = await boxOf(paletteCell(drawer, lang, 2));
      expect(cell.height).toBeGreaterThanOrEqual(44);
      await shoot(page, `${name}-palette-drawer`);
      await paletteCell(drawer, lang, 2).click();
      await drawer.waitFor({ state: 'hidden' });
      await questionArticle(page, lang, 2).waitFor();

      // The sticky bar: at the bottom of the screen, every target at least 44 px.
      const bar = page.getByTestId('action-bar');
      const barBox = await boxOf(bar);
      expect(Math.round(barBox.y + barBox.height)).toBe(viewport.height);
      for (const button of await bar.getByRole('button').all()) {
        const box = await boxOf(button);
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      }
      await answerCurrent(page, 2);
      await bar.getByRole('button', { name: l.saveAndNext, exact: true }).click();
      await questionArticle(page, lang, 3).waitFor();
      await page
        .getByTestId('sync-status')
        .getByText(l.allSaved, { exact: true })
        .waitFor({ timeout: 15_000 });
      await expectFirstScreen(page, lang, 3);

      // On a screen too short for the question (a phone in landscape, a keyboard up) the bar stays at
      // the bottom while reading, and scrolled to the end the question's last line sits above it.
      await page.setViewportSize({ width: viewport.width, height: 480 });
      await expect.poll(async () => Math.round((await boxOf(bar)).y + (await boxOf(bar)).height)).toBe(480);
      const lastOption = questionArticle(page, lang, 3).getByRole('radio').last();
      expect(overlaps(await boxOf(lastOption), await boxOf(bar))).toBe(true);
      await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
      await expect
        .poll(async () => {
          const option = await boxOf(lastOption);
          return option.y + option.height <= (await boxOf(bar)).y;
        })
        .toBe(true);
      await expect.poll(async () => (await boxOf(timeLeft(page, lang))).y).toBeGreaterThanOrEqual(0);
      await shoot(page, `${name}-short-screen-scrolled-to-end`);
      await page.setViewportSize(viewport);

      // The last section, far along the strip.
      await page.getByRole('tab', { name: new RegExp(`^${SECTIONS[5]}`) }).click();
      await questionArticle(page, lang, 10).waitFor();
      await expectNoSidewaysScroll(page);

      // The answer survives a reload (the room comes back in the candidate's language), and the strip
      // opens scrolled to the open section, its tab in view without a swipe.
      await page.reload();
      await page.getByTestId('compact-header').waitFor();
      await questionArticle(page, lang, 10).waitFor();
      const selected = page.getByRole('tab', { selected: true });
      await expect.poll(async () => (await selected.textContent()) ?? '').toContain(SECTIONS[5]);
      await expect
        .poll(async () => {
          const [stripBox, tabBox] = [await boxOf(page.getByRole('tablist')), await boxOf(selected)];
          return tabBox.x >= stripBox.x - 1 && tabBox.x + tabBox.width <= stripBox.x + stripBox.width + 1;
        })
        .toBe(true);
      await shoot(page, `${name}-last-section`);
      await page.getByRole('tab', { name: new RegExp(`^${SECTIONS[0]}`) }).click();
      const reopened = await openPaletteDrawer(page, lang);
      await expect
        .poll(() => paletteCell(reopened, lang, 2).getAttribute('aria-label'))
        .toBe(`${l.question} 2, ${l.answered}`);
      await page.keyboard.press('Escape');
      const stored = await client.call<State>('GET', `/api/attempts/${attemptId}/state`);
      expect(stored.answers.find((a) => a.questionId === questionIds[1])?.state).toBe('answered');

      // Submit's summary fits the phone too; going back leaves the exam running.
      await bar.getByRole('button', { name: l.submit, exact: true }).click();
      const summary = page.getByRole('dialog', { name: l.submitTitle });
      await summary.getByRole('table').waitFor();
      await expectNoSidewaysScroll(page);
      await shoot(page, `${name}-submit-summary`);
      await summary.getByRole('button', { name: l.goBack }).click();
      await summary.waitFor({ state: 'hidden' });

      // A proctoring prompt: shown, and the clock stays visible above it.
      if (label === '390') {
        await leaveTab(page);
        const warning = page.getByTestId('proctor-warning');
        await warning.waitFor({ timeout: 10_000 });
        expect(overlaps(await boxOf(warning), await boxOf(timeLeft(page, lang)))).toBe(false);
        await shoot(page, `${name}-proctor-warning`);
        await warning.getByRole('button').click();
        await warning.waitFor({ state: 'hidden' });
      }
      await context.close();
    },
  );

  test('with timed sections at 360 px in Hindi, both clocks fit the header beside the title', async () => {
    const { context, page } = await openPage({ width: 360, height: 740 });
    await signIn(page, student(1));
    await enterExam(page, lockedExamId);
    await switchRoomLanguageOnPhone(page, 'en', 'hi');
    const header = await boxOf(page.getByTestId('compact-header'));
    for (const clock of [page.getByRole('timer', { name: 'खंड का शेष समय' }), timeLeft(page, 'hi')]) {
      const box = await boxOf(clock);
      expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    expect((await boxOf(page.getByRole('heading', { name: 'CAT 2027 Mock 1' }))).width).toBeGreaterThan(40);
    expect(await page.getByRole('tab', { name: /^Quantitative Ability/ }).isDisabled()).toBe(true);
    await expectFirstScreen(page, 'hi', 1);
    await shoot(page, 'locked-360-hi');
    await context.close();
  });

  test('on a tablet (768 x 1024 and 1024 x 768) and the desktop (1366 x 768) the palette is a side column', async () => {
    const { context, page } = await openPage({ width: 768, height: 1024 });
    await signIn(page, student(5));
    await enterExam(page, examId);
    for (const viewport of [
      { width: 768, height: 1024 },
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      await page.setViewportSize(viewport);
      await palette(page).waitFor();
      expect(await page.getByTestId('compact-header').count()).toBe(0);
      expect(await page.getByTestId('action-bar').count()).toBe(0);
      // The wide header may wrap its status and clocks onto a second line, as it did before.
      await expectFirstScreen(page, 'en', 1, 140);
      await shoot(page, `${viewport.width}x${viewport.height}`);
    }
    // Save & Next from the desktop's own bar, counted in its palette.
    await answerCurrent(page, 2);
    await page.getByRole('button', { name: 'Save & Next' }).click();
    await expect.poll(() => paletteButton(page, 1).getAttribute('aria-label')).toBe('Question 1, Answered');
    await context.close();
  });
});
