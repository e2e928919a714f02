/**
 * Runs in every bench page before any of the page's own scripts (Playwright init script), and
 * records into window.__bench what the runner reads back. Must stay self-contained: Playwright
 * sends the function's source text into the page.
 *
 * "Banner visible" is the same test for every library: on each animation frame, the banner's
 * first layer exists, has a non-empty box that overlaps the viewport, is not visibility:hidden,
 * and neither it nor an ancestor (through shadow hosts) is display:none or opacity 0 (for an
 * element in the page flow, such as the form, `inViewport: false` drops the viewport test). The time
 * is taken in the requestAnimationFrame callback of the first frame that paints it, so fade-ins
 * and slide-ins count from their first painted frame.
 */
export function probe({ root, cookie, recordEndpoint, inViewport = true }) {
  const bench = (window.__bench = {
    visibleAt: null,
    longTasks: [],
    frames: [],
    layoutShifts: [],
    pressAt: null,
    clickAt: null,
    cookieAt: null,
    gatedAt: null,
    recordAt: null,
    hiddenAt: null,
    cookieReadAt: null,
    events: [],
  });

  const find = () => {
    let scope = document;
    let element = null;
    for (const selector of root) {
      if (!scope) return null;
      element = scope.querySelector(selector);
      if (!element) return null;
      scope = element.shadowRoot;
    }
    return element;
  };

  const parentOf = (node) => (node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement);

  const isShown = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    const outside = box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth;
    if (inViewport && outside) return false;
    if (getComputedStyle(element).visibility === 'hidden') return false;
    for (let node = element; node; node = parentOf(node)) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || Number(style.opacity) === 0) return false;
    }
    return true;
  };

  const poll = () => {
    const element = find();
    if (element && isShown(element)) bench.visibleAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  const observe = (type, onEntry, options = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true, ...options });
    } catch {
      /* entry type not supported */
    }
  };
  observe('longtask', (entry) => bench.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  // Long animation frames name the scripts that ran in them: which code made a frame long.
  observe('long-animation-frame', (entry) =>
    bench.frames.push({
      start: entry.startTime,
      duration: entry.duration,
      scripts: entry.scripts.map((script) => ({ url: script.sourceURL, type: script.invokerType, duration: script.duration })),
    }),
  );
  observe('layout-shift', (entry) =>
    bench.layoutShifts.push({ start: entry.startTime, value: entry.value, hadRecentInput: entry.hadRecentInput }),
  );
  observe('resource', (entry) => {
    if (recordEndpoint && bench.clickAt !== null && bench.recordAt === null && entry.name.includes(recordEndpoint)) {
      bench.recordAt = entry.responseEnd;
    }
  });

  // Event Timing: every event of an interaction (pointerdown, pointerup, click) that took 16 ms
  // or more from input to the next paint. The largest duration among an interaction's events is
  // its interaction-to-next-paint; below 16 ms the browser reports no entry at all.
  observe(
    'event',
    (entry) =>
      entry.interactionId &&
      bench.events.push({ name: entry.name, interactionId: entry.interactionId, start: entry.startTime, duration: entry.duration }),
    { durationThreshold: 16 },
  );

  // "Banner hidden": the first animation frame after the Accept all click in which the first
  // layer is gone or fails the visibility test above.
  const pollHidden = () => {
    if (bench.hiddenAt !== null) return;
    const element = find();
    if (!element || !isShown(element)) bench.hiddenAt = performance.now();
    else requestAnimationFrame(pollHidden);
  };

  const noEffectYet = () => bench.cookieAt === null && bench.gatedAt === null && bench.recordAt === null;
  addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted && bench.visibleAt !== null && noEffectYet()) bench.pressAt = event.timeStamp;
    },
    true,
  );

  // Trusted clicks after the banner showed are the runner's Accept all clicks. The runner clicks
  // again when a click had no effect, so the time counts from the last click before an effect.
  addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && bench.visibleAt !== null && noEffectYet()) {
        bench.clickAt = event.timeStamp;
        bench.hiddenAt = null;
        requestAnimationFrame(pollHidden);
      }
    },
    true,
  );

  // "Decision read" (a returning visitor's load): the first read of document.cookie that returns
  // the library's consent cookie. "Decision stored": the first write of the library's consent cookie after that click.
  const cookieProperty = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: cookieProperty.enumerable,
    get() {
      const value = cookieProperty.get.call(this);
      if (bench.cookieReadAt === null && cookie && value.split(/;\s*/).some((pair) => pair.startsWith(`${cookie}=`))) bench.cookieReadAt = performance.now();
      return value;
    },
    set(value) {
      cookieProperty.set.call(this, value);
      const name = String(value).split('=')[0].trim();
      const deletion = /max-age=-|max-age=0\b|expires=thu, 01 jan 1970/i.test(String(value));
      if (bench.clickAt !== null && bench.cookieAt === null && name === cookie && !deletion) bench.cookieAt = performance.now();
    },
  });
}
