// Issue 13: an attacker without a session gets 401/403 on every console
// route and action, CSRF included. The routes are taken from the running
// server (app.consoleRoutes), so a route added later is covered too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, rightsRequest, request, fixedClock, fixtureProjectRoot, STORAGE_KIND } from './helpers.js';
import { consoleClient, signedIn } from './console-client.js';

// Who may call each console route, written out here and not read from the
// routes' own config: a route that declares too low a role fails the first
// test, and a new route fails it until it is added to this list.
const ACCESS = {
  'GET /console/api/csrf-token': 'public',
  'POST /console/api/sign-in': 'public',
  'POST /console/api/password-setup': 'public',
  'GET /console/api/me': 'viewer',
  'POST /console/api/sign-out': 'viewer',
  'POST /console/api/sign-out-everywhere': 'viewer',
  'POST /console/api/password': 'viewer',
  'GET /console/api/rights-requests': 'viewer',
  'GET /console/api/rights-requests/:reference': 'viewer',
  'POST /console/api/rights-requests/:reference/status': 'handler',
  'POST /console/api/rights-requests/:reference/extension': 'handler',
  'POST /console/api/rights-requests/:reference/requester-told': 'handler',
  'GET /console/api/consent-proof': 'viewer',
  'GET /console/api/consent-proof/export': 'viewer',
  'GET /console/api/consent-stats': 'viewer',
  'GET /console/api/staff': 'admin',
  'POST /console/api/staff': 'admin',
  'POST /console/api/staff/:id/role': 'admin',
  'POST /console/api/staff/:id/disable': 'admin',
  'POST /console/api/staff/:id/enable': 'admin',
  'POST /console/api/staff/:id/reset': 'admin',
  'GET /console/api/audit': 'admin',
  ...Object.fromEntries(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => [`${method} /console/api/*`, 'viewer'])),
};
const RANK = { viewer: 1, handler: 2, admin: 3 };

/** Every console route with its parameters filled in, HEAD left out (it is GET). */
async function consoleRoutes(server) {
  const { json: { reference } } = await server.post('/api/rights-requests', rightsRequest());
  const { staff } = await server.app.staffAccounts.add({ email: 'target@energibolaget.example', role: 'viewer', password: 'x'.repeat(12) });
  return server.app.consoleRoutes.filter((r) => r.method !== 'HEAD').map((r) => ({
    ...r,
    expected: ACCESS[`${r.method} ${r.url}`],
    path: r.url.replace(':reference', reference).replace(':id', staff.id).replace('*', 'no-such-route')
      + (r.url.endsWith('/consent-proof') ? '?id=0b7d3b9e-6c1a-4f57-9d3e-2a3c4b5d6e7f' : '')
      + (r.url.endsWith('/consent-proof/export') ? '?id=0b7d3b9e-6c1a-4f57-9d3e-2a3c4b5d6e7f&format=csv' : ''),
  }));
}

/** @param {string} url @param {string} method @param {Record<string, string>} headers */
const call = (url, method, headers = {}) => request(url, {
  method, headers: { 'content-type': 'application/json', ...(method === 'GET' ? {} : { 'content-length': '2' }), ...headers },
  body: method === 'GET' ? undefined : '{}',
});

test(`[${STORAGE_KIND}] every console route declares the access this test expects of it, and no route is missing`, async (t) => {
  const server = await startServer(t);
  const routes = await consoleRoutes(server);
  assert.deepEqual(routes.map((r) => `${r.method} ${r.url}`).sort(), Object.keys(ACCESS).sort(), 'the console routes are the ones listed in ACCESS');
  for (const route of routes) assert.equal(route.access, route.expected, `${route.method} ${route.url}`);
});

test(`[${STORAGE_KIND}] without a session: 401 on every console route; a forged or stale cookie is no session`, async (t) => {
  const now = fixedClock('2026-03-02T09:00:00.000Z');
  const server = await startServer(t, { now });
  const routes = (await consoleRoutes(server)).filter((r) => r.expected !== 'public');
  const handler = await signedIn(server, 'handler');
  const stale = handler.cookies.get('pe_console_session');
  await handler.post('/sign-out');
  const attackers = {
    'no cookie': {},
    'a made-up cookie': { cookie: 'pe_console_session=' + 'A'.repeat(43) },
    'a signed-out session': { cookie: `pe_console_session=${stale}` },
    'a bearer admin token': { authorization: `Bearer ${server.adminToken}` },
  };
  for (const route of routes) {
    for (const [who, headers] of Object.entries(attackers)) {
      const answer = await call(`${server.url}${route.path}`, route.method, headers);
      assert.equal(answer.status, 401, `${route.method} ${route.path} with ${who}`);
      assert.equal(answer.json.error, 'unauthorized');
    }
  }
  const { json } = await server.admin('/api/admin/rights-requests');
  assert.deepEqual(json.requests.map((r) => r.status), ['received'], 'nothing was changed');
});

