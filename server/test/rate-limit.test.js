// Rate limits per client (all of /api) and, for rights requests, per client
// and per contact address; the 429 is generic and the same for every bucket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, consentRecord, rightsRequest, STORAGE_KIND } from './helpers.js';

const GENERIC_429 = { error: 'rate_limited', message: 'Too many requests. Please try again later.' };

test(`[${STORAGE_KIND}] the API limit per client gives a generic 429 without limit headers`, async (t) => {
  const server = await startServer(t, { rateLimit: { max: 5, timeWindow: 60_000 } });
  const statuses = [];
  for (let i = 0; i < 7; i++) {
    const answer = await server.post('/api/consent-records', consentRecord());
    statuses.push(answer.status);
    if (answer.status === 429) {
      assert.deepEqual(answer.json, GENERIC_429);
      for (const header of Object.keys(answer.headers)) assert.doesNotMatch(header, /ratelimit|retry-after/);
    }
  }
  assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
  assert.equal((await server.get('/healthz')).status, 200, 'health checks are not limited');
});

test(`[${STORAGE_KIND}] the staff console's API and the verification page have their own limit, with the same generic 429`, async (t) => {
  const server = await startServer(t, { rateLimit: { max: 2, timeWindow: 60_000 } });
  for (const path of ['/console/api/csrf-token', `/verify-email?token=${'A'.repeat(43)}`]) {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await server.get(path));
    assert.notEqual(answers[1].status, 429, `${path}: two requests are within the limit`);
    assert.equal(answers[2].status, 429, path);
    assert.deepEqual(answers[2].json, GENERIC_429, path);
    for (const answer of answers) {
      for (const header of Object.keys(answer.headers)) assert.doesNotMatch(header, /ratelimit|retry-after/, path);
    }
  }
});

test(`[${STORAGE_KIND}] rights requests: a tighter limit per client (SEC-07)`, async (t) => {
  const server = await startServer(t, {
    rightsRateLimit: { perClient: { max: 3, timeWindow: 60_000 }, perEmail: { max: 100, timeWindow: 60_000 } },
  });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await server.post('/api/rights-requests', rightsRequest())).status);
  assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
  assert.equal((await server.post('/api/consent-records', consentRecord())).status, 201, 'consent records unaffected');
});

test(`[${STORAGE_KIND}] rights requests: a limit per contact address, same 429 body`, async (t) => {
  const server = await startServer(t, {
    rightsRateLimit: { perClient: { max: 100, timeWindow: 60_000 }, perEmail: { max: 2, timeWindow: 60_000 } },
  });
  const to = (email) => rightsRequest({ subject: { name: 'A', email } });
  assert.equal((await server.post('/api/rights-requests', to('victim@example.se'))).status, 201);
  assert.equal((await server.post('/api/rights-requests', to('VICTIM@example.se'))).status, 201);
  const third = await server.post('/api/rights-requests', to('victim@example.se'));
  assert.equal(third.status, 429);
  assert.deepEqual(third.json, GENERIC_429);
  assert.equal((await server.post('/api/rights-requests', to('someone.else@example.se'))).status, 201);
  assert.equal((await server.post('/api/rights-requests', rightsRequest({ subject: { name: 'No email' } }))).status, 201);
});
