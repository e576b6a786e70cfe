// Helpers for the question bank's browser test: Mantine widgets, and spreadsheets in the import layout.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A 1×1 PNG, for the image upload. */
export const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function waitForContent(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** Picks an option of a Mantine Select by its label and the option's text. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // Required selects carry an asterisk in their accessible name.
  await page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export function toCsv(rows: string[][]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A row in the template's layout: named cells, everything else blank. */
export function buildRow(header: string[], cells: Record<string, string>): string[] {
  for (const name of Object.keys(cells)) expect(header).toContain(name);
  return header.map((name) => cells[name] ?? '');
}

export async function uploadCsv(page: Page, name: string, csv: string): Promise<void> {
  await page
    .locator('input[type=file][accept*=".xlsx"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Upload and check' }).click();
}

/** Cells of a valid single-correct and a valid numerical row, in both languages, with LaTeX, commas and quotes. */
export function buildPendulumRows(englishWord: string, hindiWord: string) {
  const common = {
    subject: 'Physics',
    chapter: 'Oscillations',
    topic: 'Simple Pendulum',
    difficulty: 'easy',
  };
  const goodSingle = {
    ...common,
    type: 'mcq_single',
    stem_en: `${englishWord}: the period of a simple pendulum is $T = 2\\pi\\sqrt{\\frac{l}{g}}$. If $l$ is made 4 times, $T$ becomes`,
    stem_hi: `${hindiWord}: सरल लोलक का आवर्तकाल $T = 2\\pi\\sqrt{\\frac{l}{g}}$ है। $l$ को 4 गुना करने पर $T$ हो जाता है`,
    option_a_en: '$T$',
    option_a_hi: '$T$',
    option_b_en: '$2T$',
    option_b_hi: '$2T$',
    option_c_en: '$4T$',
    option_c_hi: '$4T$',
    option_d_en: '$T/2$',
    option_d_hi: '$T/2$',
    answer: 'B',
  };
  const numerical = {
    ...common,
    type: 'numerical',
    stem_en: `${englishWord}, numerical: a pendulum of length $1\\,\\text{m}$ has period (in s, $g = 9.8$), "to two places"`,
    stem_hi: `${hindiWord} संख्यात्मक: $1\\,\\text{m}$ लंबे लोलक का आवर्तकाल (s में)`,
    answer: '2.01',
    decimals: '2',
  };
  return { goodSingle, numerical };
}
