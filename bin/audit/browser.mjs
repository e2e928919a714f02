/**
 * The browser of the audit: headless Chromium through playwright-core (an optional peer
 * dependency, so library users who never audit do not install it), found the way the tests find
 * it (bin/lib/chromium.mjs). Each profile is a new browser context, kept on the audited page.
 */
import { CHROMIUM_ARGS, MissingBrowser, findChromium } from '../lib/chromium.mjs';

/** The page cannot be audited; `message` says why. Exit code 2. */
export class CouldNotAudit extends Error {}

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new CouldNotAudit(
      'privacy-elements audit needs playwright-core, which is not installed. Install it next to privacy-elements:\n' +
        '  npm install --save-dev playwright-core',
    );
  }
}

export async function launchChromium() {
  const { chromium } = await loadPlaywright();
  let executablePath;
  try {
    executablePath = findChromium(chromium);
  } catch (error) {
    if (error instanceof MissingBrowser) throw new CouldNotAudit(error.message);
    throw error;
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

function isTopFrame(request) {
  try {
    return request.frame().parentFrame() === null;
  } catch {
    return false; // a service worker's request has no frame
  }
}

function withoutHash(url) {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * A fresh profile whose top-level page may load `url` (and what it redirects to on that first
 * load) and reload itself, but never navigate elsewhere: a link the page follows, a script that
 * sets location, or a pop-up. Each blocked attempt is noted in `blocked`.
 */
export async function newGuardedContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const guard = { pageUrl: undefined, blocked: [] };
  await context.route('**/*', (route) => {
    const request = route.request();
    const topLevel = request.isNavigationRequest() && isTopFrame(request);
    if (!topLevel || guard.pageUrl === undefined || withoutHash(request.url()) === guard.pageUrl) return route.continue();
    guard.blocked.push(request.url());
    // "204 No Content" leaves the page as it is; aborting would show an error page instead.
    return route.fulfill({ status: 204 });
  });
  context.on('page', (page) => {
    if (guard.pageUrl === undefined) return;
    guard.blocked.push(`pop-up ${page.url()}`);
    void page.close();
  });
  return {
    context,
    blockedNavigations: guard.blocked,
    /** From now on the page stays at `url` (the address it ended up at after redirects). */
    stayOn(url) {
      guard.pageUrl = withoutHash(url);
    },
  };
}
