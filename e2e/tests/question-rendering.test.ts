// Issue 15's "Language and rendering" in a real browser: chemistry notation typesets wherever a
// question is shown, a broken formula is marked at its field in the editor, math in the compact
// rows (bank list, builder paper and bank panel) keeps its tops, the numerical blank stays in the
// previews and matrix-match lists are headed in the question's language. Screenshots go to
// .tmp/screenshots/render-*.png for review.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { signInApi } from '../support/api.js';
import { desktop, phone, useBrowserSuite } from '../support/browser-suite.js';

const suffix = Date.now().toString(36);
const ids = { single: '', numerical: '', matrix: '', exam: '' };

const suite = useBrowserSuite('render-', { setup: (baseUrl) => prepare(baseUrl) });
const { openPage, shoot } = suite;

type Tree = { subjects: { name: string; chapters: { topics: { id: string }[] }[] }[] };
type Created = { question: { id: string } };

/** Three questions with tall math and chemistry (one in a Hindi matrix), and a draft exam holding them. */
async function prepare(baseUrl: string): Promise<void> {
  const call = await signInApi(baseUrl, demo.teacher.email, demo.teacher.password);
  const tree = await call<Tree>('GET', '/api/syllabus');
  const topicId = tree.subjects.find((s) => s.name === 'Chemistry')?.chapters[0]?.topics[0]?.id;
  if (!topicId) throw new Error('no Chemistry topic');
  const options = ['$\\ce{H2O}$', '$\\ce{CO2}$', '$\\frac{1}{2}\\,\\pu{mol}$', '$x^{2^{3}}$'].map(
    (text, index) => ({ id: 'abcd'[index]!, text }),
  );
  const single = await call<Created>('POST', '/api/questions', {
    topicId,
    question: {
      type: 'mcq_single',
      difficulty: 'medium',
      tags: ['render'],
      options: options.map(({ id }) => ({ id })),
      key: { optionId: 'a' },
      content: {
        en: {
          stem: `Render ${suffix}: $\\frac{\\frac{a}{b}}{c}$, $e^{x^{2}}$ and $\\ce{2H2 + O2 -> 2H2O}$ at $\\pu{298 K}$. Which is water?`,
          options,
        },
        hi: {
          stem: `रेंडर ${suffix}: $\\frac{\\frac{a}{b}}{c}$, $e^{x^{2}}$ और $\\ce{2H2 + O2 -> 2H2O}$, $\\pu{298 K}$ पर। जल कौन-सा है?`,
          options,
        },
      },
    },
  });
  const numerical = await call<Created>('POST', '/api/questions', {
    topicId,
    question: {
      type: 'numerical',
      difficulty: 'easy',
      tags: ['render'],
      format: { decimals: 1 },
      key: { kind: 'exact', value: '9.8' },
      content: {
        en: { stem: `Blank ${suffix}: $g = \\pu{9.8 m/s^2}$, so $g$ is ____ $\\mathrm{m\\,s^{-2}}$.` },
      },
    },
  });
  const texts = (language: 'en' | 'hi') => ({
    stem:
      language === 'en'
        ? `Matrix ${suffix}: match the molecule with its shape.`
        : `मैट्रिक्स ${suffix}: अणु का आकार से मिलान कीजिए।`,
    rows: [
      { id: 'p', text: '$\\ce{CH4}$' },
      { id: 'q', text: '$\\ce{H2O}$' },
    ],
    columns:
      language === 'en'
        ? [
            { id: '1', text: 'Tetrahedral' },
            { id: '2', text: 'Bent' },
          ]
        : [
            { id: '1', text: 'चतुष्फलकीय' },
            { id: '2', text: 'मुड़ा हुआ' },
          ],
  });
  const matrix = await call<Created>('POST', '/api/questions', {
    topicId,
    question: {
      type: 'matrix_match',
      difficulty: 'hard',
      tags: ['render'],
      rows: [{ id: 'p' }, { id: 'q' }],
      columns: [{ id: '1' }, { id: '2' }],
      allowMultiplePerRow: false,
      key: { matches: { p: ['1'], q: ['2'] } },
      content: { en: texts('en'), hi: texts('hi') },
    },
  });
  ids.single = single.question.id;
  ids.numerical = numerical.question.id;
  ids.matrix = matrix.question.id;

  type Exam = {
    exam: { id: string; title: string; draft: Record<string, unknown> & { sections: object[] } };
  };
  const { exam } = await call<Exam>('POST', '/api/exams', { title: `Rendering ${suffix}` });
  const section = {
    ...exam.draft.sections[0],
    items: [ids.single, ids.numerical, ids.matrix].map((questionId) => ({ questionId })),
  };
  const { title } = exam;
  await call('PUT', `/api/exams/${exam.id}/draft`, { ...exam.draft, title, sections: [section] });
  ids.exam = exam.id;
}

/** Pages load and search over the network: give each expectation about them time to come true. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demo.teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(demo.teacher.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

/** Every formula inside `scope` typeset: at least `count`, none of them KaTeX's red error. */
async function expectTypeset(scope: Locator, count: number): Promise<void> {
  await poll(() => scope.locator('.katex').count()).toBeGreaterThanOrEqual(count);
  expect(await scope.locator('.katex-error').count()).toBe(0);
}

/**
 * How many pixels of formula ink each clamped box cuts off at its top: the glyphs, fraction bars
 * and SVG strokes of its formulas against the nearest ancestor that hides overflow. All boxes in
 * one read, so a list that is still re-rendering (the bank panel's queries) cannot shift under it.
 */
