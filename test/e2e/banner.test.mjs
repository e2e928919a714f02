/**
 * The banner from dist/privacy-elements.js on the demo page, served by the reference server
 * under its strict Content-Security-Policy, recording to the server's real database.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, until, useServerAndBrowser, watchProblems } from './support.mjs';

const env = useServerAndBrowser();

async function openDemo(context) {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${env.server.url}/`);
  return { page, problems };
}

async function records(consentId) {
  const body = await admin(env.server.url, `/api/admin/consent-records?consentId=${consentId}`);
  return body.records ?? body.items ?? body;
}

test('accept, reload, withdraw: gated script, cookie, records in the server, no errors under CSP (CB-01, CB-16, CB-17, CB-22, SEC-03)', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openDemo(context);
  const banner = page.locator('cookie-banner');
  await page.getByRole('button', { name: 'Accept all' }).waitFor();
  assert.equal(await page.locator('#statistics-status').textContent(), 'has not run', 'nothing gated before a choice');
  assert.deepEqual((await context.cookies()).map((cookie) => cookie.name), [], 'no cookie before a choice');

  await page.getByRole('button', { name: 'Accept all' }).click();
  await until(async () => (await page.locator('#statistics-status').textContent()).startsWith('ran at'), 'statistics script ran');

  const consentCookie = (await context.cookies()).find((cookie) => cookie.name === 'privacy_consent');
  assert.ok(consentCookie, 'decision cookie set');
  assert.equal(consentCookie.sameSite, 'Lax');
  assert.equal(consentCookie.path, '/');
  const days = (consentCookie.expires * 1000 - Date.now()) / 86_400_000;
  assert.ok(days > 181 && days <= 182, `expires in 6 months, got ${days} days`);
  // The value is the documented compact record and nothing else: no personal data (CB-20).
  const [format, id, version, offered, granted, decidedAt, expiresAt, checksum, ...rest] = JSON.parse(decodeURIComponent(consentCookie.value));
  assert.equal(format, 3); // 3: quick hashes, each category hash carrying its part hashes (consent-store.ts)
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(typeof version, 'string');
  assert.deepEqual(Object.keys(offered), ['necessary', 'statistics', 'marketing']);
  assert.ok(Object.values(offered).every((hash) => /^[0-9a-f]{14}$/.test(hash)), 'category hash + part hashes');
  assert.deepEqual(granted, ['necessary', 'statistics', 'marketing']);
  assert.ok(Number.isInteger(decidedAt) && Number.isInteger(expiresAt));
  assert.match(checksum, /^[0-9a-f]{10}$/);
  assert.deepEqual(rest, []);
  assert.doesNotMatch(consentCookie.value, /%40|@/);

  const consentId = await banner.evaluate((element) => element.consent.consentId);
  await until(async () => (await records(consentId)).length === 1, 'accept record stored');

  // Reload: the decision holds, and the footer link reopens the settings (CB-16).
  await page.reload();
  await until(async () => (await page.locator('#statistics-status').textContent()).startsWith('ran at'), 'statistics script ran after reload');
  assert.equal(await page.getByRole('button', { name: 'Customize' }).count(), 0, 'no first layer after a decision');
  await page.getByRole('link', { name: 'Cookie settings' }).click();
  await page.getByRole('dialog', { name: 'Cookie settings' }).waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click();
  await until(async () => (await records(consentId)).length === 2, 'withdrawal record stored');
  const stored = await records(consentId);
  assert.deepEqual(stored.map((record) => record.action).sort(), ['accept-all', 'withdraw']);
  const names = (await context.cookies()).map((cookie) => cookie.name);
  assert.ok(!names.includes('demo_stats'), 'the statistics cookie was deleted on withdrawal');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the banner-only bundle, and both bundles on one page, work without errors', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  // A plain site page, served by the test on the server's origin, loading our two bundles.
  await page.route(`${env.server.url}/plain-page.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>plain</title>
        <script type="module" src="/dist/cookie-banner.js"></script>
        <script type="module" src="/dist/privacy-elements.js"></script>
        <script type="module" src="/dist/cookie-banner.js?again"></script></head>
        <body><cookie-banner config-src="/privacy.json"></cookie-banner></body></html>`,
    }),
  );
  await page.goto(`${env.server.url}/plain-page.html`);
  await page.getByRole('button', { name: 'Afvis alle' }).waitFor();
  await page.getByRole('button', { name: 'Afvis alle' }).click();
  await until(async () => (await page.locator('cookie-banner').evaluate((element) => element.consent !== null)), 'decided');
  // A second copy warns once in the console; it does not throw.
  assert.deepEqual(problems.filter((problem) => !problem.includes('already defined by another copy')), []);
  await context.close();
});

test('each script-tag bundle alone: its lazy Consent Mode and embed placeholder chunks run on the entry\'s code (issue 14, SIG-01, SIG-02, CB-09)', async () => {
  // The entry holds everything it imports statically (vite.config.ts); the lazy chunks import the
  // shared helpers (config validation among them) back from the entry instead of from a chunk.
  const config = {
    version: 'e2e-bundles',
    defaultLocale: 'en',
    consent: {
      endpoint: '/api/consent-records',
      title: 'Cookies',
      description: 'We use cookies.',
      googleConsentMode: true,
      categories: [
        { id: 'necessary', required: true, title: 'Necessary', description: 'Needed.' },
        { id: 'marketing', title: 'Marketing', description: 'Films and ads.' },
      ],
    },
  };
  for (const bundle of ['cookie-banner.js', 'privacy-elements.js']) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const chunks = [];
    page.on('request', (request) => {
      if (request.url().includes('/dist/chunks/')) chunks.push(new URL(request.url()).pathname.replace(/^.*\/chunks\/|-[\w-]{8}\.js$/g, '')); // name-hash.js
    });
    await page.route(`${env.server.url}/film.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>film</title><p>film</p>' }));
    await page.route(`${env.server.url}/bundle-page.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${bundle}</title>
          <script type="module" src="/dist/${bundle}"></script></head>
          <body><iframe title="Film" width="320" height="180" data-consent-src="/film.html" data-consent-category="marketing" data-consent-provider="youtube"></iframe>
          <cookie-banner></cookie-banner><script>document.querySelector('cookie-banner').config = ${JSON.stringify(config)};</script></body></html>`,
      }),
    );
    await page.goto(`${env.server.url}/bundle-page.html`);
    await page.getByRole('button', { name: 'Accept all' }).waitFor();
    const consentCommands = () => page.evaluate(() => (window.dataLayer ?? []).filter((entry) => entry[0] === 'consent').map((entry) => `${entry[1]} ad_storage=${entry[2].ad_storage}`));
    await until(async () => (await consentCommands()).includes('default ad_storage=denied'), `${bundle}: the Consent Mode chunk pushed the default`);
    const placeholder = page.locator('consent-embed-placeholder');
    await placeholder.getByRole('button', { name: 'Load video' }).waitFor();
    assert.equal(await page.locator('iframe[title="Film"]').getAttribute('src'), null, `${bundle}: the film waits for consent`);

    await page.getByRole('button', { name: 'Accept all' }).click();
    await until(async () => (await consentCommands()).includes('update ad_storage=granted'), `${bundle}: Consent Mode update after Accept all`);
    await until(async () => (await page.locator('iframe[title="Film"]').getAttribute('src')) === '/film.html', `${bundle}: the film loads after Accept all`);
    assert.equal(await placeholder.count(), 0, `${bundle}: the placeholder went away`);
    assert.ok(chunks.includes('google-consent-mode') && chunks.includes('placeholders'), `${bundle}: lazy chunks loaded: ${chunks.join(', ')}`);
    assert.ok(!chunks.includes('validation'), `${bundle}: no validation chunk: ${chunks.join(', ')}`);
    assert.deepEqual(problems, [], bundle);
    await context.close();
  }
});

test('a decision made offline is delivered when the browser is back online (CB-22)', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openDemo(context);
  await page.getByRole('button', { name: 'Reject all' }).waitFor();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Reject all' }).click();
  const consentId = await page.locator('cookie-banner').evaluate((element) => element.consent.consentId);
  // The record waits in the outbox, or, when the record code had not loaded before the browser
  // went offline, what it is built from waits for that code (either way in localStorage).
  const waiting = () => page.evaluate(() => ['privacy_consent_outbox', 'privacy_consent_unrecorded'].filter((key) => localStorage.getItem(key) !== null));
  await until(async () => (await waiting()).length > 0, 'record waiting');
  assert.equal((await records(consentId)).length, 0);
  await context.setOffline(false);
  await until(async () => (await records(consentId)).length === 1, 'delivered after coming back online');
  await until(async () => (await waiting()).length === 0, 'nothing waits any more');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a decision made before the record code has loaded is recorded once it loads, and by the next page when the page closed first (CR-01, CB-22)', async () => {
  const context = await env.browser.newContext();
  // The record code is a lazy chunk, loaded when the page is idle after the banner shows.
  const recordChunk = `${env.server.url}/**/chunks/consent-recording-*.js`;

  // 1. It cannot load (offline for that request): the decision holds, its record waits.
  await context.route(recordChunk, (route) => route.abort());
  const first = await openDemo(context);
  await first.page.getByRole('button', { name: 'Reject all' }).click();
  await until(async () => (await context.cookies()).some((cookie) => cookie.name === 'privacy_consent'), 'decision cookie set');
  const consentId = await first.page.locator('cookie-banner').evaluate((element) => element.consent.consentId);
  const held = await first.page.evaluate(() => JSON.parse(localStorage.getItem('privacy_consent_unrecorded') ?? '[]'));
  assert.deepEqual(held.map((item) => [item.decision.consentId, item.action]), [[consentId, 'reject-all']], 'what the record needs waits in storage');
  assert.equal((await records(consentId)).length, 0, 'no record without its code');
  await first.page.close(); // the visitor leaves before the code could load
  await context.unroute(recordChunk);

  // 2. The next page loads the code and sends the record of the closed page.
  const second = await openDemo(context);
  await until(async () => (await records(consentId)).length === 1, 'record of the closed page stored');
  assert.equal((await records(consentId))[0].action, 'reject-all');
  assert.equal(await second.page.evaluate(() => localStorage.getItem('privacy_consent_unrecorded')), null, 'nothing waits any more');

  // 3. The code arrives late (after the click): the event waits for it and carries the record sent.
  await second.page.close();
  await context.clearCookies();
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(recordChunk, async (route) => (await released, route.continue()));
  const third = await openDemo(context);
  const event = third.page.locator('cookie-banner').evaluate((element) => new Promise((resolve) => element.addEventListener('consent-change', (e) => resolve(e.detail.record), { once: true })));
  await third.page.getByRole('button', { name: 'Accept all' }).click();
  await until(async () => (await context.cookies()).some((cookie) => cookie.name === 'privacy_consent'), 'decision cookie set');
  release();
  const record = await event;
  assert.equal(record.action, 'accept-all');
  await until(async () => (await records(record.consentId)).some((stored) => stored.action === 'accept-all'), 'late record stored');
  const stored = (await records(record.consentId)).filter((item) => item.action === 'accept-all');
  assert.deepEqual(stored.map((item) => item.receiptId), [record.receiptId], 'sent once, the record the event carried');
  assert.deepEqual([...first.problems, ...second.problems, ...third.problems].filter((problem) => !/consent-recording/.test(problem)), []);
  await context.close();
});

test('a withdrawal before the record code has loaded deletes the category\'s cookies before consent-change fires (CB-17)', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openDemo(context);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await until(async () => (await context.cookies()).some((cookie) => cookie.name === 'demo_stats'), 'the statistics script set its cookie');

  // A returning visit: the record code (which also deletes cookies) is not loaded until needed.
  const recordChunk = `${env.server.url}/**/chunks/consent-recording-*.js`;
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(recordChunk, async (route) => (await released, route.continue()));
  await page.reload();
  await until(async () => (await page.locator('#statistics-status').textContent()).startsWith('ran at'), 'statistics script ran after reload');
  const atEvent = page.locator('cookie-banner').evaluate(
    (element) =>
      new Promise((resolve) => {
        element.addEventListener('consent-change', (event) => resolve({ action: event.detail.action, cookies: document.cookie }), { once: true });
        element.rejectAll();
      }),
  );
  release();
  const { action, cookies } = await atEvent;
  assert.equal(action, 'withdraw');
  assert.doesNotMatch(cookies, /demo_stats/, 'deleted before the event');
  assert.ok(!(await context.cookies()).some((cookie) => cookie.name === 'demo_stats'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page left in the same task as the decision, before its record was built after the next paint, still records it once (CR-01, CB-22)', async () => {
  const context = await env.browser.newContext();
  const { page, problems } = await openDemo(context);
  // The demo again in a frame: removing a frame ends its document at once (pagehide), before any
  // animation frame could run the record's work that waits for the next paint.
  const frameElement = await page.evaluateHandle(async (url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    return frame;
  }, `${env.server.url}/`);
  const frame = await frameElement.contentFrame();
  await frame.getByRole('button', { name: 'Accept all' }).waitFor();
  // The record code is loaded while idle after the banner shows; a decision then records after the paint.
  await until(() => frame.evaluate(() => performance.getEntriesByType('resource').some((entry) => /consent-recording-/.test(entry.name))), 'record code loaded');
  const consentId = await page.evaluate((frame) => {
    const banner = frame.contentDocument.querySelector('cookie-banner');
    banner.acceptAll();
    const id = banner.consent.consentId;
    frame.remove();
    return id;
  }, frameElement);
  // The frame's pagehide built the record and queued it; this page's banner sends what waits.
  await page.reload();
  await until(async () => (await records(consentId)).length === 1, 'the record of the page left at once stored');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual((await records(consentId)).map((item) => item.action), ['accept-all'], 'stored once');
  assert.deepEqual(problems, []);
  await context.close();
});
