// The exam room's browser tests: the shared browser-suite frame (one test server and Chromium per file), the demo accounts, a chapter
// of drill questions made through the API, and the candidate's moves in the NTA-style room.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { demo, demoStudent } from '../../server/src/seed/demo-accounts.js';
import { signInApi } from './api.js';
import { useBrowserSuite } from './browser-suite.js';
import type { TestClock } from '../../server/test/support/test-clock.js';

export const desktop = { width: 1280, height: 800 };
export const tablet = { width: 1024, height: 768 };

export interface Credentials {
  email: string;
  password: string;
}
export const teacher: Credentials = demo.teacher;
export const student = (n: number): Credentials => demoStudent(n);

/** A signed-in HTTP client, as the web app is: session cookie plus the CSRF header on writes. */
export interface Client {
  call: Awaited<ReturnType<typeof signInApi>>;
}

/** GET /api/attempts/:id/state (and the start response). */
export interface State {
  attempt: {
    id: string;
    status: string;
    deadlineAt: string;
    submitReason: 'candidate' | 'deadline' | null;
    sections: { sectionId: string; opensAt: string; closesAt: string }[];
  };
  answers: {
    questionId: string;
    answer: unknown;
    state: string;
    seq: number;
    visits: number;
    timeSpentMs: number;
  }[];
}

export interface SaveResult {
  questionId: string;
  seq: number;
  status: 'saved' | 'superseded' | 'rejected';
  code?: string;
}

export interface ExamRoomSuite {
  signInOverHttp: (credentials: Credentials) => Promise<Client>;
  openPage: (
    viewport: { width: number; height: number },
    options?: BrowserContextOptions,
  ) => Promise<{ context: BrowserContext; page: Page }>;
  /** Saves `<prefix><name>.png` (the viewport, or the whole page) once transitions have settled. */
  shoot: (page: Page, name: string, options?: { isFullPage?: boolean }) => Promise<void>;
  /** The server's clock; read it inside hooks and tests. */
  readonly clock: TestClock;
}

/** The shared browser-suite frame plus an HTTP client; call it at the top level of a test file. */
export function useExamRoomSuite(options: {
  prefix: string;
  /** Settings for the test server, e.g. a short SWEEPER_INTERVAL_MS. */
  serverEnv?: Record<string, string>;
  /** Chromium with a synthetic camera that is allowed without a prompt. */
  hasFakeCamera?: boolean;
}): ExamRoomSuite {
  const suite = useBrowserSuite(options.prefix, {
    ...(options.serverEnv ? { serverEnv: options.serverEnv } : {}),
    hasFakeCamera: options.hasFakeCamera ?? false,
  });
  return {
    async signInOverHttp(credentials) {
      return { call: await signInApi(suite.baseUrl, credentials.email, credentials.password) };
    },
    openPage: (viewport, contextOptions) => suite.openPage(viewport, contextOptions),
    // The exam room is a fixed-height screen: its pictures are the viewport unless asked otherwise.
    shoot: (page, name, { isFullPage = false } = {}) => suite.shoot(page, name, { isFullPage }),
    get clock() {
      return suite.clock;
    },
  };
}

/**
 * A chapter of its own under Physics (so a practice test on it holds exactly these questions): four
 * single-correct questions (key: option b, English and Hindi, with math) and one integer question
 * (key 42), in this order in `questionIds`.
 */
