import { chromium, type Browser } from 'playwright-core';

// The system Chromium (apt-get install chromium); Playwright's own download cannot run here. The
// background-networking flags stop Chromium from calling Google's hosts, which this network refuses.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A synthetic camera (a moving test pattern) and an automatic "Allow" on the permission prompt, for
// pages that call getUserMedia. A test that needs a refusal makes getUserMedia reject in the page.
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** The camera's picture from a file (e2e/fixtures/*.mjpeg), played in a loop, instead of the pattern. */
export const fakeVideoArg = (file: string) => `--use-file-for-fake-video-capture=${file}`;

/**
 * The system Chromium, watching every page for Content-Security-Policy violations: the server's CSP
 * must let the app run whole (KaTeX, the camera check, the service worker). Closing the browser
 * throws when any page saw one, which fails the test file's afterAll.
 */
export async function launchBrowser(
  options: { hasFakeCamera?: boolean; fakeVideoFile?: string } = {},
): Promise<Browser> {
  const cameraArgs = options.hasFakeCamera ? FAKE_MEDIA_ARGS : [];
  const videoArgs =
    options.hasFakeCamera && options.fakeVideoFile ? [fakeVideoArg(options.fakeVideoFile)] : [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...cameraArgs, ...videoArgs],
  });
  const violations = new Set<string>();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions) => {
    const context = await newContext(contextOptions);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    context.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /Content Security Policy|CSP violation/.test(text))
        violations.add(text);
    });
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async (closeOptions) => {
    await close(closeOptions);
    if (violations.size > 0)
      throw new Error(`Content-Security-Policy violations in the browser:\n${[...violations].join('\n')}`);
  };
  return browser;
}
