// Issue 13: e-mail through a real SMTP server on 127.0.0.1 (smtp-server):
// verification of the requester's address (24 h, single use, prefetch-safe),
// the notice to the controller's rights address (no personal data in the
// subject), the daily reminder to handlers, retries, and e-mail off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rightsRequest, request, fixedClock, STORAGE_KIND } from './helpers.js';
import { startSmtpServer } from './smtp.js';
import { signedIn } from './console-client.js';

const RIGHTS_ADDRESS = 'rights@energibolaget.example';
const TIMEOUT = { timeout: 60_000 }; // a lost e-mail fails the test instead of hanging it

async function emailServer(t, { email, ...options } = {}) {
  const smtp = await startSmtpServer(t);
  const server = await startServer(t, {
    publicUrl: 'https://privacy.energibolaget.example',
    email: { smtpUrl: smtp.url, from: 'Energibolaget <privacy@energibolaget.example>', rightsAddress: RIGHTS_ADDRESS, ...email },
    ...options,
  });
  return { smtp, server };
}

/** @param {{ next(): Promise<any> }} smtp @param {number} count */
async function nextMessages(smtp, count) {
  const messages = [];
  for (let i = 0; i < count; i++) messages.push(await smtp.next());
  return messages;
}

const tokenOf = (/** @type {string} */ text) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

test(`[${STORAGE_KIND}] a new request: verification e-mail in the requester's language, a notice to the rights address`, TIMEOUT, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const { smtp, server } = await emailServer(t, { now });
  const body = rightsRequest({ locale: 'sv' });
  const answer = await server.post('/api/rights-requests', body);
  assert.equal(answer.status, 201);
  assert.equal(answer.json.verificationEmailSent, true);
  const { reference } = answer.json;
  const messages = await nextMessages(smtp, 2);
  const verification = messages.find((m) => m.to.includes('anna@example.se'));
  const notice = messages.find((m) => m.to.includes(RIGHTS_ADDRESS));
  assert.equal(verification.from, 'privacy@energibolaget.example');
  assert.equal(verification.subject, `Bekräfta din e-postadress (${reference})`);
  assert.match(verification.text, /Bekräfta att e-postadressen är din/);
  assert.match(verification.text, /https:\/\/privacy\.energibolaget\.example\/verify-email\?token=[A-Za-z0-9_-]{43}/);
  assert.equal(notice.subject, `New rights request ${reference}`);
  for (const personal of ['Anna', 'Andersson', 'anna@example.se', '123456', 'copy of my data']) {
    assert.equal(notice.subject.includes(personal) || notice.text.includes(personal), false, `no "${personal}" in the notice`);
  }
  assert.match(notice.text, new RegExp(`https://privacy\\.energibolaget\\.example/console/#/requests/${reference}`));

  const retry = await server.post('/api/rights-requests', body);
  assert.deepEqual(retry.json, answer.json, 'a retry gets the same answer');
  await server.app.email.deliverDue();
  assert.equal(smtp.messages.length, 2, 'and no second e-mail');
  assert.deepEqual(await server.app.storage.console.read.outbox(), [], 'sent messages leave the outbox');
});

test(`[${STORAGE_KIND}] the verification link: GET only shows a button (prefetch-safe), POST confirms once`, TIMEOUT, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const { smtp, server } = await emailServer(t, { now });
  const { json: { reference } } = await server.post('/api/rights-requests', rightsRequest({ locale: 'fi' }));
  const token = tokenOf((await nextMessages(smtp, 2)).map((m) => m.text).join('\n'));
  assert.ok(token);
  const handler = await signedIn(server, 'handler');
  assert.equal((await handler.get(`/rights-requests/${reference}`)).json.verification.state, 'pending');

  const shown = await request(`${server.url}/verify-email?token=${token}`);
  assert.equal(shown.status, 200);
  assert.match(shown.headers['content-type'], /^text\/html/);
  assert.match(shown.headers['content-security-policy'], /script-src 'self'/);
  assert.equal(shown.headers['cache-control'], 'no-store');
  assert.match(shown.text, /<html lang="fi">/);
  assert.match(shown.text, /<form method="post" action="\/verify-email">/);
  assert.match(shown.text, /<button type="submit">Vahvista<\/button>/);
  assert.doesNotMatch(shown.text, /<script|style=/);
  await request(`${server.url}/verify-email?token=${token}`); // a mail scanner following the link again
  assert.equal((await handler.get(`/rights-requests/${reference}`)).json.verification.state, 'pending', 'GET confirmed nothing');

  now.set('2026-03-02T09:20:00.000Z');
  const confirmed = await request(`${server.url}/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` });
  assert.equal(confirmed.status, 200);
  assert.match(confirmed.text, /Sähköpostiosoitteesi on vahvistettu/);
  const page = (await handler.get(`/rights-requests/${reference}`)).json;
  assert.deepEqual(page.verification, { state: 'verified', sentAt: '2026-03-02T09:00:00.000Z', verifiedAt: '2026-03-02T09:20:00.000Z' });
  assert.deepEqual(page.events.at(-1), { ...page.events.at(-1), kind: 'verified', actor: 'requester', staffId: null });
  assert.equal((await handler.get('/rights-requests')).json.requests[0].verification, 'verified');
  assert.equal((await handler.get('/rights-requests')).json.counts.unverified, 0);

  const again = await request(`${server.url}/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` });
  assert.equal(again.status, 410, 'single use');
  assert.equal((await request(`${server.url}/verify-email?token=${token}`)).status, 410);
  assert.equal((await request(`${server.url}/verify-email?token=<script>`)).status, 400);
  const json = await request(`${server.url}/api/rights-requests`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-privacy-elements': '1' }, body: 'right=access' });
  assert.equal(json.status, 415, 'url-encoded bodies are taken only by the verification form');
});

