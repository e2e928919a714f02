// Health, OpenAPI, security headers, and the demo/dist static files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fixtureProjectRoot, STORAGE_KIND } from './helpers.js';
import { DEFAULT_CSP } from '../config.js';

test(`[${STORAGE_KIND}] GET /healthz`, async (t) => {
  const server = await startServer(t);
  const answer = await server.get('/healthz');
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.json, { status: 'ok', storage: STORAGE_KIND });
});

test(`[${STORAGE_KIND}] /healthz answers 503 when the database does not`, async (t) => {
  const server = await startServer(t);
  const broken = Object.create(server.app.storage);
  broken.ping = async () => { throw new Error('connection refused'); };
  const unhealthy = await startServer(t, { storage: broken });
  const answer = await unhealthy.get('/healthz');
  assert.equal(answer.status, 503);
  assert.deepEqual(answer.json, { status: 'unavailable' });
});

test(`[${STORAGE_KIND}] the OpenAPI document comes from the route schemas`, async (t) => {
  const server = await startServer(t);
  const answer = await server.get('/api/openapi.json');
  assert.equal(answer.status, 200);
  const doc = answer.json;
  assert.match(doc.openapi, /^3\./);
  for (const path of ['/api/consent-records', '/api/rights-requests', '/api/admin/consent-records',
    '/api/admin/rights-requests', '/api/admin/rights-requests/{reference}', '/api/admin/rights-requests/{reference}/status',
    '/api/admin/retention/run', '/healthz']) {
    assert.ok(doc.paths[path], `documents ${path}`);
  }
  const consentBody = doc.paths['/api/consent-records'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(Object.keys(consentBody.properties).sort(), ['action', 'categories', 'configVersion', 'consentId',
    'contentHash', 'expiresAt', 'gpc', 'locale', 'receiptId', 'schemaVersion', 'timestamp']);
  assert.equal(consentBody.additionalProperties, false);
  assert.ok(doc.paths['/api/rights-requests'].post.responses['201']);
  assert.deepEqual(doc.paths['/api/admin/rights-requests'].get.security, [{ adminToken: [] }]);
  assert.equal(Object.keys(doc.paths).some((path) => path.startsWith('/dist')), false, 'static routes hidden');
});

test(`[${STORAGE_KIND}] security headers and a strict, configurable CSP`, async (t) => {
  const server = await startServer(t);
  for (const path of ['/', '/healthz', '/dist/x.js']) {
    const answer = await server.get(path);
    assert.equal(answer.headers['content-security-policy'], DEFAULT_CSP, path);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(answer.headers['referrer-policy'], 'no-referrer');
    assert.equal(answer.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(answer.headers['x-powered-by'], undefined);
  }
  assert.match(DEFAULT_CSP, /script-src 'self'; style-src 'self'/);
  assert.match(DEFAULT_CSP, /require-trusted-types-for 'script'; trusted-types lit-html/);

  const custom = await startServer(t, { contentSecurityPolicy: "default-src 'none'" });
  assert.equal((await custom.get('/')).headers['content-security-policy'], "default-src 'none'");
  const off = await startServer(t, { contentSecurityPolicy: null });
  assert.equal((await off.get('/')).headers['content-security-policy'], undefined);
});

test(`[${STORAGE_KIND}] demo/ is served at /, dist/ at /dist/, policies JSON too`, async (t) => {
  const server = await startServer(t);
  const index = await server.get('/');
  assert.equal(index.status, 200);
  assert.match(index.headers['content-type'], /text\/html/);
  assert.match(index.text, /<title>demo<\/title>/);
  assert.equal((await server.get('/index.html')).status, 200);
  const policy = await server.get('/policies/example.json');
  assert.equal(policy.status, 200);
  assert.deepEqual(policy.json, { policy: 'example' });
  const bundle = await server.get('/dist/x.js');
  assert.equal(bundle.status, 200);
  assert.match(bundle.headers['content-type'], /javascript/);
  assert.equal((await server.get('/dist/missing.js')).status, 404);
  assert.equal((await server.get('/../package.json')).status, 404);
  assert.equal((await server.get('/%2e%2e/%2e%2e/etc/passwd')).status, 404);
});

test(`[${STORAGE_KIND}] without dist/ the log says to run npm run build`, async (t) => {
  const lines = [];
  const projectRoot = await fixtureProjectRoot(t, { withDist: false });
  const server = await startServer(t, { projectRoot, logLevel: 'warn', logStream: { write: (line) => lines.push(line) } });
  assert.ok(lines.some((line) => line.includes('npm run build')), lines.join(''));
  assert.equal((await server.get('/')).status, 200, 'the demo pages are still served');
});