test(`[${STORAGE_KIND}] with a session, every POST needs the CSRF token of this browser: 403 otherwise`, async (t) => {
  const server = await startServer(t);
  const routes = (await consoleRoutes(server)).filter((r) => r.method !== 'GET');
  const admin = await signedIn(server, 'admin');
  const other = await signedIn(server, 'admin');
  const session = `pe_console_session=${admin.cookies.get('pe_console_session')}`;
  const secret = `pe_console_csrf=${admin.cookies.get('pe_console_csrf')}`;
  const forgeries = {
    'no token': { cookie: `${session}; ${secret}` },
    'a wrong token': { cookie: `${session}; ${secret}`, 'x-csrf-token': 'A'.repeat(52) },
    "another browser's token": { cookie: `${session}; ${secret}`, 'x-csrf-token': other.csrfToken },
    'the token without its secret cookie': { cookie: session, 'x-csrf-token': admin.csrfToken },
    'the token in the body, not the header': { cookie: `${session}; ${secret}` },
  };
  const body = (/** @type {string} */ what) => JSON.stringify(what.includes('body') ? { _csrf: admin.csrfToken } : {});
  for (const route of routes) {
    for (const [what, headers] of Object.entries(forgeries)) {
      const answer = await request(`${server.url}${route.path}`, { method: route.method,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body(what))), ...headers }, body: body(what) });
      assert.equal(answer.status, 403, `${route.method} ${route.path} with ${what}`);
      assert.equal(answer.json.error, 'csrf', `${route.method} ${route.path} with ${what}`);
    }
    // A plain HTML form (what a cross-site attacker can send) is not JSON and carries no token.
    const form = await request(`${server.url}${route.path}`, { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${session}; ${secret}` }, body: 'status=done' });
    assert.ok([403, 415].includes(form.status), `${route.path} as a form: ${form.status}`);
  }
  assert.equal((await admin.get('/me')).status, 200, 'the forgeries did not end the session');
});

test(`[${STORAGE_KIND}] roles: viewer reads, handler changes requests, admin manages staff; 403 below that`, async (t) => {
  const server = await startServer(t);
  const routes = (await consoleRoutes(server)).filter((r) => r.expected !== 'public' && !r.url.endsWith('*'));
  for (const role of ['viewer', 'handler', 'admin']) {
    const client = await signedIn(server, role);
    for (const route of routes.filter((r) => RANK[r.expected] > RANK[role])) {
      const answer = route.method === 'GET' ? await client.get(route.path.replace('/console/api', '')) : await client.post(route.path.replace('/console/api', ''), {});
      assert.equal(answer.status, 403, `${role}: ${route.method} ${route.path}`);
      assert.equal(answer.json.error, 'forbidden');
    }
    for (const route of routes.filter((r) => RANK[r.expected] <= RANK[role] && r.method === 'GET')) {
      const answer = await client.get(route.path.replace('/console/api', ''));
      assert.ok(answer.status !== 401 && answer.status !== 403, `${role}: ${route.method} ${route.path} → ${answer.status}`);
    }
  }
});

test(`[${STORAGE_KIND}] unknown console API paths answer 401 without a session and 404 with one`, async (t) => {
  const server = await startServer(t);
  assert.equal((await request(`${server.url}/console/api/secret-export`)).status, 401);
  assert.equal((await request(`${server.url}/console/api/staff/x/y/z`, { method: 'DELETE' })).status, 401);
  const viewer = await signedIn(server, 'viewer');
  assert.equal((await viewer.get('/secret-export')).status, 404);
  const anonymous = consoleClient(server.url);
  assert.equal((await anonymous.get('/csrf-token')).status, 200);
});

test(`[${STORAGE_KIND}] the console's front end is served from dist/console/ at /console/ under the strict CSP`, async (t) => {
  const projectRoot = await fixtureProjectRoot(t);
  await mkdir(join(projectRoot, 'dist', 'console', 'assets'), { recursive: true });
  await writeFile(join(projectRoot, 'dist', 'console', 'index.html'), '<!doctype html><title>Console</title><script type="module" src="assets/console.js"></script>');
  await writeFile(join(projectRoot, 'dist', 'console', 'assets', 'console.js'), 'export {};');
  const server = await startServer(t, { projectRoot });
  const page = await request(`${server.url}/console/`);
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.match(page.text, /<title>Console<\/title>/);
  assert.match(page.headers['content-security-policy'], /script-src 'self'.*require-trusted-types-for 'script'/);
  assert.match((await request(`${server.url}/console/assets/console.js`)).headers['content-type'], /javascript/);
  const bare = await request(`${server.url}/console`);
  assert.equal(bare.status, 302);
  assert.equal(bare.headers.location, '/console/');
});
