// Global Privacy Control with consent records (SIG-06): the banner's gpc part
// is stored and returned as sent, and the request's Sec-GPC: 1 header is kept
// as secGpc. Runs on SQLite and on PostgreSQL (run.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, consentRecord, fixedClock, STORAGE_KIND } from './helpers.js';

const GPC = { seen: true, honoured: true, categories: ['marketing'] };

async function stored(server, record) {
  const listed = await server.admin(`/api/admin/consent-records?consentId=${record.consentId}`);
  assert.equal(listed.status, 200);
  return listed.json.records;
}

test(`[${STORAGE_KIND}] a record with the gpc part and the Sec-GPC: 1 header keeps both`, async (t) => {
  const now = fixedClock('2026-12-03T10:00:00.000Z');
  const server = await startServer(t, { now });
  const record = consentRecord({ action: 'accept-all', categories: { necessary: true, statistics: true, marketing: false }, gpc: GPC });
  const answer = await server.post('/api/consent-records', record, { 'sec-gpc': '1' });
  assert.equal(answer.status, 201);
  assert.deepEqual(await stored(server, record), [{ ...record, secGpc: true, receivedAt: '2026-12-03T10:00:00.000Z' }]);
});

test(`[${STORAGE_KIND}] the visitor's own grant despite the signal, and a site that ignores it with a reason`, async (t) => {
  const server = await startServer(t);
  const overridden = consentRecord({ gpc: { ...GPC, honoured: false }, categories: { necessary: true, marketing: true } });
  const ignored = consentRecord({ gpc: { ...GPC, honoured: false, ignoredReason: 'Only our own newsletter statistics.' } });
  for (const record of [overridden, ignored]) {
    assert.equal((await server.post('/api/consent-records', record, { 'sec-gpc': '1' })).status, 201);
    assert.deepEqual((await stored(server, record))[0].gpc, record.gpc);
  }
});

test(`[${STORAGE_KIND}] without the header (or with a value other than "1") no secGpc is stored`, async (t) => {
  const server = await startServer(t);
  const plain = consentRecord();
  const other = consentRecord({ gpc: GPC });
  assert.equal((await server.post('/api/consent-records', plain)).status, 201);
  assert.equal((await server.post('/api/consent-records', other, { 'sec-gpc': '0' })).status, 201);
  const [first] = await stored(server, plain);
  assert.equal('secGpc' in first, false);
  assert.equal('gpc' in first, false);
  const [second] = await stored(server, other);
  assert.equal('secGpc' in second, false);
  assert.deepEqual(second.gpc, GPC);
});

const INVALID = [
  ['seen false', { ...GPC, seen: false }, /gpc\.seen/],
  ['unknown key', { ...GPC, extra: 1 }, /gpc/],
  ['honoured missing', { seen: true, categories: [] }, /honoured/],
  ['a category id with capitals', { ...GPC, categories: ['Marketing'] }, /gpc\.categories/],
];

for (const [name, gpc, message] of INVALID) {
  test(`[${STORAGE_KIND}] an invalid gpc part is refused: ${name}`, async (t) => {
    const server = await startServer(t);
    const answer = await server.post('/api/consent-records', consentRecord({ gpc }), { 'sec-gpc': '1' });
    assert.equal(answer.status, 400);
    assert.match(answer.text, message);
  });
}
