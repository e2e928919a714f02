/**
 * The visitor's receipt end to end (CR-07, CR-09): on the demo page from dist/, under the reference
 * server's strict CSP, a visitor decides, opens Cookie settings, and downloads the receipt. The
 * browser's real download (Playwright's download event, the file read from disk) carries the ids
 * of the record the server stored, and the server's receipt check confirms it (a forged one: 404).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { admin, until, useServerAndBrowser, watchProblems } from './support.mjs';

const env = useServerAndBrowser();

test('a downloaded receipt names the record the server stored, the panel shows it, and the server confirms it (CR-07, CR-09)', async () => {
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

  // "Is this receipt genuine?": the server's public check (server/README "Receipt verification"),
  // asked from the page as the site would, with the downloaded file's ids.
  const verify = (body) =>
    page.evaluate(async (payload) => {
      const response = await fetch('/api/consent-receipts/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Privacy-Elements': '1' },
        body: JSON.stringify(payload),
      });
      return { status: response.status, body: await response.json() };
    }, body);
  const genuine = await verify({ receiptId: receipt.consentReceiptID, consentId: receipt.piiPrincipalId });
  assert.equal(genuine.status, 200);
  assert.equal(genuine.body.genuine, true);
  assert.equal(genuine.body.record.receiptId, receipt.consentReceiptID);
  assert.equal(genuine.body.record.contentHash, receipt.contentHash);
  assert.deepEqual(genuine.body.record.categories, stored.categories);
  const forged = await verify({ receiptId: receipt.consentReceiptID, consentId: '00000000-0000-4000-8000-000000000000' });
  assert.equal(forged.status, 404);
  // The forged check's 404 is expected; nothing else may have failed.
  assert.deepEqual(problems.filter((problem) => !problem.includes('/api/consent-receipts/verify')), []);
  await context.close();
});
