/**
 * The staff console (issue 13): who may see and do what: no session, roles, CSRF, the CSP.
 * Against the real reference server (server/app.js, SQLite, 127.0.0.1), reached through the test
 * runner's proxy (test/support/console-server.mjs).
 */
import { expect } from '@open-wc/testing';
import { addStaff, api, consoleTest, cspReports, openConsole, seedRequest, startConsoleServer } from './support/console-frame.js';
import { until } from './support/helpers.js';

describe('staff console: who may see and do what: no session, roles, CSRF, the CSP (issue 13)', function () {
  this.timeout(60000);
  const test = consoleTest();

  it('without a session shows sign-in, and the API refuses every route (401) and every unsigned POST (403)', async () => {
    const server = (test.server = await startConsoleServer());
    await seedRequest(server, 3);
    const frame = (test.frame = await openConsole('#/requests'));
    await frame.showing('Sign in');
    expect(frame.has('console-inbox')).to.equal(false);
    for (const path of ['/me', '/rights-requests', '/staff', '/consent-proof?id=3f2b8c1e-7d4a-4c2e-9b1f-0a6d5e4c3b2a']) {
      expect((await api(path)).status, path).to.equal(401);
    }
    // Without a session the session check answers first (401); a route that needs no session
    // still refuses a POST without the CSRF token (403).
    const post = await api('/sign-out-everywhere', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(post.status).to.equal(401);
    const signIn = await api('/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.se', password: 'not the password' }) });
    expect(signIn.status).to.equal(403);
  });

  it('a viewer reads a request but gets no controls, and the server refuses a change (403)', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'viewer@example.se', 'viewer');
    const { reference } = await seedRequest(server, 1);
    const frame = (test.frame = await openConsole(`#/requests/${reference}`));
    await frame.signIn('viewer@example.se');
    await frame.showing(`Request ${reference}`);
    await until(() => frame.has('dl.summary'), 'the request');
    expect(frame.has('.status-form')).to.equal(false);
    expect(frame.has('.extension-form')).to.equal(false);
    expect(frame.text('.read-only')).to.equal('Your role can read requests but not change them.');
    const token = (await api('/me')).body.csrfToken as string;
    const change = await api(`/rights-requests/${reference}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify({ status: 'done' }),
    });
    expect(change.status).to.equal(403);
    expect(change.body.error).to.equal('forbidden');
  });

  it('runs under the server\'s strict CSP with Trusted Types: no violation in any view (SEC-03)', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'admin@example.se', 'admin');
    const { reference } = await seedRequest(server, 10);
    const policy = (await fetch('/console/', { cache: 'no-store' })).headers.get('content-security-policy')!;
    expect(policy).to.contain("script-src 'self'").and.contain("style-src 'self'").and.contain("require-trusted-types-for 'script'");
    const frame = (test.frame = await openConsole());
    await frame.signIn('admin@example.se');
    for (const [hash, loaded] of [['#/requests', 'tbody tr'], [`#/requests/${reference}`, 'dl.summary'], ['#/consent-proof', 'form'], ['#/staff', 'tbody tr']]) {
      frame.frame.contentWindow!.location.hash = hash;
      await until(() => frame.has(loaded), `${hash} loaded`);
    }
    // The policy is enforced and reported: HTML from a plain string is refused, and its report
    // arrives. Any violation before it would be in the list too.
    expect(() => {
      frame.doc.createElement('div').innerHTML = '<b>not trusted</b>';
    }).to.throw();
    await until(async () => (await cspReports(server)).length > 0, 'the violation report');
    const reports = await cspReports(server);
    expect(reports.map((report) => report['violated-directive'] ?? report['effective-directive'])).to.deep.equal(['require-trusted-types-for']);
  });
});
