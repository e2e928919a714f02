import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, consentRecord, fixedClock, STORAGE_KIND } from './helpers.js';

test(`[${STORAGE_KIND}] a consent record is stored once: 201, then 200 with the same answer`, async (t) => {
  const now = fixedClock('2026-11-21T10:00:00.000Z');
  const server = await startServer(t, { now });
  const record = consentRecord();

  const first = await server.post('/api/consent-records', record);
  assert.equal(first.status, 201);
  assert.deepEqual(first.json, { receiptId: record.receiptId, receivedAt: '2026-11-21T10:00:00.000Z' });

  now.set('2026-11-21T10:05:00.000Z');
  const again = await server.post('/api/consent-records', record);
  assert.equal(again.status, 200);
  assert.deepEqual(again.json, first.json, 'a retry gets the first answer, with the first receivedAt');

  const listed = await server.admin(`/api/admin/consent-records?consentId=${record.consentId}`);
  assert.equal(listed.status, 200);
  assert.equal(listed.json.records.length, 1);
  // Exactly the fields sent plus receivedAt: no IP address, no user agent (CR-03).
  assert.deepEqual(listed.json.records[0], { ...record, receivedAt: '2026-11-21T10:00:00.000Z' });
});

test(`[${STORAGE_KIND}] concurrent identical records are stored once`, async (t) => {
  const server = await startServer(t);
  const record = consentRecord();
  const answers = await Promise.all(Array.from({ length: 20 }, () => server.post('/api/consent-records', record)));
  assert.equal(answers.filter((a) => a.status === 201).length, 1);
  assert.equal(answers.filter((a) => a.status === 200).length, 19);
  assert.equal(new Set(answers.map((a) => a.json.receivedAt)).size, 1);
  const listed = await server.admin(`/api/admin/consent-records?consentId=${record.consentId}`);
  assert.equal(listed.json.records.length, 1);
});

test(`[${STORAGE_KIND}] every action and a withdrawal are accepted`, async (t) => {
  const server = await startServer(t);
  for (const action of ['accept-all', 'reject-all', 'custom', 'withdraw']) {
    const answer = await server.post('/api/consent-records', consentRecord({ action, locale: 'en' }));
    assert.equal(answer.status, 201, action);
  }
});

const INVALID = [
  ['missing receiptId', (r) => { delete r.receiptId; }, 'receiptId', /receiptId is required/],
  ['receiptId not a UUID', (r) => { r.receiptId = 'abc'; }, 'receiptId', /receiptId must be a UUID/],
  ['receiptId a UUID v1', (r) => { r.receiptId = 'a8098c1a-f86e-11da-bd1a-00112444be1e'; }, 'receiptId', /UUID/],
  ['consentId missing', (r) => { delete r.consentId; }, 'consentId', /consentId is required/],
  ['wrong schemaVersion', (r) => { r.schemaVersion = 'consent-record/2'; }, 'schemaVersion', /schemaVersion must be "consent-record\/1"/],
  ['empty configVersion', (r) => { r.configVersion = ''; }, 'configVersion', /must not be empty/],
  ['long configVersion', (r) => { r.configVersion = 'x'.repeat(101); }, 'configVersion', /at most 100 characters/],
  ['configVersion with a NUL (PostgreSQL text cannot hold it)', (r) => { r.configVersion = 'v1\u0000'; }, 'configVersion', /configVersion must be text without control characters/],
  ['configVersion with a line break', (r) => { r.configVersion = 'v1\nv2'; }, 'configVersion', /without control characters/],
  ['uppercase contentHash', (r) => { r.contentHash = 'AB'.repeat(32); }, 'contentHash', /64 lowercase hexadecimal/],
  ['category value a string', (r) => { r.categories.statistics = 'false'; }, 'categories.statistics', /true or false/],
  ['category id with capitals', (r) => { r.categories.Marketing = true; }, 'categories', /entry name/],
  ['no categories', (r) => { r.categories = {}; }, 'categories', /at least 1 entry/],
  ['51 categories', (r) => { r.categories = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, true])); }, 'categories', /too many entries/],
  ['unknown action', (r) => { r.action = 'accept'; }, 'action', /action must be one of/],
  ['timestamp not a date-time', (r) => { r.timestamp = '21/11/2026'; }, 'timestamp', /ISO 8601/],
  ['expiresAt a number', (r) => { r.expiresAt = 1795268015969; }, 'expiresAt', /must be a text/],
  ['locale not BCP 47', (r) => { r.locale = 'swedish language'; }, 'locale', /language tag/],
  ['unknown field (an IP address)', (r) => { r.ip = '192.0.2.1'; }, 'ip', /ip is not an accepted field/],
  ['unknown field (a user agent)', (r) => { r.userAgent = 'Mozilla/5.0'; }, 'userAgent', /not an accepted field/],
];

for (const [name, change, field, message] of INVALID) {
  test(`[${STORAGE_KIND}] 400 naming the field: ${name}`, async (t) => {
    const server = await startServer(t);
    const record = consentRecord();
    change(record);
    const answer = await server.post('/api/consent-records', record);
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.json.error, 'invalid_request');
    assert.equal(answer.json.field, field);
    assert.match(answer.json.message, message);
  });
}
