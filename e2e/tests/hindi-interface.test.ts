// Issue 15, "Language and rendering", in a real browser: the Hindi interface chosen on the login page,
// remembered on the account (a fresh device gets it back), the dashboard and the exam room in Hindi
// with the paper in Hindi, and every Hindi glyph drawn by the shipped Noto Sans Devanagari, on a
// machine with no Devanagari font of its own. Screenshots: .tmp/screenshots/hindi-*.png (1366, 390).
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createDrillChapter, student, teacher, useExamRoomSuite } from '../support/exam-room.js';
import { openPaletteDrawer } from '../support/exam-room-phone.js';
import { expectShippedFont } from '../support/ui-language.js';

const { signInOverHttp, openPage, shoot } = useExamRoomSuite({ prefix: 'hindi-' });
const wide = { width: 1366, height: 800 };
const narrow = { width: 390, height: 844 };
const candidate = student(4);
let chapterId: string;

/** Devanagari fonts the machine itself has (fontconfig); the shipped font must not depend on any. */
function systemDevanagariFonts(): string {
  try {
    return execFileSync('fc-list', [':lang=hi', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function storedLanguage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/auth/me');
    return ((await response.json()) as { user: { uiLanguage: string } }).user.uiLanguage;
  });
}

async function signInFromLogin(page: Page, labels: { email: string; password: string; submit: string }) {
  await page.getByLabel(labels.email).fill(candidate.email);
  await page.getByLabel(labels.password, { exact: true }).fill(candidate.password);
  await page.getByRole('button', { name: labels.submit }).click();
}

const hindiLabels = { email: 'ईमेल', password: 'पासवर्ड', submit: 'साइन इन करें' };

beforeAll(async () => {
  ({ chapterId } = await createDrillChapter(await signInOverHttp(teacher), {
    chapter: 'Hindi interface drills',
    topic: 'Hindi motion drills',
  }));
});

describe('the Hindi interface', () => {
  test('the machine has no Devanagari font of its own, or the test proves the shipped one anyway', () => {
    // Recorded for the reader of the run; every check below asserts the shipped face whatever this says.
    const fonts = systemDevanagariFonts();
    console.info(`system Devanagari fonts: ${fonts === '' ? 'none' : fonts}`);
    expect(typeof fonts).toBe('string');
  });

  test('chosen on the login page, kept on the account, and back on a fresh device', async () => {
    const { context, page } = await openPage(wide);
    const fontRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('noto-sans-devanagari')) fontRequests.push(new URL(request.url()).pathname);
    });
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByTestId('ui-language-switch').getByText('हिन्दी', { exact: true }).click();
    await page.getByRole('heading', { name: 'साइन इन करें' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    expect(await page.evaluate(() => localStorage.getItem('examtech.uiLanguage'))).toBe('hi');
    await expectShippedFont(page, 'साइन इन करें');
    await shoot(page, 'login-1366', { isFullPage: true });

    await signInFromLogin(page, hindiLabels);
    await page.getByRole('heading', { name: /^स्वागत है,/ }).waitFor();
    await page.getByRole('heading', { name: 'आगामी परीक्षाएँ' }).waitFor();
    await page.getByRole('link', { name: 'अभ्यास', exact: true }).waitFor();
    await expectShippedFont(page, 'डैशबोर्ड');
    await expect.poll(() => storedLanguage(page)).toBe('hi');
    await shoot(page, 'dashboard-1366', { isFullPage: true });
    await page.getByRole('link', { name: 'अभ्यास', exact: true }).click();
    await page.getByRole('heading', { name: 'अभ्यास टेस्ट बनाएँ' }).waitFor();
    await page.getByRole('heading', { name: 'मेरे अभ्यास टेस्ट' }).waitFor();
    await shoot(page, 'practice-1366', { isFullPage: true });
    await context.close();

    // Another device: nothing stored there, the English login page; the account brings Hindi back.
    const other = await openPage(narrow);
    await other.page.goto('/login');
    await other.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shoot(other.page, 'login-en-390', { isFullPage: true });
    await signInFromLogin(other.page, { email: 'Email', password: 'Password', submit: 'Sign in' });
    await other.page.getByRole('heading', { name: /^स्वागत है,/ }).waitFor();
    expect(await other.page.evaluate(() => localStorage.getItem('examtech.uiLanguage'))).toBe('hi');
    await expectShippedFont(other.page, 'आगामी परीक्षाएँ');
    await shoot(other.page, 'dashboard-390', { isFullPage: true });

    // Back to English from the user menu: the account follows.
    await other.page.getByRole('button', { name: 'उपयोगकर्ता मेनू' }).click();
    await other.page.getByTestId('ui-language-switch').getByText('English', { exact: true }).click();
    await other.page.getByRole('heading', { name: /^Welcome,/ }).waitFor();
    await expect.poll(() => storedLanguage(other.page)).toBe('en');
    await other.context.close();
    expect(fontRequests.length).toBeGreaterThan(0);
  });

  test('the exam room in Hindi: pre-exam, palette, actions, the paper and the submit summary', async () => {
    const client = await signInOverHttp(candidate);
    const examId = (
      await client.call<{ practiceTest: { id: string } }>('POST', '/api/practice-tests', {
        scope: 'chapter',
        chapterIds: [chapterId],
        questionCount: 5,
        difficulty: 'mixed',
        durationMinutes: 30,
      })
    ).practiceTest.id;
    for (const [viewport, name] of [
      [wide, '1366'],
      [narrow, '390'],
    ] as const) {
      const { context, page } = await openPage(viewport);
      await page.goto('/login');
      await page.getByTestId('ui-language-switch').getByText('हिन्दी', { exact: true }).click();
      await signInFromLogin(page, hindiLabels);
      await page.getByRole('heading', { name: /^स्वागत है,/ }).waitFor();

      await page.goto(`/exam/${examId}`);
      await page.getByRole('heading', { name: 'सामान्य निर्देश' }).first().waitFor();
      await page.getByRole('list', { name: 'सिस्टम जाँच' }).waitFor();
      // The paper has Hindi, so the question language starts in Hindi with the interface.
      expect(
        await page.getByRole('combobox', { name: 'प्रश्नों की भाषा (आप इसे कभी भी बदल सकते हैं)' }).inputValue(),
      ).toBe('हिन्दी (Hindi)');
      await expectShippedFont(page, 'सामान्य निर्देश');
      await shoot(page, `pre-exam-${name}`, { isFullPage: true });
      await page.getByText('मैंने निर्देश पढ़ और समझ लिए हैं', { exact: false }).click();
      await page.getByRole('button', { name: 'मैं शुरू करने के लिए तैयार हूँ' }).click();

      // On a phone the palette is a drawer opened from the header; beside the question otherwise.
      const isPhone = name === '390';
      const openPalette = async () =>
        isPhone
          ? (await openPaletteDrawer(page, 'hi')).getByRole('navigation', { name: 'प्रश्न पैलेट' })
          : page.getByRole('navigation', { name: 'प्रश्न पैलेट' });
      const palette = await openPalette();
      await palette.waitFor();
      await palette.getByText('नहीं देखा गया', { exact: true }).waitFor();
      await expectShippedFont(page, 'उत्तर नहीं दिया');
      await page.getByRole('button', { name: 'सहेजें और आगे बढ़ें' }).waitFor();
      await page.getByRole('button', { name: 'समीक्षा के लिए चिह्नित करें और आगे बढ़ें' }).waitFor();
      await page.getByRole('timer', { name: 'शेष समय' }).waitFor();
      // Open a question with Hindi text (the numerical one has none) and check the paper is in Hindi.
      for (const n of [1, 2]) {
        const cells = n === 1 ? palette : await openPalette();
        await cells.getByRole('button', { name: new RegExp(`^प्रश्न ${n},`) }).click();
        if ((await page.getByLabel('संख्यात्मक उत्तर').count()) === 0) break;
      }
      await page
        .getByText(/^परीक्षा प्रश्न \d:/)
        .first()
        .waitFor();
      await shoot(page, `room-${name}`, { isFullPage: true });

      await page.getByRole('button', { name: 'जमा करें', exact: true }).click();
      const summary = page.getByRole('dialog', { name: 'परीक्षा जमा करें?' });
      await summary.getByRole('table', { name: 'परीक्षा का सारांश' }).waitFor();
      await shoot(page, `submit-summary-${name}`);
      await summary.getByRole('button', { name: 'परीक्षा पर वापस जाएँ' }).click();
      await context.close();
    }
  });
});
