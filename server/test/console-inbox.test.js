// Issue 13: the console's inbox and request page, status changes with a
// note, the extension (GDPR Art. 12(3)), reply templates in the requester's
// language, consent proof, staff management — each step in the audit trail
// with the staff member's id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rightsRequest, consentRecord, fixedClock, STORAGE_KIND } from './helpers.js';
import { signedIn } from './console-client.js';

test(`[${STORAGE_KIND}] inbox: open requests by days left with overdue and due-soon flags, filters, search`, async (t) => {
  const now = fixedClock('2026-01-05T09:00:00.000Z');
  const server = await startServer(t, { now });
  const post = async (at, overrides) => { now.set(at); return (await server.post('/api/rights-requests', rightsRequest(overrides))).json.reference; };
  const oldest = await post('2026-01-05T09:00:00.000Z', { right: 'erasure' });
  const middle = await post('2026-01-28T09:00:00.000Z', { right: 'access' });
  const newest = await post('2026-02-10T09:00:00.000Z', { right: 'access', locale: 'fi' });
  const closed = await post('2026-02-11T09:00:00.000Z', { right: 'portability' });
  now.set('2026-02-21T09:00:00.000Z');
  const handler = await signedIn(server, 'handler');
  assert.equal((await handler.post(`/rights-requests/${closed}/status`, { status: 'done', note: 'sent the file' })).status, 200);

  const { json } = await handler.get('/rights-requests');
  assert.deepEqual(json.requests.map((r) => r.reference), [oldest, middle, newest, closed], 'most urgent first, closed last');
  const [a, b, c, d] = json.requests;
  assert.deepEqual([a.dueBy, a.daysLeft, a.overdue, a.dueSoon], ['2026-02-05', -16, true, false]);
  assert.deepEqual([b.dueBy, b.daysLeft, b.overdue, b.dueSoon], ['2026-02-28', 7, false, true]);
  assert.deepEqual([c.dueBy, c.daysLeft, c.overdue, c.dueSoon], ['2026-03-10', 17, false, false]);
  assert.deepEqual([d.status, d.daysLeft, d.overdue, d.dueSoon], ['done', null, false, false]);
  assert.equal(a.verification, 'not-sent', 'e-mail is off here');
  assert.equal('subject' in a, false, 'no personal data in the list');
  assert.deepEqual(json.counts, { open: 3, overdue: 1, dueSoon: 1, unverified: 3 });

  const refs = async (query) => (await handler.get(`/rights-requests?${query}`)).json.requests.map((r) => r.reference);
  assert.deepEqual(await refs('open=true'), [oldest, middle, newest]);
  assert.deepEqual(await refs('right=access'), [middle, newest]);
  assert.deepEqual(await refs('status=done'), [closed]);
  assert.deepEqual(await refs(`q=${newest.slice(-4).toLowerCase()}`), [newest], 'search by part of the reference');
  assert.deepEqual(await refs('right=access&status=done'), []);
  for (const bad of ['status=finished', 'right=everything', 'q=%25', 'q=a%20b', 'extra=1']) {
    assert.equal((await handler.get(`/rights-requests?${bad}`)).status, 400, bad);
  }
});

