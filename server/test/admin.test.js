import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, consentRecord, rightsRequest, request, fixedClock, STORAGE_KIND } from './helpers.js';

test(`[${STORAGE_KIND}] admin routes need the bearer token: 401 otherwise`, async (t) => {
  const server = await startServer(t, { adminToken: 'correct-horse-battery-staple-0123456789' });
  const paths = ['/api/admin/consent-records', '/api/admin/rights-requests', '/api/admin/rights-requests/RR-2026-AAAAAA'];
  const wrong = [undefined, 'Bearer wrong', 'Bearer correct-horse-battery-staple-012345678', 'Basic Y29ycmVjdA==',
    'correct-horse-battery-staple-0123456789', 'Bearer  correct-horse-battery-staple-0123456789', 'Bearer '];
  for (const path of paths) {
    for (const authorization of wrong) {
      const answer = await request(`${server.url}${path}`, { headers: authorization ? { authorization } : {} });
      assert.equal(answer.status, 401, `${path} ${authorization}`);
      assert.equal(answer.json.error, 'unauthorized');
      assert.equal(answer.headers['www-authenticate'], 'Bearer');
    }
    assert.equal((await server.admin(path)).status === 401, false, path);
  }
  const post = await request(`${server.url}/api/admin/retention/run`, { method: 'POST' });
  assert.equal(post.status, 401);
});

test(`[${STORAGE_KIND}] without ADMIN_TOKEN the admin API refuses everything`, async (t) => {
  const server = await startServer(t, { adminToken: null });
  for (const authorization of ['Bearer ', 'Bearer undefined', 'Bearer null']) {
    const answer = await request(`${server.url}/api/admin/rights-requests`, { headers: { authorization } });
    assert.equal(answer.status, 401);
  }
});

test(`[${STORAGE_KIND}] consent records by consentId and by date range, paged`, async (t) => {
  const now = fixedClock('2026-11-01T00:00:00.000Z');
  const server = await startServer(t, { now });
  const browserA = consentRecord().consentId;
  const browserB = consentRecord().consentId;
  const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
  for (const day of days) {
    now.set(`${day}T12:00:00.000Z`);
    assert.equal((await server.post('/api/consent-records', consentRecord({ consentId: browserA }))).status, 201);
    assert.equal((await server.post('/api/consent-records', consentRecord({ consentId: browserB }))).status, 201);
  }
  const byBrowser = await server.admin(`/api/admin/consent-records?consentId=${browserA}`);
  assert.equal(byBrowser.json.records.length, 4);
  assert.ok(byBrowser.json.records.every((r) => r.consentId === browserA));
  assert.deepEqual(byBrowser.json.records.map((r) => r.receivedAt.slice(0, 10)), days, 'oldest first');

  const range = await server.admin('/api/admin/consent-records?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z');
  assert.equal(range.json.records.length, 4, 'two days × two browsers; to is exclusive');
  const both = await server.admin(`/api/admin/consent-records?consentId=${browserB}&from=2026-11-03T00:00:00%2B01:00`);
  assert.equal(both.json.records.length, 2);

  const seen = [];
  let cursor = '';
  for (let page = 0; page < 10; page++) {
    const answer = await server.admin(`/api/admin/consent-records?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...answer.json.records.map((r) => r.receiptId));
    if (!answer.json.nextCursor) break;
    cursor = answer.json.nextCursor;
  }
  assert.equal(seen.length, 8);
  assert.equal(new Set(seen).size, 8, 'pages do not overlap');

  for (const query of ['consentId=nope', 'from=yesterday', 'limit=0', 'limit=10001', 'cursor=bm9wZQ', 'format=xml', 'extra=1']) {
    const answer = await server.admin(`/api/admin/consent-records?${query}`);
    assert.equal(answer.status, 400, query);
    assert.equal(typeof answer.json.field, 'string', query);
  }
});

test(`[${STORAGE_KIND}] CSV export: one column per category, formulas neutralised`, async (t) => {
  const now = fixedClock('2026-11-21T10:00:00.000Z');
  const server = await startServer(t, { now });
  const record = consentRecord({ configVersion: '=HYPERLINK("http://evil.example")', categories: { necessary: true, statistics: false } });
  await server.post('/api/consent-records', record);
  now.set('2026-11-21T10:00:01.000Z');
  await server.post('/api/consent-records', consentRecord({ consentId: record.consentId, categories: { necessary: true, marketing: true } }));
  const csv = await server.admin(`/api/admin/consent-records?consentId=${record.consentId}&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /^text\/csv/);
  assert.match(csv.headers['content-disposition'], /attachment; filename="consent-records\.csv"/);
  const lines = csv.text.trimEnd().split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], '"receiptId","consentId","receivedAt","timestamp","action","configVersion","contentHash","locale","expiresAt","schemaVersion","category:marketing","category:necessary","category:statistics"');
  assert.ok(lines[1].startsWith(`"${record.receiptId}","${record.consentId}","2026-11-21T10:00:00.000Z"`));
  assert.ok(lines[1].includes(`"'=HYPERLINK(""http://evil.example"")"`), 'formula prefixed with an apostrophe, quotes doubled');
  assert.ok(lines[1].endsWith('"","true","false"'));
  assert.ok(lines[2].endsWith('"true","true",""'));
});

