#!/usr/bin/env node
/**
 * Regenerates the staff console's screenshots in docs/screenshots/ (used by README.md, "Staff
 * console"): the real reference server (server/app.js, a throwaway SQLite database, a real SMTP
 * server on 127.0.0.1 for the verification e-mail) with a few requests and consent records, and
 * the console built from console/, photographed by Debian's Chromium through playwright-core.
 *
 *   node scripts/console-screenshots.mjs
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../server/app.js';
import { dueDate } from '../server/domain/dates.js';
import { newReference } from '../server/domain/reference.js';
import { freePort } from '../server/test/server-process.js';
import { startSmtpServer } from '../server/test/smtp.js';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browsers.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'docs/screenshots');
const PASSWORD = 'correct horse battery staple';

/** A request stored as if it had arrived `daysAgo` days ago (what the form sends, minus the wait). */
async function seed(app, daysAgo, right, subject, details, locale) {
  const receivedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await app.storage.addRightsRequest({
    request: { requestId: randomUUID(), right, subject, details, locale, configVersion: '2026-11-01', submittedAt: receivedAt },
    receivedAt,
    dueBy: dueDate(receivedAt),
    makeReference: () => newReference(receivedAt),
  });
}

async function post(url, path, body) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Privacy-Elements': '1' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function consentRecord(url, consentId, action, categories, minutesAgo) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  await post(url, '/api/consent-records', {
    schemaVersion: 'consent-record/1',
    receiptId: randomUUID(),
    consentId,
    configVersion: '2026-11-01',
    contentHash: 'a3f1c2e49b7d6058e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8',
    categories,
    action,
    timestamp: at.toISOString(),
    expiresAt: new Date(at.getTime() + 182 * 86_400_000).toISOString(),
    locale: 'sv',
  });
}

async function main() {
  await build({ configFile: join(root, 'console/vite.config.ts'), logLevel: 'warn' });
  const cleanups = [];
  const smtp = await startSmtpServer({ after: (cleanup) => cleanups.push(cleanup) });
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-console-shots-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    dataDir, projectRoot: root, logLevel: 'error', scheduleRetention: false, publicUrl: url,
    email: { smtpUrl: smtp.url, rightsAddress: 'registerutdrag@example.se' },
  });
  await app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    await app.staffAccounts.add({ email: 'kundservice@energibolaget.se', role: 'handler', password: PASSWORD });
    await app.staffAccounts.add({ email: 'dataskydd@energibolaget.se', role: 'admin', password: PASSWORD });
    await app.staffAccounts.add({ email: 'revisor@energibolaget.se', role: 'viewer' });
    await seed(app, 40, 'erasure', { email: 'erik.l@example.se', name: 'Erik Lund' }, { reason: 'Flyttat från orten' }, 'sv');
    await seed(app, 26, 'portability', { email: 'mette@example.dk' }, {}, 'da');
    await seed(app, 12, 'rectification', { email: 'ola@example.no', name: 'Ola Nordmann' }, { incorrect: 'Adresse', correction: 'Storgata 1, Oslo' }, 'nb');
    await seed(app, 3, 'objection', { email: 'aino@example.fi' }, { processing: 'Markkinointi' }, 'fi');
    // One request through the public API, as the form sends it, and verified through its e-mailed link.
    const { reference } = await post(url, '/api/rights-requests', {
      requestId: randomUUID(), right: 'access', locale: 'sv', configVersion: '2026-11-01', submittedAt: new Date().toISOString(),
      subject: { email: 'anna.svensson@example.se', name: 'Anna Svensson', customerNumber: '12345678' },
      details: { message: 'Jag vill veta vilka uppgifter ni har om min elförbrukning.' },
    });
    const mail = await smtp.next();
    const token = /verify-email\?token=([\w-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`no verification link in the first e-mail: ${mail.subject}`);
    await fetch(`${url}/verify-email`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `token=${token}` });
    const consentId = randomUUID();
    await consentRecord(url, consentId, 'accept-all', { necessary: true, statistics: true, marketing: true }, 60 * 24 * 20);
    await consentRecord(url, consentId, 'custom', { necessary: true, statistics: true, marketing: false }, 60 * 24 * 3);
    await consentRecord(url, consentId, 'withdraw', { necessary: true, statistics: false, marketing: false }, 30);
    // Enough other visitors for the consent rates to show (counts under 10 are withheld).
    for (let i = 0; i < 60; i++) {
      const choice = i % 4 === 0 ? ['reject-all', false, false] : i % 4 === 1 ? ['custom', true, false] : ['accept-all', true, true];
      await consentRecord(url, randomUUID(), choice[0], { necessary: true, statistics: choice[1], marketing: choice[2] }, i * 97);
    }

    mkdirSync(out, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const shot = (name) => page.screenshot({ path: join(out, `console-${name}.png`), fullPage: true });
    const signIn = async (email) => {
      await page.goto(`${url}/console/`);
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Rights requests' }).waitFor();
    };
    await page.goto(`${url}/console/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot('sign-in');
    await signIn('kundservice@energibolaget.se');
    await page.locator('console-inbox tbody tr').nth(4).waitFor();
    await shot('inbox');
    await page.getByRole('link', { name: reference }).click();
    await page.getByText('Verified').first().waitFor();
    await shot('request');
    await page.goto(`${url}/console/#/consent-proof?id=${consentId}`);
    await page.locator('console-consent-proof tbody tr').nth(2).waitFor();
    await shot('consent-proof');
    await page.goto(`${url}/console/#/consent-rates`);
    await page.locator('console-consent-rates table.by-version tbody tr').first().waitFor();
    await shot('consent-rates');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn('dataskydd@energibolaget.se');
    await page.goto(`${url}/console/#/staff`);
    await page.locator('console-staff tbody tr').nth(2).waitFor();
    await shot('staff');
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${url}/console/#/requests`);
    await page.locator('console-inbox tbody tr').nth(4).waitFor();
    await shot('inbox-320px');
    console.log(`console-screenshots: 7 screenshots written to ${out}`);
  } finally {
    await browser.close();
    await app.close();
    await Promise.all(cleanups.map((cleanup) => cleanup()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
