// Defects of issue 15 that a newcomer meets in the first hour, in a real browser: a staff member is
// given batches as they are added; the schedule form takes a typed date and time in the institute's
// time zone (named beside the field), keeps the typed time when a day is picked, and lists who has
// registered with the seats taken; a candidate who submitted early and opens the exam again lands on
// "submitted" without the pre-exam screen ever showing. At 1366x768 and 390x844, in English and
// Hindi. Screenshots: .tmp/screenshots/forms-*.png.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { phone } from '../support/browser-suite.js';
import {
  createDrillChapter,
  signIn,
  student,
  teacher,
  useExamRoomSuite,
  type Client,
  type State,
} from '../support/exam-room.js';
import { switchInterfaceLanguage } from '../support/ui-language.js';

const suite = useExamRoomSuite({ prefix: 'forms-' });
const desktop = { width: 1366, height: 768 };
const HOUR = 3_600_000;
const ZONE = 'Asia/Kolkata';
// The browser runs in New York: a time typed for the institute must not follow the computer's zone.
const farFromIndia = { timezoneId: 'America/New_York', serviceWorkers: 'block' } as const;

let author: Client;
let batchId: string;
let questionIds: string[];
const exams = { registration: '', submitted: '', typed: '' };

type ExamView = {
  exam: { schedule: { startsAt: string } | null; draft: { instructions: object }; settings: object };
};

/** The default instructions exams were created with before they lost their own heading. */
const OLD_DEFAULT_INSTRUCTIONS = {
  en: '## General instructions\n1. The total duration of the examination is 30 minutes.',
  hi: '## सामान्य निर्देश\n1. परीक्षा की कुल अवधि 30 मिनट है।',
};

async function publish(title: string, instructions?: { en: string; hi: string }): Promise<string> {
  const { exam } = await author.call<{
    exam: { id: string; draft: { instructions: object }; settings: object };
  }>('POST', '/api/exams', { title });
  await author.call('PUT', `/api/exams/${exam.id}/draft`, {
    title,
    durationMinutes: 30,
    lockedSections: false,
    instructions: instructions ?? exam.draft.instructions,
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
    resultRelease: { mode: 'manual' },
  });
  await author.call('POST', `/api/exams/${exam.id}/publish`);
  return exam.id;
}

async function schedule(
  examId: string,
  hours: { startsIn: number; endsIn: number },
  registration: { required: boolean; deadline?: string; capacity?: number },
): Promise<void> {
  const at = (h: number) => new Date(suite.clock.now() + h * HOUR).toISOString();
  await author.call('PUT', `/api/exams/${examId}/schedule`, {
    mode: 'window',
    startsAt: at(hours.startsIn),
    windowEndsAt: at(hours.endsIn),
    batchIds: [batchId],
    studentIds: [],
    registration,
    accommodations: [],
  });
}

/** A day ahead on India's calendar that keeps its next day in the same month (for the calendar click). */
function dayAhead(): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' })
    .format(new Date(suite.clock.now() + 10 * 24 * HOUR))
    .split('-')
    .map(Number);
  const [year = 0, month = 1, day = 1] = parts;
  if (day < 27) return { year, month, day };
  return month === 12 ? { year: year + 1, month: 1, day: 5 } : { year, month: month + 1, day: 5 };
}
const pad = (n: number) => String(n).padStart(2, '0');
const typedDate = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const calendarLabel = (d: { year: number; month: number; day: number }) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));

