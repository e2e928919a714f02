/**
 * One page load of one contender in a fresh browser context (empty cache, cookies and storage):
 * time to banner visible, long tasks, layout shifts and requests up to `settleMs` after it
 * showed, JS heap after a forced GC, then a click on Accept all and the times until the decision
 * is stored, the gated script ran and (ours) the endpoint answered for the consent record.
 */
import { probe } from './probe.mjs';

const LONG_TASK_MS = 50;

/** Heap in use after a full GC (CDP), in bytes: what the page keeps, not garbage not yet collected. */
export async function retainedHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
}

export async function openPage(browser, { throttle = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  // Passive: intercepting requests (page.route) would add a round trip through Node to each one.
  const offsite = [];
  page.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (/^https?:$/.test(protocol) && hostname !== '127.0.0.1') offsite.push(request.url());
  });
  return { context, page, cdp, problems, offsite };
}

export async function measureBannerLoad(browser, origin, contender, { throttle, settleMs, timeoutMs }) {
  const { context, page, cdp, problems, offsite } = await openPage(browser, { throttle });
  try {
    await page.addInitScript(probe, { root: contender.root, cookie: contender.cookie, recordEndpoint: contender.recordEndpoint ?? null });
    await page.goto(`${origin}/page/${contender.id}.html`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__bench && window.__bench.visibleAt !== null, null, { timeout: timeoutMs, polling: 50 });
    } catch {
      return { error: `banner not visible within ${timeoutMs} ms`, problems, offsite };
    }
    await page.waitForTimeout(settleMs);
    const shown = await page.evaluate(() => ({
      ...window.__bench,
      resources: performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, start: entry.startTime, initiator: entry.initiatorType })),
    }));
    const windowEnd = shown.visibleAt + settleMs;
    const longTasks = shown.longTasks.filter((task) => task.start < windowEnd);
    // Every script on these pages sets up or runs the banner; the blank page runs none.
    const scripts = shown.frames.filter((frame) => frame.start < windowEnd).flatMap((frame) => frame.scripts);
    const result = {
      visibleMs: shown.visibleAt,
      longTasks: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
      // Total blocking time as Lighthouse counts it, from navigation start to the end of the window.
      tbtMs: longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - LONG_TASK_MS), 0),
      longestScriptMs: Math.max(0, ...scripts.map((script) => script.duration)),
      cls: shown.layoutShifts.filter((shift) => !shift.hadRecentInput && shift.start < windowEnd).reduce((sum, shift) => sum + shift.value, 0),
      // Once, unthrottled: a forced GC is slow at 4× CPU and the heap does not depend on it.
      heapBytes: throttle > 1 ? null : await retainedHeap(cdp),
      resources: shown.resources.filter((resource) => resource.start < windowEnd).map((resource) => resource.url),
      requestsBeforeVisible: shown.resources.filter((resource) => resource.start < shown.visibleAt).map((resource) => resource.url),
      problems,
      offsite,
    };
    result.accept = await acceptAll(page, contender, timeoutMs);
    return result;
  } finally {
    await context.close();
  }
}

const CLICK_ATTEMPTS = 3;
const CLICK_EFFECT_MS = 1500;

async function acceptAll(page, contender, timeoutMs) {
  // A click that changes nothing within CLICK_EFFECT_MS is repeated: tarteaucitron, for one,
  // attaches its button handlers 500 ms after showing its banner and ignores earlier clicks.
  let clicks = 0;
  while (clicks < CLICK_ATTEMPTS) {
    try {
      // The banner has been shown for settleMs already; skipping Playwright's actionability checks
      // (stable for two frames, hit target) saves seconds per run on a busy machine.
      await page.locator(contender.accept).first().click({ timeout: timeoutMs, force: true });
      clicks++;
    } catch (error) {
      return { error: `could not click Accept all: ${error.message.split('\n')[0]}` };
    }
    const effect = await page
      .waitForFunction(() => window.__bench.cookieAt !== null || window.__bench.gatedAt !== null || window.__bench.recordAt !== null, null, {
        timeout: CLICK_EFFECT_MS,
        polling: 20,
      })
      .then(() => true, () => false);
    if (effect) break;
  }
  const done = contender.recordEndpoint
    ? () => window.__bench.gatedAt !== null && window.__bench.cookieAt !== null && window.__bench.recordAt !== null
    : () => window.__bench.gatedAt !== null && window.__bench.cookieAt !== null;
  const timedOut = await page.waitForFunction(done, null, { timeout: timeoutMs, polling: 20 }).then(
    () => false,
    () => true,
  );
  const { clickAt, cookieAt, gatedAt, recordAt } = await page.evaluate(() => window.__bench);
  const since = (time) => (time === null || clickAt === null ? null : time - clickAt);
  const result = { clicks, storedMs: since(cookieAt), gatedMs: since(gatedAt), recordMs: contender.recordEndpoint ? since(recordAt) : undefined };
  if (timedOut) {
    const missing = ['storedMs', 'gatedMs', 'recordMs'].filter((name) => result[name] === null).map((name) => name.replace('Ms', ''));
    result.error = `after Accept all, no ${missing.join('/')} within ${timeoutMs} ms${clickAt === null ? ' (the click was not seen)' : ''}`;
  }
  return result;
}