test(`[${STORAGE_KIND}] a request's page, status changes with notes, extension once within the first month, requester told`, async (t) => {
  const now = fixedClock('2026-01-31T09:00:00.000Z');
  const server = await startServer(t, { now });
  const { json: { reference } } = await server.post('/api/rights-requests', rightsRequest({ right: 'access', locale: 'sv-FI' }));
  now.set('2026-02-10T09:00:00.000Z');
  const handler = await signedIn(server, 'handler');

  const page = (await handler.get(`/rights-requests/${reference}`)).json;
  assert.deepEqual(page.subject, { name: 'Anna Andersson', email: 'anna@example.se', customerNumber: '123456' });
  assert.deepEqual(page.details.meters, ['A1', 'B2']);
  assert.equal(page.dueBy, '2026-02-28');
  assert.equal(page.canExtend, true);
  assert.deepEqual(page.verification, { state: 'not-sent', sentAt: null, verifiedAt: null });
  assert.equal(page.extension, null);
  assert.equal(page.replyTemplates.answer.locale, 'sv');
  assert.match(page.replyTemplates.answer.subject, new RegExp(`^Din begäran ${reference}: tillgång till dina personuppgifter$`));
  assert.match(page.replyTemplates.answer.body, /Vi tog emot din begäran om tillgång till dina personuppgifter den 31 januari 2026/);
  assert.match(page.replyTemplates.extension.body, /svarar senast \[datum\]|svarar senast \[date\]/);

  const changed = await handler.post(`/rights-requests/${reference}/status`, { status: 'in-progress', note: 'Collecting data from billing' });
  assert.equal(changed.json.status, 'in-progress');
  assert.equal((await handler.post(`/rights-requests/${reference}/status`, { status: 'extended' })).status, 400, 'extending has its own route');
  assert.equal((await handler.post(`/rights-requests/${reference}/extension`, { months: 3, reason: 'x' })).status, 400, 'two months at most');
  assert.equal((await handler.post(`/rights-requests/${reference}/extension`, { months: 2, reason: '' })).status, 400, 'a reason is required');
  assert.equal((await handler.post(`/rights-requests/${reference}/requester-told`, {})).json.error, 'not_extended');

  const extended = await handler.post(`/rights-requests/${reference}/extension`, { months: 2, reason: 'Data in three billing systems' });
  assert.equal(extended.status, 200);
  assert.equal(extended.json.dueBy, '2026-04-30', 'three months from 31 January');
  assert.equal(extended.json.status, 'extended');
  assert.equal(extended.json.canExtend, false);
  assert.deepEqual(extended.json.extension, { months: 2, reason: 'Data in three billing systems', extendedAt: '2026-02-10T09:00:00.000Z',
    extendedBy: handler.staff.email, requesterToldAt: null, mustTellBy: '2026-02-28' });
  assert.match(extended.json.replyTemplates.extension.body, /svarar senast 30 april 2026\.\n\nSkälet: Data in three billing systems/);
  assert.equal((await handler.post(`/rights-requests/${reference}/extension`, { months: 1, reason: 'again' })).json.error, 'already_extended');

  now.set('2026-02-10T09:20:00.000Z');
  const told = await handler.post(`/rights-requests/${reference}/requester-told`, { note: 'e-mailed the extension template' });
  assert.equal(told.json.extension.requesterToldAt, '2026-02-10T09:20:00.000Z');
  const done = await handler.post(`/rights-requests/${reference}/status`, { status: 'done', note: 'Sent the copy' });
  assert.equal(done.json.daysLeft, null);
  assert.equal(done.json.dueBy, '2026-04-30', 'the extended deadline stays');

  assert.deepEqual(done.json.events.map((e) => [e.kind, e.actor, e.staffId, e.fromStatus, e.toStatus, e.dueByAfter, e.note]), [
    ['received', 'system', null, null, 'received', '2026-02-28', null],
    ['status', handler.staff.email, handler.staff.id, 'received', 'in-progress', '2026-02-28', 'Collecting data from billing'],
    ['extension', handler.staff.email, handler.staff.id, 'in-progress', 'extended', '2026-04-30', 'Data in three billing systems'],
    ['requester-told', handler.staff.email, handler.staff.id, 'extended', 'extended', '2026-04-30', 'e-mailed the extension template'],
    ['status', handler.staff.email, handler.staff.id, 'extended', 'done', '2026-04-30', 'Sent the copy'],
  ]);
  const views = await server.app.storage.console.read.staffAudit({ staffId: handler.staff.id, action: 'request-viewed' });
  assert.deepEqual(views.map((v) => v.target), [reference], 'viewing a request is audited');
  assert.equal((await handler.post(`/rights-requests/${reference}/extension`, { months: 1, reason: 'late' })).json.error, 'closed');
  assert.equal((await handler.get('/rights-requests/RR-2026-AAAAAA')).status, 404);
});

test(`[${STORAGE_KIND}] no extension after the first month (GDPR Art. 12(3)); on the last day it is still allowed`, async (t) => {
  const now = fixedClock('2026-03-15T12:00:00.000Z');
  const server = await startServer(t, { now });
  const { json: late } = await server.post('/api/rights-requests', rightsRequest());
  const { json: lastDay } = await server.post('/api/rights-requests', rightsRequest({ right: 'erasure', locale: 'da' }));
  now.set('2026-04-15T23:59:00.000Z');
  const handler = await signedIn(server, 'handler');
  const page = (await handler.get(`/rights-requests/${lastDay.reference}`)).json;
  assert.equal(page.canExtend, true, 'due date is today');
  assert.equal((await handler.post(`/rights-requests/${lastDay.reference}/extension`, { months: 1, reason: 'Backups' })).json.dueBy, '2026-05-15');
  now.set('2026-04-16T00:00:01.000Z');
  assert.equal((await handler.get(`/rights-requests/${late.reference}`)).json.canExtend, false);
  const refused = await handler.post(`/rights-requests/${late.reference}/extension`, { months: 2, reason: 'Too late' });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.error, 'extension_too_late');
  assert.equal((await handler.get(`/rights-requests/${late.reference}`)).json.dueBy, '2026-04-15', 'unchanged');
});