test(`[${STORAGE_KIND}] rights requests: list with days left, status changes audited, extension once`, async (t) => {
  const now = fixedClock('2026-01-31T09:00:00.000Z');
  const server = await startServer(t, { now });
  const { json: answer } = await server.post('/api/rights-requests', rightsRequest({ right: 'portability' }));
  await server.post('/api/rights-requests', rightsRequest());
  now.set('2026-02-20T09:00:00.000Z');

  const listed = await server.admin('/api/admin/rights-requests');
  assert.equal(listed.json.requests.length, 2);
  const summary = listed.json.requests.find((r) => r.reference === answer.reference);
  assert.deepEqual(summary, { reference: answer.reference, right: 'portability', status: 'received', extended: false,
    receivedAt: '2026-01-31T09:00:00.000Z', dueBy: '2026-02-28', daysLeft: 8, locale: 'sv', updatedAt: '2026-01-31T09:00:00.000Z' });
  assert.equal('subject' in summary, false, 'the list leaves out personal data');

  const change = (status, extra = {}) => server.admin(`/api/admin/rights-requests/${answer.reference}/status`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status, ...extra }),
  });
  assert.equal((await change('verifying', { actor: 'dpo@energibolaget.example', note: 'ID check sent' })).status, 200);
  now.set('2026-02-21T09:00:00.000Z');
  const extended = await change('extended', { note: 'many systems' });
  assert.equal(extended.json.dueBy, '2026-04-30', 'three months from 31 January, not two from 28 February');
  assert.equal(extended.json.extended, true);
  assert.equal(extended.json.daysLeft, 68);
  const inProgress = await change('in-progress');
  assert.equal(inProgress.json.dueBy, '2026-04-30', 'the extension stays');
  assert.equal((await change('extended')).json.dueBy, '2026-04-30', 'extended only once');
  const done = await change('done');
  assert.equal(done.json.daysLeft, null);

  assert.deepEqual(done.json.events.map((e) => [e.actor, e.fromStatus, e.toStatus, e.dueByBefore, e.dueByAfter, e.note]), [
    ['system', null, 'received', null, '2026-02-28', null],
    ['dpo@energibolaget.example', 'received', 'verifying', '2026-02-28', '2026-02-28', 'ID check sent'],
    ['admin', 'verifying', 'extended', '2026-02-28', '2026-04-30', 'many systems'],
    ['admin', 'extended', 'in-progress', '2026-04-30', '2026-04-30', null],
    ['admin', 'in-progress', 'extended', '2026-04-30', '2026-04-30', null],
    ['admin', 'extended', 'done', '2026-04-30', '2026-04-30', null],
  ]);
  assert.equal(done.json.events[2].at, '2026-02-21T09:00:00.000Z');

  const open = await server.admin('/api/admin/rights-requests?open=true');
  assert.deepEqual(open.json.requests.map((r) => r.status), ['received']);
  const byStatus = await server.admin('/api/admin/rights-requests?status=done');
  assert.deepEqual(byStatus.json.requests.map((r) => r.reference), [answer.reference]);

  assert.equal((await change('finished')).status, 400);
  assert.equal((await change('done', { actor: '' })).status, 400);
  const missing = await server.admin('/api/admin/rights-requests/RR-2026-ZZZZZZ/status', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"done"}' });
  assert.equal(missing.status, 404);
  assert.equal((await server.admin('/api/admin/rights-requests/not-a-reference')).status, 400);
});
