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

/**
 * The system Chromium, watching every page for Content-Security-Policy violations: the server's CSP
 * must let the app run whole (KaTeX, the camera check, the service worker). Closing the browser
 * throws when any page saw one, which fails the test file's afterAll.
 */
export async function launchBrowser(options: { hasFakeCamera?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: options.hasFakeCamera ? [...CHROMIUM_ARGS, ...FAKE_MEDIA_ARGS] : CHROMIUM_ARGS,
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
