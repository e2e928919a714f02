// JSON only, size limits, garbage: always a 4xx with the error shape, never a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, consentRecord, rightsRequest, request, STORAGE_KIND } from './helpers.js';

const ROUTES = [['/api/consent-records', consentRecord], ['/api/rights-requests', rightsRequest]];

test(`[${STORAGE_KIND}] 415 for anything but application/json`, async (t) => {
  const server = await startServer(t);
  for (const [path, valid] of ROUTES) {
    const body = JSON.stringify(valid());
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
      'application/json-patch+json', 'text/json', undefined]) {
      const headers = { 'x-privacy-elements': '1', ...(contentType ? { 'content-type': contentType } : {}) };
      const answer = await request(`${server.url}${path}`, { method: 'POST', headers, body });
      assert.equal(answer.status, 415, `${path} ${contentType}`);
      assert.deepEqual(answer.json, { error: 'unsupported_media_type', message: 'Send the request body as application/json.' });
    }
    const withCharset = await server.post(path, body, { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(withCharset.status, 201, `${path} with charset`);
  }
});

test(`[${STORAGE_KIND}] 413 for a body over the limit; rights requests have their own larger limit`, async (t) => {
  const server = await startServer(t, { bodyLimit: 4096, rightsBodyLimit: 64 * 1024 });
  const big = consentRecord({ configVersion: 'x'.repeat(5000) });
  const tooLarge = await server.post('/api/consent-records', big);
  assert.equal(tooLarge.status, 413);
  assert.deepEqual(tooLarge.json, { error: 'body_too_large', message: 'The request is too large.' });

  const longText = rightsRequest({ details: { freeText: 'å'.repeat(5000), more: 'ä'.repeat(5000) } });
  assert.equal((await server.post('/api/rights-requests', longText)).status, 201, 'a full-length request fits');
  const huge = rightsRequest({ details: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x'.repeat(5000)])) });
  assert.equal((await server.post('/api/rights-requests', huge)).status, 413);
});

test(`[${STORAGE_KIND}] broken and hostile JSON is a 400, never a 500`, async (t) => {
  const server = await startServer(t);
  const bodies = ['', '{', '{"a":', 'null', '[]', '"text"', '42', 'true', '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}', '\u0000\u0001', '{"receiptId":"' + '\\ud800' + '"}',
    JSON.stringify({ ...consentRecord(), categories: [] }), JSON.stringify({ ...consentRecord(), categories: null }),
    JSON.stringify({ ...consentRecord(), categories: { necessary: { nested: true } } }),
    JSON.stringify(rightsRequest({ subject: 'anna' })), JSON.stringify(rightsRequest({ subject: {} })),
    JSON.stringify(rightsRequest({ details: { a: { b: 'c' } } })), JSON.stringify(rightsRequest({ details: { a: [1, 2] } })),
    JSON.stringify(rightsRequest({ details: { a: null } })), JSON.stringify(rightsRequest({ subject: { name: 5 } })),
    JSON.stringify(rightsRequest({ requestId: 42 })), JSON.stringify(rightsRequest({ website: 5 }))];
  for (const [path] of ROUTES) {
    for (const body of bodies) {
      const answer = await server.post(path, body);
      assert.equal(answer.status, 400, `${path} ${body.slice(0, 60)} → ${answer.status} ${answer.text}`);
      assert.equal(typeof answer.json.error, 'string');
      assert.equal(typeof answer.json.message, 'string');
    }
  }
});

test(`[${STORAGE_KIND}] random mutations of valid bodies never cause a 500`, async (t) => {
  const server = await startServer(t);
  const values = [null, true, 0, -1, 1e308, '', 'x'.repeat(6000), [], {}, ['a'], { a: 1 }, '=cmd', '../../etc/passwd',
    "'; DROP TABLE consent_records; --", '\u202e', '😀'.repeat(10)];
  let seed = 7;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let i = 0; i < 150; i++) {
    const [path, valid] = ROUTES[i % 2];
    const body = valid();
    const keys = Object.keys(body);
    body[keys[random(keys.length)]] = values[random(values.length)];
    const answer = await server.post(path, body);
    assert.ok([200, 201, 400].includes(answer.status), `${JSON.stringify(body).slice(0, 200)} → ${answer.status}`);
  }
});

test(`[${STORAGE_KIND}] unknown routes and methods answer 404 in the error shape`, async (t) => {
  const server = await startServer(t);
  for (const [method, path] of [['GET', '/api/consent-records'], ['DELETE', '/api/consent-records'], ['GET', '/api/nothing']]) {
    const answer = await request(`${server.url}${path}`, { method });
    assert.equal(answer.status, 404, `${method} ${path}`);
    assert.equal(answer.json.error, 'not_found');
  }
});