test(`[${STORAGE_KIND}] a verification link expires after 24 hours; the request stays and can be handled`, TIMEOUT, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const { smtp, server } = await emailServer(t, { now });
  const { json: { reference } } = await server.post('/api/rights-requests', rightsRequest({ locale: 'da' }));
  const token = tokenOf((await nextMessages(smtp, 2)).map((m) => m.text).join('\n'));
  now.set('2026-03-03T09:00:01.000Z');
  const late = await request(`${server.url}/verify-email?token=${token}`);
  assert.equal(late.status, 410);
  assert.match(late.text, /Linket er udløbet/);
  const post = await request(`${server.url}/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` });
  assert.equal(post.status, 410);
  const handler = await signedIn(server, 'handler');
  assert.equal((await handler.get(`/rights-requests/${reference}`)).json.verification.state, 'expired');
  assert.equal((await handler.post(`/rights-requests/${reference}/status`, { status: 'done', note: 'answered by post' })).status, 200,
    'unverified requests can still be handled');
});

test(`[${STORAGE_KIND}] failed sends are retried with growing pauses; the request is stored either way`, TIMEOUT, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const lines = [];
  const { smtp, server } = await emailServer(t, { now, logLevel: 'warn', logStream: { write: (line) => lines.push(JSON.parse(line)) } });
  smtp.reject(3);
  const answer = await server.post('/api/rights-requests', rightsRequest({ subject: { email: 'person@example.fi' }, locale: 'en' }));
  assert.equal(answer.status, 201);
  await server.app.email.deliverDue();
  const outbox = await server.app.storage.console.read.outbox();
  assert.equal(outbox.length, 2);
  assert.ok(outbox.every((m) => m.attempts === 1 && /550|mailbox unavailable/.test(m.last_error) && !m.failed_at));
  assert.equal((await server.admin(`/api/admin/rights-requests/${answer.json.reference}`)).status, 200, 'the request is stored');
  const warnings = lines.filter((l) => l.msg === 'e-mail failed, will retry');
  assert.equal(warnings.length, 2);
  assert.ok(lines.every((l) => !JSON.stringify(l).includes('person@example.fi')), 'no address in the log');

  await server.app.email.deliverDue();
  assert.equal(smtp.messages.length, 0, 'not before the pause is over');
  now.set('2026-03-02T09:01:01.000Z');
  await server.app.email.deliverDue(); // third rejection, then the first success
  now.set('2026-03-02T09:07:00.000Z');
  await server.app.email.deliverDue();
  assert.equal(smtp.messages.length, 2);
  assert.deepEqual(await server.app.storage.console.read.outbox(), []);
});

test(`[${STORAGE_KIND}] an unreachable SMTP server never blocks a request; after the last retry the message is marked failed`, TIMEOUT, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const lines = [];
  const server = await startServer(t, { now, logLevel: 'warn', logStream: { write: (line) => lines.push(JSON.parse(line)) },
    email: { smtpUrl: 'smtp://127.0.0.1:9', rightsAddress: undefined } });
  const answer = await server.post('/api/rights-requests', rightsRequest());
  assert.equal(answer.status, 201);
  assert.equal(answer.json.verificationEmailSent, true, 'queued: it will be retried');
  for (let attempt = 0; attempt < 6; attempt++) {
    await server.app.email.deliverDue();
    now.set(new Date(now().getTime() + 7 * 3600_000).toISOString());
  }
  const [message] = await server.app.storage.console.read.outbox();
  assert.equal(message.attempts, 6);
  assert.ok(message.failed_at);
  assert.equal(lines.filter((l) => l.msg === 'e-mail failed for good after retries').length, 1);
});

