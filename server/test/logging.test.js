// SEC-09: no rights-request body (nor any submitted value, nor the admin
// token) reaches the logs, whatever happens to the request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rightsRequest, consentRecord, request, STORAGE_KIND } from './helpers.js';

const SECRETS = ['Svea Hemlig', 'svea.hemlig@example.se', '0701234567', 'SECRET-FREE-TEXT', '19800101-1234'];

function captureLog() {
  const lines = [];
  return { lines, logStream: { write: (line) => { lines.push(line); } } };
}
function assertNoSecrets(lines, extra = []) {
  const all = lines.join('');
  assert.ok(lines.length > 0, 'something was logged');
  for (const secret of [...SECRETS, ...extra]) assert.equal(all.includes(secret), false, `log contains ${secret}`);
}
const secretRequest = (overrides = {}) => rightsRequest({
  subject: { name: 'Svea Hemlig', email: 'svea.hemlig@example.se', phone: '0701234567' },
  details: { freeText: 'SECRET-FREE-TEXT', personalNumber: '19800101-1234' }, ...overrides,
});

test(`[${STORAGE_KIND}] request bodies never reach the log, at any level, on any outcome`, async (t) => {
  const { lines, logStream } = captureLog();
  const server = await startServer(t, { logLevel: 'trace', logStream });
  const token = server.adminToken;
  const body = JSON.stringify(secretRequest());
  assert.equal((await server.post('/api/rights-requests', body)).status, 201);
  assert.equal((await server.post('/api/rights-requests', body)).status, 201);
  assert.equal((await server.post('/api/rights-requests', secretRequest({ website: 'x' }))).status, 201);
  // Failures whose error messages could quote the body.
  assert.equal((await server.post('/api/rights-requests', body.slice(0, -5) + 'SECRET-FREE-TEXT')).status, 400);
  assert.equal((await server.post('/api/rights-requests', { ...secretRequest(), '19800101-1234': 'x' })).status, 400);
  assert.equal((await server.post('/api/rights-requests', secretRequest({ subject: { email: 'svea.hemlig@example.se x' } }))).status, 400);
  assert.equal((await server.post('/api/rights-requests', body, { 'content-type': 'text/plain' })).status, 415);
  assert.equal((await server.post('/api/rights-requests', body, { 'sec-fetch-site': 'cross-site' })).status, 403);
  const listed = await server.admin('/api/admin/rights-requests');
  assert.equal((await server.admin(`/api/admin/rights-requests/${listed.json.requests[0].reference}`)).status, 200);
  await request(`${server.url}/api/admin/rights-requests`, { headers: { authorization: 'Bearer 0701234567' } });
  assertNoSecrets(lines, [token]);
  assert.ok(lines.some((line) => line.includes('"statusCode":400')), 'refusals are logged, without content');
});

test(`[${STORAGE_KIND}] a database failure is logged without the values it quotes`, async (t) => {
  const { lines, logStream } = captureLog();
  const server = await startServer(t, { logLevel: 'info', logStream });
  const failing = Object.create(server.app.storage);
  // What PostgreSQL says about a bad value: the value, quoted, and a detail row.
  failing.addRightsRequest = async () => {
    throw Object.assign(new Error('invalid input syntax for type uuid: "svea.hemlig@example.se"'),
      { code: '22P02', detail: 'Failing row contains (Svea Hemlig, 0701234567).' });
  };
  const broken = await startServer(t, { storage: failing, logLevel: 'info', logStream });
  const answer = await broken.post('/api/rights-requests', secretRequest());
  assert.equal(answer.status, 500);
  assert.deepEqual(answer.json, { error: 'internal', message: 'Something went wrong on our side. Please try again later.' });
  assert.ok(lines.some((line) => line.includes('"code":"22P02"')), 'the failure itself is logged');
  assertNoSecrets(lines);
  assert.equal((await server.post('/api/consent-records', consentRecord())).status, 201);
});
