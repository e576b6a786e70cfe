// `npm run bench:face`: the exam room's input latency with the face check on and off (issue 14: "it
// must not slow the exam room down"). A candidate in a practice test types an answer into the
// numerical question and presses keypad buttons while the camera (Chromium's fake camera playing
// e2e/fixtures/face.mjpeg) is open. "on" adds the face check exactly as face-monitor.ts runs it: the
// built face-worker chunk of web/dist as a module worker, a frame about once a second grabbed with
// createImageBitmap (at most 640 wide) and transferred, one frame in flight. The room does not start
// the monitor itself yet (the rest of issue 14 wires it), so the script starts it in the page.
//
// Latency of each input: from the event's timestamp to just after the next frame (a requestAnimationFrame
// callback, then a task), so waiting for a busy main thread, the handlers and the render all count; and
// the Event Timing API's own entries (it reports only events of 16 ms and more). Runs alternate off/on.
// Needs a built web app (npm run build). RUNS (default 3) and INPUTS (per run, default 120) tune it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signInApi } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { desktop } from '../support/browser-suite.js';
import {
  createDrillChapter,
  enterExam,
  paletteButton,
  signIn,
  student,
  teacher,
} from '../support/exam-room.js';
import { startTestServer } from '../support/server.js';

const RUNS = Number(process.env.RUNS ?? 3);
const INPUTS = Number(process.env.INPUTS ?? 120);
const distAssets = path.resolve(import.meta.dirname, '../../web/dist/assets');
const workerFile = readdirSync(distAssets).find((name) => /^face-worker-.*\.js$/.test(name));
if (!workerFile) throw new Error('web/dist has no face worker: run `npm run build` first');

interface RunResult {
  mode: 'off' | 'on';
  latencies: number[];
  /** The same, of key presses only and of keypad clicks only. */
  keys: number[];
  clicks: number[];
  /** Event Timing entries (>= 16 ms) of the inputs, by their duration. */
  slowEvents: number[];
  /** Long tasks (>= 50 ms) on the page's main thread while typing, by their duration. */
  longTasks: number[];
  framesLooked: number;
}

/** In the page: the camera in a video, the latency probes, and (on) the face check's loop. */
async function startProbes(page: Page, isMonitorOn: boolean, workerUrl: string): Promise<void> {
  // tsx keeps function names with a helper of its own, which the page does not have.
  await page.evaluate('window.__name = (fn) => fn');
  await page.evaluate(
    async ({ isMonitorOn, workerUrl }) => {
      const probe = {
        latencies: [] as number[],
        keys: [] as number[],
        clicks: [] as number[],
        slowEvents: [] as number[],
        longTasks: [] as number[],
        framesLooked: 0,
      };
      Object.assign(window, { probe });
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      video.style.cssText = 'position:fixed;right:0;bottom:0;width:160px;height:120px';
      document.body.append(video);
      await video.play();
      for (const type of ['keydown', 'pointerdown']) {
        document.addEventListener(
          type,
          (event) => {
            const start = event.timeStamp;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const latency = performance.now() - start;
                probe.latencies.push(latency);
                (type === 'keydown' ? probe.keys : probe.clicks).push(latency);
              };
              channel.port2.postMessage(null);
            });
          },
          { capture: true },
        );
      }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (['keydown', 'pointerdown', 'click', 'keyup', 'pointerup'].includes(entry.name))
            probe.slowEvents.push(entry.duration);
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      if (!isMonitorOn) return;
      // face-monitor.ts's loop, on the built worker.
      const worker = new Worker(workerUrl, { type: 'module' });
      await new Promise<void>((resolve, reject) => {
        worker.addEventListener('message', function onReady(event: MessageEvent<{ type: string }>) {
          worker.removeEventListener('message', onReady);
          if (event.data.type === 'ready') resolve();
          else reject(new Error(JSON.stringify(event.data)));
        });
      });
      let takenAt = 0;
      const send = async () => {
        const scale = Math.min(1, 640 / video.videoWidth);
        takenAt = Date.now();
        const frame = await createImageBitmap(video, {
          resizeWidth: Math.round(video.videoWidth * scale),
          resizeHeight: Math.round(video.videoHeight * scale),
          resizeQuality: 'low',
        });
        worker.postMessage({ frame }, [frame]);
      };
      worker.addEventListener('message', (event: MessageEvent<{ type: string; faces?: unknown[] }>) => {
        if (event.data.type !== 'faces') throw new Error(JSON.stringify(event.data));
        probe.framesLooked += 1;
        setTimeout(() => void send(), Math.max(0, 1_000 - (Date.now() - takenAt)));
      });
      void send();
    },
    { isMonitorOn, workerUrl },
  );
}

