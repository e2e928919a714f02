/**
 * The visitor's receipt end to end (CR-07, CR-09): on the demo page from dist/, under the reference
 * server's strict CSP, a visitor decides, opens Cookie settings, and downloads the receipt. The
 * browser's real download (Playwright's download event, the file read from disk) carries the ids
 * of the record the server stored, and the server's own copy says the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { admin, until, useServerAndBrowser, watchProblems } from './support.mjs';

const env = useServerAndBrowser();

test('a downloaded receipt names the record the server stored, and the panel shows it (CR-07, CR-09)', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${env.server.url}/`);
  await page.getByRole('button', { name: 'Reject all' }).click();
  const consentId = await page.locator('cookie-banner').evaluate((element) => element.consent.consentId);
  let stored;
  await until(async () => {
    const body = await admin(env.server.url, `/api/admin/consent-records?consentId=${consentId}`);
    stored = (body.records ?? body.items ?? body)[0];
    return stored !== undefined;
  }, 'record stored by the server');

  await page.getByRole('link', { name: 'Cookie settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
  await dialog.getByRole('heading', { name: 'Your consent' }).waitFor();
  assert.equal(await dialog.getByLabel('Consent ID').inputValue(), consentId);
  await until(async () => (await dialog.locator('.pending').textContent()).trim().startsWith('Nothing'), 'nothing waiting');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download receipt (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), `consent-receipt-127.0.0.1-${stored.timestamp.slice(0, 10)}.json`);
  const receipt = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(receipt.schemaVersion, 'consent-receipt/1');
  assert.equal(receipt.consentReceiptID, stored.receiptId);
  assert.equal(receipt.piiPrincipalId, stored.consentId);
  assert.equal(receipt.contentHash, stored.contentHash);
  assert.equal(receipt.configVersion, stored.configVersion);
  assert.equal(receipt.eventState, 'refused');
  assert.deepEqual(Object.fromEntries(receipt.purposes.map((purpose) => [purpose.purposeId, purpose.granted])), stored.categories);
  assert.deepEqual(problems, []);
  await context.close();
});
