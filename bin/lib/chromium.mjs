/**
 * Where Chromium is on this machine, and the flags it runs with: shared by the tests
 * (test/support/browsers.mjs), the benchmark and `privacy-elements audit`, so that all of them
 * drive the same browser. Nothing is downloaded.
 *
 * Order: CHROME_PATH, Debian's /usr/bin/chromium (or chromium-browser), then Playwright's own
 * Chromium if `npx playwright install chromium` put one there.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Thrown when no browser is installed; its message says what to install. */
export class MissingBrowser extends Error {}

/** Playwright's own build of `browserType` (playwright-core's `chromium`, …), if one is installed. */
export function playwrightOwn(browserType) {
  try {
    const path = browserType.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // this playwright-core has no browser of that kind installed
  }
}

/** The Chromium binary to launch; `chromium` is playwright-core's BrowserType, for its own build. */
export function findChromium(chromium) {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  const own = playwrightOwn(chromium);
  if (own) return own;
  throw new MissingBrowser(
    'No Chromium found. Install one of:\n' +
      '  - Debian/Ubuntu: apt-get install -y chromium\n' +
      "  - Playwright's own: npx playwright install chromium\n" +
      '  - or point CHROME_PATH at a Chromium or Chrome binary.',
  );
}
