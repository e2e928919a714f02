// CR-06 / GDPR Art. 5(1)(e): records older than the configured periods go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, consentRecord, rightsRequest, fixedClock, STORAGE_KIND } from './helpers.js';

test(`[${STORAGE_KIND}] the retention job deletes old consent records and old closed requests only`, async (t) => {
  const now = fixedClock('2025-01-10T12:00:00.000Z');
  const server = await startServer(t, { now, retention: { consentRecordsDays: 365, rightsRequestsDays: 730 } });
  const old = consentRecord();
  await server.post('/api/consent-records', old);
  const { json: oldDone } = await server.post('/api/rights-requests', rightsRequest());
  const { json: oldOpen } = await server.post('/api/rights-requests', rightsRequest());
  await server.admin(`/api/admin/rights-requests/${oldDone.reference}/status`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"done"}' });

  now.set('2026-06-01T12:00:00.000Z');
  const recent = consentRecord();
  await server.post('/api/consent-records', recent);
  const { json: recentDone } = await server.post('/api/rights-requests', rightsRequest());
  await server.admin(`/api/admin/rights-requests/${recentDone.reference}/status`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"refused"}' });

  // 2026-06-01: the 2025-01-10 consent record is past 365 days, the requests not yet past 730.
  assert.deepEqual(await server.app.runRetention(), { consentRecords: 1, rightsRequests: 0 });
  const records = await server.admin('/api/admin/consent-records');
  assert.deepEqual(records.json.records.map((r) => r.receiptId), [recent.receiptId]);

  // Through the admin route, at 2027-01-11: the closed 2025 request is past 730 days, the open one stays.
  now.set('2027-01-11T12:00:00.000Z');
  const run = await server.admin('/api/admin/retention/run', { method: 'POST' });
  assert.deepEqual(run.json, { consentRecords: 0, rightsRequests: 1 });
  const left = await server.admin('/api/admin/rights-requests');
  assert.deepEqual(left.json.requests.map((r) => r.reference).sort(), [oldOpen.reference, recentDone.reference].sort());
  assert.equal((await server.admin(`/api/admin/rights-requests/${oldDone.reference}`)).status, 404);

  assert.deepEqual(await server.app.runRetention(), { consentRecords: 0, rightsRequests: 0 }, 'nothing twice');
});

test(`[${STORAGE_KIND}] retention deletes in chunks: more rows than one chunk`, async (t) => {
  const now = fixedClock('2024-01-01T00:00:00.000Z');
  const server = await startServer(t, { now, retention: { consentRecordsDays: 30, rightsRequestsDays: 30 } });
  const batch = Array.from({ length: 5200 }, () => consentRecord());
  for (let i = 0; i < batch.length; i += 200) {
    await Promise.all(batch.slice(i, i + 200).map((record) => server.app.storage.addConsentRecord(record, now().toISOString())));
  }
  now.set('2024-03-01T00:00:00.000Z');
  assert.deepEqual(await server.app.runRetention(), { consentRecords: 5200, rightsRequests: 0 });
});

test(`[${STORAGE_KIND}] the retention job runs by itself on its schedule`, async (t) => {
  const now = fixedClock('2024-01-01T00:00:00.000Z');
  const server = await startServer(t, {
    now, scheduleRetention: true, retention: { consentRecordsDays: 1, rightsRequestsDays: 1, intervalMs: 100 },
  });
  await server.post('/api/consent-records', consentRecord());
  now.set('2024-01-03T00:00:00.000Z');
  let remaining = 1;
  for (let i = 0; i < 50 && remaining > 0; i++) {
    await sleep(50);
    remaining = (await server.admin('/api/admin/consent-records')).json.records.length;
  }
  assert.equal(remaining, 0);
});
