// The first-day journey of issue 2, in a real browser against a real server: an institute admin
// creates a batch and a student, and that student signs in, replaces the temporary password and
// lands on their own dashboard. Screenshots of each screen go to .tmp/screenshots for review.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demo, demoStudent } from '../../server/src/seed/demo-accounts.js';
import { desktop, phone, useBrowserSuite } from '../support/browser-suite.js';

const { admin } = demo;

const { openPage, shoot } = useBrowserSuite('');

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
}

describe('new user journey', () => {
  test('admin creates a batch and a student; the student signs in, changes the password and sees their dashboard', async () => {
    const { context, page } = await openPage(desktop);
    const suffix = Date.now().toString(36).toUpperCase();
    const batch = { name: `Crash Course ${suffix}`, code: `CC-${suffix}` };
    const student = {
      name: `Kavya Nair ${suffix}`,
      email: `kavya.${suffix.toLowerCase()}@example.in`,
      rollNumber: `R-${suffix}`,
    };
    const newPassword = 'MyOwnPass#2027';

    // A visitor without a session is sent to sign in; a wrong password is explained, not hidden.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, admin.email, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Incorrect email or password');
    await shoot(page, 'login-error-desktop');

    await signIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: /Welcome back/ }).waitFor();
    await shoot(page, 'admin-dashboard-desktop');

    // Create a batch; the app opens the new batch's page.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Batches' })
      .click();
    await page.getByRole('button', { name: 'Create batch' }).first().click();
    const batchDialog = page.getByRole('dialog', { name: 'Create batch' });
    await batchDialog.getByLabel('Batch name').fill(batch.name);
    await batchDialog.getByLabel('Batch code').fill(batch.code);
    await batchDialog.getByRole('button', { name: 'Create batch' }).click();
    await page.getByRole('heading', { name: batch.name }).waitFor();
    await shoot(page, 'batch-detail-empty-desktop');

    // Add a student to it and read the temporary password, shown exactly once.
    await page.getByRole('button', { name: 'Add student' }).first().click();
    const studentDialog = page.getByRole('dialog', { name: 'Add student' });
    await studentDialog.getByLabel('Full name').fill(student.name);
    await studentDialog.getByLabel('Email').fill(student.email);
    await studentDialog.getByLabel('Roll number').fill(student.rollNumber);
    await studentDialog.getByRole('button', { name: 'Add student' }).click();
    const passwordDialog = page.getByRole('dialog', { name: 'Student added' });
    const temporaryPassword =
      (await passwordDialog.getByTestId('temporary-password').textContent())?.trim() ?? '';
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
    await shoot(page, 'temporary-password-desktop');
    await passwordDialog.getByRole('button', { name: 'Done' }).click();
    await page.getByText(student.email).waitFor();
    await shoot(page, 'batch-detail-desktop');

    await signOut(page);

    // The student's first sign-in insists on a password of their own before anything else.
    await signIn(page, student.email, temporaryPassword);
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await shoot(page, 'force-password-change-desktop');
    await page.getByLabel('Temporary password').fill(temporaryPassword);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();

    await page.getByRole('heading', { name: `Welcome, ${student.name}` }).waitFor();
    await page.getByText(batch.name).waitFor();
    await page.getByText(student.rollNumber).waitFor();
    await shoot(page, 'student-dashboard-desktop');

    // The new password is the one that works from now on.
    await signOut(page);
    await signIn(page, student.email, newPassword);
    await page.getByRole('heading', { name: `Welcome, ${student.name}` }).waitFor();
    await context.close();
  });

  test.each([
    ['desktop', desktop],
    ['phone', phone],
  ] as const)('main screens render on %s', async (label, viewport) => {
    const { context, page } = await openPage(viewport);
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shoot(page, `login-${label}`);

    await signIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: /Welcome back/ }).waitFor();
    await shoot(page, `admin-dashboard-${label}`);

    const screens: [string, string, string][] = [
      ['/batches', 'Batches', 'batches'],
      ['/staff', 'Staff', 'staff'],
      ['/students', 'Students', 'students'],
      ['/students/import', 'Import students', 'import'],
      ['/account', 'Account', 'account'],
    ];
    for (const [url, heading, name] of screens) {
      await page.goto(url);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
      await shoot(page, `${name}-${label}`);
    }

    await page.goto('/batches');
    await page.getByRole('link', { name: 'JEE 2027 Morning' }).click();
    await page.getByRole('heading', { name: /JEE 2027 Morning/ }).waitFor();
    await page.getByText('student1@demo.examtech.in').waitFor();
    await shoot(page, `batch-detail-seeded-${label}`);

    if (label === 'phone') {
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Students', exact: true })
        .waitFor();
      await shoot(page, 'navigation-open-phone');
      await page.getByRole('button', { name: 'Close navigation' }).click();
    }
    await signOut(page);

    for (const [email, password, name] of [
      [demo.teacher.email, demo.teacher.password, 'teacher'],
      [demoStudent(2).email, demoStudent(2).password, 'student'],
      [demo.operator.email, demo.operator.password, 'operator'],
    ] as const) {
      await signIn(page, email, password);
      await page.getByRole('heading', { name: name === 'operator' ? 'Institutes' : /Welcome/ }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
      await shoot(page, `${name}-home-${label}`);
      await signOut(page);
    }
    await context.close();
  });
});

describe('bulk student import', () => {
  test('a file with mistakes is rejected row by row; a correct file imports every student', async () => {
    const { context, page } = await openPage(desktop);
    const suffix = Date.now().toString(36);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: /Welcome back/ }).waitFor();
    await page.goto('/students/import');

    const header = 'name,email,roll_number,phone,batch_codes,password';
    const invalid = [
      header,
      `Ishaan Rao,ishaan.${suffix}@example.in,R1,,NO-SUCH-BATCH,`,
      `Tara Menon,not-an-email,R2,,JEE-2027-A,`,
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(invalid) });
    await page.getByRole('button', { name: 'Validate' }).click();
    const errors = page.getByRole('table', { name: 'Import errors' });
    await errors.waitFor();
    await expect.poll(() => errors.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Download error report' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await shoot(page, 'import-errors-desktop');

    await page.getByRole('button', { name: 'Remove file' }).click();
    const valid = [
      header,
      `Ishaan Rao,ishaan.${suffix}@example.in,R1-${suffix},,JEE-2027-A,`,
      `Tara Menon,tara.${suffix}@example.in,R2-${suffix},,JEE-2027-A,`,
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(valid) });
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('All rows are valid').waitFor();
    await page.getByRole('button', { name: 'Import 2 students' }).click();
    const imported = page.getByRole('table', { name: 'Imported students' });
    await imported.getByText(`tara.${suffix}@example.in`).waitFor();
    await shoot(page, 'import-done-desktop');
    await context.close();
  });
});
