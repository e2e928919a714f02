// Issue 13: sign-in, lockout, sessions (cookie attributes, server-side and
// hashed, expiry, idle timeout), sign-out here and everywhere, setup links,
// password change. Passwords are scrypt hashes with their parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, fixedClock, request, STORAGE_KIND } from './helpers.js';
import { consoleClient, signedIn, PASSWORD } from './console-client.js';
import { hashPassword, verifyPassword } from '../staff/passwords.js';

const sha256 = (/** @type {string} */ text) => createHash('sha256').update(text).digest('hex');
const ADDRESS = 'handler@energibolaget.example';

test('passwords: scrypt with a per-password salt and stored parameters', async () => {
  const a = await hashPassword(PASSWORD);
  const b = await hashPassword(PASSWORD);
  assert.match(a, /^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  assert.notEqual(a, b, 'a new salt each time');
  assert.equal(await verifyPassword(PASSWORD, a), true);
  assert.equal(await verifyPassword(`${PASSWORD} `, a), false);
  const cheaper = a.replace('$32768$8$3$', '$16384$8$1$');
  assert.equal(await verifyPassword(PASSWORD, cheaper), false, 'the parameters are part of the check');
  assert.equal(await verifyPassword(PASSWORD, 'plain'), false);
});

test(`[${STORAGE_KIND}] sign-in sets an HttpOnly SameSite=Strict session cookie; only its hash is stored`, async (t) => {
  const server = await startServer(t, { trustProxy: true });
  await server.app.staffAccounts.add({ email: ADDRESS, role: 'handler', password: PASSWORD });
  const client = consoleClient(server.url);
  const { json: { csrfToken: before } } = await client.get('/csrf-token');
  const answer = await client.post('/sign-in', { email: ' Handler@Energibolaget.example ', password: PASSWORD });
  assert.equal(answer.status, 200);
  assert.equal(answer.json.staff.email, ADDRESS);
  assert.equal(answer.json.staff.role, 'handler');
  assert.equal(answer.json.email.enabled, false);
  assert.equal(answer.json.session.idleMinutes, 30);
  assert.notEqual(answer.json.csrfToken, before, 'a new CSRF token at sign-in');
  const cookie = answer.headers['set-cookie'].find((c) => c.startsWith('pe_console_session='));
  assert.match(cookie, /; Path=\/console/);
  assert.match(cookie, /; HttpOnly/);
  assert.match(cookie, /; SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/, 'plain http: no Secure flag');
  const secret = client.cookies.get('pe_console_session');
  assert.ok(await server.app.storage.console.read.sessionByHash({ idHash: sha256(secret) }), 'stored by its hash');
  assert.equal(await server.app.storage.console.read.sessionByHash({ idHash: secret }), undefined, 'not in clear');
  assert.equal((await client.get('/me')).json.staff.email, ADDRESS);

  const https = consoleClient(server.url);
  await https.get('/csrf-token', { headers: { 'x-forwarded-proto': 'https' } });
  const secure = await https.post('/sign-in', { email: ADDRESS, password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
  assert.ok(secure.headers['set-cookie'].every((c) => /; Secure/.test(c)), 'https: every cookie Secure');
});

test(`[${STORAGE_KIND}] wrong password, unknown address and disabled account get the same answer`, async (t) => {
  const server = await startServer(t);
  const { staff } = await server.app.staffAccounts.add({ email: ADDRESS, role: 'handler', password: PASSWORD });
  await server.app.staffAccounts.add({ email: 'off@energibolaget.example', role: 'handler', password: PASSWORD });
  await server.app.staffAccounts.setDisabled((await server.app.staffAccounts.byEmail('off@energibolaget.example')).id, true);
  await server.app.staffAccounts.add({ email: 'invited@energibolaget.example', role: 'viewer' });
  const answers = [];
  for (const [email, password] of [[ADDRESS, 'wrong password!'], ['nobody@energibolaget.example', PASSWORD],
    ['off@energibolaget.example', PASSWORD], ['invited@energibolaget.example', '']]) {
    const client = consoleClient(server.url);
    await client.get('/csrf-token');
    const answer = await client.post('/sign-in', { email, password: password || 'anything at all' });
    answers.push([answer.status, answer.text, answer.headers['set-cookie']?.some((c) => c.startsWith('pe_console_session')) ?? false]);
  }
  for (const answer of answers) assert.deepEqual(answer, answers[0]);
  assert.equal(answers[0][0], 401);
  assert.equal(JSON.parse(answers[0][1]).error, 'invalid_credentials');
  const failures = await server.app.storage.console.read.staffAudit({ action: 'sign-in-failed' });
  assert.equal(failures.length, 4);
  assert.equal(failures[0].staffId, staff.id, 'a failure on a real account is in its audit trail');
});

test(`[${STORAGE_KIND}] lockout: 5 failures lock the address for 15 minutes, existing or not; 20 lock the client`, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const server = await startServer(t, { now });
  await server.app.staffAccounts.add({ email: ADDRESS, role: 'handler', password: PASSWORD });
  const client = consoleClient(server.url);
  await client.get('/csrf-token');
  for (const email of [ADDRESS, 'nobody@energibolaget.example']) {
    for (let i = 0; i < 5; i++) assert.equal((await client.post('/sign-in', { email, password: 'wrong password!' })).status, 401);
    const locked = await client.post('/sign-in', { email, password: PASSWORD });
    assert.equal(locked.status, 429, email);
    assert.equal(locked.json.error, 'locked');
    assert.match(locked.json.message, /Try again in 15 minutes/);
  }
  now.set('2026-03-02T09:14:59.000Z');
  assert.equal((await client.post('/sign-in', { email: ADDRESS, password: PASSWORD })).status, 429, 'still locked');
  now.set('2026-03-02T09:15:01.000Z');
  assert.equal((await client.post('/sign-in', { email: ADDRESS, password: PASSWORD })).status, 200, 'the lock ends');

  // Per client: 20 failures over many addresses lock this client for every address.
  now.set('2026-03-02T10:00:00.000Z');
  const attacker = consoleClient(server.url);
  await attacker.get('/csrf-token');
  for (let i = 0; i < 20; i++) await attacker.post('/sign-in', { email: `guess${i}@energibolaget.example`, password: 'wrong password!' });
  const blocked = await attacker.post('/sign-in', { email: ADDRESS, password: PASSWORD });
  assert.equal(blocked.status, 429);
  assert.equal(blocked.json.error, 'locked');
});

test(`[${STORAGE_KIND}] lockout: the answer names the configured lock time (SIGN_IN_LOCK_MINUTES)`, async (t) => {
  const server = await startServer(t, { staff: { lockMs: 5 * 60_000, maxFailuresPerAddress: 1 } });
  const client = consoleClient(server.url);
  await client.get('/csrf-token');
  assert.equal((await client.post('/sign-in', { email: ADDRESS, password: 'wrong password!' })).status, 401);
  const locked = await client.post('/sign-in', { email: ADDRESS, password: 'wrong password!' });
  assert.equal(locked.status, 429);
  assert.equal(locked.json.message, 'Too many failed sign-ins. Try again in 5 minutes.');
});

test(`[${STORAGE_KIND}] the sign-in routes are rate limited per client`, async (t) => {
  const server = await startServer(t, { staff: { signInRateLimit: { max: 3, timeWindow: 60_000 } } });
  const client = consoleClient(server.url);
  await client.get('/csrf-token');
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await client.post('/sign-in', { email: ADDRESS, password: 'x' })).status);
  assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
});