export async function createDrillChapter(
  author: Client,
  names: { chapter: string; topic: string },
): Promise<{ chapterId: string; questionIds: string[] }> {
  const tree = await author.call<{ subjects: { id: string; name: string }[] }>('GET', '/api/syllabus');
  const physicsId = tree.subjects.find((s) => s.name === 'Physics')!.id;
  const chapter = (
    await author.call<{ node: { id: string } }>('POST', '/api/syllabus/nodes', {
      kind: 'chapter',
      parentId: physicsId,
      name: names.chapter,
    })
  ).node;
  const topicId = (
    await author.call<{ node: { id: string } }>('POST', '/api/syllabus/nodes', {
      kind: 'topic',
      parentId: chapter.id,
      name: names.topic,
    })
  ).node.id;
  const questionIds: string[] = [];
  const create = async (question: unknown) => {
    const created = await author.call<{ question: { id: string } }>('POST', '/api/questions', {
      question,
      topicId,
    });
    questionIds.push(created.question.id);
  };
  for (let i = 1; i <= 4; i++) {
    const options = ['a', 'b', 'c', 'd'].map((id, k) => ({ id, text: `$${i + k}\\,\\text{m/s}$` }));
    await create({
      type: 'mcq_single',
      difficulty: 'medium',
      tags: ['e2e'],
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      key: { optionId: 'b' },
      content: {
        en: {
          stem: `Exam room question ${i}: a body moves with $v = ${i} + t^2$. Find $v$ at $t = 1$.`,
          options,
          solution: `Substitute: $v = ${i + 1}\\,\\text{m/s}$.`,
        },
        hi: { stem: `परीक्षा प्रश्न ${i}: $v = ${i} + t^2$ है। $t = 1$ पर $v$ ज्ञात कीजिए।`, options },
      },
    });
  }
  await create({
    type: 'numerical',
    difficulty: 'medium',
    tags: ['e2e'],
    format: { integerOnly: true },
    key: { kind: 'exact', value: 42 },
    content: { en: { stem: 'Exam room numerical: what is $6 \\times 7$?', solution: '$6 \\times 7 = 42$' } },
  });
  return { chapterId: chapter.id, questionIds };
}

export async function signIn(page: Page, credentials: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

/**
 * Pre-exam screen -> Start; returns the attempt id from the start response. `beforeStart` runs once
 * the system check is shown (e.g. a screenshot). Start waits for the exam's start time.
 */
export async function enterExam(
  page: Page,
  examId: string,
  beforeStart?: () => Promise<void>,
): Promise<string> {
  await page.goto(`/exam/${examId}`);
  await page.getByText('I have read and understood the instructions').waitFor();
  await page.getByRole('list', { name: 'System check' }).waitFor();
  if (beforeStart) await beforeStart();
  await page.getByText('I have read and understood the instructions').click();
  await agreeToProctoring(page);
  const started = page.waitForResponse((response) => response.url().endsWith(`/api/exams/${examId}/start`));
  await page.getByRole('button', { name: 'I am ready to begin' }).click();
  const state = (await (await started).json()) as State;
  // The room is up: its palette, or on a phone (where the palette waits in a drawer) its header.
  await palette(page).or(page.getByTestId('compact-header')).waitFor();
  return state.attempt.id;
}

/** Ticks the proctoring consent, which an exam that keeps webcam or screen images asks for. */
export async function agreeToProctoring(page: Page): Promise<void> {
  const consent = page.getByLabel('I understand what is recorded and agree to it for this exam.');
  if ((await consent.count()) > 0) await consent.check();
}

export const palette = (page: Page) => page.getByRole('navigation', { name: 'Question palette' });
export const paletteButton = (page: Page, n: number) =>
  palette(page).getByRole('button', { name: new RegExp(`^Question ${n},`) });

/** Answers the question on screen: an option by number, or the keypad for a numerical question. */
export async function answerCurrent(page: Page, option: number): Promise<void> {
  const numeric = page.getByLabel('Numerical answer');
  if (await numeric.isVisible()) {
    await page.getByRole('button', { name: 'Key 4' }).click();
    await page.getByRole('button', { name: 'Key 2' }).click();
    expect(await numeric.inputValue()).toBe('42');
  } else {
    await page.getByRole('radio', { name: `Option ${option}` }).click();
  }
}

/** Waits for the header's sync badge to say every answer reached the server. */
export async function expectAllSaved(page: Page): Promise<void> {
  // Playwright's own wait rather than expect.poll, so concurrent tests can use it too.
  await page
    .getByTestId('sync-status')
    .getByText('All answers saved', { exact: true })
    .waitFor({ timeout: 15_000 });
}

/** Submit, then "Yes, submit" in the confirmation. */
export async function submitExam(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Submit the exam?' })
    .getByRole('button', { name: 'Yes, submit' })
    .click();
}
