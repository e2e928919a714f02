/**
 * Finds the browsers the test runner drives, without downloading any, and builds their launchers.
 *
 * - Chromium: CHROME_PATH, Debian's /usr/bin/chromium, or Playwright's own install.
 * - Firefox: FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox (driven over WebDriver BiDi by
 *   puppeteer-core), else Playwright's own Firefox.
 * - WebKit: Debian's WebKitGTK (WebKitWebDriver + MiniBrowser, under Xvfb), else Playwright's own WebKit.
 *
 * BROWSERS=chromium,firefox,webkit picks which ones run (default: all three). A wanted browser that
 * is not installed fails the run with what to install; see README.md ("Browser tests in Chromium, Firefox and WebKit").
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, firefox, webkit } from 'playwright-core';
import { CHROMIUM_ARGS, MissingBrowser, findChromium as findChromiumWith, playwrightOwn } from '../../bin/lib/chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The full path of a command on PATH, or undefined. */
function onPath(command) {
  if (command.includes('/')) return isFile(command) ? command : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isFile(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

export { CHROMIUM_ARGS };

/** Chromium for the tests: CHROME_PATH, Debian's, or Playwright's own (bin/lib/chromium.mjs). */
export function findChromium() {
  return findChromiumWith(chromium);
}

/** The oldest Firefox the puppeteer-core in use was tried with (cross-browser.md, pitfall F3). */
const FIREFOX_TRIED = 153;

function stockFirefox(path) {
  let major = NaN;
  try {
    major = Number(/(\d+)\./.exec(execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10000 }))?.[1]);
  } catch {
    /* no version: let the launch say what is wrong */
  }
  if (major < FIREFOX_TRIED) {
    console.warn(
      `Warning: ${path} is Firefox ${major}; the tests were tried with ${FIREFOX_TRIED} and newer. If every file fails with ` +
        '"emulation.setScreenOrientationOverride: unknown command", upgrade it (Debian: the bookworm-security firefox-esr).',
    );
  }
  return { via: 'puppeteer', path };
}

/** { via: 'puppeteer', path } for a stock Firefox, or { via: 'playwright' } for Playwright's own. */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) {
    if (isFile(process.env.FIREFOX_PATH)) return stockFirefox(process.env.FIREFOX_PATH);
    throw new MissingBrowser(`FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.`);
  }
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (isFile(path)) return stockFirefox(path);
  if (playwrightOwn(firefox)) return { via: 'playwright' };
  throw new MissingBrowser(
    'No Firefox found for the tests. Install one of:\n' +
      '  - Debian: apt-get install -y firefox-esr   (ESR 153 or newer, from bookworm-security)\n' +
      "  - Playwright's own: npx playwright install firefox\n" +
      '  - or point FIREFOX_PATH at a Firefox binary.',
  );
}

/** { via: 'webkitgtk', driver, minibrowser } for Debian's WebKitGTK, or { via: 'playwright' }. */
export function findWebKit() {
  const driver = onPath(process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver');
  const minibrowser = process.env.WEBKIT_MINIBROWSER || MINIBROWSER;
  const gtkMissing = [];
  if (!driver) gtkMissing.push('WebKitWebDriver (package webkit2gtk-driver)');
  if (!isFile(minibrowser)) gtkMissing.push(`${minibrowser} (package libwebkit2gtk-4.1-0)`);
  if (!process.env.DISPLAY && !onPath('Xvfb')) gtkMissing.push('Xvfb (package xvfb), or a DISPLAY');
  if (gtkMissing.length === 0) return { via: 'webkitgtk', driver, minibrowser };
  if (playwrightOwn(webkit)) return { via: 'playwright' };
  throw new MissingBrowser(
    `No WebKit found for the tests (missing: ${gtkMissing.join('; ')}). Install one of:\n` +
      '  - Debian: apt-get install -y webkit2gtk-driver xvfb\n' +
      "  - Playwright's own: npx playwright install webkit",
  );
}

/** The engines named in BROWSERS (default: all three); unknown names are an error. */
export function wantedEngines(value = process.env.BROWSERS) {
  if (!value || !value.trim()) return [...ENGINES];
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`BROWSERS: unknown browser ${unknown.join(', ')}; use a comma list of ${ENGINES.join(', ')}.`);
  }
  return [...new Set(names)];
}

/**
 * Finds every wanted engine. Returns { found: { engine: location }, missing: [message] }, so the
 * config can report all missing browsers at once.
 */
export function locateBrowsers(engines) {
  const find = { chromium: findChromium, firefox: findFirefox, webkit: findWebKit };
  const found = {};
  const missing = [];
  for (const engine of engines) {
    try {
      found[engine] = find[engine]();
    } catch (error) {
      if (!(error instanceof MissingBrowser)) throw error;
      missing.push(error.message);
    }
  }
  return { found, missing };
}
