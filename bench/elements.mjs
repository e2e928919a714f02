/**
 * <privacy-notice> render time per configuration and <rights-request-form> time to interactive,
 * both from dist/privacy-elements.js. Elements or configurations that do not exist yet are
 * reported as skipped, so the bench picks them up by itself once they land.
 *
 * Notice render time: from appending the element (config already set) to the first animation
 * frame in which its shadow root has laid-out content, in a fresh page each time (cold templates).
 * Form time to interactive: from navigation start to the first frame with an enabled, visible
 * form control (the banners' visibility test, wherever on the page), the config set inline.
 */
import { openPage } from './measure-banner.mjs';
import { probe } from './probe.mjs';
import { median, percentile } from './stats.mjs';
import { formConfig, generatedNotice, seedConfigs } from './element-configs.mjs';

const FORM_CONTROL = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

async function definedElements(browser, origin, timeoutMs) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${origin}/page/elements.html`);
    await page.waitForFunction(() => customElements.get('cookie-banner'), null, { timeout: timeoutMs });
    return await page.evaluate(() => ({ notice: !!customElements.get('privacy-notice'), form: !!customElements.get('rights-request-form') }));
  } finally {
    await context.close();
  }
}

/**
 * Appends a notice with window.__config and waits for its first frame with content. Runs in the
 * page. `warm`: a first notice is rendered and removed before, so that the element's code chunk
 * and templates are loaded and the figure is the render alone.
 */
async function renderNotice({ timeoutMs, warm }) {
  if (warm) {
    const first = document.createElement('privacy-notice');
    first.config = window.__config;
    document.body.append(first);
    await new Promise((resolve) => {
      const wait = () => (first.shadowRoot?.querySelector('h1, h2, h3') ? resolve() : requestAnimationFrame(wait));
      requestAnimationFrame(wait);
    });
    first.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  const notice = document.createElement('privacy-notice');
  notice.config = window.__config;
  const start = performance.now();
  document.body.append(notice);
  const rendered = () =>
    notice.shadowRoot && [...notice.shadowRoot.children].some((child) => child.localName !== 'style' && child.getBoundingClientRect().height > 0);
  return new Promise((resolve) => {
    const poll = () => {
      // Checked first: the check forces layout, which belongs to the render time.
      const done = rendered();
      const now = performance.now();
      if (!done && now - start < timeoutMs) return requestAnimationFrame(poll);
      // Long task entries arrive after their task ends; give them one more task.
      setTimeout(() => {
        observer.disconnect();
        resolve({
          ms: done ? now - start : null,
          headings: notice.shadowRoot ? notice.shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6').length : 0,
          textLength: notice.shadowRoot ? notice.shadowRoot.textContent.length : 0,
          configProblems: (notice.configProblems ?? []).slice(0, 3),
          longTasks: longTasks.length,
          tbtMs: longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
        });
      }, 0);
    };
    requestAnimationFrame(poll);
  });
}

async function benchNotice(browser, origin, configs, { runs, timeoutMs }) {
  const results = [];
  for (const { name, config } of configs) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const { context, page, problems } = await openPage(browser);
      try {
        await page.goto(`${origin}/page/elements.html`);
        await page.waitForFunction(() => customElements.get('privacy-notice'), null, { timeout: timeoutMs });
        // Handed over first, so that copying a large config into the page is not part of the render.
        await page.evaluate((value) => {
          window.__config = value;
        }, config);
        const cold = await page.evaluate(renderNotice, { timeoutMs, warm: false });
        const warm = await page.evaluate(renderNotice, { timeoutMs, warm: true });
        samples.push({ ...cold, warmMs: warm.ms, warmTbtMs: warm.tbtMs, problems });
      } finally {
        await context.close();
      }
    }
    const times = samples.map((sample) => sample.ms);
    results.push({
      name,
      sections: config.notice?.sections?.length ?? 0,
      medianMs: median(times),
      p90Ms: percentile(times, 90),
      warmMedianMs: median(samples.map((sample) => sample.warmMs)),
      warmP90Ms: percentile(samples.map((sample) => sample.warmMs), 90),
      failures: times.filter((ms) => ms === null).length,
      headings: samples[0].headings,
      textLength: samples[0].textLength,
      medianTbtMs: median(samples.map((sample) => sample.tbtMs)),
      configProblems: samples[0].configProblems,
      problems: [...new Set(samples.flatMap((sample) => sample.problems))],
    });
  }
  return results;
}

async function benchForm(browser, origin, { runs, timeoutMs, settleMs }) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const { context, page, problems } = await openPage(browser);
    try {
      // The form sits below the page's content, outside the first viewport: rendered is enough.
      await page.addInitScript(probe, { root: ['rights-request-form', FORM_CONTROL], cookie: '', recordEndpoint: null, inViewport: false });
      await page.goto(`${origin}/page/form.html`, { waitUntil: 'commit' });
      const shown = await page
        .waitForFunction(() => window.__bench.visibleAt !== null, null, { timeout: timeoutMs, polling: 50 })
        .then(() => true, () => false);
      if (!shown) {
        samples.push({ ms: null, problems });
        continue;
      }
      await page.waitForTimeout(settleMs);
      const bench = await page.evaluate(() => window.__bench);
      const tasks = bench.longTasks.filter((task) => task.start < bench.visibleAt + settleMs);
      samples.push({ ms: bench.visibleAt, tbtMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0), problems });
    } finally {
      await context.close();
    }
  }
  const times = samples.map((sample) => sample.ms);
  return {
    medianMs: median(times),
    p90Ms: percentile(times, 90),
    failures: times.filter((ms) => ms === null).length,
    medianTbtMs: median(samples.map((sample) => sample.tbtMs)),
    problems: [...new Set(samples.flatMap((sample) => sample.problems))],
  };
}

const SLOPE_SIZES = [100, 250, 500];

/**
 * Least-squares line through (sections, warm median ms) of the grown notices: ms per section,
 * the intercept, and R² (1 = perfectly linear).
 */
function slope(results) {
  const points = results.filter((result) => result.warmMedianMs !== null).map((result) => [result.sections, result.warmMedianMs]);
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const msPerSection = sxy / sxx;
  const intercept = my - msPerSection * mx;
  const ssTotal = points.reduce((sum, [, y]) => sum + (y - my) ** 2, 0);
  const ssResidual = points.reduce((sum, [x, y]) => sum + (y - (intercept + msPerSection * x)) ** 2, 0);
  return { msPerSection, intercept, r2: ssTotal === 0 ? 1 : 1 - ssResidual / ssTotal, points };
}

/** Runs both element benches; `formPage(config)` puts the form page with that config on the server. */
export async function benchElements(browser, origin, { runs, timeoutMs, settleMs, formPage }) {
  const defined = await definedElements(browser, origin, timeoutMs);
  const seeds = seedConfigs();
  const out = { notice: null, form: null };

  if (!defined.notice) out.notice = { skipped: '<privacy-notice> not built yet (not defined by dist/privacy-elements.js)' };
  else if (seeds.length === 0) out.notice = { skipped: 'no seed configurations in demo/policies/*.json yet' };
  else {
    // Grown copies of the richest seed: the render time against the number of sections.
    const grown = SLOPE_SIZES.map((count) => generatedNotice(seeds, count));
    const configs = grown[0].error ? seeds : [...seeds, ...grown];
    out.notice = { runs, results: await benchNotice(browser, origin, configs, { runs, timeoutMs }) };
    if (grown[0].error) out.notice.generated = { skipped: grown[0].error };
    else out.notice.slope = slope(out.notice.results.filter((result) => /^\d+ sections/.test(result.name)));
  }

  if (!defined.form) out.form = { skipped: '<rights-request-form> not built yet (not defined by dist/privacy-elements.js)' };
  else {
    const chosen = formConfig(seeds);
    if (!chosen) out.form = { skipped: 'no configuration for <rights-request-form> found' };
    else {
      formPage(chosen.config);
      const result = await benchForm(browser, origin, { runs, timeoutMs, settleMs });
      out.form =
        result.failures === runs
          ? { skipped: `<rights-request-form> showed no enabled form control within ${timeoutMs} ms with ${chosen.name}`, problems: result.problems }
          : { runs, config: chosen.name, ...result };
    }
  }
  return out;
}
