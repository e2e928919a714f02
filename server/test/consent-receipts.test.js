// "Is this receipt genuine?" (issue 12, CR-07): POST /api/consent-receipts/verify
// answers the stored record for a receipt id and consent id, the same 404 for
// every miss, rate limited per client, CORS like the consent-records route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, consentRecord, request, fixedClock, STORAGE_KIND } from './helpers.js';

const VERIFY = '/api/consent-receipts/verify';
const NOT_FOUND = { error: 'not_found', message: 'No consent record has this receipt id and consent id.' };
const ALLOWED = 'https://www.energibolaget.example';

test(`[${STORAGE_KIND}] verify a receipt: the stored record as received, nothing more`, async (t) => {
  const now = fixedClock('2026-11-21T10:00:00.000Z');
  const server = await startServer(t, { now });
  const record = consentRecord({ action: 'reject-all' });
  await server.post('/api/consent-records', record);
  now.set('2026-11-22T10:00:00.000Z');
  const later = consentRecord({ consentId: record.consentId, action: 'accept-all' });
  await server.post('/api/consent-records', later);

  const answer = await server.post(VERIFY, { receiptId: record.receiptId, consentId: record.consentId });
  assert.equal(answer.status, 200, answer.text);
  assert.deepEqual(answer.json, { genuine: true, record: { ...record, receivedAt: '2026-11-21T10:00:00.000Z' } },
    'exactly the fields sent plus receivedAt; not the later record of the same consent id');

  const upper = await server.post(VERIFY, { receiptId: later.receiptId.toUpperCase(), consentId: later.consentId.toUpperCase() });
  assert.equal(upper.status, 200);
  assert.equal(upper.json.record.action, 'accept-all');
});

test(`[${STORAGE_KIND}] verify a receipt: the same 404 for an unknown receipt and for another consent id`, async (t) => {
  const server = await startServer(t);
  const mine = consentRecord();
  const theirs = consentRecord();
  await server.post('/api/consent-records', mine);
  await server.post('/api/consent-records', theirs);
  const misses = [
    { receiptId: randomUUID(), consentId: mine.consentId }, // no such receipt
    { receiptId: theirs.receiptId, consentId: mine.consentId }, // exists, under another consent id
    { receiptId: mine.consentId, consentId: mine.receiptId }, // the two ids swapped
  ];
  const answers = [];
  for (const body of misses) answers.push(await server.post(VERIFY, body));
  for (const answer of answers) {
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.json, NOT_FOUND);
    assert.equal(answer.text, answers[0].text, 'byte for byte the same answer');
    assert.equal(answer.headers['content-length'], answers[0].headers['content-length']);
  }
});

test(`[${STORAGE_KIND}] verify a receipt: 400 naming the field, 403 cross-site, 415`, async (t) => {
  const server = await startServer(t, { corsOrigins: [ALLOWED] });
  const ids = { receiptId: randomUUID(), consentId: randomUUID() };
  const cases = [
    [{ receiptId: ids.receiptId }, 'consentId', /consentId is required/],
    [{ ...ids, receiptId: 'RCPT-1' }, 'receiptId', /receiptId must be a UUID/],
    [{ ...ids, consentId: 12 }, 'consentId', /must be a text/],
    [{ ...ids, limit: 100 }, 'limit', /limit is not an accepted field/],
  ];
  for (const [body, field, message] of cases) {
    const answer = await server.post(VERIFY, body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.json.field, field);
    assert.match(answer.json.message, message);
  }
  assert.equal((await server.post(VERIFY, ids, { origin: 'https://evil.example' })).status, 403);
  assert.equal((await server.post(VERIFY, ids, { 'sec-fetch-site': 'cross-site' })).status, 403);
  assert.equal((await server.post(VERIFY, ids, { 'x-privacy-elements': '' })).status, 403);
  const form = await request(`${server.url}${VERIFY}`, {
    method: 'POST', body: 'receiptId=x', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-privacy-elements': '1' } });
  assert.equal(form.status, 415);
});

test(`[${STORAGE_KIND}] verify a receipt: CORS for the allowed origins only, like the consent-records route`, async (t) => {
  const server = await startServer(t, { corsOrigins: [ALLOWED] });
  const record = consentRecord();
  await server.post('/api/consent-records', record);
  const ids = { receiptId: record.receiptId, consentId: record.consentId };
  const allowed = await server.post(VERIFY, ids, { origin: ALLOWED, 'sec-fetch-site': 'cross-site' });
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers['access-control-allow-origin'], ALLOWED);
  const preflight = (origin) => request(`${server.url}${VERIFY}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-privacy-elements' },
  });
  const ok = await preflight(ALLOWED);
  assert.equal(ok.status, 204);
  assert.equal(ok.headers['access-control-allow-origin'], ALLOWED);
  assert.equal(ok.headers['access-control-allow-credentials'], undefined);
  assert.equal((await preflight('https://evil.example')).headers['access-control-allow-origin'], undefined);
});

test(`[${STORAGE_KIND}] verify a receipt: rate limited per client, generic 429, other routes unaffected`, async (t) => {
  const server = await startServer(t, { verifyRateLimit: { max: 3, timeWindow: 60_000 } });
  const record = consentRecord();
  await server.post('/api/consent-records', record);
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await server.post(VERIFY, { receiptId: randomUUID(), consentId: randomUUID() })).status);
  const limited = await server.post(VERIFY, { receiptId: record.receiptId, consentId: record.consentId });
  statuses.push(limited.status);
  assert.deepEqual(statuses, [404, 404, 404, 429], 'even a genuine receipt waits once the limit is reached');
  assert.deepEqual(limited.json, { error: 'rate_limited', message: 'Too many requests. Please try again later.' });
  for (const header of Object.keys(limited.headers)) assert.doesNotMatch(header, /ratelimit|retry-after/);
  assert.equal((await server.post('/api/consent-records', consentRecord())).status, 201, 'consent records unaffected');
});

test(`[${STORAGE_KIND}] the OpenAPI document describes the receipt check and the consent stats`, async (t) => {
  const server = await startServer(t);
  const { json: doc } = await server.get('/api/openapi.json');
  const verify = doc.paths[VERIFY].post;
  assert.deepEqual(Object.keys(verify.requestBody.content['application/json'].schema.properties).sort(), ['consentId', 'receiptId']);
  assert.ok(verify.responses['200'] && verify.responses['404'] && verify.responses['429']);
  assert.equal(verify.security, undefined, 'public');
  const statsRoute = doc.paths['/api/admin/consent-stats'].get;
  assert.deepEqual(statsRoute.parameters.map((p) => p.name).sort(), ['from', 'to', 'version']);
  assert.deepEqual(statsRoute.security, [{ adminToken: [] }]);
  const day = statsRoute.responses['200'].content['application/json'].schema.properties.byDay.items.properties;
  assert.deepEqual(Object.keys(day), ['day', 'decisions', 'actions', 'rates', 'categories', 'suppressed']);
});
