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

export function launchBrowser(options: { hasFakeCamera?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: options.hasFakeCamera ? [...CHROMIUM_ARGS, ...FAKE_MEDIA_ARGS] : CHROMIUM_ARGS,
  });
}
