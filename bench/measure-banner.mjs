/**
 * One page load of one contender in a fresh browser context (empty cache, cookies and storage):
 * time to banner visible, long tasks, layout shifts and requests up to `settleMs` after it
 * showed, JS heap after a forced GC and the DOM nodes in the page, then a trusted mouse click
 * (CDP input events) on Accept all and the times until the decision is stored, the gated script
 * started, the banner is hidden and (ours) the endpoint answered for the consent record, with the
 * click's interaction-to-next-paint (Event Timing). With `returning`, the same page is then
 * loaded again in the same context, as a returning visitor with a stored decision: the time from
 * reading the consent cookie to the gated script starting.
 */
import { probe } from './probe.mjs';

const LONG_TASK_MS = 50;

/**
 * Nodes in the page (document, shadow roots, every node type: elements, text, comments), from
 * CDP's DOM tree, which pierces closed shadow roots too.
 */
export async function domNodes(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const count = { nodes: 0, elements: 0, text: 0, comments: 0 };
  const visit = (node) => {
    count.nodes++;
    if (node.nodeType === 1) count.elements++;
    else if (node.nodeType === 3) count.text++;
    else if (node.nodeType === 8) count.comments++;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) visit(child);
  };
  visit(root);
  return count;
}

/**
 * Nodes of a page's own markup: the same count on the page loaded with JavaScript off, so no
 * library has run. Each contender's page carries its library's markup (script tags, inline
 * configuration, a gated script, our `<cookie-banner>`), which differs between contenders and is
 * not what a banner adds.
 */
export async function markupNodes(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    return (await domNodes(cdp)).nodes;
  } finally {
    await context.close();
  }
}

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

export async function measureBannerLoad(browser, origin, contender, { throttle, settleMs, timeoutMs, returning = false }) {
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
      dom: throttle > 1 ? null : await domNodes(cdp),
      resources: shown.resources.filter((resource) => resource.start < windowEnd).map((resource) => resource.url),
      requestsBeforeVisible: shown.resources.filter((resource) => resource.start < shown.visibleAt).map((resource) => resource.url),
      problems,
      offsite,
    };
    result.accept = await acceptAll(page, contender, timeoutMs);
    if (returning && !result.accept.error) result.returning = await returningVisit(page, origin, contender, timeoutMs);
    return result;
  } finally {
    await context.close();
  }
}

const CLICK_ATTEMPTS = 3;
const CLICK_EFFECT_MS = 1500;
/** How long after the banner hid the bench waits for the click's Event Timing entries. */
const EVENT_TIMING_WAIT_MS = 150;

/** How long the pointer rests on the button before the press, and how long the press lasts. */
const HOVER_MS = 100;
const PRESS_MS = 80;

/**
 * A trusted left click at the middle of the element, as a person makes it: Playwright's mouse
 * sends CDP input events (move, press, release), which the page receives as isTrusted pointer,
 * mouse and click events with the browser's own hit testing. The pointer comes to rest on the
 * button first and the press lasts PRESS_MS, as with a hand on a mouse: a move, press and release
 * sent back to back made every click pay for the hover's frame (the button's :hover style) before
 * its pointerdown, except a click repeated where the pointer already was (tarteaucitron's, see
 * acceptAll), and a press of no length. Not element.click(), which skips input handling
 * altogether, and not locator.click(), whose actionability checks (stable for two frames, hit
 * target) cost seconds per run on a busy machine.
 */
export async function mouseClick(page, selector, timeoutMs) {
  const target = page.locator(selector).first();
  await target.waitFor({ state: 'attached', timeout: timeoutMs });
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(HOVER_MS);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: PRESS_MS });
}

async function acceptAll(page, contender, timeoutMs) {
  // A click that changes nothing within CLICK_EFFECT_MS is repeated: tarteaucitron, for one,
  // attaches its button handlers 500 ms after showing its banner and ignores earlier clicks.
  let clicks = 0;
  while (clicks < CLICK_ATTEMPTS) {
    try {
      await mouseClick(page, contender.accept, timeoutMs);
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
    ? () => window.__bench.gatedAt !== null && window.__bench.cookieAt !== null && window.__bench.recordAt !== null && window.__bench.hiddenAt !== null
    : () => window.__bench.gatedAt !== null && window.__bench.cookieAt !== null && window.__bench.hiddenAt !== null;
  const timedOut = await page.waitForFunction(done, null, { timeout: timeoutMs, polling: 20 }).then(
    () => false,
    () => true,
  );
  // Event Timing entries are queued after the next paint; two frames and a pause deliver them.
  await page.evaluate(
    (wait) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait)))),
    EVENT_TIMING_WAIT_MS,
  );
  const { pressAt, clickAt, cookieAt, gatedAt, recordAt, hiddenAt, events } = await page.evaluate(() => window.__bench);
  const since = (time) => (time === null || clickAt === null ? null : time - clickAt);
  // The interaction of the click that took effect: its events start at its pointerdown.
  const ofClick = events.filter((entry) => pressAt !== null && entry.start >= pressAt - 1);
  const result = {
    clicks,
    storedMs: since(cookieAt),
    gatedMs: since(gatedAt),
    hiddenMs: since(hiddenAt),
    recordMs: contender.recordEndpoint ? since(recordAt) : undefined,
    // No entry: the whole interaction took under the 16 ms threshold; counted as 16.
    inpMs: ofClick.length ? Math.max(...ofClick.map((entry) => entry.duration)) : 16,
    inpBelowThreshold: ofClick.length === 0,
    inpEvents: ofClick,
  };
  if (timedOut) {
    const missing = ['storedMs', 'gatedMs', 'hiddenMs', 'recordMs'].filter((name) => result[name] === null).map((name) => name.replace('Ms', ''));
    result.error = `after Accept all, no ${missing.join('/')} within ${timeoutMs} ms${clickAt === null ? ' (the click was not seen)' : ''}`;
  }
  return result;
}

/**
 * The same page again in the same context, so with the decision just stored: from the first read
 * of the consent cookie to the gated script starting (reading the decision, checking it, deciding
 * what runs), and from navigation start to the gated script.
 */
async function returningVisit(page, origin, contender, timeoutMs) {
  // Stored decisions are written by some libraries a moment after the click (debounced).
  await page.waitForTimeout(100);
  await page.goto(`${origin}/page/${contender.id}.html`, { waitUntil: 'commit' });
  const ran = await page
    .waitForFunction(() => window.__bench && window.__bench.gatedAt !== null, null, { timeout: timeoutMs, polling: 20 })
    .then(() => true, () => false);
  const { cookieReadAt, gatedAt, isolated } = await page.evaluate(() => ({ ...window.__bench, isolated: crossOriginIsolated }));
  if (!ran) return { error: `returning visit: the gated script did not run within ${timeoutMs} ms` };
  // Not cross-origin isolated (bench/server.mjs sends the headers), the timer has 100 µs steps.
  if (!isolated) return { error: 'returning visit: the page is not cross-origin isolated, so the timer is too coarse' };
  return { readToGatedMs: cookieReadAt === null ? null : gatedAt - cookieReadAt, navigationToGatedMs: gatedAt };
}