test(`[${STORAGE_KIND}] sessions end after 30 idle minutes and after 12 hours however active`, async (t) => {
  const now = fixedClock('2026-03-02T08:00:00.000Z');
  const server = await startServer(t, { now });
  const idle = await signedIn(server, 'viewer');
  now.set('2026-03-02T08:29:00.000Z');
  assert.equal((await idle.get('/me')).status, 200);
  now.set('2026-03-02T08:59:30.000Z');
  assert.equal((await idle.get('/me')).status, 401, '30 minutes after the last request');

  now.set('2026-03-02T09:00:00.000Z');
  const busy = await signedIn(server, 'viewer');
  for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
    now.set(new Date(Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000).toISOString());
    assert.equal((await busy.get('/me')).status, 200, `${minutes} min`);
  }
  now.set('2026-03-02T21:00:00.000Z');
  assert.equal((await busy.get('/me')).status, 401, '12 hours after sign-in');
});

test(`[${STORAGE_KIND}] sign out ends this session; sign out everywhere ends all of them`, async (t) => {
  const server = await startServer(t);
  const { staff } = await server.app.staffAccounts.add({ email: ADDRESS, role: 'handler', password: PASSWORD });
  const [laptop, phone, tablet] = [consoleClient(server.url), consoleClient(server.url), consoleClient(server.url)];
  for (const client of [laptop, phone, tablet]) await client.signIn(ADDRESS, PASSWORD);
  const out = await laptop.post('/sign-out');
  assert.equal(out.status, 204);
  assert.match(out.headers['set-cookie'].join(), /pe_console_session=;/, 'cookie cleared');
  assert.equal((await laptop.get('/me')).status, 401);
  assert.equal((await phone.get('/me')).status, 200, 'other sessions go on');
  assert.equal((await phone.post('/sign-out-everywhere')).status, 204);
  assert.equal((await phone.get('/me')).status, 401);
  assert.equal((await tablet.get('/me')).status, 401);
  const actions = (await server.app.storage.console.read.staffAudit({ staffId: staff.id })).map((e) => e.action);
  assert.deepEqual(actions, ['sign-in', 'sign-in', 'sign-in', 'sign-out', 'sign-out-everywhere']);
});

