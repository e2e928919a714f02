/**
 * The rights request form from dist/privacy-elements.js on the demo page, posting to the
 * reference server: a request arrives once, even through an offline spell and a retry
 * (RR-06, issue 4: "no failure mode loses what they typed").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, until, useServerAndBrowser, watchProblems } from './support.mjs';

const env = useServerAndBrowser();

async function storedRequests() {
  const body = await admin(env.server.url, '/api/admin/rights-requests');
  return body.requests ?? body.items ?? body;
}

test('offline, then back online: the typed request is kept and stored exactly once (RR-06)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${env.server.url}/rights.html`);
  const form = page.locator('rights-request-form');
  await form.getByRole('radio', { name: /See the personal data/ }).check();
  await form.getByLabel('Name').fill('Anna Andersson');
  await form.getByLabel(/E-mail address/).fill('anna@example.se');
  await page.waitForTimeout(3100); // the form's minimum fill time (spam protection)

  await context.setOffline(true);
  await form.getByRole('button', { name: 'Send request' }).click();
  await form.getByText(/You are offline/).first().waitFor();
  assert.equal(await form.getByLabel(/E-mail address/).inputValue(), 'anna@example.se', 'input kept');
  assert.equal((await storedRequests()).length, 0, 'nothing arrived while offline');

  await context.setOffline(false);
  await form.getByRole('button', { name: 'Try again' }).click();
  await form.getByText('Your request has been received').first().waitFor();
  const reference = (await form.getByText(/^Reference: /).first().textContent()).replace('Reference: ', '').trim();
  await until(async () => (await storedRequests()).length === 1, 'request stored');
  const [stored] = await storedRequests();
  assert.equal(stored.reference, reference);
  assert.equal(stored.status, 'received');
  // Nothing personal is left in the browser's storage (RR, SEC-09).
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), {});
  assert.ok(!page.url().includes('anna'), 'no personal data in the URL');
  assert.deepEqual(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});
