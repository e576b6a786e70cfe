// The exam room on a phone (issue 15): its labels in both languages, the palette's drawer, and the
// measurements a phone layout is judged by (what is on the first screen, nothing wider than it).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const phoneLabels = {
  en: {
    timeLeft: 'Time left',
    openPalette: 'Questions',
    paletteTitle: 'Question palette',
    details: 'Exam details and language',
    saveAndNext: 'Save & Next',
    allSaved: 'All answers saved',
    question: 'Question',
    answered: 'Answered',
    submit: 'Submit',
    submitTitle: 'Submit the exam?',
    goBack: 'Go back to the exam',
  },
  hi: {
    timeLeft: 'शेष समय',
    openPalette: 'प्रश्न',
    paletteTitle: 'प्रश्न पैलेट',
    details: 'परीक्षा का विवरण और भाषा',
    saveAndNext: 'सहेजें और आगे बढ़ें',
    allSaved: 'सभी उत्तर सहेजे गए',
    question: 'प्रश्न',
    answered: 'उत्तर दिया',
    submit: 'जमा करें',
    submitTitle: 'परीक्षा जमा करें?',
    goBack: 'परीक्षा पर वापस जाएँ',
  },
} as const;
export type RoomLanguage = keyof typeof phoneLabels;

export const timeLeft = (page: Page, lang: RoomLanguage) =>
  page.getByRole('timer', { name: phoneLabels[lang].timeLeft, exact: true });
export const questionArticle = (page: Page, lang: RoomLanguage, n: number) =>
  page.getByRole('article', { name: `${phoneLabels[lang].question} ${n}`, exact: true });
export const paletteDrawer = (page: Page, lang: RoomLanguage) =>
  page.getByRole('dialog', { name: phoneLabels[lang].paletteTitle });

/** Switches the room's language from the phone header's menu (the chrome and the paper follow). */
export async function switchRoomLanguageOnPhone(
  page: Page,
  from: RoomLanguage,
  to: RoomLanguage,
): Promise<void> {
  await page.getByRole('button', { name: phoneLabels[from].details }).click();
  await page
    .getByTestId('exam-details')
    .getByText(to === 'hi' ? 'हिन्दी' : 'English', { exact: true })
    .click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
  await page.keyboard.press('Escape');
  await page.getByTestId('exam-details').waitFor({ state: 'hidden' });
}

/** Opens the palette's drawer from the header and waits for its question buttons. */
export async function openPaletteDrawer(page: Page, lang: RoomLanguage): Promise<Locator> {
  await page.getByRole('button', { name: phoneLabels[lang].openPalette, exact: true }).click();
  const drawer = paletteDrawer(page, lang);
  await drawer.getByRole('navigation', { name: phoneLabels[lang].paletteTitle }).waitFor();
  return drawer;
}

export const paletteCell = (scope: Locator, lang: RoomLanguage, n: number) =>
  scope.getByRole('button', { name: new RegExp(`^${phoneLabels[lang].question} ${n},`) });

/** The page scrolls only up and down: nothing is wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

export async function boxOf(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return box;
}

export const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
