#!/usr/bin/env node
/**
 * npm run bench: our <cookie-banner> side by side with peer consent libraries in one run, plus
 * <privacy-notice> render time and <rights-request-form> time to interactive.
 *
 *   node bench/run.mjs [--runs 12] [--throttled-runs N] [--element-runs 5] [--settle-ms 300]
 *                      [--timeout-ms 15000] [--only ours,klaro] [--no-elements] [--markdown]
 *
 * Needs `npm run build` first. Loads alternate between contenders (the order rotates every round)
 * so that a busy machine slows all of them alike; ratios measured in one run are what to compare.
 * Writes bench/results/<time>.json and results/latest.json; --markdown also rewrites
 * bench/RESULTS.md and bench/results/summary.json (the summary RESULTS.md refers to).
 * BENCH_RUNS and CHROME_PATH are read from the environment too.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browsers.mjs';
import { c15tBuild, contenders as allContenders, ourConfig, peerPackages } from './contenders.mjs';
import { buildC15t } from './peers.mjs';
import { benchPage, elementsPage } from './pages.mjs';
import { startServer } from './server.mjs';
import { domNodes, markupNodes, measureBannerLoad, openPage, retainedHeap } from './measure-banner.mjs';
import { probe } from './probe.mjs';
import { median } from './stats.mjs';
import { summarizeContender, tableRows } from './summary.mjs';
import { elementsText, markdownTable, notes, textTable } from './format.mjs';
import { benchElements } from './elements.mjs';
import { load, machine } from './machine.mjs';
import { resultsMarkdown } from './results-md.mjs';

const root = new URL('../', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '12' },
    'throttled-runs': { type: 'string' },
    'element-runs': { type: 'string', default: '5' },
    'settle-ms': { type: 'string', default: '300' },
    'timeout-ms': { type: 'string', default: '15000' },
    throttle: { type: 'string', default: '4' },
    only: { type: 'string' },
    'no-elements': { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  },
});
const runs = Number(options.runs);
const throttledRuns = Number(options['throttled-runs'] ?? runs);
const settleMs = Number(options['settle-ms']);
const timeoutMs = Number(options['timeout-ms']);
const throttle = Number(options.throttle);
const only = options.only?.split(',');
const contenders = only ? allContenders.filter((contender) => only.includes(contender.id)) : allContenders;

for (const file of ['dist/cookie-banner.js', 'dist/privacy-elements.js']) {
  if (!existsSync(`${root}${file}`)) {
    console.error(`bench: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const pages = new Map(contenders.map((contender) => [contender.id, benchPage({ title: `Bench: ${contender.label}`, ...contender })]));
pages.set('blank', benchPage({ title: 'Bench: blank' }));
pages.set('elements', elementsPage());
const formPage = (config) =>
  pages.set(
    'form',
    benchPage({
      title: 'Bench: form',
      head: '<script type="module" src="/dist/privacy-elements.js"></script>',
      body: `<rights-request-form></rights-request-form><script>document.querySelector('rights-request-form').config = ${JSON.stringify(config)};</script>`,
    }),
  );

const progress = (text) => process.stderr.write(text);
const started = Date.now();
const built = contenders.some((contender) => contender.id === 'c15t') ? await buildC15t(c15tBuild) : new Map();
const server = await startServer({ pages: (id) => pages.get(id), configs: { ours: ourConfig }, peers: peerPackages, built });
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
const loads = [load()];

try {
  progress(`bench: ${contenders.length} banners × (${runs} + ${throttledRuns} at ${throttle}× CPU) loads on ${server.origin}\n`);
  const blank = await blankBaseline(3);
  // Each page's own markup, counted with JavaScript off (the blank page's too, so that what the
  // probe adds cancels out): subtracted from "DOM nodes added by the banner".
  const markup = {};
  for (const id of ['blank', ...contenders.map((contender) => contender.id)]) markup[id] = await markupNodes(browser, `${server.origin}/page/${id}.html`);
  blank.markupNodes = markup;

  // One unmeasured load each: the server compresses the peers' files on first request, and
  // the browser's first pages pay for starting its processes.
  for (const contender of contenders) await measureBannerLoad(browser, server.origin, contender, { throttle: 1, settleMs, timeoutMs });

  const samples = new Map(contenders.map((contender) => [contender.id, []]));
  for (let round = 0; round < Math.max(runs, throttledRuns); round++) {
    // Rotating the order keeps any contender from always following the same one.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
    for (const rate of [1, throttle]) {
      if ((rate === 1 ? runs : throttledRuns) <= round) continue;
      for (const contender of order) {
        // The returning visit (stored decision read → gated script) is measured at 1× CPU.
        const sample = await measureBannerLoad(browser, server.origin, contender, { throttle: rate, settleMs, timeoutMs, returning: rate === 1 });
        samples.get(contender.id).push({ ...sample, throttle: rate, round });
      }
    }
    loads.push(load());
    progress(`round ${round + 1} done (load ${loads.at(-1)})\n`);
  }

  const summaries = contenders.map((contender) =>
    summarizeContender(contender, samples.get(contender.id), { bytesFor: server.bytesFor, blankHeapBytes: blank.heapBytes, blankNodes: blank.nodes, markupNodes: markup[contender.id] - markup.blank }),
  );
  const rows = tableRows(summaries);
  console.log(`\n${textTable(rows, summaries)}\n\n${notes(summaries, rows, blank)}\n`);

  const elements = options['no-elements']
    ? { notice: { skipped: '--no-elements' }, form: { skipped: '--no-elements' } }
    : await benchElements(browser, server.origin, { runs: Number(options['element-runs']), timeoutMs, settleMs, formPage });
  console.log(elementsText(elements));
  loads.push(load());

  const result = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machine(browser.version()), loadAverage: { samples: loads, median: median(loads) } },
    acceptEncodings: [...server.acceptEncodings],
    options: { runs, throttledRuns, throttle, settleMs, timeoutMs, elementRuns: Number(options['element-runs']) },
    seconds: Math.round((Date.now() - started) / 1000),
    blank,
    summaries,
    table: rows,
    elements,
    samples: Object.fromEntries(samples),
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  const json = JSON.stringify(result, null, 2);
  writeFileSync(`${root}bench/results/${result.date.replace(/[:.]/g, '-')}.json`, json);
  writeFileSync(`${root}bench/results/latest.json`, json);
  if (options.markdown) {
    const { samples: _all, ...summary } = result;
    writeFileSync(`${root}bench/results/summary.json`, JSON.stringify(summary, null, 2));
    writeFileSync(`${root}bench/RESULTS.md`, resultsMarkdown(result, markdownTable(rows, summaries), notes(summaries, rows, blank), elementsText(elements)));
  }
  console.log(`\nbench: ${result.seconds} s, load average ${loads.join(' → ')}; results in bench/results/latest.json${options.markdown ? ' and bench/RESULTS.md' : ''}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * The same page without any banner: its retained heap is the baseline for "heap above blank", and
 * its long tasks show what the page itself costs (parsing and first layout count too at 4× CPU).
 */
async function blankBaseline(count) {
  const heaps = [];
  const nodes = [];
  const longTasks = { 1: [], [throttle]: [] };
  for (let i = 0; i < count; i++) {
    for (const rate of [1, throttle]) {
      const { context, page, cdp } = await openPage(browser, { throttle: rate });
      try {
        await page.addInitScript(probe, { root: ['#no-banner'], cookie: '', recordEndpoint: null });
        await page.goto(`${server.origin}/page/blank.html`, { waitUntil: 'load' });
        await page.waitForTimeout(settleMs);
        longTasks[rate].push(await page.evaluate(() => window.__bench.longTasks.length));
        if (rate === 1) heaps.push(await retainedHeap(cdp));
        if (rate === 1) nodes.push((await domNodes(cdp)).nodes);
      } finally {
        await context.close();
      }
    }
  }
  return { heapBytes: median(heaps), nodes: median(nodes), longTasksMedian: median(longTasks[1]), throttledLongTasksMedian: median(longTasks[throttle]) };
}

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'vite.config.ts'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (+ uncommitted changes in src/)` : commit;
  } catch {
    return 'unknown';
  }
}
