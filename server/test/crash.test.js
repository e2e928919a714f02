// Crash test: 2000 concurrent POSTs (50 at a time, loopback), the server
// killed with SIGKILL part-way, restarted on the same data. Every request
// that was answered 201/200 must be stored exactly once; replaying all of
// them must then leave each stored exactly once, and counted once in the
// consent rates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { freshDatabase, consentRecord, rightsRequest, STORAGE_KIND } from './helpers.js';
import { startServerProcess } from './server-process.js';

const TOTAL = 2000;
const CONCURRENCY = 50;
const KILL_AFTER = 700;

/** @param {string} url @param {string} path @param {unknown} body @param {http.Agent} agent */
function post(url, path, body, agent) {
  return new Promise((resolve) => {
    const req = http.request(`${url}${path}`, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'x-privacy-elements': '1' },
    }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
      res.on('error', (error) => resolve({ error }));
    });
    req.on('error', (error) => resolve({ error }));
    req.end(JSON.stringify(body));
  });
}

/** Sends the jobs, CONCURRENCY at a time; stops sending new ones once shouldStop() says so. */
async function sendAll(url, jobs, { onAnswer = () => {}, shouldStop = () => false } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const results = Array.from({ length: jobs.length });
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length && !shouldStop()) {
      const index = next++;
      results[index] = await post(url, jobs[index].path, jobs[index].body, agent);
      onAnswer(results[index]);
    }
  }));
  agent.destroy();
  return results;
}

async function readEverything(url, token) {
  const get = async (path) => (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const records = (await get('/api/admin/consent-records?limit=10000')).records;
  const requests = (await get('/api/admin/rights-requests?limit=10000')).requests;
  // The consent-rate counts, over yesterday and today (UTC): the run may cross midnight.
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const stats = await get(`/api/admin/consent-stats?from=${yesterday}&to=${today}`);
  const counted = stats.byVersion.reduce((sum, version) => sum + version.decisions + version.actions.withdraw, 0);
  return { records, requests, counted };
}

const countBy = (items, key) => items.reduce((m, item) => m.set(item[key], (m.get(item[key]) ?? 0) + 1), new Map());

test(`[${STORAGE_KIND}] crash test: kill -9 under load, every acknowledged request stored exactly once`, { timeout: 120_000 }, async (t) => {
  const location = await freshDatabase(t);
  const adminToken = randomBytes(24).toString('hex');
  const env = {
    ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : { DATA_DIR: location.dataDir }),
    ADMIN_TOKEN: adminToken, LOG_LEVEL: 'info', RETENTION_INTERVAL_MINUTES: '1440',
    RATE_LIMIT_MAX: '1000000', RIGHTS_RATE_LIMIT_MAX: '1000000', RIGHTS_RATE_LIMIT_PER_EMAIL_MAX: '1000000',
  };
  // Every tenth request is a rights request, the rest consent records.
  const jobs = Array.from({ length: TOTAL }, (_, i) => (i % 10 === 0
    ? { path: '/api/rights-requests', body: rightsRequest({ subject: { email: `person${i}@example.se` } }) }
    : { path: '/api/consent-records', body: consentRecord() }));

  const first = await startServerProcess(env);
  let answered = 0;
  const results = await sendAll(first.url, jobs, {
    onAnswer: (result) => {
      if (!result.error && ++answered === KILL_AFTER) first.child.kill('SIGKILL');
    },
    shouldStop: () => first.child.killed,
  });
  await first.exited;
  assert.equal(first.child.signalCode, 'SIGKILL');

  const acknowledged = results.map((result, i) => ({ result, job: jobs[i] }))
    .filter(({ result }) => result && !result.error);
  for (const { result } of acknowledged) assert.ok([200, 201].includes(result.status), JSON.stringify(result));
  const lost = results.filter((result) => result?.error).length;
  t.diagnostic(`${acknowledged.length} acknowledged before the kill, ${lost} cut off in flight, ${results.filter((r) => !r).length} never sent`);
  assert.ok(acknowledged.length >= KILL_AFTER && acknowledged.length < TOTAL, 'killed mid-way');

  const second = await startServerProcess(env);
  t.after(() => { second.child.kill('SIGTERM'); return second.exited; });
  const afterCrash = await readEverything(second.url, adminToken);
  const recordCounts = countBy(afterCrash.records, 'receiptId');
  const requestCounts = countBy(afterCrash.requests, 'reference');
  for (const { result, job } of acknowledged) {
    if (job.path === '/api/consent-records') {
      assert.equal(recordCounts.get(job.body.receiptId), 1, `consent record ${job.body.receiptId}`);
      const stored = afterCrash.records.find((r) => r.receiptId === job.body.receiptId);
      assert.equal(stored.receivedAt, result.json.receivedAt);
    } else {
      assert.equal(requestCounts.get(result.json.reference), 1, `rights request ${result.json.reference}`);
    }
  }
  assert.equal(recordCounts.size, afterCrash.records.length, 'no consent record twice');
  assert.equal(requestCounts.size, afterCrash.requests.length, 'no rights request twice');
  assert.equal(afterCrash.counted, afterCrash.records.length, 'the consent-rate counts were committed with the records, no more, no less');

  // The browsers retry everything: answered ones get their first answer again.
  const replay = await sendAll(second.url, jobs);
  replay.forEach((result, i) => {
    assert.ok(!result.error && [200, 201].includes(result.status), JSON.stringify(result));
    const before = results[i];
    if (before && !before.error) {
      if (jobs[i].path === '/api/consent-records') {
        assert.equal(result.status, 200);
        assert.equal(result.json.receivedAt, before.json.receivedAt);
      } else {
        assert.equal(result.json.reference, before.json.reference);
      }
    }
  });
  const final = await readEverything(second.url, adminToken);
  assert.equal(final.records.length, TOTAL * 0.9);
  assert.equal(final.requests.length, TOTAL * 0.1);
  assert.equal(countBy(final.records, 'receiptId').size, TOTAL * 0.9);
  assert.equal(final.counted, TOTAL * 0.9, 'every record counted once, although most were sent twice');
});
