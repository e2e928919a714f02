/**
 * Firefox for @web/test-runner without Playwright's patched build: a stock Firefox (Debian's
 * firefox-esr) driven over WebDriver BiDi by puppeteer-core, through @web/test-runner-chrome.
 * See ../../../shared/cross-browser.md, pitfalls F1–F6, and README.md ("Browser tests in Chromium, Firefox and WebKit").
 */
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

/**
 * The launcher reuses one tab for every test file (concurrency 1). A test that tabs past the page's
 * last control moves Firefox's focus into the browser's own interface, and it stays there for
 * that tab: every later file then runs in a document without focus, where focus() and blur() fire
 * no events and key presses go nowhere. Each file gets a new tab instead, which has focus, as
 * every file has in Chromium and WebKit; the used tab is closed once the new one runs.
 */
function newTabPerFile(launcher) {
  const startSession = launcher.startSession.bind(launcher);
  launcher.startSession = async (sessionId, url) => {
    // inactivePages: @web/test-runner-chrome 0.18's pool of used tabs, on about:blank
    const used = Array.isArray(launcher.inactivePages) ? launcher.inactivePages.splice(0) : [];
    try {
      return await startSession(sessionId, url);
    } finally {
      await Promise.all(used.map((page) => page.puppeteerPage.close()));
    }
  };
  return launcher;
}

/** @param {string} executablePath a stock Firefox binary */
export function firefoxLauncher(executablePath) {
  return newTabPerFile(
    chromeLauncher({
      puppeteer: puppeteerCore, // passing puppeteer makes the launcher "Firefox" and speak WebDriver BiDi
      launchOptions: {
        browser: 'firefox',
        executablePath,
        headless: true,
        // A download (the settings editor's) opens Firefox's downloads panel, which takes focus
        // from the page: later key presses then no longer activate buttons.
        extraPrefsFirefox: { 'browser.download.alwaysOpenPanel': false },
      },
      concurrency: 1, // F1: BiDi key presses do not reach pages in background tabs
    }),
  );
}