async function runOnce(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  baseUrl: string,
  examId: string,
  mode: 'off' | 'on',
): Promise<RunResult> {
  const context = await browser.newContext({ viewport: desktop, baseURL: baseUrl });
  const page = await context.newPage();
  await signIn(page, student(1));
  await enterExam(page, examId);
  // A practice test orders its questions by itself: find the numerical one.
  const input = page.getByLabel('Numerical answer');
  for (let n = 1; n <= 5 && !(await input.isVisible()); n++) {
    await paletteButton(page, n).click();
    await page.getByRole('article', { name: `Question ${n}` }).waitFor();
  }
  await input.waitFor();
  await startProbes(page, mode === 'on', `/assets/${workerFile}`);
  // The camera, and the face check's first frames, settle before anything is measured.
  await page.waitForTimeout(3_000);
  await page.evaluate(() => {
    const probe = (window as unknown as { probe: Record<string, number[]> }).probe;
    for (const list of ['latencies', 'keys', 'clicks', 'slowEvents', 'longTasks']) probe[list]!.length = 0;
  });
  await input.focus();
  // Typing: four digits then four backspaces, over and over; every fourth input a keypad button.
  for (let i = 0; i < INPUTS; i++) {
    if (i % 4 === 3) await page.getByRole('button', { name: `Key ${i % 10}` }).click();
    else await page.keyboard.press(Math.floor(i / 8) % 2 === 0 ? String(i % 10) : 'Backspace');
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(500);
  const probe = await page.evaluate(() => (window as unknown as { probe: Omit<RunResult, 'mode'> }).probe);
  await context.close();
  return { mode, ...probe };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const server = await startTestServer();
const browser = await launchBrowser({
  hasFakeCamera: true,
  fakeVideoFile: path.resolve(import.meta.dirname, '../fixtures/face.mjpeg'),
});
try {
  const author = { call: await signInApi(server.baseUrl, teacher.email, teacher.password) };
  const { chapterId } = await createDrillChapter(author, { chapter: 'Latency drills', topic: 'Latency' });
  const candidate = await signInApi(server.baseUrl, student(1).email, student(1).password);
  const results: RunResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const mode of run % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const { practiceTest } = await candidate<{ practiceTest: { id: string } }>(
        'POST',
        '/api/practice-tests',
        {
          scope: 'chapter',
          chapterIds: [chapterId],
          questionCount: 5,
          difficulty: 'mixed',
          durationMinutes: 30,
        },
      );
      const result = await runOnce(browser, server.baseUrl, practiceTest.id, mode);
      results.push(result);
      console.log(
        `run ${run + 1} ${mode.padEnd(3)}: ${result.latencies.length} inputs, p50 ${ms(percentile(result.latencies, 50))}, ` +
          `p95 ${ms(percentile(result.latencies, 95))}, max ${ms(Math.max(...result.latencies))}; ` +
          `Event Timing >= 16 ms: ${result.slowEvents.length} (p95 ${ms(percentile(result.slowEvents, 95))}); ` +
          `long tasks: ${result.longTasks.length}; frames looked at: ${result.framesLooked}`,
      );
    }
  }
  const pooled = (mode: 'off' | 'on') => results.filter((r) => r.mode === mode).flatMap((r) => r.latencies);
  const off = pooled('off');
  const on = pooled('on');
  console.log(`\nall runs (${off.length} / ${on.length} inputs):`);
  for (const p of [50, 95]) {
    const [a, b] = [percentile(off, p), percentile(on, p)];
    console.log(`  p${p}: off ${ms(a)}, on ${ms(b)}, on/off ${(b / a).toFixed(2)}`);
  }
  for (const kind of ['keys', 'clicks'] as const) {
    const [a, b] = (['off', 'on'] as const).map((mode) =>
      results.filter((r) => r.mode === mode).flatMap((r) => r[kind]),
    );
    console.log(
      `  ${kind}: p50 off ${ms(percentile(a!, 50))} on ${ms(percentile(b!, 50))}, ` +
        `p95 off ${ms(percentile(a!, 95))} on ${ms(percentile(b!, 95))}`,
    );
  }
  const all = (mode: 'off' | 'on', key: 'slowEvents' | 'longTasks') =>
    results.filter((r) => r.mode === mode).flatMap((r) => r[key]);
  for (const key of ['slowEvents', 'longTasks'] as const) {
    const [a, b] = [all('off', key), all('on', key)];
    console.log(
      `  ${key === 'slowEvents' ? 'Event Timing entries >= 16 ms' : 'long tasks >= 50 ms'}: ` +
        `off ${a.length} (p95 ${ms(percentile(a, 95))}), on ${b.length} (p95 ${ms(percentile(b, 95))})`,
    );
  }
  console.log(
    `  frames looked at while on: ${results.filter((r) => r.mode === 'on').reduce((n, r) => n + r.framesLooked, 0)}`,
  );
} finally {
  await browser.close();
  await server.stop();
}