test(`[${STORAGE_KIND}] a setup link works once, within 72 hours, and signs in; a new password ends other sessions`, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const server = await startServer(t, { now, publicUrl: 'https://privacy.energibolaget.example' });
  const added = await server.app.staffAccounts.add({ email: ADDRESS, role: 'handler' });
  assert.equal(added.staff.state, 'invited');
  assert.match(added.setupLink, /^https:\/\/privacy\.energibolaget\.example\/console\/#\/setup\/[A-Za-z0-9_-]{43}$/);
  assert.equal(added.setupLinkExpiresAt, '2026-03-05T09:00:00.000Z');
  const token = added.setupLink.split('/').pop();
  const client = consoleClient(server.url);
  await client.get('/csrf-token');
  assert.equal((await client.post('/password-setup', { token, password: 'short' })).json.field, 'password');
  const done = await client.post('/password-setup', { token, password: PASSWORD });
  assert.equal(done.status, 200);
  assert.equal(done.json.staff.state, 'active');
  assert.equal((await client.get('/me')).status, 200, 'signed in');
  const again = await consoleClient(server.url);
  await again.get('/csrf-token');
  assert.equal((await again.post('/password-setup', { token, password: PASSWORD })).status, 410, 'single use');

  const reset = await server.app.staffAccounts.reset(added.staff.id);
  assert.equal((await client.get('/me')).status, 401, 'a reset ends the sessions');
  now.set('2026-03-05T09:00:01.000Z');
  const late = await again.post('/password-setup', { token: reset.setupLink.split('/').pop(), password: PASSWORD });
  assert.equal(late.status, 410, 'expired after 72 hours');
  assert.equal(late.json.error, 'link_expired');

  const other = await server.app.staffAccounts.add({ email: 'two@energibolaget.example', role: 'viewer', password: PASSWORD });
  const first = consoleClient(server.url);
  const second = consoleClient(server.url);
  await first.signIn('two@energibolaget.example', PASSWORD);
  await second.signIn('two@energibolaget.example', PASSWORD);
  assert.equal((await first.post('/password', { currentPassword: 'wrong one', newPassword: 'a new long password' })).status, 401);
  assert.equal((await first.post('/password', { currentPassword: PASSWORD, newPassword: 'a new long password' })).status, 204);
  assert.equal((await first.get('/me')).status, 200, 'this session stays');
  assert.equal((await second.get('/me')).status, 401, 'the other one ends');
  const third = consoleClient(server.url);
  await third.signIn('two@energibolaget.example', 'a new long password');
  assert.ok(other.staff.id);
});

test(`[${STORAGE_KIND}] the bearer-token admin API still works beside the console`, async (t) => {
  const server = await startServer(t);
  assert.equal((await server.admin('/api/admin/rights-requests')).status, 200);
  assert.equal((await request(`${server.url}/api/admin/rights-requests`)).status, 401);
});
