// Issue 4's teacher journey in a real browser against a real server: write a bilingual question
// with equations and see KaTeX render it, import a spreadsheet that has mistakes, fix them, import
// again, and find the imported questions by English and Hindi words. Screenshots of every screen
// (desktop and phone) go to .tmp/screenshots/bank-*.png for review.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { desktop, phone, useBrowserSuite } from '../support/browser-suite.js';
import {
  buildPendulumRows,
  buildRow,
  choose,
  onePixelPng,
  toCsv,
  uploadCsv,
  waitForContent,
} from '../support/question-bank.js';

const { teacher } = demo;
const { openPage, shoot } = useBrowserSuite('bank-');

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(teacher.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

describe('question bank', () => {
  test('a teacher writes a bilingual question with math, imports a spreadsheet after fixing it, and finds the questions', async () => {
    const { context, page } = await openPage(desktop);
    const suffix = Date.now().toString(36);
    await signIn(page);

    // The bank, reached from the menu.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Question bank' })
      .click();
    await page.getByRole('heading', { name: 'Question bank' }).waitFor();
    await waitForContent(page);
    await page.getByRole('table', { name: 'Questions' }).waitFor();
    await shoot(page, 'list-desktop');

    // Write a question with inline and display math, in English and Hindi.
    await page.getByRole('link', { name: 'New question' }).first().click();
    await page.getByRole('heading', { name: 'New question' }).waitFor();
    await choose(page, 'Subject', 'Physics');
    await choose(page, 'Chapter', 'Work, Energy and Power');
    await choose(page, 'Topic', 'Work-Energy Theorem');
    await page.getByRole('combobox', { name: 'Tags' }).fill(`e2e-${suffix}`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('textbox', { name: 'English question', exact: true })
      .fill(`Mass-energy check ${suffix}: with $E = mc^2$, evaluate $$\\int_0^1 x^2\\,dx$$`);
    await page
      .getByRole('textbox', { name: 'हिन्दी (Hindi) question', exact: true })
      .fill(`द्रव्यमान-ऊर्जा ${suffix}: $E = mc^2$ से $$\\int_0^1 x^2\\,dx$$ का मान ज्ञात कीजिए`);
    const options = [
      ['$\\frac{1}{2}$', '$\\frac{1}{2}$'],
      ['$\\frac{1}{3}$', '$\\frac{1}{3}$'],
      ['$1$', '$1$'],
      ['None of these', 'इनमें से कोई नहीं'],
    ];
    for (const [index, [english, hindi]] of options.entries()) {
      const letter = String.fromCharCode(65 + index);
      await page.getByRole('textbox', { name: `English option ${letter}`, exact: true }).fill(english ?? '');
      await page
        .getByRole('textbox', { name: `हिन्दी (Hindi) option ${letter}`, exact: true })
        .fill(hindi ?? '');
    }
    await page.getByRole('switch', { name: 'Option D keeps its position' }).check();
    await page
      .getByRole('textbox', { name: 'English solution', exact: true })
      .fill('$\\int_0^1 x^2\\,dx = \\left[\\frac{x^3}{3}\\right]_0^1 = \\frac{1}{3}$');
    await page.getByRole('radio', { name: '(B)' }).check();

    // An uploaded image goes in at the cursor as image:<id> and shows in the preview.
    const stem = page.getByRole('textbox', { name: 'English question', exact: true });
    await stem.press('End');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Insert image into English question' }).click(),
    ]);
    await chooser.setFiles({
      name: 'graph.png',
      mimeType: 'image/png',
      buffer: Buffer.from(onePixelPng, 'base64'),
    });
    await expect.poll(() => stem.inputValue()).toMatch(/!\[graph\]\(image:[\w-]+\)$/);
    const image = page.getByTestId('preview-en').getByRole('img', { name: 'graph' });
    await expect.poll(() => image.getAttribute('src')).toMatch(/^\/api\/assets\//);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);

    // The live preview renders both languages with KaTeX.
    for (const language of ['en', 'hi']) {
      const preview = page.getByTestId(`preview-${language}`);
      await expect.poll(() => preview.locator('.katex').count()).toBeGreaterThanOrEqual(3);
      await expect.poll(() => preview.locator('.katex-display').count()).toBe(1);
    }
    await page.getByText('Ready to save').waitFor();
    await shoot(page, 'editor-desktop');

    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { name: 'Question', exact: true }).waitFor();
    await page.getByRole('button', { name: 'View version 1' }).waitFor();
    expect(await page.locator('.katex').count()).toBeGreaterThan(4);
    await shoot(page, 'question-desktop');

    // Editing makes version 2, with the change note in the history.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit question' }).waitFor();
    await page
      .getByRole('textbox', { name: 'हिन्दी (Hindi) solution', exact: true })
      .fill('$\\int_0^1 x^2\\,dx = \\frac{1}{3}$');
    await page.getByRole('button', { name: 'Save new version' }).click();
    const noteDialog = page.getByRole('dialog', { name: 'Save a new version' });
    await noteDialog.getByRole('textbox', { name: 'What changed?' }).fill('Added the Hindi solution');
    await noteDialog.getByRole('button', { name: 'Save version 2' }).click();
    await page.getByRole('button', { name: 'View version 2' }).waitFor();
    await page.getByText('Added the Hindi solution').waitFor();
    await page.getByRole('button', { name: 'View version 1' }).click();
    const versionDialog = page.getByRole('dialog', { name: 'Version 1' });
    await expect.poll(() => versionDialog.locator('.katex').count()).toBeGreaterThan(4);
    await shoot(page, 'version-desktop');
    await page.keyboard.press('Escape');

    // Duplicate makes a new question (version 1) and opens it for editing.
    const originalUrl = page.url();
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('heading', { name: 'Edit question' }).waitFor();
    expect(page.url()).not.toContain(originalUrl.split('/').pop() ?? '');
    await page.getByText('Version 1. Saving creates version 2', { exact: false }).waitFor();

    // Import: the template's layout, one good row and two bad ones.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Import questions' })
      .click();
    await page.getByRole('heading', { name: 'Import questions' }).waitFor();
    const template = await page.request.get('/api/question-imports/template.csv');
    expect(template.ok()).toBe(true);
    const header =
      (await template.text())
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]
        ?.split(',') ?? [];
    expect(header).toContain('stem_hi');
    await shoot(page, 'import-desktop');

    const englishWord = `Pendulum${suffix}`;
    const hindiWord = `लोलक${suffix}`;
    const { goodSingle, numerical } = buildPendulumRows(englishWord, hindiWord);
    const badRows = [
      buildRow(header, goodSingle),
      buildRow(header, {
        ...goodSingle,
        stem_en: `${englishWord} again, but the key names option Z`,
        answer: 'Z',
      }),
      buildRow(header, { ...numerical, answer: 'about two' }),
    ];
    await uploadCsv(page, 'pendulum.csv', toCsv([header, ...badRows]));
    const errors = page.getByRole('table', { name: 'Import errors' });
    await errors.waitFor();
    const errorText = await errors.textContent();
    expect(errorText).toContain('answer');
    expect(await errors.getByRole('row').filter({ hasText: /^3/ }).count()).toBeGreaterThanOrEqual(1);
    expect(await errors.getByRole('row').filter({ hasText: /^4/ }).count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('link', { name: 'Download error report' }).waitFor();
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    await shoot(page, 'import-errors-desktop');

    // Fix the two rows and upload again.
    await page.getByRole('button', { name: 'Fix the file and upload again' }).click();
    const fixedRows = [
      buildRow(header, goodSingle),
      buildRow(header, {
        ...goodSingle,
        stem_en: `${englishWord}: if $g$ is made 4 times, $T$ becomes`,
        stem_hi: `${hindiWord}: $g$ को 4 गुना करने पर $T$ हो जाता है`,
        answer: 'D',
      }),
      buildRow(header, numerical),
    ];
    await uploadCsv(page, 'pendulum-fixed.csv', toCsv([header, ...fixedRows]));
    await page.getByText('Every row is valid').waitFor();
    await shoot(page, 'import-ready-desktop');
    await page.getByRole('button', { name: 'Import 3 questions' }).click();
    await page.getByText('Import complete').waitFor();
    await shoot(page, 'import-done-desktop');

    // Find the imported questions by an English and by a Hindi word.
    await page.getByRole('link', { name: 'Open the question bank' }).click();
    await page.getByRole('heading', { name: 'Question bank' }).waitFor();
    const table = page.getByRole('table', { name: 'Questions' });
    for (const word of [englishWord, hindiWord]) {
      await page.getByRole('textbox', { name: 'Search questions', exact: true }).fill(word);
      await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent(word)}`);
      await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(4);
      await expect.poll(() => page.getByText('3 questions', { exact: true }).isVisible()).toBe(true);
    }
    await shoot(page, 'search-desktop');

    // Bulk action on the selection: tag all three found questions at once.
    await page.getByRole('checkbox', { name: 'Select all questions on this page' }).check();
    await page.getByText('3 questions selected').waitFor();
    await shoot(page, 'bulk-desktop');
    await page.getByRole('button', { name: 'Add tags' }).click();
    const tagDialog = page.getByRole('dialog', { name: 'Add tags' });
    await tagDialog.getByRole('combobox', { name: 'Tags' }).fill('pendulum-set');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // closes the suggestions over the button
    await tagDialog.getByRole('button', { name: 'Add tags' }).click();
    await page.getByText('3 questions tagged').waitFor();
    await expect.poll(() => table.getByText('pendulum-set').count()).toBe(3);

    // A reload keeps the filter.
    await page.reload();
    await page.getByRole('heading', { name: 'Question bank' }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Search questions', exact: true }).inputValue())
      .toBe(hindiWord);
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(4);
    await context.close();
  });

  test.each([
    ['desktop', desktop],
    ['phone', phone],
  ] as const)('bank screens render on %s', async (label, viewport) => {
    const { context, page } = await openPage(viewport);
    await signIn(page);
    const screens: [string, string, string][] = [
      ['/questions', 'Question bank', 'list'],
      ['/questions/new', 'New question', 'editor'],
      ['/questions/import', 'Import questions', 'import'],
      ['/syllabus', 'Syllabus', 'syllabus'],
    ];
    for (const [url, heading, name] of screens) {
      await page.goto(url);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await waitForContent(page);
      if (name === 'syllabus') {
        await page.getByRole('button', { name: 'Physics: show chapters' }).click();
        await page.getByRole('button', { name: 'Show topics of Kinematics' }).click();
      }
      if (label === 'phone' || name === 'syllabus') await shoot(page, `${name}-${label}`);
    }

    // A seeded question's read view, with its preview rendered.
    await page.goto('/questions');
    await page.getByRole('table', { name: 'Questions' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Question', exact: true }).waitFor();
    await page.getByRole('button', { name: 'View version 1' }).waitFor();
    await shoot(page, `question-${label}`);
    await context.close();
  });
});
