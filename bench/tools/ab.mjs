/**
 * A/B measurements of our banner between two (or more) checkouts, each served by its own bench
 * server from its own dist/, loads alternated in one browser. For a change too small for the
 * full bench's noise (issue 14: the returning visit and the click were tuned this way).
 *
 *   node bench/tools/ab.mjs returning <dir> [<dir> …]   stored decision read → gated script
 *   node bench/tools/ab.mjs click <dir> [<dir> …]       Accept all: input events, marks, effects
 *
 * Each <dir> is a checkout with bench/ and a built dist/ (`npm run build`); compare main with a
 * worktree, say. LOADS=40 (default 30) loads per checkout. The click mode prints, from the click
 * event's timestamp, when each pointer and mouse event reached the page, every `performance.mark`
 * named `pe:…` (add them to a temporary build to split our handler's time) and the bench's
 * effects (decision stored, gated script started, banner hidden); the click is the bench's own
 * (measure-banner.mjs mouseClick: the pointer rests on the button, then an 80 ms press).
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../test/support/browsers.mjs';
import { mouseClick } from '../measure-banner.mjs';

const [mode, ...dirs] = process.argv.slice(2);
if (!['returning', 'click'].includes(mode) || dirs.length === 0) {
  console.error('usage: node bench/tools/ab.mjs returning|click <dir> [<dir> …]');
  process.exit(2);
}
const loads = Number(process.env.LOADS ?? 30);

const variants = [];
for (const dir of dirs.map((d) => resolve(d))) {
  const { startServer } = await import(`${dir}/bench/server.mjs`);
  const { probe } = await import(`${dir}/bench/probe.mjs`);
  const { benchPage } = await import(`${dir}/bench/pages.mjs`);
  const { contenders, ourConfig } = await import(`${dir}/bench/contenders.mjs`);
  const ours = contenders.find((contender) => contender.id === 'ours');
  const page = benchPage({ title: 'A/B', ...ours });
  const server = await startServer({ pages: (id) => (id === 'ours' ? page : undefined), configs: { ours: ourConfig } });
  variants.push({ dir, ours, probe, server, rows: [] });
}

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  for (let round = 0; round < loads; round++) {
    // Alternating the order keeps either checkout from always coming first.
    for (const variant of round % 2 ? [...variants].reverse() : variants) variant.rows.push(await measure(variant));
  }
} finally {
  await browser.close();
  for (const { server } of variants) await server.close?.();
}

for (const { dir, rows } of variants) {
  console.log(`\n${dir} (${rows.length} loads, ms)`);
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const quantile = (name, q) => {
    const values = rows.map((row) => row[name]).filter((value) => value !== undefined).sort((a, b) => a - b);
    return values[Math.min(values.length - 1, Math.floor(values.length * q))];
  };
  names.sort((a, b) => quantile(a, 0.5) - quantile(b, 0.5));
  for (const name of names) console.log(`  ${name.padEnd(22)} median ${quantile(name, 0.5).toFixed(3)}  p25 ${quantile(name, 0.25).toFixed(3)}  p90 ${quantile(name, 0.9).toFixed(3)}`);
}
process.exit(0);

async function measure({ ours, probe, server }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe, { root: ours.root, cookie: ours.cookie, recordEndpoint: ours.recordEndpoint ?? null });
    await page.addInitScript(() => {
      window.__input = {};
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        addEventListener(type, (event) => event.isTrusted && (window.__input[type] = performance.now()), true);
      }
    });
    const url = `${server.origin}/page/ours.html`;
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.visibleAt !== null);
    await page.waitForTimeout(300);
    await mouseClick(page, ours.accept, 5000);
    await page.waitForFunction(() => window.__bench.gatedAt !== null && window.__bench.cookieAt !== null && window.__bench.hiddenAt !== null);
    if (mode === 'click') {
      return page.evaluate(() => {
        const bench = window.__bench;
        const since = (time) => time - bench.clickAt;
        const row = { stored: since(bench.cookieAt), gated: since(bench.gatedAt), hidden: since(bench.hiddenAt) };
        for (const [type, time] of Object.entries(window.__input)) row[`${type} seen`] = since(time);
        for (const mark of performance.getEntriesByType('mark')) {
          const name = mark.name.startsWith('pe:') && mark.name.slice(3);
          if (name && !(name in row) && mark.startTime >= bench.clickAt - 200) row[name] = since(mark.startTime);
        }
        return row;
      });
    }
    // Stored decisions are written by some libraries a moment after the click.
    await page.waitForTimeout(100);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.gatedAt !== null);
    return page.evaluate(() => ({ 'read → gated': window.__bench.gatedAt - window.__bench.cookieReadAt }));
  } finally {
    await context.close();
  }
}
