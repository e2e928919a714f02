/**
 * The consent-rates page (/admin/stats/) in Chromium, served by the reference server under its
 * strict CSP, reading GET /api/admin/consent-stats from a database seeded with two
 * configuration versions: token sign-in, chart, tables, suppression, version filter and the
 * comparison with the version before; the token never leaves memory unless asked; axe finds
 * nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN, launchBrowser, startServer, watchProblems } from './support.mjs';
import { openStorage } from '../../server/storage/index.js';

const V1 = 'banner-2026-09';
const V2 = 'banner-2026-10 <b>new text</b>'; // a version name is text, never markup
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = {};
before(async () => {
  env.dataDir = mkdtempSync(join(tmpdir(), 'privacy-e2e-stats-'));
  const storage = await openStorage({ dataDir: env.dataDir });
  const writes = [];
  const add = (day, configVersion, action, n) => {
    for (let i = 0; i < n; i++) {
      const categories = { necessary: true, statistics: action !== 'reject-all', marketing: action === 'accept-all' };
      writes.push(storage.addConsentRecord({
        schemaVersion: 'consent-record/1', receiptId: randomUUID(), consentId: randomUUID(), configVersion,
        contentHash: 'ab'.repeat(32), categories, action, timestamp: `${day}T12:00:00.000Z`,
        expiresAt: '2027-06-01T00:00:00.000Z', locale: 'en',
      }, `${day}T${String(i % 24).padStart(2, '0')}:30:00.000Z`));
    }
  };
  for (let d = 1; d <= 20; d++) {
    const day = `2026-10-${String(d).padStart(2, '0')}`;
    if (d <= 10) { add(day, V1, 'accept-all', 30); add(day, V1, 'reject-all', 15); add(day, V1, 'custom', 10); }
    else { add(day, V2, 'accept-all', 20); add(day, V2, 'reject-all', 25); add(day, V2, 'custom', 10); }
  }
  add('2026-10-21', V2, 'accept-all', 3);
  await Promise.all(writes);
  await storage.close();
  env.server = await startServer({ DATA_DIR: env.dataDir });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  rmSync(env.dataDir, { recursive: true, force: true });
});

/** Text of every cell of a table, row by row. */
const cells = (table) => table.locator('tr').evaluateAll((rows) =>
  rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())));

async function signIn(page, token, { remember = false } = {}) {
  await page.getByLabel('Admin token', { exact: true }).fill(token);
  if (remember) await page.getByLabel(/Keep it in this tab/).check();
  await page.getByRole('button', { name: 'Show consent rates' }).click();
}

async function showOctober(page, version = 'All versions') {
  await page.getByLabel('From (UTC day)', { exact: true }).fill('2026-10-01');
  await page.getByLabel('To (UTC day, included)', { exact: true }).fill('2026-10-31');
  await page.getByLabel('Configuration version', { exact: true }).selectOption({ label: version });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /from 2026-10-01 to 2026-10-31/ }).waitFor();
}

