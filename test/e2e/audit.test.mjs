/**
 * `privacy-elements audit`, run as a visitor's CI would run it (the real CLI in a child process,
 * real headless Chromium), against pages served here on 127.0.0.1 that break the rules in known
 * ways, a page that breaks none, and the demo site on the real reference server. `localhost` and
 * `127.0.0.1` are two host names on loopback: the first stands for a third party.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { extname, join, normalize } from 'node:path';
import { startServer } from './support.mjs';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures/audit');
const cli = join(root, 'bin/privacy-elements.mjs');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };

let fixtureServer;
let port;
/** Paths asked of the fixture server, with the host name they were asked on. */
const served = [];

before(async () => {
  fixtureServer = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    served.push(`${request.headers.host.split(':')[0]} ${path}`);
    if (path === '/never.json') return; // a configuration that never arrives
    const file = path.startsWith('/dist/') ? join(root, normalize(path)) : join(fixtures, normalize(path));
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') body = body.toString().replaceAll('__PORT__', String(port));
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => fixtureServer.listen(0, '127.0.0.1', resolve));
  port = fixtureServer.address().port;
});

after(() => {
  fixtureServer.closeAllConnections();
  fixtureServer.close();
});

/** Runs the CLI; resolves with { code, stdout, stderr, report } (report: parsed --json output). */
function audit(url, ...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'audit', url, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? error.code : 0;
      let report;
      if (args.includes('--json')) report = JSON.parse(stdout);
      resolve({ code, stdout, stderr, report });
    });
  });
}

const page = (name) => `http://127.0.0.1:${port}/${name}`;
const QUICK = ['--json', '--wait', '0.5'];
const summary = (findings) => findings.map(({ phase, kind, name, host, rule }) => ({ phase, kind, ...(name ? { name } : {}), ...(host ? { host } : {}), rule }));

test('audit --help prints the options and the exit codes, and exits 0', async () => {
  const { code, stdout } = await audit('--help');
  assert.equal(code, 0);
  assert.match(stdout, /--max-wait/);
  assert.match(stdout, /Exit codes:\n\s+0\s+clean[\s\S]*\n\s+1\s+findings[\s\S]*\n\s+2\s+could not audit/);
});

test('a page that breaks no rule is clean, exit 0; the audit stays on the page and lists what Accept all sets (CB-01, CB-02, GEN-02)', async () => {
  const { code, report, stderr } = await audit(page('clean.html'), ...QUICK);
  assert.equal(code, 0, stderr);
  assert.equal(report.result, 'clean');
  assert.deepEqual(report.findings, []);
  assert.equal(report.configuration.source, page('privacy.json'));
  assert.deepEqual(report.configuration.requiredCategories, ['necessary']);

  // The page's attempt to leave, and the link (never clicked), were not followed.
  assert.ok(report.blockedNavigations.includes(page('elsewhere.html')), JSON.stringify(report.blockedNavigations));
  assert.ok(!served.some((line) => line.endsWith('/elsewhere.html')), 'no page off the audited one was ever requested');

  const { cookies, thirdPartyHosts, gatedScripts, missingFromConfig } = report.afterAccept;
  const byName = Object.fromEntries(cookies.map((cookie) => [cookie.name, cookie]));
  assert.equal(byName.stats_id.category, 'statistics');
  assert.equal(byName.stats_id.duration, '1 year');
  assert.equal(byName.session_id.category, 'necessary');
  assert.equal(byName.unlisted_visits.category, null);
  assert.equal(byName.privacy_consent, undefined, 'the banner’s own cookie is not the site’s to list');
  assert.deepEqual(missingFromConfig, [{ name: 'unlisted_visits', duration: '1 day', thirdParty: false }]);
  assert.deepEqual(thirdPartyHosts, [{ host: 'localhost', requests: 1 }]);
  assert.deepEqual(gatedScripts.map((element) => element.categories.join(' ')).sort(), ['marketing', 'statistics']);
});

test('the table output says clean and prints the missing cookies as JSON to paste', async () => {
  const { code, stdout } = await audit(page('clean.html'), '--wait', '0.5');
  assert.equal(code, 0);
  assert.match(stdout, /Before consent .*: nothing non-essential/);
  assert.match(stdout, /After "Reject all": nothing non-essential/);
  assert.match(stdout, /unlisted_visits .*NOT IN THE CONFIGURATION/);
  const pasted = stdout.slice(stdout.indexOf('consent.categories[].cookies:') + 'consent.categories[].cookies:'.length, stdout.indexOf('\n]') + 2);
  assert.deepEqual(JSON.parse(pasted), [{ name: 'unlisted_visits', duration: '1 day', thirdParty: false }]);
  assert.match(stdout, /Result: clean.*\(exit 0\)/);
});