/** An instant as the field shows it on a zone's clock: `YYYY-MM-DD HH:mm`. */
function wallClock(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

async function openSchedule(page: Page, examId: string): Promise<void> {
  await page.goto(`/exams/${examId}`);
  await page.getByRole('tab', { name: 'Schedule' }).click();
  await page.getByTestId('schedule-starts-at').waitFor();
}

beforeAll(async () => {
  author = await suite.signInOverHttp(teacher);
  const { items } = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  batchId = items.find((b) => b.code === 'JEE-2027-A')!.id;
  questionIds = (
    await createDrillChapter(author, { chapter: 'Forms drill', topic: 'Forms topic' })
  ).questionIds.slice(0, 3);
  exams.registration = await publish('Registration mock', OLD_DEFAULT_INSTRUCTIONS);
  exams.submitted = await publish('Early submit mock');
  exams.typed = await publish('Typed time mock');
  const deadline = new Date(suite.clock.now() + 2 * HOUR).toISOString();
  await schedule(exams.registration, { startsIn: 3, endsIn: 6 }, { required: true, deadline, capacity: 3 });
  for (const n of [2, 1]) {
    const candidate = await suite.signInOverHttp(student(n));
    await candidate.call('POST', `/api/exams/${exams.registration}/register`, {});
  }
  await schedule(exams.submitted, { startsIn: 0.5, endsIn: 4 }, { required: false });
  // Into the window: student 3 sits the mock and submits at once, long before the window closes.
  suite.clock.set(suite.clock.now() + 0.75 * HOUR);
  const early = await suite.signInOverHttp(student(3));
  const { attempt } = await early.call<State>('POST', `/api/exams/${exams.submitted}/start`, {
    deviceId: 'forms-device',
  });
  await early.call('POST', `/api/attempts/${attempt.id}/submit`);
}, 120_000);

describe('adding a staff member', () => {
  test('a teacher is given batches as they are added; an admin is not asked for any', async () => {
    for (const [viewport, size] of [
      [desktop, 'desktop'],
      [phone, 'phone'],
    ] as const) {
      const { context, page } = await suite.openPage(viewport);
      await signIn(page, demo.admin);
      await page.goto('/staff');
      await page.getByRole('button', { name: 'Add staff member' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Add staff member' });
      const email = `new-teacher-${size}@demo.examtech.in`;
      await dialog.getByLabel('Full name').fill(`New Teacher ${size}`);
      await dialog.getByLabel('Email').fill(email);
      await dialog.getByLabel('Batches', { exact: true }).first().click();
      await page.getByRole('option', { name: /JEE 2027 Morning/ }).click();
      await page.keyboard.press('Escape');
      await dialog.getByText('they see these batches’ students and exams').waitFor();
      await suite.shoot(page, `staff-batches-${size}`);

      // An admin sees the whole institute: no batches field.
      await dialog.getByLabel('Role', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Institute admin' }).click();
      expect(await dialog.getByLabel('Batches', { exact: true }).count()).toBe(0);
      await dialog.getByLabel('Role', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Teacher' }).click();
      await dialog.getByLabel('Batches', { exact: true }).first().waitFor();

      await dialog.getByRole('button', { name: 'Add staff member' }).click();
      await page.getByRole('dialog', { name: 'Staff member added' }).waitFor();
      const admin = await suite.signInOverHttp(demo.admin);
      const { items } = await admin.call<{ items: { email: string; batchIds: string[] }[] }>(
        'GET',
        `/api/users?role=teacher&q=${encodeURIComponent(email)}`,
      );
      expect(items.map((user) => [user.email, user.batchIds])).toEqual([[email, [batchId]]]);
      await context.close();
    }
  });

  test('in Hindi, the batches field explains itself in Hindi', async () => {
    const { context, page } = await suite.openPage(desktop);
    await signIn(page, demo.admin);
    await switchInterfaceLanguage(page, 'hi');
    await page.goto('/staff');
    await page.getByRole('button', { name: 'Add staff member' }).first().click();
    await page.getByText('वे इन बैचों के विद्यार्थी और परीक्षाएँ देखते हैं').waitFor();
    await suite.shoot(page, 'staff-batches-hindi');
    await page.keyboard.press('Escape');
    await switchInterfaceLanguage(page, 'en');
    await context.close();
  });
});

describe('the schedule form', () => {
  test('keeps a typed date and time in the institute’s zone, shown beside the field, and a picked day keeps the time', async () => {
    const { context, page } = await suite.openPage(desktop, farFromIndia);
    await signIn(page, teacher);
    await openSchedule(page, exams.typed);
    const day = dayAhead();
    const field = page.getByTestId('schedule-starts-at');
    const wrapper = page.getByTestId('schedule-starts-at-field');
    await field.fill('');
    await field.pressSequentially(`${typedDate(day)} 09:30`);
    await field.press('Tab');
    expect(await field.inputValue()).toBe(`${typedDate(day)} 09:30`);
    expect(await wrapper.getByTestId('time-zone-label').innerText()).toBe('IST');
    expect(await wrapper.innerText()).toContain('India Standard Time (Asia/Kolkata)');
    expect(await wrapper.innerText()).toMatch(/9:30\s*am/i);

    // The calendar: another day, the typed 09:30 stays.
    await wrapper.getByRole('button', { name: 'Pick the date and time' }).click();
    const next = { ...day, day: day.day + 1 };
    await page.getByRole('button', { name: calendarLabel(next), exact: true }).click();
    expect(await field.inputValue()).toBe(`${typedDate(next)} 09:30`);
    expect(await page.getByLabel('Time', { exact: true }).inputValue()).toBe('09:30');
    await suite.shoot(page, 'schedule-typed-picker-desktop');
    await page.getByRole('button', { name: 'Done' }).click();

    // Half-typed text is not a time: it is said so, not replaced.
    await field.fill(`${typedDate(next)} 9:`);
    await field.press('Tab');
    expect(await field.inputValue()).toBe(`${typedDate(next)} 9:`);
    await wrapper.getByText('Type the date and time as 2026-12-05 09:30').waitFor();
    await field.fill(`${typedDate(next)} 09:30`);

    await page.getByLabel('Batches', { exact: true }).first().click();
    await page.getByRole('option', { name: /JEE 2027 Morning/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Schedule exam' }).click();
    await page.getByText('Exam scheduled').waitFor();
    const saved = await author.call<ExamView>('GET', `/api/exams/${exams.typed}`);
    // 09:30 in India is 04:00 UTC, whatever the browser's zone.
    expect(saved.exam.schedule?.startsAt).toBe(`${typedDate(next)}T04:00:00.000Z`);

    await page.reload();
    await page.getByRole('tab', { name: 'Schedule' }).click();
    expect(await page.getByTestId('schedule-starts-at').inputValue()).toBe(`${typedDate(next)} 09:30`);
    await suite.shoot(page, 'schedule-typed-desktop', { isFullPage: true });
    await context.close();
  });

  test('on a phone and in Hindi the field keeps the time and names the zone', async () => {
    const { context, page } = await suite.openPage(phone, farFromIndia);
    await signIn(page, teacher);
    await openSchedule(page, exams.typed);
    const field = page.getByTestId('schedule-starts-at');
    const wrapper = page.getByTestId('schedule-starts-at-field');
    await wrapper.getByTestId('time-zone-label').waitFor();
    expect(await field.inputValue()).toMatch(/ 09:30$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await suite.shoot(page, 'schedule-typed-phone', { isFullPage: true });
    await switchInterfaceLanguage(page, 'hi');
    await wrapper.getByText('भारतीय मानक समय (Asia/Kolkata)', { exact: false }).waitFor();
    await wrapper.getByRole('button', { name: 'दिनांक और समय चुनें' }).click();
    await page.getByLabel('समय', { exact: true }).waitFor();
    await suite.shoot(page, 'schedule-picker-phone-hindi');
    await page.keyboard.press('Escape');
    await switchInterfaceLanguage(page, 'en');
    await context.close();
  });

  test('lists the registered candidates, first come first, with the seats taken', async () => {
    for (const [viewport, size] of [
      [desktop, 'desktop'],
      [phone, 'phone'],
    ] as const) {
      const { context, page } = await suite.openPage(viewport);
      await signIn(page, teacher);
      await openSchedule(page, exams.registration);
      const list = page.getByTestId('registered-candidates');
      expect(await list.getByTestId('seats-taken').innerText()).toBe('2 of 3 seats taken');
      const rows = await list.getByRole('row').allInnerTexts();
      // Diya (student 2) registered before Aarav (student 1).
      expect(rows.slice(1).map((row) => row.split(/\t|\n/).filter(Boolean).slice(0, 2))).toEqual([
        ['1', 'Diya Patel'],
        ['2', 'Aarav Sharma'],
      ]);
      await list.scrollIntoViewIfNeeded();
      await suite.shoot(page, `schedule-registered-${size}`);
      if (size === 'phone') {
        await switchInterfaceLanguage(page, 'hi');
        expect(await list.getByTestId('seats-taken').innerText()).toBe('3 में से 2 सीटें भरीं');
        await list.scrollIntoViewIfNeeded();
        await suite.shoot(page, 'schedule-registered-phone-hindi');
        await switchInterfaceLanguage(page, 'en');
      }
      await context.close();
    }
  });
});

describe('reopening an exam after submitting it', () => {
  test('opens on "submitted" and the result’s state, never the pre-exam screen', async () => {
    for (const [viewport, size, language] of [
      [desktop, 'desktop', 'en'],
      [phone, 'phone', 'hi'],
    ] as const) {
      const { context, page } = await suite.openPage(viewport, { serviceWorkers: 'block' });
      // Anything of the pre-exam screen that is ever drawn is noted, however briefly.
      await context.addInitScript(() => {
        const seen = window as unknown as { sawPreExam: boolean };
        seen.sawPreExam = false;
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="pre-exam"], [data-testid="camera-check"]'))
            seen.sawPreExam = true;
        }).observe(document, { childList: true, subtree: true });
      });
      await signIn(page, student(3));
      if (language === 'hi') await switchInterfaceLanguage(page, 'hi');
      // A slow network: the exam's details take a while, which is when the old screen showed.
      await page.route('**/api/exams/*/candidate-info', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(`/exam/${exams.submitted}`);
      const ended = page.getByTestId('exam-ended');
      await ended.waitFor();
      expect(await ended.innerText()).toContain(
        language === 'en' ? 'You sat this exam.' : 'आपने यह परीक्षा दी है',
      );
      expect(await page.evaluate(() => (window as unknown as { sawPreExam: boolean }).sawPreExam)).toBe(
        false,
      );
      expect(await page.getByText(/I am ready to begin|General instructions/).count()).toBe(0);
      await suite.shoot(page, `reopened-${size}-${language}`);
      await page.getByRole('link', { name: language === 'en' ? 'See your result' : /परिणाम/ }).click();
      await page.waitForURL(/\/results\//);
      await suite.shoot(page, `reopened-result-${size}-${language}`, { isFullPage: true });
      if (language === 'hi') await switchInterfaceLanguage(page, 'en');
      await context.close();
    }
  });
});

describe('copy', () => {
  test('the pre-exam screen says "General instructions" once, also for an exam made with the old default', async () => {
    for (const [viewport, size, language, title] of [
      [desktop, 'desktop', 'en', 'General instructions'],
      [phone, 'phone', 'hi', 'सामान्य निर्देश'],
    ] as const) {
      const { context, page } = await suite.openPage(viewport);
      await signIn(page, student(1));
      if (language === 'hi') await switchInterfaceLanguage(page, 'hi');
      await page.goto(`/exam/${exams.registration}`);
      await page.getByTestId('countdown').waitFor();
      await page
        .getByText('The total duration of the examination is 30 minutes', { exact: false })
        .or(page.getByText('परीक्षा की कुल अवधि 30 मिनट है', { exact: false }))
        .waitFor();
      expect(await page.getByText(title, { exact: true }).count()).toBe(1);
      await suite.shoot(page, `pre-exam-instructions-${size}-${language}`, { isFullPage: true });
      if (language === 'hi') {
        await page.goto('/');
        await switchInterfaceLanguage(page, 'en');
      }
      await context.close();
    }
  });

  test('the new-institute form gives its example as a description, not a placeholder that looks filled', async () => {
    const { context, page } = await suite.openPage(desktop);
    await page.goto('/login');
    await page.getByLabel('Email').fill(demo.operator.email);
    await page.getByLabel('Password', { exact: true }).fill(demo.operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/institutes');
    await page.getByRole('button', { name: 'Create institute' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create institute' });
    const name = dialog.getByLabel('Institute name');
    expect(await name.getAttribute('placeholder')).toBeNull();
    await dialog.getByText('For example: Sharma Classes, Kota').waitFor();
    // With the form's errors showing, the empty field stays visibly empty.
    await dialog.getByRole('button', { name: 'Create institute' }).click();
    await dialog.getByText('Enter the institute name').waitFor();
    expect(await name.inputValue()).toBe('');
    await suite.shoot(page, 'create-institute-desktop');
    await context.close();
  });
});

describe('the institute time zone setting', () => {
  test('the admin picks another zone; the schedule form then types and names times in it', async () => {
    const { context, page } = await suite.openPage(desktop);
    await signIn(page, demo.admin);
    await page.goto('/settings');
    const setting = page.getByTestId('time-zone-setting');
    expect(await setting.inputValue()).toBe('Asia/Kolkata');
    await setting.click();
    await setting.fill('Dubai');
    await page.getByRole('option', { name: 'Asia/Dubai', exact: true }).click();
    await page.getByTestId('save-time-zone').click();
    await page.getByText('Time zone saved').waitFor();
    await suite.shoot(page, 'time-zone-setting-desktop', { isFullPage: true });
    await context.close();

    const staff = await suite.openPage(phone, farFromIndia);
    await signIn(staff.page, teacher);
    await switchInterfaceLanguage(staff.page, 'hi');
    await openSchedule(staff.page, exams.registration);
    const field = staff.page.getByTestId('schedule-starts-at');
    // The saved start, on Dubai's clock (90 minutes behind India's), whatever the browser's zone.
    const { exam } = await author.call<ExamView>('GET', `/api/exams/${exams.registration}`);
    expect(await field.inputValue()).toBe(wallClock(exam.schedule!.startsAt, 'Asia/Dubai'));
    await staff.page
      .getByTestId('schedule-starts-at-field')
      .getByText('(Asia/Dubai)', { exact: false })
      .waitFor();
    await suite.shoot(staff.page, 'schedule-dubai-phone-hindi', { isFullPage: true });
    await switchInterfaceLanguage(staff.page, 'en');
    await staff.context.close();

    const admin = await suite.signInOverHttp(demo.admin);
    await admin.call('PATCH', '/api/institute/settings', { timeZone: 'Asia/Kolkata' });
  });
});