test('the stats page: sign in with the token, rates over time and per version, comparison, under the CSP', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${env.server.url}/admin/stats/`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'token', 'the token field has focus');

  await page.getByRole('button', { name: 'Show consent rates' }).click();
  await page.getByText('Enter the admin token.').waitFor();
  await signIn(page, 'not-the-token-0123456789-0123456789');
  await page.getByText(/This token was not accepted/).waitFor();
  assert.equal(await page.getByLabel('Admin token', { exact: true }).getAttribute('aria-invalid'), 'true');

  await signIn(page, ADMIN_TOKEN);
  await page.getByRole('heading', { name: 'Rates over time' }).waitFor();
  await showOctober(page);

  const chart = page.getByRole('img', { name: /^Rates over time, 2026-10-01 to 2026-10-31/ });
  assert.equal(await chart.count(), 1);
  assert.equal(await chart.locator('polyline').count(), 3, 'one unbroken line per answer over the 20 days with shares');
  assert.equal(await chart.locator('circle').count(), 20, 'a marker per day with an accept-all share');
  const versionLabels = chart.locator('.version-label');
  assert.equal(await versionLabels.count(), 1, 'the day the new version started is marked');
  assert.equal(await versionLabels.locator('title').textContent(), V2, 'with its full name');
  assert.ok((await versionLabels.textContent()).endsWith('banner-2026-10 <b>new t…'), 'shortened on the chart');

  await page.getByText('Rates per day as a table').click();
  const days = await cells(page.getByRole('table', { name: 'Rates per day' }));
  assert.deepEqual(days[0], ['Day (UTC)', 'Decisions', 'Accept all', 'Reject all', 'Customised', 'Withdrawals']);
  assert.deepEqual(days[1], ['2026-10-01', '55', '30 (54.5 %)', '15 (27.3 %)', '10 (18.2 %)', '0']);
  assert.deepEqual(days[21], ['2026-10-21', '< 10', '< 10', '< 10', '< 10', '0'], 'a day with 3 decisions shows no numbers');
  assert.equal(days.length, 22);

  const versions = await cells(page.getByRole('table', { name: 'Answers per configuration version' }));
  assert.deepEqual(versions.slice(1).map((row) => row.slice(0, 4)), [[V1, '2026-10-01', '2026-10-10', '550'], [V2, '2026-10-11', '2026-10-21', '553']]);
  assert.equal(await page.getByRole('img', { name: 'Answers per configuration version' }).locator('rect.bar-accept-all').count(), 2);

  const compare = await cells(page.getByRole('table', { name: `${V2} compared with ${V1}` }));
  assert.deepEqual(compare.slice(0, 5), [
    ['Measure', `Before: ${V1}`, `This: ${V2}`, 'Change'],
    ['Decisions', '550', '553', ''],
    ['Accept all', '54.5 %', '36.7 %', '−17.8 pp'],
    ['Reject all', '27.3 %', '45.2 %', '+17.9 pp'],
    ['Customised', '18.2 %', '18.1 %', '−0.1 pp'],
  ]);
  assert.deepEqual(compare.find((row) => row[0] === 'Granted: statistics'), ['Granted: statistics', '72.7 %', '54.8 %', '−17.9 pp']);
  await page.getByLabel('Version', { exact: true }).selectOption(V1);
  assert.equal(await page.getByRole('table', { name: `${V1} (no version before it in this range)` }).count(), 1);
  assert.equal(await page.locator('b').count(), 0, 'the version name stayed text');

  // The version filter: over time for the first version only.
  await showOctober(page, V1);
  assert.equal(await chart.locator('.version-label').count(), 0);
  const v1Days = await cells(page.getByRole('table', { name: 'Rates per day' }));
  assert.deepEqual([v1Days.length - 1, v1Days.at(-1)[0]], [10, '2026-10-10']);

  // The token was kept in memory only.
  assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length, document.cookie]), [0, 0, '']);
  await page.reload();
  await page.getByRole('button', { name: 'Show consent rates' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Rates over time' }).isVisible(), false, 'signed out after a reload');

  assert.deepEqual(problems.filter((problem) => !problem.startsWith('HTTP 401')), []);
  assert.equal(problems.length, 1, 'only the wrong token was refused');
  await context.close();
});

test('the stats page: "keep it in this tab" survives a reload, "Forget the token" removes it; axe finds nothing', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${env.server.url}/admin/stats/`);
  await page.evaluate(AXE);
  const axe = async (state) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], state);
  };
  await axe('sign-in');
  await signIn(page, ADMIN_TOKEN, { remember: true });
  await showOctober(page);
  await page.getByText('Rates per day as a table').click();
  await axe('report');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('privacy-elements-admin-token')), ADMIN_TOKEN);

  await page.reload();
  await page.getByRole('heading', { name: 'Rates over time' }).waitFor();
  await page.getByRole('button', { name: 'Forget the token' }).click();
  await page.getByRole('button', { name: 'Show consent rates' }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'token');
  assert.deepEqual(problems, []);
  await context.close();
});
