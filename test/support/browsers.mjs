/**
 * Finds the browsers the test runner drives, without downloading any: CHROME_PATH, Debian's
 * /usr/bin/chromium, or Playwright's own install. Says what to install when none is found.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* playwright has no browser of its own installed */
  }
  throw new Error(
    'No Chromium found for the tests. Install one of:\n' +
      '  - Debian/Ubuntu: apt-get install -y chromium\n' +
      '  - Playwright\'s own: npx playwright install chromium\n' +
      '  - or point CHROME_PATH at a Chromium or Chrome binary.',
  );
}