test('reply templates exist for every right in every language, plain text, in the requester\'s language', async () => {
  const { replyTemplates } = await import('../domain/reply-templates.js');
  const { RIGHTS } = await import('../schemas/rights-request.js');
  const seen = new Set();
  for (const locale of ['sv', 'da', 'nb', 'fi', 'en', 'is', 'sv-FI', 'no', 'de']) {
    for (const right of RIGHTS) {
      const templates = replyTemplates({ reference: 'RR-2026-ABCDEF', right, locale, receivedAt: '2026-02-01T10:00:00Z',
        dueBy: '2026-05-01', extension: { months: 2, reason: 'REASON' } });
      for (const { subject, body } of Object.values(templates)) {
        assert.ok(subject.includes('RR-2026-ABCDEF') && body.includes('RR-2026-ABCDEF'), `${locale} ${right}`);
        assert.doesNotMatch(subject + body, /\{\w+\}|undefined|<[a-z]/i, `${locale} ${right}: filled, no HTML`);
        seen.add(templates.answer.body);
      }
      assert.match(templates.extension.body, /REASON/);
    }
  }
  assert.equal(replyTemplates({ reference: 'RR-2026-ABCDEF', right: 'access', locale: 'de', receivedAt: '2026-02-01T10:00:00Z', dueBy: '2026-03-01', extension: null }).answer.locale, 'en');
  assert.equal(seen.size, 6 * 7, 'a different text per right and language');
});

