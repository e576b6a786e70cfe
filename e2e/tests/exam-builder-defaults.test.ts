// Issue 15 ("Teachers and admins") in a real browser: a new blueprint rule starts at the section's
// subject, the bank panel starts at what the active section takes and refuses a question of a type
// it does not take, "submit after 0 violations" (never) saves, and Publish refuses while settings
// are unsaved and shows the settings it will freeze. Desktop (1366x768) and phone (390x844), the
// phone in Hindi too. Screenshots: .tmp/screenshots/builder-defaults-*.png.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demo } from '../../server/src/seed/demo-accounts.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { switchInterfaceLanguage } from '../support/ui-language.js';

const { teacher } = demo;
const desktop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

const suite = useBrowserSuite('builder-defaults-', { setup: () => prepareBank() });
const { openPage, shoot } = suite;

async function signInOverHttp(credentials: { email: string; password: string }) {
  const login = await fetch(`${suite.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${suite.baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} -> ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** A few Physics and Chemistry questions with stems the test can search for. */
async function prepareBank(): Promise<void> {
  const call = await signInOverHttp(teacher);
  const { subjects } = await call<{ subjects: { name: string; chapters: { topics: { id: string }[] }[] }[] }>(
    'GET',
    '/api/syllabus',
  );
  for (const name of ['Physics', 'Chemistry']) {
    const topicId = subjects.find((subject) => subject.name === name)?.chapters[0]?.topics[0]?.id;
    if (!topicId) throw new Error(`no topic for ${name}`);
    for (let i = 1; i <= 3; i++) {
      await call('POST', '/api/questions', {
        topicId,
        question: {
          type: 'mcq_single',
          difficulty: 'medium',
          tags: ['e2e'],
          options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
          content: {
            en: {
              stem: `Defaults ${name} single ${i}`,
              options: ['a', 'b', 'c', 'd'].map((id, index) => ({ id, text: `${i + index}` })),
            },
          },
          key: { optionId: 'a' },
        },
      });
    }
    await call('POST', '/api/questions', {
      topicId,
      question: {
        type: 'numerical',
        difficulty: 'medium',
        tags: ['e2e'],
        format: { integerOnly: true },
        content: { en: { stem: `Defaults ${name} integer 1` } },
        key: { kind: 'exact', value: 2 },
      },
    });
  }
}

async function createExam(title: string): Promise<string> {
  const call = await signInOverHttp(teacher);
  const { exam } = await call<{ exam: { id: string } }>('POST', '/api/exams', {
    title,
    templateId: 'jee_main_paper1',
  });
  return exam.id;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(teacher.email);
  await page.getByLabel('Password', { exact: true }).fill(teacher.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

async function openBuilder(page: Page, examId: string, title: string): Promise<void> {
  await page.goto(`/exams/${examId}`);
  await page.getByRole('heading', { name: title }).waitFor();
  await page.getByRole('tab', { name: /Physics Section A/ }).waitFor();
}

const bank = (page: Page) => page.getByRole('complementary', { name: 'Question bank' });

/** Searches the bank panel and waits until the list shows what matches. */
async function searchBank(page: Page, text: string, expected: number): Promise<Locator> {
  await bank(page).getByLabel('Search the bank', { exact: true }).fill(text);
  const items = bank(page).getByTestId('bank-item');
  await expect
    .poll(() =>
      bank(page)
        .getByText(/matching question/)
        .innerText(),
    )
    .toBe(`${expected} matching question${expected === 1 ? '' : 's'}`);
  return items;
}

/** A real pointer drag (dnd-kit needs 6 px to start), with a pause over the target before the drop. */
async function dragTo(page: Page, handle: Locator, target: Locator) {
  // The bank's first card sits low beside the paper: bring it to the bottom edge, the paper stays in view.
  await handle.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 4, from.y + from.height / 2 + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, { steps: 3 });
  await page.waitForTimeout(400);
  await page.mouse.up();
}

/** Checks the bank panel's default filter and that a numerical question is refused by Section A. */
async function checkBankPanel(page: Page, shotName: string, isDrag: boolean): Promise<void> {
  await bank(page).getByTestId('bank-section-filter').waitFor();
  expect(await bank(page).getByLabel('Subject', { exact: true }).inputValue()).toBe('Physics');
  // Physics, single-correct or assertion-reason: the Chemistry and integer questions are not offered.
  await searchBank(page, 'Defaults Chemistry', 0);
  const physics = await searchBank(page, 'Defaults Physics', 3);
  expect(await physics.filter({ hasText: 'integer' }).count()).toBe(0);
  await shoot(page, shotName);
  await physics
    .first()
    .getByRole('button', { name: /^Add to paper/ })
    .click();
  await expect.poll(() => page.getByTestId('paper-item').count()).toBe(1);

  // Widened by the teacher (types cleared), the integer question shows up, but Section A refuses it.
  await bank(page).getByLabel('Types', { exact: true }).press('Backspace');
  await bank(page).getByLabel('Types', { exact: true }).press('Backspace');
  await page.keyboard.press('Escape');
  const integer = (await searchBank(page, 'Defaults Physics integer', 1)).first();
  const refusal = page.getByText('Physics Section A does not take Numerical questions', { exact: false });
  if (isDrag) {
    const list = page.getByTestId('section-list');
    for (let attempt = 0; attempt < 3 && !(await refusal.first().isVisible()); attempt++) {
      await dragTo(page, integer.getByTestId('bank-drag-handle'), list);
      await page.waitForTimeout(300);
    }
  } else {
    await integer.getByRole('button', { name: /^Add to paper/ }).click();
  }
  await refusal.first().waitFor();
  expect(await page.getByTestId('paper-item').count()).toBe(1);
  await shoot(page, `${shotName}-refused`, { isFullPage: false });
}

/** "Add rule" in the blueprint starts at the section's subject, not "any subject". */
async function checkNewRule(page: Page, shotName: string, isRun = false): Promise<void> {
  await page.getByRole('button', { name: 'Auto-select' }).click();
  const dialog = page.getByRole('dialog', { name: 'Auto-select from a blueprint' });
  const physicsA = dialog.getByRole('button', { name: /^Physics Section A/ });
  await expect.poll(() => physicsA.innerText()).toContain('19 to select · 1 of 20 already in the paper');
  // Replacing empties the section, so its rule asks for the full count; unticked, for what is left.
  const replace = dialog.getByRole('checkbox', { name: /Replace the questions/ });
  await replace.check();
  await expect
    .poll(() => physicsA.innerText())
    .toContain('20 to select · the 1 in the paper will be replaced · 20 needed');
  await physicsA.scrollIntoViewIfNeeded();
  await shoot(page, `${shotName}-replace`, { isFullPage: false });
  await replace.uncheck();
  await expect.poll(() => physicsA.innerText()).toContain('19 to select');

  await dialog.getByRole('button', { name: 'Add rule' }).first().click();
  const rule = dialog.locator('[aria-label="Rule 2"]');
  await rule.waitFor();
  expect(await rule.getByLabel('Subject', { exact: true }).inputValue()).toBe('Physics');
  await rule.getByLabel('Questions', { exact: true }).fill('3');
  await expect.poll(() => physicsA.innerText()).toContain('22 to select');
  await rule.scrollIntoViewIfNeeded();
  await shoot(page, shotName, { isFullPage: false });
  if (!isRun) {
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    return;
  }
  // The small bank cannot fill Physics Section A: the first rule meets a real shortage, the second
  // finds that this auto-select itself took the Physics questions; each line says which.
  await dialog.getByRole('button', { name: 'Select questions' }).click();
  const shortfalls = dialog.getByTestId('shortfalls');
  await shortfalls.waitFor();
  // Physics Section A's group: its two rules, then the section itself.
  const physics = shortfalls.locator(':scope > li').filter({ hasText: 'Physics Section A' });
  await expect.poll(() => physics.locator('li').count()).toBe(3);
  const lines = await physics.locator('li').allInnerTexts();
  // The question added by hand is one of the bank's matches: the line says so.
  expect(lines[0]).toMatch(
    /^Physics: 19 needed, \d+ placed\. The bank has only \d+ matching questions\. Of those, 1 was already in the paper\.$/,
  );
  expect(lines[1]).toMatch(
    /^Physics: 3 needed, 0 placed\. The bank has \d+ matching, but this auto-select had already placed \d+ of them in this section and 0 in other sections\.$/,
  );
  expect(lines[2]).toMatch(/^The section holds \d+ of 20 questions: its rules fell short\.$/);
  await shoot(page, `${shotName}-shortfalls`, { isFullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** 0 violations (never) saves; unsaved changes stop Publish; the confirmation lists the settings. */
async function checkSettingsAndPublish(page: Page, shotName: string): Promise<void> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  const submitAfter = page.getByLabel('Submit automatically after (violations)', { exact: true });
  await page.getByText('0: never submit automatically').waitFor();
  await submitAfter.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Exam settings saved').first().waitFor();
  expect(await page.getByTestId('settings-unsaved').count()).toBe(0);

  // An unsaved change: Publish says so instead of freezing the old settings.
  await page.getByLabel('Warn after (violations)', { exact: true }).fill('7');
  await page.getByTestId('settings-unsaved').waitFor();
  await page.getByRole('tab', { name: 'Paper' }).click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const refused = page.getByRole('dialog', { name: 'Save the settings first' });
  await refused.getByText(/changes that are not saved/).waitFor();
  await shoot(page, `${shotName}-refused`, { isFullPage: false });
  await refused.getByRole('button', { name: 'Discard the changes' }).click();
  await refused.waitFor({ state: 'detached' });

  // Nothing unsaved now: the confirmation shows what will be frozen, 0 as "Never".
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Publish this exam?' });
  const summary = confirm.getByTestId('publish-settings');
  await summary.waitFor();
  const text = await summary.innerText();
  expect(text).toMatch(/Submit automatically after\s+Never/);
  expect(text).toMatch(/Warn after\s+3 violations/);
  await shoot(page, `${shotName}-confirm`, { isFullPage: false });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
}

describe('exam builder defaults and publish safety', () => {
  test('desktop: section defaults in auto-select and the bank, a refused drop, 0 violations, publish', async () => {
    const title = 'Defaults mock desktop';
    const examId = await createExam(title);
    const { context, page } = await openPage(desktop);
    await signIn(page);
    await openBuilder(page, examId, title);
    // Six sections are empty: the banner lists whole lines and offers the rest.
    const checker = page.getByTestId('checker-status');
    await checker.getByRole('button', { name: 'Show all 6' }).waitFor();
    // The issues themselves are the inner items; the outer ones are their sections' headings.
    const issues = checker.locator('li li');
    expect(await issues.count()).toBe(4);
    expect(await issues.first().innerText()).toBe('20 questions needed, 0 added');
    await shoot(page, 'checker-desktop', { isFullPage: false });
    await checkBankPanel(page, 'bank-desktop', true);
    await checker.getByRole('button', { name: 'Show all 6' }).click();
    await expect.poll(() => issues.count()).toBe(6);
    await checker.getByRole('button', { name: 'Show fewer' }).waitFor();
    await checkNewRule(page, 'new-rule-desktop', true);
    await checkSettingsAndPublish(page, 'publish-desktop');
    await context.close();
  });

  test('phone, in English and Hindi: the same defaults and refusals fit a 390 px screen', async () => {
    const title = 'Defaults mock phone';
    const examId = await createExam(title);
    const { context, page } = await openPage(phone);
    await signIn(page);
    await openBuilder(page, examId, title);
    await checkBankPanel(page, 'bank-phone', false);
    await checkNewRule(page, 'new-rule-phone');
    await checkSettingsAndPublish(page, 'publish-phone');

    await switchInterfaceLanguage(page, 'hi');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'यह परीक्षा प्रकाशित करें?' });
    await confirm.getByText('इसके साथ ये सेटिंग्स स्थिर हो जाएँगी:').waitFor();
    expect(await confirm.getByTestId('publish-settings').innerText()).toMatch(/स्वतः जमा\s+कभी नहीं/);
    await shoot(page, 'publish-phone-hi', { isFullPage: false });
    await confirm.getByRole('button', { name: /रद्द|Cancel/ }).click();
    await bank(page).getByTestId('bank-section-filter').scrollIntoViewIfNeeded();
    await shoot(page, 'bank-phone-hi');
    await context.close();
  });
});
