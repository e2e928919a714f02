// Anonymous consent rates (issue 12): counted from the records as they are
// stored, per UTC day, version and action and per category; small counts
// suppressed; replays not counted twice; existing records backfilled; the
// counts outlive the retention job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, databaseAtMigration1, consentRecord, request, fixedClock, STORAGE_KIND } from './helpers.js';
import { openStorage } from '../storage/index.js';
import { shown } from '../domain/consent-stats.js';

const V1 = '2026-10-01';
const V2 = '2026-11-01';
const ACCEPT = { necessary: true, statistics: true, marketing: true };
const REJECT = { necessary: true, statistics: false, marketing: false };
const STATS_ONLY = { necessary: true, statistics: true, marketing: false };

/** Posts `n` new records with the given fields, all at the server's current clock. */
async function postMany(server, n, fields) {
  const answers = await Promise.all(Array.from({ length: n }, () => server.post('/api/consent-records', consentRecord(fields))));
  for (const answer of answers) assert.equal(answer.status, 201, answer.text);
}

const stats = async (server, query = '') => {
  const answer = await server.admin(`/api/admin/consent-stats${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json;
};

test(`[${STORAGE_KIND}] consent stats: rates per UTC day and per version, counts only`, async (t) => {
  const now = fixedClock('2026-10-30T10:00:00.000Z');
  const server = await startServer(t, { now });
  await postMany(server, 30, { configVersion: V1, action: 'accept-all', categories: ACCEPT });
  await postMany(server, 10, { configVersion: V1, action: 'reject-all', categories: REJECT });
  await postMany(server, 10, { configVersion: V1, action: 'custom', categories: STATS_ONLY });
  now.set('2026-11-02T08:00:00.000Z');
  await postMany(server, 20, { configVersion: V2, action: 'accept-all', categories: ACCEPT });
  await postMany(server, 20, { configVersion: V2, action: 'reject-all', categories: REJECT });
  await postMany(server, 10, { configVersion: V2, action: 'withdraw', categories: REJECT });

  const body = await stats(server, '?from=2026-10-01&to=2026-11-30');
  assert.equal(body.from, '2026-10-01');
  assert.equal(body.to, '2026-11-30');
  assert.equal(body.configVersion, null);
  assert.equal(body.suppressedBelow, 10);
  assert.deepEqual(body.byDay, [
    {
      day: '2026-10-30', decisions: 50,
      actions: { 'accept-all': 30, 'reject-all': 10, custom: 10, withdraw: 0 },
      rates: { 'accept-all': 0.6, 'reject-all': 0.2, custom: 0.2 },
      categories: {
        marketing: { granted: 30, refused: 20, grantedRate: 0.6 },
        necessary: { granted: 50, refused: 0, grantedRate: 1 },
        statistics: { granted: 40, refused: 10, grantedRate: 0.8 },
      },
      suppressed: [],
    },
    {
      day: '2026-11-02', decisions: 40,
      actions: { 'accept-all': 20, 'reject-all': 20, custom: 0, withdraw: 10 },
      rates: { 'accept-all': 0.5, 'reject-all': 0.5, custom: 0 },
      categories: {
        marketing: { granted: 20, refused: 20, grantedRate: 0.5 },
        necessary: { granted: 40, refused: 0, grantedRate: 1 },
        statistics: { granted: 20, refused: 20, grantedRate: 0.5 },
      },
      suppressed: [],
    },
  ], 'withdrawals are counted as an action, not in the category rates');
  assert.deepEqual(body.byVersion.map((v) => [v.configVersion, v.firstDay, v.lastDay, v.decisions]),
    [[V1, '2026-10-30', '2026-10-30', 50], [V2, '2026-11-02', '2026-11-02', 40]], 'in the order they first appeared');

  // Nothing that could point at a browser is in the answer.
  const text = JSON.stringify(body);
  assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no receipt or consent id');
  assert.doesNotMatch(text, /127\.0\.0\.1|user-?agent|node/i, 'no address or user agent');
});

test(`[${STORAGE_KIND}] consent stats: the version filter`, async (t) => {
  const now = fixedClock('2026-11-02T08:00:00.000Z');
  const server = await startServer(t, { now });
  await postMany(server, 12, { configVersion: V1, action: 'accept-all', categories: ACCEPT });
  await postMany(server, 15, { configVersion: V2, action: 'reject-all', categories: REJECT });
  const body = await stats(server, `?from=2026-11-01&to=2026-11-03&version=${V2}`);
  assert.equal(body.configVersion, V2);
  assert.deepEqual(body.byVersion.map((v) => v.configVersion), [V2]);
  assert.deepEqual(body.byDay.map((d) => [d.day, d.decisions, d.actions['accept-all'], d.actions['reject-all']]),
    [['2026-11-02', 15, 0, 15]]);
  const unknown = await stats(server, '?from=2026-11-01&to=2026-11-03&version=nope');
  assert.deepEqual([unknown.byDay, unknown.byVersion], [[], []]);
});

test(`[${STORAGE_KIND}] consent stats: days are UTC days, from and to inclusive; default the last 90 days`, async (t) => {
  const now = fixedClock('2026-11-01T23:59:59.999Z');
  const server = await startServer(t, { now });
  await postMany(server, 10, { action: 'accept-all' });
  now.set('2026-11-02T00:00:00.000Z');
  await postMany(server, 11, { action: 'accept-all' });
  now.set('2026-11-30T23:59:59.999Z');
  await postMany(server, 12, { action: 'accept-all' });

  const days = (body) => body.byDay.map((d) => [d.day, d.decisions]);
  assert.deepEqual(days(await stats(server, '?from=2026-11-01&to=2026-11-30')),
    [['2026-11-01', 10], ['2026-11-02', 11], ['2026-11-30', 12]]);
  assert.deepEqual(days(await stats(server, '?from=2026-11-02&to=2026-11-02')), [['2026-11-02', 11]], 'one day');
  assert.deepEqual(days(await stats(server, '?from=2026-11-01&to=2026-11-01')), [['2026-11-01', 10]]);

  now.set('2027-01-29T12:00:00.000Z'); // 2026-11-01 is the 90th day back
  const byDefault = await stats(server);
  assert.deepEqual([byDefault.from, byDefault.to], ['2026-11-01', '2027-01-29']);
  assert.equal(byDefault.byDay.length, 3);
  now.set('2027-01-30T12:00:00.000Z');
  assert.deepEqual(days(await stats(server)).map(([day]) => day), ['2026-11-02', '2026-11-30']);
});

test(`[${STORAGE_KIND}] consent stats: a replayed record is not counted twice`, async (t) => {
  const now = fixedClock('2026-11-02T08:00:00.000Z');
  const server = await startServer(t, { now });
  const records = Array.from({ length: 10 }, () => consentRecord({ action: 'custom', categories: STATS_ONLY }));
  for (const record of records) assert.equal((await server.post('/api/consent-records', record)).status, 201);
  now.set('2026-11-03T08:00:00.000Z'); // a retry a day later still belongs to the first day
  for (const record of records) assert.equal((await server.post('/api/consent-records', record)).status, 200);
  // Concurrent retries, and a record sent twice within one batch.
  const fresh = consentRecord({ action: 'custom', categories: STATS_ONLY });
  const answers = await Promise.all([...records, ...records, fresh, fresh, fresh]
    .map((record) => server.post('/api/consent-records', record)));
  assert.equal(answers.filter((a) => a.status === 201).length, 1, 'only the fresh record is new');

  const body = await stats(server, '?from=2026-11-01&to=2026-11-30');
  assert.deepEqual(body.byDay.map((d) => [d.day, d.actions.custom]), [['2026-11-02', 10], ['2026-11-03', null]],
    'ten records counted once; the fresh one (1) on the next day, suppressed');
  assert.equal(body.byVersion[0].actions.custom, 11);
  assert.deepEqual(body.byDay[0].categories.statistics, { granted: 10, refused: 0, grantedRate: 1 });
});

test(`[${STORAGE_KIND}] consent stats: counts from 1 to 9 are suppressed, not returned`, async (t) => {
  const now = fixedClock('2026-11-02T08:00:00.000Z');
  const server = await startServer(t, { now });
  await postMany(server, 40, { action: 'accept-all', categories: ACCEPT });
  await postMany(server, 20, { action: 'reject-all', categories: REJECT });
  await postMany(server, 9, { action: 'custom', categories: STATS_ONLY });
  await postMany(server, 3, { action: 'withdraw', categories: REJECT });
  now.set('2026-11-03T08:00:00.000Z');
  await postMany(server, 9, { action: 'accept-all', categories: ACCEPT });

  const [busy, quiet] = (await stats(server, '?from=2026-11-01&to=2026-11-30')).byDay;
  assert.equal(busy.decisions, 69);
  assert.deepEqual(busy.actions, { 'accept-all': 40, 'reject-all': null, custom: null, withdraw: null },
    'custom (9) suppressed, and reject-all with it, or 69 - 40 - 20 would give it away');
  assert.deepEqual(busy.rates, { 'accept-all': 0.5797, 'reject-all': null, custom: null });
  assert.deepEqual(busy.categories.statistics, { granted: 49, refused: 20, grantedRate: 0.7101 });
  assert.deepEqual(busy.suppressed, ['actions.reject-all', 'actions.custom', 'actions.withdraw']);

  assert.equal(quiet.decisions, null, 'a day with 9 decisions shows nothing but that it had some');
  assert.deepEqual(quiet.actions, { 'accept-all': null, 'reject-all': null, custom: null, withdraw: 0 });
  assert.deepEqual(quiet.categories.marketing, { granted: null, refused: null, grantedRate: null });
  assert.deepEqual(quiet.suppressed, ['decisions', 'actions.accept-all', 'actions.reject-all', 'actions.custom',
    'categories.marketing', 'categories.necessary', 'categories.statistics']);
  assert.doesNotMatch(JSON.stringify(quiet), /\b9\b/, 'the number 9 appears nowhere');
});

test('consent stats suppression: 0 and 10 are shown, 1..9 not; a lone suppressed count takes the smallest other with it', () => {
  const tally = (accept, reject, custom, withdraw = 0, categories = {}) => ({
    actions: { 'accept-all': accept, 'reject-all': reject, custom, withdraw },
    categories: new Map(Object.entries(categories)),
  });
  assert.deepEqual(shown(tally(10, 0, 0)).actions, { 'accept-all': 10, 'reject-all': 0, custom: 0, withdraw: 0 });
  assert.deepEqual(shown(tally(100, 0, 5)).actions, { 'accept-all': 100, 'reject-all': null, custom: null, withdraw: 0 },
    'the 0 goes with the 5, or 105 - 100 - 0 gives it away');
  assert.deepEqual(shown(tally(100, 3, 5)).actions, { 'accept-all': 100, 'reject-all': null, custom: null, withdraw: 0 });
  assert.deepEqual(shown(tally(100, 30, 20, 9)).actions, { 'accept-all': 100, 'reject-all': 30, custom: 20, withdraw: null });
  assert.deepEqual(shown(tally(0, 0, 0, 12)), {
    decisions: 0, actions: { 'accept-all': 0, 'reject-all': 0, custom: 0, withdraw: 12 },
    rates: { 'accept-all': null, 'reject-all': null, custom: null }, categories: {}, suppressed: [],
  });
  const categories = shown(tally(100, 30, 20, 0, { a: { granted: 141, refused: 9 }, b: { granted: 0, refused: 150 } })).categories;
  assert.deepEqual(categories, { a: { granted: null, refused: null, grantedRate: null }, b: { granted: 0, refused: 150, grantedRate: 0 } });
});

test(`[${STORAGE_KIND}] consent stats: 401 without the admin token, 400 naming the field`, async (t) => {
  const server = await startServer(t, { adminToken: 'correct-horse-battery-staple-0123456789' });
  for (const authorization of [undefined, 'Bearer wrong']) {
    const answer = await request(`${server.url}/api/admin/consent-stats`, { headers: authorization ? { authorization } : {} });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.error, 'unauthorized');
  }
  const cases = [
    ['from=yesterday', 'from', /from must be a valid date \(YYYY-MM-DD\)/],
    ['from=2026-11-01T00:00:00Z', 'from', /date/],
    ['to=2026-02-30', 'to', /to must be a valid date/],
    ['version=', 'version', /version must not be empty/],
    [`version=${'x'.repeat(101)}`, 'version', /at most 100 characters/],
    ['version=v1%00', 'version', /version must be text without control characters/],
    ['from=2026-11-02&to=2026-11-01', 'from', /from must not be after to/],
    ['from=2016-01-01&to=2026-11-01', 'to', /at most 3660 days apart/],
    ['consentId=0b7e3c1e-7e5a-4c8e-9c57-1b2a3c4d5e6f', 'consentId', /consentId is not an accepted field/],
  ];
  for (const [query, field, message] of cases) {
    const answer = await server.admin(`/api/admin/consent-stats?${query}`);
    assert.equal(answer.status, 400, query);
    assert.equal(answer.json.field, field, query);
    assert.match(answer.json.message, message, query);
  }
});

test(`[${STORAGE_KIND}] consent stats: the counts stay when the retention job deletes the records`, async (t) => {
  const now = fixedClock('2025-01-10T12:00:00.000Z');
  const server = await startServer(t, { now, retention: { consentRecordsDays: 30, rightsRequestsDays: 30 } });
  await postMany(server, 10, { action: 'reject-all', categories: REJECT });
  now.set('2025-06-01T12:00:00.000Z');
  assert.deepEqual(await server.app.runRetention(), { consentRecords: 10, rightsRequests: 0 });
  assert.deepEqual((await server.admin('/api/admin/consent-records')).json.records, []);
  const body = await stats(server, '?from=2025-01-01&to=2025-01-31');
  assert.deepEqual(body.byDay.map((d) => [d.day, d.actions['reject-all']]), [['2025-01-10', 10]]);
});

test(`[${STORAGE_KIND}] consent stats: records stored before the migration are counted (backfill)`, async (t) => {
  // A database as the previous release left it: migration 001 only, with records in it.
  const place = (i) => (STORAGE_KIND === 'postgres' ? `$${i}` : '?');
  const insert = `INSERT INTO consent_records (receipt_id, consent_id, schema_version, config_version, content_hash,
    categories, action, client_timestamp, expires_at, locale, received_at)
    VALUES (${Array.from({ length: 11 }, (_, i) => place(i + 1)).join(', ')})`;
  /** @returns {[string, unknown[]]} */
  const old = (action, categories, receivedAt) => {
    const r = consentRecord({ action, categories, configVersion: V1 });
    return [insert, [r.receiptId, r.consentId, r.schemaVersion, r.configVersion, r.contentHash,
      JSON.stringify(r.categories), r.action, r.timestamp, r.expiresAt, r.locale, receivedAt]];
  };
  const location = await databaseAtMigration1(t, [
    ...Array.from({ length: 12 }, () => old('accept-all', ACCEPT, '2026-10-05T23:59:59.999Z')),
    ...Array.from({ length: 10 }, () => old('custom', STATS_ONLY, '2026-10-06T00:00:00.000Z')),
  ]);
  const storage = await openStorage(location);
  t.after(() => storage.close());
  const counts = await storage.consentStats({ from: '2026-10-01', to: '2026-10-31' });
  const actions = counts.actions.map((c) => [c.day, c.configVersion, c.action, c.count]).sort();
  assert.deepEqual(actions, [['2026-10-05', V1, 'accept-all', 12], ['2026-10-06', V1, 'custom', 10]]);
  const statistics = counts.categories.filter((c) => c.category === 'statistics')
    .map((c) => [c.day, c.granted, c.count]).sort();
  assert.deepEqual(statistics, [['2026-10-05', true, 12], ['2026-10-06', true, 10]]);
  // And new records add to the backfilled counts.
  await storage.addConsentRecord(consentRecord({ action: 'custom', configVersion: V1, categories: STATS_ONLY }), '2026-10-06T12:00:00.000Z');
  const after = await storage.consentStats({ from: '2026-10-06', to: '2026-10-06', configVersion: V1 });
  assert.deepEqual(after.actions.map((c) => [c.action, c.count]), [['custom', 11]]);
});

test(`[${STORAGE_KIND}] the consent-rates page is served at /admin/stats/ under the strict CSP, without inline code`, async (t) => {
  const server = await startServer(t);
  assert.equal((await server.get('/admin/stats')).headers.location, '/admin/stats/');
  const page = await server.get('/admin/stats/');
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.match(page.headers['content-security-policy'], /script-src 'self'; style-src 'self'/);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.doesNotMatch(page.text, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(page.text, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
  for (const file of ['stats.js', 'charts.js', 'tables.js', 'dom.js', 'format.js']) {
    const script = await server.get(`/admin/stats/${file}`);
    assert.equal(script.status, 200, file);
    assert.match(script.headers['content-type'], /javascript/);
    assert.doesNotMatch(script.text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/, `${file} builds no HTML from strings`);
  }
  assert.equal((await server.get('/admin/stats/stats.css')).status, 200);
  assert.equal((await server.get('/admin/stats/../app.js')).status, 404);
});
