// The on-device face check (issue 14) in a real browser: on the pre-exam screen of an exam that
// needs the camera, the system check's "Face check" line says what the face model sees in the
// camera. One Chromium's camera plays a photograph of a face (e2e/fixtures/face.mjpeg), another's a
// blank picture (blank.mjpeg). The models and the WebAssembly runtime come from ExamTech itself:
// no request leaves the test server. Screenshots: .tmp/screenshots/face-check-*.png.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { signInApi } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { desktop, useBrowserSuite } from '../support/browser-suite.js';
import { createDrillChapter, signIn, student, teacher } from '../support/exam-room.js';

const suite = useBrowserSuite('face-check-');
const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);

let examId: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  const author = { call: await signInApi(suite.baseUrl, teacher.email, teacher.password) };
  const { questionIds } = await createDrillChapter(author, { chapter: 'Face drills', topic: 'Face topic' });
  const { exam } = await author.call<{
    exam: { id: string; draft: { instructions: object }; settings: { proctoring: object } };
  }>('POST', '/api/exams', { title: 'Proctored face drill' });
  examId = exam.id;
  await author.call('PUT', `/api/exams/${examId}/draft`, {
    title: 'Proctored face drill',
    durationMinutes: 60,
    lockedSections: false,
    instructions: exam.draft.instructions,
    sections: [
      {
        id: 'section-a',
        name: 'Section A',
        scheme: { correct: 3, wrong: -1 },
        allowedTypes: ['mcq_single', 'numerical'],
        questionCount: 2,
        shuffleQuestions: false,
        shuffleOptions: false,
        items: questionIds.slice(0, 2).map((questionId) => ({ questionId })),
      },
    ],
  });
  await author.call('PUT', `/api/exams/${examId}/settings`, {
    ...exam.settings,
    proctoring: { ...exam.settings.proctoring, webcamSnapshots: true },
  });
  await author.call('POST', `/api/exams/${examId}/publish`);
  const batches = await author.call<{ items: { id: string; code: string }[] }>('GET', '/api/batches');
  await author.call('PUT', `/api/exams/${examId}/schedule`, {
    mode: 'window',
    startsAt: new Date(suite.clock.now() + 60_000).toISOString(),
    windowEndsAt: new Date(suite.clock.now() + 3 * 3_600_000).toISOString(),
    batchIds: [batches.items.find((b) => b.code === 'JEE-2027-A')!.id],
    studentIds: [],
    registration: { required: false },
    accommodations: [],
  });
});

afterAll(async () => {
  // Each browser's close also fails the file on any CSP violation it saw.
  for (const browser of browsers) await browser.close();
});

describe('the face check on the pre-exam screen', () => {
  test.for([
    { video: 'face.mjpeg', candidate: 1, says: 'Face detected: 1', state: 'one' },
    { video: 'blank.mjpeg', candidate: 2, says: 'No face detected', state: 'none' },
    { video: 'two-faces.mjpeg', candidate: 3, says: 'Faces detected: 2', state: 'many' },
  ])('with $video as the camera it says “$says”', async ({ video, candidate, says, state }, { expect }) => {
    const browser = await launchBrowser({ hasFakeCamera: true, fakeVideoFile: fixture(video) });
    browsers.push(browser);
    const context = await browser.newContext({ viewport: desktop, baseURL: suite.baseUrl });
    const elsewhere: string[] = [];
    const faceFiles: { url: string; status: number; type: string; cache: string }[] = [];
    const warnings: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(suite.baseUrl) && !request.url().startsWith('data:'))
        elsewhere.push(request.url());
    });
    context.on('response', (response) => {
      if (response.url().includes('/assets/face-check-'))
        faceFiles.push({
          url: new URL(response.url()).pathname,
          status: response.status(),
          type: response.headers()['content-type'] ?? '',
          cache: response.headers()['cache-control'] ?? '',
        });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await signIn(page, student(candidate));
    await page.goto(`/exam/${examId}`);
    await page.getByTestId('camera-check').getByText('Working').waitFor();

    const faceCheck = page.getByTestId('face-check');
    // Loading the models and the first look take a few seconds on a busy 2-core machine.
    await faceCheck.getByText(says).waitFor({ timeout: 60_000 });
    expect(await faceCheck.getAttribute('data-state')).toBe(state);
    // It keeps looking, and keeps seeing the same: a few more frames do not change the answer.
    await page.waitForTimeout(3_000);
    expect(await faceCheck.getAttribute('data-state')).toBe(state);
    await suite.shoot(page, video.replace('.mjpeg', ''), { isFullPage: true });

    expect(elsewhere).toEqual([]);
    // Each is seen twice: the worker's request, answered by the service worker, and the service
    // worker's own request to the server (it keeps /assets/ files once fetched).
    expect([...new Set(faceFiles.map((file) => path.basename(file.url)))].sort()).toEqual(
      [
        'blazeface.bin',
        'blazeface.json',
        'facemesh.bin',
        'facemesh.json',
        'tfjs-backend-wasm-simd.wasm',
      ].sort(),
    );
    for (const file of faceFiles) {
      expect(file.status).toBe(200);
      expect(file.type).toMatch(/^application\/(json|octet-stream|wasm)/);
      // Named by their content: a candidate's browser keeps them for good.
      expect(file.cache).toContain('immutable');
    }
    expect(warnings.filter((text) => text.includes('face check'))).toEqual([]);
    await context.close();
  });
});
