/**
 * The parts of `privacy-elements audit` that need no browser: its options, what counts as the
 * site's own host, names against the configuration, cookie lifetimes, and the message when
 * playwright-core is not installed. The audit itself is tested in test/e2e/audit.test.mjs.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuditArgs, UsageError } from '../../bin/audit/options.mjs';
import { lifetime, siteOf } from '../../bin/audit/findings.mjs';
import { consentRules } from '../../bin/audit/site-config.mjs';

const root = new URL('../../', import.meta.url).pathname;

test('audit options: defaults, --json, --wait, --max-wait, --first-party; bad usage is a UsageError', () => {
  assert.deepEqual(parseAuditArgs(['https://www.example.se']), {
    url: 'https://www.example.se/',
    json: false,
    waitMs: 3000,
    maxWaitMs: 60_000,
    firstParty: [],
  });
  const options = parseAuditArgs(['--json', 'http://127.0.0.1:8080/', '--wait=0.5', '--max-wait', '20', '--first-party', 'CDN.example.se']);
  assert.deepEqual(options, { url: 'http://127.0.0.1:8080/', json: true, waitMs: 500, maxWaitMs: 20_000, firstParty: ['cdn.example.se'] });
  assert.deepEqual(parseAuditArgs(['--help']), { help: true });
  for (const [args, message] of [
    [[], /which page/],
    [['example.se'], /not a URL/],
    [['file:///etc/passwd'], /only http and https/],
    [['http://a.se', 'http://b.se'], /one URL at a time/],
    [['http://a.se', '--wait', 'soon'], /--wait needs a number of seconds, got soon/],
    [['http://a.se', '--max-wait', '2', '--wait', '3'], /--max-wait must be longer than --wait/],
    [['http://a.se', '--follow-links'], /unknown option --follow-links/],
  ]) {
    assert.throws(() => parseAuditArgs(args), (error) => error instanceof UsageError && message.test(error.message), args.join(' '));
  }
});

test('first party: the page host without www., its subdomains, parent-domain cookies, and --first-party hosts', () => {
  const site = siteOf('https://www.example.se/kundservice', ['cdn-example.net']);
  assert.equal(site.isFirstPartyHost('www.example.se'), true);
  assert.equal(site.isFirstPartyHost('static.example.se'), true);
  assert.equal(site.isFirstPartyHost('assets.cdn-example.net'), true);
  assert.equal(site.isFirstPartyHost('notexample.se'), false);
  assert.equal(site.isFirstPartyHost('www.google-analytics.com'), false);
  assert.equal(site.isFirstPartyCookie({ domain: '.example.se' }), true);
  assert.equal(site.isFirstPartyCookie({ domain: '.doubleclick.net' }), false);
  // On loopback, two host names are two sites: what the tests use as first and third party.
  const loopback = siteOf('http://127.0.0.1:8080/');
  assert.equal(loopback.isFirstPartyHost('127.0.0.1'), true);
  assert.equal(loopback.isFirstPartyHost('localhost'), false);
});

test('names against the configuration: required categories, patterns, the banner’s own cookie and outbox (CB-01)', () => {
  const config = {
    consent: {
      endpoint: 'https://consent.example.se/records',
      cookie: { name: 'site_consent' },
      categories: [
        { id: 'necessary', required: true, cookies: [{ name: 'session' }] },
        { id: 'statistics', cookies: ['_ga', '_ga_*'] },
      ],
    },
  };
  const rules = consentRules(config, { defaultCookieName: 'privacy_consent', storageKeys: ['privacy_consent_outbox'] }, 'https://www.example.se/');
  assert.equal(rules.isEssential('cookie', 'session'), true);
  assert.equal(rules.isEssential('cookie', 'site_consent'), true, 'the configured consent cookie');
  assert.equal(rules.isEssential('cookie', 'privacy_consent'), false, 'the default name is not ours when another is configured');
  assert.equal(rules.isEssential('localStorage', 'privacy_consent_outbox'), true);
  assert.equal(rules.isEssential('sessionStorage', 'privacy_consent_outbox'), false, 'the outbox lives in localStorage only');
  assert.equal(rules.isEssential('cookie', '_ga_XYZ123'), false);
  assert.equal(rules.categoryOf('_ga_XYZ123').id, 'statistics');
  assert.equal(rules.categoryOf('_gid'), undefined);
  assert.deepEqual(rules.requiredIds, ['necessary']);
  assert.equal(rules.endpointHost, 'consent.example.se');
});

test('cookie lifetimes in words, for the pasted configuration', () => {
  const now = 1_000_000;
  assert.equal(lifetime({ expires: -1 }, now), 'session');
  assert.equal(lifetime({ expires: now + 3600 }, now), '1 hour');
  assert.equal(lifetime({ expires: now + 86_400 }, now), '1 day');
  assert.equal(lifetime({ expires: now + 30 * 86_400 }, now), '30 days');
  assert.equal(lifetime({ expires: now + 182 * 86_400 }, now), '6 months');
  assert.equal(lifetime({ expires: now + 2 * 365 * 86_400 }, now), '2 years');
});

test('without playwright-core the audit says what to install and exits 2; --help still works', async () => {
  // A copy of bin/ where no node_modules can be found, as for a library user who never installed it.
  const dir = mkdtempSync(join(tmpdir(), 'privacy-audit-cli-'));
  try {
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    const run = (...args) =>
      new Promise((resolve) => execFile(process.execPath, [join(dir, 'bin/privacy-elements.mjs'), 'audit', ...args], (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stdout, stderr })));
    const missing = await run('http://127.0.0.1:1/');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs playwright-core[\s\S]*npm install --save-dev playwright-core/);
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
