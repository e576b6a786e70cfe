// Browser helpers for the interface language: switch it from the user menu, and prove Hindi is drawn
// with the shipped Noto Sans Devanagari (not a font of the machine).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the user menu (its label in either language) and picks the interface language. */
export async function switchInterfaceLanguage(page: Page, language: 'en' | 'hi'): Promise<void> {
  await page.getByRole('button', { name: /^(User menu|उपयोगकर्ता मेनू)$/ }).click();
  const choice = language === 'hi' ? 'हिन्दी' : 'English';
  await page.getByTestId('ui-language-switch').getByText(choice, { exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.keyboard.press('Escape');
}

/**
 * Proves the Hindi on screen is drawn with the shipped face: the element's font stack starts with it,
 * the face loaded from this app's /assets, and the browser reports it can render Devanagari with it.
 */
export async function expectShippedFont(page: Page, hindiText: string): Promise<void> {
  const element = page.getByText(hindiText, { exact: true }).first();
  await element.waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const report = await element.evaluate(async (node) => {
    await document.fonts.load('400 16px "Noto Sans Devanagari"', 'हिन्दी');
    const faces = [...document.fonts].filter(
      (face) => face.family.replaceAll('"', '') === 'Noto Sans Devanagari',
    );
    return {
      family: getComputedStyle(node).fontFamily,
      loaded: faces.filter((face) => face.status === 'loaded').map((face) => face.weight),
      canRender: document.fonts.check('16px "Noto Sans Devanagari"', 'हिन्दी'),
      files: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((file) => file.includes('noto-sans-devanagari')),
    };
  });
  expect(report.family.startsWith('"Noto Sans Devanagari"')).toBe(true);
  expect(report.loaded.length).toBeGreaterThan(0);
  expect(report.canRender).toBe(true);
  expect(
    report.files.some((file) =>
      /^\/assets\/noto-sans-devanagari-devanagari-400-normal-.*\.woff2$/.test(file),
    ),
  ).toBe(true);
}