test(`[${STORAGE_KIND}] consent proof by consent id or receipt id, in order, exported as CSV and JSON`, async (t) => {
  const now = fixedClock('2026-02-01T10:00:00.000Z');
  const server = await startServer(t, { now });
  const first = consentRecord({ configVersion: '2026-01', contentHash: 'aa'.repeat(32) });
  await server.post('/api/consent-records', first);
  now.set('2026-02-03T10:00:00.000Z');
  const second = consentRecord({ consentId: first.consentId, configVersion: '2026-02', contentHash: 'bb'.repeat(32), action: 'withdraw' });
  await server.post('/api/consent-records', second);
  await server.post('/api/consent-records', consentRecord());
  const viewer = await signedIn(server, 'viewer');

  const byConsent = (await viewer.get(`/consent-proof?id=${first.consentId.toUpperCase()}`)).json;
  assert.equal(byConsent.matchedBy, 'consentId');
  assert.deepEqual(byConsent.records.map((r) => [r.receiptId, r.configVersion, r.contentHash, r.action]),
    [[first.receiptId, '2026-01', 'aa'.repeat(32), first.action], [second.receiptId, '2026-02', 'bb'.repeat(32), 'withdraw']]);
  const byReceipt = (await viewer.get(`/consent-proof?id=${second.receiptId}`)).json;
  assert.equal(byReceipt.matchedBy, 'receiptId');
  assert.equal(byReceipt.consentId, first.consentId);
  assert.equal(byReceipt.records.length, 2, 'every record of that browser');

  const csv = await viewer.get(`/consent-proof/export?id=${second.receiptId}&format=csv`);
  assert.match(csv.headers['content-type'], /^text\/csv/);
  assert.equal(csv.headers['content-disposition'], `attachment; filename="consent-${first.consentId}.csv"`);
  assert.equal(csv.text.trimEnd().split('\r\n').length, 3);
  const file = await viewer.get(`/consent-proof/export?id=${first.consentId}&format=json`);
  assert.match(file.headers['content-disposition'], /\.json"$/);
  assert.deepEqual(file.json.records.map((r) => r.receiptId), [first.receiptId, second.receiptId]);

  assert.equal((await viewer.get('/consent-proof?id=0b7d3b9e-6c1a-4f57-9d3e-2a3c4b5d6e7f')).status, 404);
  assert.equal((await viewer.get('/consent-proof?id=nope')).status, 400);
  const lookups = await server.app.storage.console.read.staffAudit({ staffId: viewer.staff.id });
  assert.deepEqual(lookups.map((e) => e.action).filter((a) => a.startsWith('consent')),
    ['consent-proof-viewed', 'consent-proof-viewed', 'consent-proof-exported-csv', 'consent-proof-exported-json', 'consent-proof-viewed'],
    'the unknown id is audited too; the malformed one never reached a lookup');
});

test(`[${STORAGE_KIND}] consent rates in the console: the admin API's answer, behind the sign-in`, async (t) => {
  const server = await startServer(t, { now: fixedClock('2026-02-01T10:00:00.000Z') });
  await server.post('/api/consent-records', consentRecord());
  const viewer = await signedIn(server, 'viewer');
  const query = 'from=2026-02-01&to=2026-02-01';
  const inConsole = await viewer.get(`/consent-stats?${query}`);
  assert.equal(inConsole.status, 200);
  assert.deepEqual(inConsole.json, (await server.admin(`/api/admin/consent-stats?${query}`)).json);
  assert.equal((await viewer.get('/consent-stats?from=yesterday')).status, 400);
});

test(`[${STORAGE_KIND}] admins manage staff: add with a setup link, change role, disable (sessions end), reset; never the last admin`, async (t) => {
  const server = await startServer(t);
  const admin = await signedIn(server, 'admin');
  const added = await admin.post('/staff', { email: 'New.Person@Energibolaget.example', role: 'viewer' });
  assert.equal(added.status, 201);
  assert.equal(added.json.staff.email, 'new.person@energibolaget.example');
  assert.equal(added.json.staff.state, 'invited');
  assert.match(added.json.setupLink, /\/console\/#\/setup\//);
  assert.equal(added.json.emailed, false, 'e-mail is off here');
  assert.equal((await admin.post('/staff', { email: 'new.person@energibolaget.example', role: 'admin' })).json.error, 'exists');
  assert.equal((await admin.post('/staff', { email: 'not an address', role: 'viewer' })).json.field, 'email');

  const handler = await signedIn(server, 'handler');
  assert.equal((await admin.post(`/staff/${handler.staff.id}/role`, { role: 'viewer' })).json.staff.role, 'viewer');
  assert.equal((await handler.post('/rights-requests/RR-2026-AAAAAA/status', { status: 'done' })).status, 403, 'the new role applies at once');
  assert.equal((await admin.post(`/staff/${handler.staff.id}/disable`)).json.staff.state, 'disabled');
  assert.equal((await handler.get('/me')).status, 401, 'a disabled account\'s sessions end');
  assert.equal((await admin.post(`/staff/${handler.staff.id}/enable`)).json.staff.state, 'active');
  const reset = await admin.post(`/staff/${handler.staff.id}/reset`);
  assert.equal(reset.json.staff.state, 'invited');
  assert.match(reset.json.setupLink, /\/console\/#\/setup\//);

  assert.equal((await admin.post(`/staff/${admin.staff.id}/disable`)).json.error, 'self');
  assert.equal((await admin.post(`/staff/${admin.staff.id}/role`, { role: 'handler' })).json.error, 'last_admin');
  assert.equal((await admin.post('/staff/0b7d3b9e-6c1a-4f57-9d3e-2a3c4b5d6e7f/disable')).status, 404);
  const list = (await admin.get('/staff')).json.staff;
  assert.deepEqual(list.map((s) => s.role).sort(), ['admin', 'viewer', 'viewer']);
  assert.ok(list.every((s) => !('password_hash' in s) && !('passwordHash' in s)));

  const trail = await server.app.storage.console.read.staffAudit({ staffId: admin.staff.id });
  assert.deepEqual(trail.map((e) => e.action), ['sign-in', 'staff-added', 'staff-role', 'staff-disabled', 'staff-enabled', 'staff-reset']);
  assert.ok(trail.slice(2).every((e) => e.target === handler.staff.id));
  const audit = (await admin.get(`/audit?target=${handler.staff.id}`)).json.entries;
  assert.deepEqual(audit.map((e) => [e.action, e.staffId]), [['staff-reset', admin.staff.id], ['staff-enabled', admin.staff.id],
    ['staff-disabled', admin.staff.id], ['staff-role', admin.staff.id], ['staff-added', null]],
  'admins read the trail in the console, newest first (the handler was added by the CLI-side service: no staff id)');
});