test(`[${STORAGE_KIND}] daily reminder to handlers and admins of requests due within 7 days, once a day, no personal data`, TIMEOUT, async (t) => {
  const now = fixedClock('2026-03-01T09:00:00.000Z');
  const { smtp, server } = await emailServer(t, { now, email: { rightsAddress: undefined } });
  const { json: soon } = await server.post('/api/rights-requests', rightsRequest({ subject: { name: 'Bo Berg' } }));
  now.set('2026-03-20T09:00:00.000Z');
  const { json: later } = await server.post('/api/rights-requests', rightsRequest({ subject: { name: 'Cia Ek' } }));
  for (const [email, role] of [['h@energibolaget.example', 'handler'], ['a@energibolaget.example', 'admin'], ['v@energibolaget.example', 'viewer']]) {
    await server.app.staffAccounts.add({ email, role, password: 'correct horse battery' });
  }
  await server.app.staffAccounts.add({ email: 'invited@energibolaget.example', role: 'handler' });

  now.set('2026-03-26T05:59:00.000Z');
  assert.equal(await server.app.email.sendReminders(), 0, 'not before REMINDER_HOUR_UTC (06)');
  now.set('2026-03-26T06:30:00.000Z');
  assert.equal(await server.app.email.sendReminders(), 2);
  const reminders = await nextMessages(smtp, 2);
  assert.deepEqual(reminders.map((m) => m.to[0]).sort(), ['a@energibolaget.example', 'h@energibolaget.example']);
  assert.equal(reminders[0].subject, 'Rights requests due within 7 days: 1');
  assert.match(reminders[0].text, new RegExp(`${soon.reference}  access to your personal data  due 2026-04-01 \\(6 days left\\)`));
  assert.equal(reminders[0].text.includes(later.reference), false, 'not yet due within 7 days');
  assert.equal(/Bo Berg|Cia Ek|anna@example\.se/.test(reminders[0].text), false);
  assert.equal(await server.app.email.sendReminders(), 0, 'once a day');
  now.set('2026-03-27T06:00:00.000Z');
  assert.equal(await server.app.email.sendReminders(), 2, 'the next day again');
  // Let that delivery finish its database writes before the test's database is dropped
  // (PostgreSQL: 57P01 terminating connection, seen once).
  await nextMessages(smtp, 2);
  await server.app.email.deliverDue();
});

test(`[${STORAGE_KIND}] an admin adding staff in the console: the setup link is e-mailed too`, TIMEOUT, async (t) => {
  const { smtp, server } = await emailServer(t);
  const admin = await signedIn(server, 'admin');
  assert.equal((await admin.get('/me')).json.email.enabled, true);
  assert.equal((await admin.get('/me')).json.email.rightsAddress, RIGHTS_ADDRESS);
  const added = await admin.post('/staff', { email: 'new@energibolaget.example', role: 'handler' });
  assert.equal(added.json.emailed, true);
  const message = await smtp.next();
  assert.deepEqual(message.to, ['new@energibolaget.example']);
  assert.ok(message.text.includes(added.json.setupLink));
});

test(`[${STORAGE_KIND}] without SMTP_URL: logged once, the API says e-mail is off, requests work as before`, async (t) => {
  const lines = [];
  const server = await startServer(t, { logLevel: 'warn', logStream: { write: (line) => lines.push(JSON.parse(line)) } });
  const answer = await server.post('/api/rights-requests', rightsRequest());
  assert.equal(answer.status, 201);
  assert.equal(answer.json.verificationEmailSent, false);
  const viewer = await signedIn(server, 'viewer');
  assert.deepEqual((await viewer.get('/me')).json.email, { enabled: false, rightsAddress: null });
  assert.equal(lines.filter((l) => /SMTP_URL is not set: e-mail is off/.test(l.msg)).length, 1);
  assert.equal(await server.app.email.sendReminders(), 0);
  const honeypot = await server.post('/api/rights-requests', rightsRequest({ website: 'http://spam.example' }));
  assert.equal(honeypot.json.verificationEmailSent, false, 'the decoy answer looks the same');
});