function clippedTops(boxes: Locator): Promise<number[]> {
  return boxes.evaluateAll((elements) =>
    elements.map((element) => {
      const clip = (() => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          if (getComputedStyle(node).overflowY !== 'visible') return node;
        }
        return element;
      })();
      const top = clip.getBoundingClientRect().top;
      let worst = 0;
      for (const formula of element.querySelectorAll('.katex-html')) {
        const rects: DOMRect[] = [];
        const walker = document.createTreeWalker(formula, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          if (!text.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(text);
          rects.push(...range.getClientRects());
        }
        for (const ink of formula.querySelectorAll('.frac-line, svg'))
          rects.push(ink.getBoundingClientRect());
        for (const rect of rects) if (rect.height > 0) worst = Math.max(worst, top - rect.top);
      }
      return worst;
    }),
  );
}

async function expectNothingClipped(boxes: Locator): Promise<void> {
  await poll(() => boxes.count()).toBeGreaterThan(0);
  const tops = await clippedTops(boxes);
  expect(tops.length).toBeGreaterThan(0);
  tops.forEach((top, index) => expect(top, `row ${index + 1}`).toBeLessThanOrEqual(0.5));
}

describe('rendering of question text', () => {
  test('the bank list, the question page and the editor: chemistry, blanks, clipped math, Hindi lists, broken formulas', async () => {
    for (const [size, viewport] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      const { context, page } = await openPage(viewport);
      await signIn(page);
      await page.goto(`/questions?q=${suffix}`);
      const table = page.getByRole('table', { name: 'Questions' });
      const stems = table.locator('tbody tr td:nth-child(2) a');
      await poll(() => stems.count()).toBe(3);
      await expectTypeset(table, 6);
      // The numerical blank stays in the plain-text preview.
      await poll(() => table.getByText(/is ____/).count()).toBe(1);
      await expectNothingClipped(stems);
      await shoot(page, `bank-list-${size}`);
      await context.close();
    }

    const { context, page } = await openPage(desktop);
    await signIn(page);

    // The question page: chemistry in both languages, the Hindi lists headed in Hindi.
    await page.goto(`/questions/${ids.matrix}`);
    const hindi = page.getByTestId('preview-hi');
    await hindi.getByText('सूची I', { exact: true }).waitFor();
    await hindi.getByText('सूची II', { exact: true }).waitFor();
    await expectTypeset(hindi, 2);
    await expectTypeset(page.getByTestId('preview-en'), 2);
    expect(await page.getByTestId('preview-en').getByText('List I', { exact: true }).count()).toBe(1);
    await shoot(page, 'matrix-question-desktop');

    // The editor's Hindi column heads its lists in Hindi too.
    await page.goto(`/questions/${ids.matrix}/edit`);
    await page.getByRole('heading', { name: 'Edit question' }).waitFor();
    const content = page.getByRole('region', { name: 'Content' });
    await content.getByText('सूची I', { exact: true }).first().waitFor();
    expect(await content.getByText('सूची II', { exact: true }).count()).toBeGreaterThan(0);
    expect(await content.getByText('List II', { exact: true }).count()).toBeGreaterThan(0);
    await shoot(page, 'matrix-editor-desktop');

    // A formula that cannot be read is marked at its field, and nothing is saved.
    await page.goto(`/questions/${ids.single}/edit`);
    await page.getByRole('heading', { name: 'Edit question' }).waitFor();
    const optionC = page.getByRole('textbox', { name: 'हिन्दी (Hindi) option C', exact: true });
    await optionC.fill('$\\frac{1}{$');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await poll(() => optionC.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await optionC.getAttribute('aria-describedby')) ?? '';
    const fieldError = page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('error'))}"]`);
    await poll(() => fieldError.innerText()).toMatch(/^The formula \$\\frac\{1\}\{\$ cannot be read: /);
    expect(await page.getByRole('dialog', { name: 'Save a new version' }).count()).toBe(0);
    // Clear of the sticky save bar, which covers the lower part of the screen.
    await optionC.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shoot(page, 'math-error-desktop', { isFullPage: false });
    await optionC.fill('$\\ce{NH3}$');
    await page.getByText('Ready to save').waitFor();
    await context.close();
  });

  test('the builder’s paper rows and bank panel keep formula tops, and the exam preview typesets chemistry', async () => {
    for (const [size, viewport] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      const { context, page } = await openPage(viewport);
      await signIn(page);
      await page.goto(`/exams/${ids.exam}`);
      const paper = page.getByTestId('paper-item');
      await poll(() => paper.count()).toBe(3);
      await expectTypeset(paper.first(), 3);
      await expectNothingClipped(paper.getByTestId('question-stem'));
      await page.getByRole('textbox', { name: 'Search the bank' }).fill(suffix);
      const bank = page.getByTestId('bank-list');
      await poll(() => bank.getByTestId('question-stem').count()).toBeGreaterThan(0);
      await expectNothingClipped(bank.getByTestId('question-stem'));
      await shoot(page, `builder-${size}`);
      await context.close();
    }

    const { context, page } = await openPage(desktop);
    await signIn(page);
    await page.goto(`/exams/${ids.exam}/preview`);
    // Candidates get their own question order: find the questions by their text.
    const questions = page.getByRole('article');
    await poll(() => questions.count()).toBe(3);
    await expectTypeset(questions.filter({ hasText: `Render ${suffix}` }), 8);
    await page.getByText('हिन्दी', { exact: true }).click();
    const matrix = questions.filter({ hasText: `मैट्रिक्स ${suffix}` });
    await matrix.getByText('सूची I', { exact: true }).waitFor();
    await matrix.getByText('सूची II', { exact: true }).waitFor();
    await expectTypeset(matrix, 2);
    await shoot(page, 'exam-preview-hi-desktop');
    await context.close();
  });
});