test('a cookie set by an inline script before consent is a finding, exit 1 (CB-01)', async () => {
  const { code, report, stdout } = await audit(page('inline-cookie.html'), ...QUICK);
  assert.equal(code, 1, stdout);
  assert.equal(report.result, 'findings');
  assert.deepEqual(summary(report.findings), [{ phase: 'before consent', kind: 'cookie', name: 'stats_id', rule: 'CB-01' }]);
  assert.match(report.findings[0].message, /listed in "statistics", which needs consent/);
  assert.match(report.findings[0].subject, /127\.0\.0\.1, first party/);
});

test('an image from another host before consent is a third-party request, exit 1 (CB-01, GEN-02)', async () => {
  const { code, report, stdout } = await audit(page('third-party-image.html'), ...QUICK);
  assert.equal(code, 1, stdout);
  assert.deepEqual(summary(report.findings), [{ phase: 'before consent', kind: 'request', host: 'localhost', rule: 'CB-01' }]);
  assert.match(report.findings[0].message, new RegExp(`\\(image\\) http://localhost:${port}/pixel\\.svg`));
});

test('--first-party counts a host as the site’s own: the same image is then no finding', async () => {
  const { code, report } = await audit(page('third-party-image.html'), ...QUICK, '--first-party', 'localhost');
  assert.equal(code, 0, JSON.stringify(report.findings));
});

test('gated scripts that a bad snippet runs early are findings, one per script, src and inline, exit 1 (CB-01)', async () => {
  const { code, report, stdout } = await audit(page('early-gated.html'), ...QUICK);
  assert.equal(code, 1, stdout);
  const found = report.findings.map(({ phase, kind, categories, message }) => ({ phase, kind, categories, message }));
  assert.deepEqual(found, [
    { phase: 'before consent', kind: 'gated-script', categories: ['marketing'], message: 'ran without consent: something other than the banner loaded it' },
    { phase: 'before consent', kind: 'gated-script', categories: ['statistics'], message: 'ran without consent: something other than the banner ran its text' },
  ]);
});

test('localStorage and IndexedDB written before consent are findings, exit 1 (CB-01)', async () => {
  const { code, report, stdout } = await audit(page('storage.html'), ...QUICK);
  assert.equal(code, 1, stdout);
  assert.deepEqual(summary(report.findings), [
    { phase: 'before consent', kind: 'storage', name: 'ab_variant', rule: 'CB-01' },
    { phase: 'before consent', kind: 'storage', name: 'visitor-profile', rule: 'CB-01' },
  ]);
  assert.match(report.findings[0].subject, /^localStorage ab_variant/);
  assert.match(report.findings[1].subject, /^indexedDB visitor-profile/);
});

test('a cookie set after a real click on Reject all is a finding of the refusal, exit 1 (CB-17)', async () => {
  const { code, report, stdout } = await audit(page('ignores-refusal.html'), ...QUICK);
  assert.equal(code, 1, stdout);
  assert.deepEqual(summary(report.findings), [{ phase: 'after "Reject all"', kind: 'cookie', name: 'ads_id', rule: 'CB-17' }]);
});

test('could not audit is exit 2, with the reason: no banner, nothing listening, a banner that never gets its configuration within --max-wait', async () => {
  const noBanner = await audit(page('no-banner.html'), ...QUICK);
  assert.equal(noBanner.code, 2);
  assert.equal(noBanner.report.result, 'could-not-audit');
  assert.match(noBanner.report.error, /no <cookie-banner>/);

  const closed = await audit('http://127.0.0.1:1/', '--wait', '0.5');
  assert.equal(closed.code, 2);
  assert.match(closed.stderr, /could not audit http:\/\/127\.0\.0\.1:1\/: could not load/);

  const neverReady = await audit(page('banner-never-ready.html'), '--wait', '0.5', '--max-wait', '3');
  assert.equal(neverReady.code, 2);
  assert.match(neverReady.stderr, /did not show its buttons|gave up after --max-wait 3 s/);

  const usage = await audit('not a url');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /not a URL/);
});

test('the demo site on the reference server passes its own audit: the banner page and the embeds page (CB-01, CB-03, CB-17, GEN-02, SIG-05)', async () => {
  const server = await startServer();
  try {
    const home = await audit(`${server.url}/`, '--json', '--wait', '1');
    assert.equal(home.code, 0, home.stdout);
    assert.deepEqual(home.report.findings, []);
    const categories = Object.fromEntries(home.report.afterAccept.cookies.map((cookie) => [cookie.name, cookie.category]));
    assert.deepEqual(categories, { demo_stats: 'statistics', demo_ads: 'marketing' });
    assert.deepEqual(home.report.afterAccept.missingFromConfig, []);
    assert.deepEqual(home.report.afterAccept.thirdPartyHosts, []);

    const embeds = await audit(`${server.url}/embeds.html`, '--json', '--wait', '1');
    assert.equal(embeds.code, 0, embeds.stdout);
    assert.deepEqual(embeds.report.findings, []);
    const iframes = embeds.report.afterAccept.gatedScripts.filter((element) => element.tag === 'iframe');
    assert.ok(iframes.length > 0, 'after Accept all the embeds load, so the audit did see them waiting before');
  } finally {
    await server.stop();
  }
});
