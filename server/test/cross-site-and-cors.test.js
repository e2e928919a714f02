// SEC-06/SEC-07: cross-site posts are refused; CORS only for CORS_ORIGINS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, consentRecord, rightsRequest, request, STORAGE_KIND } from './helpers.js';

const ALLOWED = 'https://www.energibolaget.example';
const REFUSED = { message: 'This form can only be sent from the website it belongs to.' };

for (const [path, valid] of [['/api/rights-requests', rightsRequest], ['/api/consent-records', consentRecord]]) {
  test(`[${STORAGE_KIND}] ${path}: cross-site, foreign origin or missing header → 403`, async (t) => {
    const server = await startServer(t, { corsOrigins: [ALLOWED] });
    const cases = [
      [{ 'sec-fetch-site': 'cross-site' }, 'cross_site'],
      [{ 'sec-fetch-site': 'same-site' }, 'cross_site'],
      [{ origin: 'https://evil.example' }, 'origin_not_allowed'],
      [{ origin: 'null' }, 'origin_not_allowed'],
      [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 'origin_not_allowed'],
      [{ 'x-privacy-elements': '' }, 'missing_header'],
      [{ 'x-privacy-elements': 'true' }, 'missing_header'],
    ];
    for (const [headers, error] of cases) {
      const answer = await server.post(path, valid(), headers);
      assert.equal(answer.status, 403, JSON.stringify(headers));
      assert.deepEqual(answer.json, { error, ...REFUSED });
    }
    const noHeader = await request(`${server.url}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(valid()),
    });
    assert.equal(noHeader.status, 403);
    // A classic cross-site HTML form post: no custom header, a form content type.
    const formPost = await request(`${server.url}${path}`, {
      method: 'POST', body: 'right=erasure',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(formPost.status, 403);
  });

  test(`[${STORAGE_KIND}] ${path}: same-origin and allowed origins are accepted`, async (t) => {
    const server = await startServer(t, { corsOrigins: [ALLOWED] });
    const sameOrigin = { origin: server.url, 'sec-fetch-site': 'same-origin' };
    assert.equal((await server.post(path, valid(), sameOrigin)).status, 201);
    const allowed = { origin: ALLOWED, 'sec-fetch-site': 'cross-site' };
    const answer = await server.post(path, valid(), allowed);
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['access-control-allow-origin'], ALLOWED);
    assert.equal((await server.post(path, valid(), { 'sec-fetch-site': 'none' })).status, 201, 'typed-in / non-browser');
  });
}

test(`[${STORAGE_KIND}] CORS preflight: allowed origin gets the headers, others none`, async (t) => {
  const server = await startServer(t, { corsOrigins: [ALLOWED, 'http://localhost:5173'] });
  const preflight = (origin, path = '/api/consent-records') => request(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-privacy-elements' },
  });
  const allowed = await preflight(ALLOWED);
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers['access-control-allow-origin'], ALLOWED);
  assert.match(allowed.headers['access-control-allow-methods'], /POST/);
  assert.match(allowed.headers['access-control-allow-headers'].toLowerCase(), /x-privacy-elements/);
  assert.equal(allowed.headers['access-control-allow-credentials'], undefined, 'no cookies cross-origin');

  const denied = await preflight('https://evil.example');
  assert.equal(denied.headers['access-control-allow-origin'], undefined);
  const lookalike = await preflight('https://www.energibolaget.example.evil.example');
  assert.equal(lookalike.headers['access-control-allow-origin'], undefined);

  const adminCall = await server.admin('/api/admin/rights-requests', { headers: { origin: ALLOWED } });
  assert.equal(adminCall.status, 200);
  assert.equal(adminCall.headers['access-control-allow-origin'], undefined, 'no CORS on the admin API');
});

test(`[${STORAGE_KIND}] without CORS_ORIGINS no origin is allowed`, async (t) => {
  const server = await startServer(t);
  const answer = await server.post('/api/consent-records', consentRecord(), { origin: ALLOWED });
  assert.equal(answer.status, 403);
  assert.equal(answer.headers['access-control-allow-origin'], undefined);
});
